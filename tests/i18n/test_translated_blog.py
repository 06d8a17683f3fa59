"""Issue 14: the test blog in German and Arabic: no English interface text left,
dates and times in the language, the right <html lang dir>, plural forms, and
the script's messages in the page."""

import copy
import json
import re
from datetime import datetime

import pytest
from babel.messages.pofile import read_po

from pressless.core.language import catalog_file, local_date, read_catalog
from tests.fixtures.blog import POSTS, ROOT
from tests.i18n.conftest import POST_WITH_COMMENTS

CATALOGS = ROOT / "theme" / "translations"
# Inline elements: an element holding only these is one run of interface text.
INLINE = {"a", "span", "small", "b", "strong", "em", "time", "label", "abbr", "code", "button", "bdi"}
SHOWN_ATTRIBUTES = ("aria-label", "title", "value", "placeholder", "alt")
PAGES = [POST_WITH_COMMENTS, "/", "/2026/04/", "/archives/", "/404.html", "/search/"]


def message_pattern(english):
    """A regex matching the message as shown: tags dropped, %(name)s standing for anything."""
    plain = " ".join(re.sub(r"<[^>]+>", "", english).split())
    parts = [re.escape(part) for part in re.split(r"%\(\w+\)s", plain)]
    return re.compile(r".+?".join(parts))


def translated_differently(lang):
    """English texts of the messages whose translation reads otherwise (both plural forms)."""
    catalog = read_catalog(catalog_file(CATALOGS, lang), lang)
    english = []
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        english += [text for text in ids if text.strip(" ,") and text not in strings]
    return english


def post_titles():
    """The test blog's post titles: the author's words, wherever the interface quotes them."""
    titles = []
    for source in POSTS.glob("*.md"):
        match = re.search(r"^Title: (.+)$", source.read_text(encoding="utf-8"), re.MULTILINE)
        titles.append(match[1].strip())
    return sorted(titles, key=len, reverse=True)


TITLES = post_titles()


def without_titles(text):
    for title in TITLES:
        text = text.replace(title, "§")
    return text


def shown_texts(soup):
    """Every run of text and every attribute a reader (or a screen reader) gets.

    The author's words (post body, comments) are left out: they are content,
    in whatever language the author wrote them.
    """
    soup = copy.copy(soup)  # the site's parsed pages are shared between tests
    for authored in soup.select(".entry-content, .comment-content, .entry-title, .post-title, "
                                ".entry-summary > :not(.more-link-wrap), .site-title, .site-description, "
                                ".comment-author .fn, script, style"):
        authored.decompose()
    texts = set()
    for element in soup.find_all(True):
        if all(child.name in INLINE for child in element.find_all(True)):
            texts.add(" ".join(element.get_text(" ").split()))
        texts.update(" ".join(text.split()) for text in element.find_all(string=True, recursive=False))
        for name in SHOWN_ATTRIBUTES:
            if isinstance(element.get(name), str):
                texts.add(" ".join(element[name].split()))
    texts.add(" ".join(soup.title.get_text().split()) if soup.title else "")
    return {without_titles(text) for text in texts if text}


@pytest.mark.parametrize("lang", ["de", "ar"])
@pytest.mark.parametrize("path", PAGES)
def test_no_english_interface_text_is_left(blog_by_language, lang, path):
    texts = shown_texts(blog_by_language[lang].soup(path))
    leftovers = {}
    for english in translated_differently(lang):
        pattern = message_pattern(english)
        found = [text for text in texts if pattern.fullmatch(text)]
        if found:
            leftovers[english] = found
    assert not leftovers, leftovers


def test_the_check_finds_english_on_an_english_page(site):
    """The same check on the English blog finds the interface: it can fail."""
    texts = shown_texts(site.soup(POST_WITH_COMMENTS))
    found = {english for english in translated_differently("de")
             if any(message_pattern(english).fullmatch(text) for text in texts)}
    for expected in ("Leave a Reply", "Posted on", "Share this:", "Reply", "Skip to content", "says:",
                     "Reply to %(name)s", "%(date)s at %(time)s"):
        assert expected in found


@pytest.mark.parametrize(("lang", "direction"), [("de", "ltr"), ("ar", "rtl")])
def test_html_lang_and_dir_on_every_page(blog_by_language, lang, direction):
    site = blog_by_language[lang]
    for file in site.html_files():
        html = site.soup(site.url_of(file)).html
        assert (html["lang"], html["dir"]) == (lang, direction), file


