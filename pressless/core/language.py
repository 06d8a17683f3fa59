"""The reader's language: its writing direction, its dates, and the theme's translated messages.

Dates and times go through Babel (CLDR data: "14. März 2026", "14 mars
2026", "١٤ مارس ٢٠٢٦"), not strftime with the machine's locale. Catalogs are
the theme's gettext `.po` files, compiled in memory when a build starts, so
no compiled `.mo` file has to be kept in step with its source.
"""

import gettext
import io
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_time
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

DOMAIN = "messages"


def parse_locale(lang):
    """Babel's Locale for a language tag ('de', 'pt_BR', 'pt-BR'); None when unknown."""
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


def local_date(moment, lang, pattern="long"):
    """A date as the language writes it ('long': March 14, 2026 / 14. März 2026)."""
    return format_date(moment, pattern, locale=parse_locale(lang) or "en")


def local_time(moment, lang, pattern="short"):
    """A time as the language writes it ('short': 9:05 AM / 09:05)."""
    return format_time(moment, pattern, locale=parse_locale(lang) or "en")


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
