"""A site's settings file read as Pelican reads it, once the values Pelican itself trips over are checked.

Pelican turns the file into settings (pelican.settings.read_settings)
before any plugin runs, and on the way lower-cases DEFAULT_LANG: with
`DEFAULT_LANG = None`, or a number, it stops with an AttributeError and a
traceback, and site_settings' own check never runs. The live preview reads
the file through here, and `invoke build` asks here once Pelican has failed:
both end with one line naming the file and the setting. The file is run a
second time only when Pelican could not read it, so a good one costs
nothing more. A bare `pelican` run still stops the way Pelican does.
"""

from pelican.settings import get_settings_from_file, read_settings

from pressless.core.config import SettingsError


def settings_problem(settings_file, override=None):
    """A one-line message for a value Pelican cannot read the settings with, or None (also for a
    file that does not run at all: what Pelican said of it stands)."""
    try:
        values = {**get_settings_from_file(str(settings_file)), **(override or {})}
    except Exception:
        return None
    lang = values.get("DEFAULT_LANG", "en")
    if not isinstance(lang, str):
        return (f"{settings_file}: DEFAULT_LANG must be text, a language code such as 'en' or 'pt_BR', "
                f"not {lang!r}")
    return None


def read_site_settings(settings_file, override=None):
    """Pelican's settings from `settings_file`; SettingsError naming the file for a value it trips over."""
    try:
        return read_settings(str(settings_file), override=override)
    except Exception:
        problem = settings_problem(settings_file, override)
        if problem:
            raise SettingsError(problem) from None
        raise
