"""Issue 13, point 2 (and issue 15, defect 9): HTML in a comment, as WordPress treats it.

Names lose their tags; bodies lose disallowed tags but keep their text; a
link whose address was refused is plain text, not a dead <a>; no attribute
holding an address keeps a scheme other than http, https or mailto, in the
page and in both comment feeds.
"""

import pytest
from bs4 import BeautifulSoup
from lxml import etree

from plugins.comments.sanitize import plain_name, render_comment_body
from tests.conftest import serve_folder

from .helpers import build_fixture_site, comment_text, post_text

ATOM = "{http://www.w3.org/2005/Atom}"
POST = "tags"
POST_URL = "/2026/01/10/tags/"
BODY = (
    "A <blink>blinking</blink> word, a <font color=red>red</font> one, "
    '<a href="javascript:alert(1)">a refused link</a>, '
    '<a href="https://ok.example/">a good link</a>, '
    '<q cite="javascript:alert(2)">a script quote</q>, <q cite="data:text/html,x">a data quote</q>, '
    '<q cite="https://source.example/">a sourced quote</q> and [md link](vbscript:msgbox(3)).'
)
COMMENTS = {
    f"{POST}/1": comment_text("Ola <b>Nordmann</b>", "2026-01-11 10:00", BODY),
    f"{POST}/2": comment_text("<i>Eve</i> <script>alert(4)</script>Smith", "2026-01-11 11:00", "Hello."),
}


@pytest.mark.parametrize(("raw", "shown"), [
    ("Ola <b>Nordmann</b>", "Ola Nordmann"),
    ("<script>alert(1)</script>Eve", "Eve"),
    ("Tom &amp; Jerry", "Tom & Jerry"),
    ("a < b", "a < b"),
    ("  <em>Spaced</em>\tout ", "Spaced out"),
])
def test_names_are_plain_text_without_tags(raw, shown):
    assert plain_name(raw) == shown


def test_bodies_keep_the_text_of_dropped_tags_and_links_without_address_become_text():
    html = str(render_comment_body(BODY))
    fragment = BeautifulSoup(html, "lxml")
    text = " ".join(fragment.get_text().split())
    for words in ("blinking word", "red one", "a refused link", "a script quote", "a data quote", "md link"):
        assert words in text
    assert "<blink" not in html and "&lt;" not in html
    assert [a.get_text() for a in fragment.find_all("a")] == ["a good link"]
    assert all(a.get("href") for a in fragment.find_all("a"))
    assert [q.get("cite") for q in fragment.find_all("q")] == [None, None, "https://source.example/"]


@pytest.mark.parametrize("cite", [
    "javascript:alert(1)", " JavaScript:alert(1)", "java\tscript:alert(1)", "data:text/html,x",
    "vbscript:msgbox(1)", "&#106;avascript:alert(1)", "file:///etc/passwd",
])
def test_no_url_attribute_keeps_another_scheme(cite):
    markups = (f'<q cite="{cite}">q</q>', f'<a href="{cite}">a</a>',
               f'<blockquote cite="{cite}">b</blockquote>')
    for markup in markups:
        fragment = BeautifulSoup(str(render_comment_body(markup)), "lxml")
        assert not fragment.select("[cite], [href]"), (markup, fragment)


@pytest.fixture(scope="module")
def tags_site(tmp_path_factory):
    site, _ = build_fixture_site(tmp_path_factory.mktemp("tags"), {POST: post_text(POST, "Tags")}, COMMENTS)
    return site


def _assert_clean(fragment, where):
    for tag in fragment.find_all(["a", "q", "blockquote", "del", "ins"]):
        for attribute in ("href", "cite"):
            value = tag.get(attribute)
            if value is not None:
                assert value.startswith(("http://", "https://", "mailto:")), (where, tag)
    assert all(a.get("href") for a in fragment.find_all("a")), where


def test_page_and_both_feeds_hold_clean_names_and_addresses(tags_site):
    soup = tags_site.soup(POST_URL)
    for content in soup.select("#comments .comment-content"):
        _assert_clean(content, "page")
    assert [b.get_text() for b in soup.select("#comments .fn")] == ["Ola Nordmann", "Eve Smith"]
    assert [t.get_text() for t in soup.select("#comments .avatar text")] == ["ON", "ES"]
    assert soup.select_one("#comments .reply a")["data-reply-author"] == "Ola Nordmann"
    assert "Ola Nordmann" in tags_site.soup("/").select_one(".widget-recent-comments").get_text()
    for path in ("/comments/feed/atom.xml", POST_URL + "feed/atom.xml"):
        feed = etree.fromstring(tags_site.path(path).read_bytes())
        for content in feed.iter(f"{ATOM}content"):
            _assert_clean(BeautifulSoup(content.text or "", "lxml"), path)
        names = [name.text for name in feed.iter(f"{ATOM}name")]
        assert "Ola Nordmann" in names and not any("<" in name for name in names), names


@pytest.mark.browser
def test_chromium_shows_the_name_and_no_dead_link(page, tags_site):
    with serve_folder(tags_site.root) as url:
        page.goto(url + POST_URL)
        comment = page.locator("#comment-1")
        assert comment.locator(".fn").inner_text() == "Ola Nordmann"
        assert comment.get_by_role("link", name="a refused link").count() == 0
        assert "a refused link" in comment.locator(".comment-content").inner_text()
        assert comment.get_by_role("link", name="a good link").count() == 1