def test_dates_and_times_in_german(blog_de):
    soup = blog_de.soup(POST_WITH_COMMENTS)
    assert soup.select_one("time.entry-date").get_text() == "5. April 2026"
    first_comment = soup.select_one(".comment-metadata time").get_text()
    assert first_comment == "5. April 2026 um 19:02"
    assert soup.select_one(".widget-archives li a").get_text() == "Januar 2027"


def test_dates_and_times_in_arabic(blog_ar):
    soup = blog_ar.soup(POST_WITH_COMMENTS)
    published = datetime(2026, 4, 5, 17, 50)
    assert soup.select_one("time.entry-date").get_text() == local_date(published, "ar") == "5 أبريل 2026"
    assert soup.select_one(".comment-metadata time").get_text() == "5 أبريل 2026 في 7:02 م"


def test_comment_count_in_each_languages_plural(blog_de, blog_ar):
    assert blog_de.soup(POST_WITH_COMMENTS).select_one(".comments-title").get_text(" ", strip=True) == (
        "8 Gedanken zu „ Keeping Comments on a Static Blog “")
    # Arabic: 3 to 10 take the "few" form.
    assert blog_ar.soup(POST_WITH_COMMENTS).select_one(".comments-title").get_text(" ", strip=True) == (
        "8 آراء حول « Keeping Comments on a Static Blog »")


@pytest.mark.parametrize(
    ("count", "expected"),
    [(0, "لا تعليقات"), (1, "تعليق واحد"), (2, "تعليقان"), (3, "3 تعليقات"), (10, "10 تعليقات"),
     (11, "11 تعليقًا"), (99, "99 تعليقًا"), (100, "100 تعليق"), (102, "102 تعليق"), (103, "103 تعليقات")],
)
def test_arabic_has_six_plural_forms(count, expected):
    from pressless.core.language import translations_from

    catalog = read_catalog(catalog_file(CATALOGS, "ar"), "ar")
    assert catalog.num_plurals == 6
    text = translations_from(catalog).ngettext("%(num)s Comment", "%(num)s Comments", count)
    assert text % {"num": count} == expected


def test_share_row_and_comment_form_are_translated(blog_de):
    soup = blog_de.soup(POST_WITH_COMMENTS)
    assert soup.select_one(".share-buttons-title").get_text() == "Teilen mit:"
    names = [link["aria-label"] for link in soup.select(".share-button")]
    assert "Auf Facebook teilen, öffnet in einem neuen Fenster" in names
    assert "Link kopieren: Adresse dieses Beitrags" in names
    assert soup.select_one("#reply-title").get_text(" ", strip=True).startswith("Schreibe einen Kommentar")
    assert soup.select_one(".comment-reply-link")["aria-label"] == "Auf Priya Raman antworten"


def test_comment_feeds_are_titled_in_the_language(blog_de):
    soup = blog_de.soup(POST_WITH_COMMENTS)
    link = soup.select_one('link[rel=alternate][title*="Kommentare zu „Keeping Comments"]')
    assert link is not None
    feed = blog_de.text(POST_WITH_COMMENTS + link["href"].rsplit("/", 2)[-2] + "/atom.xml")
    assert "<title>Kommentare zu: Keeping Comments on a Static Blog</title>" in feed


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_script_messages_are_in_the_page(blog_by_language, lang):
    soup = blog_by_language[lang].soup(POST_WITH_COMMENTS)
    data = soup.select_one('script#site-messages[type="application/json"]')
    assert data is not None
    messages = json.loads(data.string)
    catalog = read_catalog(catalog_file(CATALOGS, lang), lang)
    assert messages["Please write a comment."] == catalog.get("Please write a comment.").string
    results = messages["%(num)s results for “%(query)s”."]
    assert len(results) == 21 and "%(query)s" in results[5]


def test_an_english_page_carries_no_script_catalog(site):
    assert site.soup(POST_WITH_COMMENTS).select_one("#site-messages") is None


def test_pot_lists_the_plural_with_both_english_forms():
    with open(CATALOGS / "messages.pot", "rb") as handle:
        template = read_po(handle)
    assert template.get("One thought on “<span>%(title)s</span>”").id[1] == (
        "%(count)s thoughts on “<span>%(title)s</span>”")
