"""Issue 14: every shipped catalog translates every message of the theme, the
template is in step with the templates, and a missing string falls back to English."""

import shutil

import pytest
from babel.messages.pofile import read_po, write_po

from pressless.core.language import catalog_file, read_catalog, untranslated
from pressless.tools.catalogs import catalog_languages, extract_messages
from tests.fixtures.blog import ROOT
from tests.i18n.conftest import build_in

CATALOGS = ROOT / "theme" / "translations"
SOURCES = [ROOT / "theme" / "templates", ROOT / "plugins" / "comments" / "__init__.py"]


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """The messages as the templates hold them now, extracted afresh."""
    path = extract_messages(ROOT / "babel.cfg", SOURCES, tmp_path_factory.mktemp("pot"))
    with open(path, "rb") as handle:
        return read_po(handle)


def message_ids(catalog):
    return [message.id for message in catalog if message.id]


def test_the_shipped_languages():
    assert {"de", "fr", "es", "ar"} <= set(catalog_languages(CATALOGS))


def test_messages_pot_is_in_step_with_the_templates(extracted):
    with open(CATALOGS / "messages.pot", "rb") as handle:
        committed = read_po(handle)
    assert sorted(map(str, message_ids(committed))) == sorted(map(str, message_ids(extracted))), (
        "run `invoke i18n-extract`")


def test_the_extract_sees_the_plurals_and_the_feed_titles(extracted):
    ids = message_ids(extracted)
    assert ("%(num)s Comment", "%(num)s Comments") in ids
    assert "Comments on: %(title)s" in ids and "Comments for %(site)s" in ids
    assert "Please write a comment." in ids  # a site.js message, from script-messages.html
    assert len(ids) > 150


@pytest.mark.parametrize("lang", ["de", "fr", "es", "ar"])
def test_a_catalog_misses_no_message(extracted, lang):
    catalog = read_catalog(catalog_file(CATALOGS, lang), lang)
    assert untranslated(catalog, message_ids(extracted)) == []


@pytest.mark.parametrize("lang", ["de", "fr", "es", "ar"])
def test_translations_keep_the_placeholders(lang):
    """A translation names the same %(name)s values (else a page build fails or loses a value)."""
    import re

    catalog = read_catalog(catalog_file(CATALOGS, lang), lang)
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set(re.findall(r"%\((\w+)\)s", ids[-1])) - {"num", "count"}
        for text in strings:
            assert wanted <= set(re.findall(r"%\((\w+)\)s", text)) or (
                ids[0] != ids[-1] and set(re.findall(r"%\((\w+)\)s", text)) <= wanted | {"num", "count"}
            ), (lang, ids[0], text)


def test_the_check_fails_on_a_missing_message(extracted):
    catalog = read_catalog(catalog_file(CATALOGS, "de"), "de")
    catalog.delete("Leave a Reply")
    assert untranslated(catalog, message_ids(extracted)) == ["Leave a Reply"]


def test_a_missing_string_falls_back_to_english(tmp_path):
    folder = tmp_path / "translations"
    shutil.copytree(CATALOGS, folder, ignore=shutil.ignore_patterns("*.mo"))
    path = catalog_file(folder, "de")
    catalog = read_catalog(path, "de")
    catalog.delete("Leave a comment")
    with open(path, "wb") as handle:
        write_po(handle, catalog)
    (tmp_path / "site").mkdir()
    site = build_in("de", tmp_path / "site", extra=f"I18N_CATALOGS = {str(folder)!r}\n")
    soup = site.soup("/2026/01/19/cafe-in-porto-publishing-offline/")
    assert soup.select_one(".comments-link a").get_text(" ", strip=True).startswith("Leave a comment")
    assert soup.select_one(".posted-on").get_text(" ", strip=True).startswith("Veröffentlicht am")
