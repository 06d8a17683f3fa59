"""The site's language: writing direction, dates through Babel, the theme's catalog."""

from datetime import datetime

import pytest

from pressless.core.language import local_date, text_direction
from tests.site_model.helpers import assert_one_line_error, post, run_build

MARCH = datetime(2026, 3, 14, 9, 5)


@pytest.mark.parametrize(("lang", "direction"), [("ar", "rtl"), ("he", "rtl"), ("fa", "rtl"), ("de", "ltr"),
                                                  ("en", "ltr"), ("pt_BR", "ltr")])
def test_writing_direction(lang, direction):
    assert text_direction(lang) == direction


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("en", "March 14, 2026"), ("de", "14. März 2026"), ("fr", "14 mars 2026"),
     ("es", "14 de marzo de 2026")],
)
def test_dates_as_the_language_writes_them(lang, expected):
    assert local_date(MARCH, lang) == expected


@pytest.mark.parametrize(
    ("lang", "html_lang", "direction", "date"),
    [("de", "de", "ltr", "14. März 2026"), ("ar", "ar", "rtl", "14 مارس 2026"),
     ("pt_BR", "pt-BR", "ltr", "14 de março de 2026")],
)
def test_a_site_in_another_language(tmp_path, lang, html_lang, direction, date):
    code, log, site = run_build(tmp_path, {"posts/a.md": post("Ein Beitrag", date="2026-03-14 09:05")},
                                settings=[f'DEFAULT_LANG="{lang}"'])
    assert code == 0, log
    for path in ("/", "/2026/03/14/ein-beitrag/"):
        html = site.soup(path).html
        assert (html["lang"], html["dir"]) == (html_lang, direction)
    assert site.soup("/2026/03/14/ein-beitrag/").select_one("time.entry-date").get_text() == date


def test_a_translation_keeps_its_own_language_inside_the_page(tmp_path):
    files = {
        "posts/a.md": post("A Post", Slug="a-post"),
        "posts/a-ar.md": post("مقالة", Slug="a-post", Lang="ar"),
    }
    code, log, site = run_build(tmp_path, files)
    assert code == 0, log
    soup = site.soup("/ar/2026/01/10/a-post/")
    assert (soup.html["lang"], soup.html["dir"]) == ("en", "ltr")
    article = soup.select_one("article.entry")
    assert (article["lang"], article["dir"]) == ("ar", "rtl")


def test_a_date_format_of_ones_own_still_wins(tmp_path):
    code, log, site = run_build(tmp_path, {"posts/a.md": post("A", date="2026-03-14 09:05")},
                                settings=['DEFAULT_LANG="de"', 'DEFAULT_DATE_FORMAT="%d/%m/%Y"'])
    assert code == 0, log
    assert site.soup("/2026/03/14/a/").select_one("time.entry-date").get_text() == "14/03/2026"


def test_an_unknown_language_stops_the_build(tmp_path):
    code, log, _ = run_build(tmp_path, {"posts/a.md": post("A")}, settings=['DEFAULT_LANG="xx-nowhere"'])
    assert_one_line_error(code, log, "i18n: DEFAULT_LANG 'xx-nowhere' is not a language Babel knows")
