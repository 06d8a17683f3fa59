"""A build that found nothing changed since the last one (plugins/build_memo decides).

The plugin marks the build; whatever would write (the search index on
`finalized`) asks `nothing_changed` and does nothing. pressless/tools/build.py
names the folder readers see with LIVE_OUTPUT_SETTING (it builds into a
fresh staging folder) and, when the build leaves NOTHING_CHANGED_MARKER in
that staging folder, keeps the live site instead of swapping.
"""

from pathlib import Path

LIVE_OUTPUT_SETTING = "BUILD_MEMO_LIVE_OUTPUT"
NOTHING_CHANGED_MARKER = ".pressless-nothing-changed"
_KEY = "_PRESSLESS_NOTHING_CHANGED"


def mark_nothing_changed(settings):
    settings[_KEY] = True


def nothing_changed(settings):
    return bool(settings.get(_KEY))


def live_output(settings):
    """The folder this build's site ends up in: the live one, or where Pelican writes."""
    return Path(settings.get(LIVE_OUTPUT_SETTING) or settings["OUTPUT_PATH"]).absolute()


def left_unchanged(staging):
    """Whether a build into `staging` found the live site already up to date."""
    return (Path(staging) / NOTHING_CHANGED_MARKER).is_file()
