"""The blog in its reader's language: translated theme messages, local dates, writing direction.

At `initialized` the plugin checks `DEFAULT_LANG` against Babel's locale
data, compiles the theme's catalog for it (theme/translations/<lang>/
LC_MESSAGES/messages.po) and turns on Jinja's i18n extension; every
generator's template environment then gets the catalog (`_()`, `ngettext()`
in templates). Each post's and page's `locale_date` is written by Babel in
the site's language, unless DEFAULT_DATE_FORMAT (or DATE_FORMATS) says
otherwise (pressless.core.language.date_style, which comments use too).
"""

import logging
from dataclasses import dataclass

from pelican import signals

from pressless.core.config import SettingsError, config_of, setting, store_config, text
from pressless.core.errors import show_author_errors_without_traceback
from pressless.core.language import (
    DATE_DEFAULTS,
    DateStyle,
    catalog_file,
    date_style,
    english,
    html_lang,
    language_name,
    local_period,
    parse_locale,
    read_catalog,
    text_direction,
    translations_from,
)

from . import memo

logger = logging.getLogger(__name__)

PLUGIN = "i18n"
DEFAULTS = {
    # The theme's catalogs: <folder>/<lang>/LC_MESSAGES/messages.po; None: THEME/translations.
    "I18N_CATALOGS": None,
    # I18N_DATE_FORMAT and TIME_FORMAT: see pressless.core.language.DATE_DEFAULTS.
    **DATE_DEFAULTS,
}
I18N_EXTENSION = "jinja2.ext.i18n"


@dataclass(frozen=True)
class LanguageConfig:
    lang: str  # DEFAULT_LANG as `<html lang>` writes it
    dir: str  # "ltr" or "rtl"
    translations: object  # gettext translations for the theme's messages
    dates: DateStyle  # how dates and times read


def load_translations(folder, lang):
    """(translations, warning or None) for the site's language; English needs no catalog."""
    if str(lang).split("_")[0].split("-")[0] == "en":
        return english(), None
    path = catalog_file(folder, lang)
    if not path.is_file():
        return english(), f"{PLUGIN}: no catalog for {lang!r} ({path}); the theme is shown in English"
    return translations_from(read_catalog(path, lang)), None


def check_settings(settings):
    lang = settings.get("DEFAULT_LANG") or "en"
    if parse_locale(lang) is None:
        raise SettingsError(
            f"{PLUGIN}: DEFAULT_LANG {lang!r} is not a language Babel knows, like 'en', 'de' or 'pt_BR'"
        )
    folder = setting(settings, DEFAULTS, "I18N_CATALOGS") or f"{settings['THEME']}/translations"
    translations, warning = load_translations(folder, lang)
    text(PLUGIN, "I18N_DATE_FORMAT", setting(settings, DEFAULTS, "I18N_DATE_FORMAT"))
    text(PLUGIN, "TIME_FORMAT", setting(settings, DEFAULTS, "TIME_FORMAT"), optional=True)
    config = LanguageConfig(
        lang=html_lang(lang),
        dir=text_direction(lang),
        translations=translations,
        dates=date_style(settings),
    )
    return config, warning


def check(pelican):
    config, warning = check_settings(pelican.settings)
    if warning:
        logger.warning("%s", warning)
    store_config(pelican.settings, PLUGIN, config)
    filters = pelican.settings.setdefault("JINJA_FILTERS", {})
    filters.setdefault("text_direction", text_direction)
    filters.setdefault("html_lang", html_lang)
    filters.setdefault("language_name", language_name)
    filters.setdefault("local_period", lambda period_num: local_period(period_num, config.lang))
    environment = pelican.settings.setdefault("JINJA_ENVIRONMENT", {})
    extensions = list(environment.get("extensions", []))
    if I18N_EXTENSION not in extensions:
        environment["extensions"] = [*extensions, I18N_EXTENSION]


def install_catalog(generator):
    config = config_of(generator.settings, PLUGIN)
    generator.env.install_gettext_translations(config.translations, newstyle=True)
    # The same functions, each message looked up once per build (memo.py).
    memo.install(generator.env, config.translations)


def write_local_dates(content):
    # DATE_FORMATS (a format per language) is Pelican's own way; it is left to Pelican.
    if content.settings.get("DATE_FORMATS"):
        return
    dates = config_of(content.settings, PLUGIN).dates
    if hasattr(content, "date"):
        content.locale_date = dates.date(content.date)
    if hasattr(content, "modified"):
        content.locale_modified = dates.date(content.modified)


def register():
    show_author_errors_without_traceback()
    signals.initialized.connect(check)
    signals.generator_init.connect(install_catalog)
    signals.content_object_init.connect(write_local_dates)
