"""The reader's language: its writing direction, its dates, and the theme's translated messages.

Dates and times go through Babel (CLDR data: "14. März 2026", "14 mars
2026", "١٤ مارس ٢٠٢٦"), not strftime with the machine's locale. Catalogs are
the theme's gettext `.po` files, compiled in memory when a build starts, so
no compiled `.mo` file has to be kept in step with its source.
"""

import gettext
import io
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_time
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from pelican.utils import strftime

DOMAIN = "messages"


@lru_cache(maxsize=256)
def parse_locale(lang):
    """Babel's Locale for a language tag ('de', 'pt_BR', 'pt-BR'); None when unknown.

    Kept per tag: every post's dates ask for it (5,000 parses took 0.3 s).
    """
    try:
        return Locale.parse(str(lang).replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return None


def text_direction(lang):
    """'rtl' for languages written right to left (Arabic, Hebrew, Persian, Urdu...), else 'ltr'."""
    locale = parse_locale(lang)
    return "rtl" if locale is not None and locale.character_order == "right-to-left" else "ltr"


def html_lang(lang):
    """The BCP 47 tag for `<html lang>`: 'pt_BR' and 'pt-br' -> 'pt-BR'."""
    locale = parse_locale(lang)
    return str(locale if locale is not None else lang).replace("_", "-")


def language_name(lang):
    """A language's name in that language, as a reader looks for it: 'Français', 'Deutsch', 'العربية'."""
    locale = parse_locale(lang)
    name = locale.get_display_name(locale) if locale is not None else None
    return (name[:1].upper() + name[1:]) if name else str(lang)


def local_date(moment, lang, pattern="long"):
    """A date as the language writes it ('long': March 14, 2026 / 14. März 2026)."""
    return format_date(moment, pattern, locale=parse_locale(lang) or "en")


def local_time(moment, lang, pattern="short"):
    """A time as the language writes it ('short': 9:05 AM / 09:05)."""
    return format_time(moment, pattern, locale=parse_locale(lang) or "en")


def local_period(period_num, lang):
    """An archive's period as the language names it: (2026,) "2026"; (2026, 3) "März 2026";
    (2026, 3, 14) "14. März 2026". English keeps Pelican's own "March 2026" / "14 March 2026"."""
    from datetime import date

    parts = tuple(int(part) for part in period_num)
    if len(parts) == 1:
        return str(parts[0])
    moment = date(parts[0], parts[1], parts[2] if len(parts) > 2 else 1)
    if str(lang).lower().startswith("en"):
        return moment.strftime("%B %Y") if len(parts) == 2 else f"{moment.day} {moment:%B %Y}"
    pattern = "LLLL y" if len(parts) == 2 else "long"
    return format_date(moment, pattern, locale=parse_locale(lang) or "en")


def strftime_with_ampm(moment, date_format):
    """Pelican's strftime (`%-d` works everywhere), plus `%P`: WordPress's lowercase "am"/"pm"."""
    return strftime(moment, date_format.replace("%P", "am" if moment.hour < 12 else "pm"))


# Dates and times on the site. Pelican's own DEFAULT_DATE_FORMAT default means
# "not chosen": Babel writes the date in the site's language then.
DATE_DEFAULTS = {
    # Babel's pattern for dates: "short", "medium", "long", "full" or a CLDR pattern.
    "I18N_DATE_FORMAT": "long",
    # How a time is printed (strftime, plus %P for a lowercase am/pm); None: WordPress's
    # "12:01 pm" in English, the language's own short time ("12:01" in German) otherwise.
    "TIME_FORMAT": None,
}
ENGLISH_TIME = "%-I:%M %P"
PELICAN_DEFAULT_DATE_FORMAT = "%a %d %B %Y"


@dataclass(frozen=True)
class DateStyle:
    """How dates and times read on the site: the author's strftime formats, or the language's own."""

    lang: str
    date_pattern: str  # Babel's, used when strftime_date is None
    strftime_date: str | None  # DEFAULT_DATE_FORMAT, when the author set one
    strftime_time: str | None  # TIME_FORMAT (or WordPress's English default); None: Babel's short time

    def date(self, moment):
        if self.strftime_date:
            return strftime_with_ampm(moment, self.strftime_date)
        return local_date(moment, self.lang, self.date_pattern)

    def time(self, moment):
        if self.strftime_time:
            return strftime_with_ampm(moment, self.strftime_time)
        return local_time(moment, self.lang)


def date_style(settings):
    """The site's DateStyle from its settings (DEFAULT_LANG, DEFAULT_DATE_FORMAT, TIME_FORMAT...)."""
    lang = settings.get("DEFAULT_LANG") or "en"
    chosen = settings.get("DEFAULT_DATE_FORMAT")
    strftime_date = chosen if chosen and chosen != PELICAN_DEFAULT_DATE_FORMAT else None
    time_format = settings.get("TIME_FORMAT", DATE_DEFAULTS["TIME_FORMAT"])
    if time_format is None and str(lang).lower().startswith("en"):
        time_format = ENGLISH_TIME
    return DateStyle(
        lang=html_lang(lang),
        date_pattern=settings.get("I18N_DATE_FORMAT", DATE_DEFAULTS["I18N_DATE_FORMAT"]),
        strftime_date=strftime_date,
        strftime_time=time_format,
    )


def catalog_file(folder, lang):
    """Where the theme's catalog for `lang` lives: FOLDER/<lang>/LC_MESSAGES/messages.po."""
    return Path(folder) / str(lang).replace("-", "_") / "LC_MESSAGES" / f"{DOMAIN}.po"


def read_catalog(path, lang):
    """The Babel Catalog of a .po file."""
    with open(path, "rb") as source:
        return read_po(source, locale=str(lang).replace("-", "_"), domain=DOMAIN)


def translations_from(catalog):
    """GNU translations (what Jinja's i18n extension installs) compiled from a Catalog in memory."""
    compiled = io.BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def untranslated(catalog, message_ids):
    """The message ids (str, or (singular, plural)) the catalog has no translation for."""
    missing = []
    for message_id in message_ids:
        key = message_id[0] if isinstance(message_id, tuple) else message_id
        message = catalog.get(key)
        strings = message.string if message else None
        if not message or message.fuzzy or not (all(strings) if isinstance(strings, tuple) else strings):
            missing.append(message_id)
    return missing


def english():
    """The messages as written in the templates: English, with English plural rules."""
    return gettext.NullTranslations()
