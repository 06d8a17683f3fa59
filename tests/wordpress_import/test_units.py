"""The pure pieces: shortcodes, code, slugs, old addresses, redirect files and pages."""

from types import SimpleNamespace

import pytest

from plugins.redirects import check
from plugins.redirects.pages import plan_redirect_pages
from pressless.core.config import SettingsError
from pressless.core.redirects import Redirect, redirect_file_lines, redirect_page_file
from pressless.tools.wordpress_import.body import Found, convert_body
from pressless.tools.wordpress_import.model import Channel
from pressless.tools.wordpress_import.slugs import safe_slug
from pressless.tools.wordpress_import.wxr import iter_items

from .helpers import ARCHIVES, BLOG, MINIMAL


class _Keep:
    def rewrite_url(self, url):
        return url

    def gallery(self, ids):
        return []


def _markdown(raw):
    return convert_body(raw, _Keep())[0]


def test_code_entities_are_decoded_exactly_once():
    markdown = _markdown('[code lang="html"]<b>a &lt; b &amp;&amp; c &amp;lt; d</b>[/code]')
    assert "```html\n<b>a < b && c &lt; d</b>\n```" in markdown


def test_code_with_backticks_gets_a_longer_fence():
    assert "````\nx = ```y```\n````" in _markdown("[code]x = ```y```[/code]")


def test_more_splits_off_the_teaser_and_gutenberg_comments_go():
    body, teaser = convert_body(
        "<!-- wp:paragraph --><p>Before.</p><!-- /wp:paragraph -->\n<!-- wp:more --><!--more-->"
        "<!-- /wp:more -->\n<p>After.</p>", _Keep()
    )
    assert body == "Before.\n\nAfter.\n" and teaser == "Before.\n"


def test_unknown_shortcodes_are_listed_escaped_ones_are_not():
    found = Found()
    body, _ = convert_body("[poll id=3] and [[gallery]] and [tabs][tab]x[/tab][/tabs]", _Keep(), found)
    assert found.unknown_shortcodes == {"poll", "tabs"}
    assert "[gallery]" in body and "[poll id=3]" in body


def test_a_line_that_looks_like_markdown_stays_text():
    assert _markdown("#hashtag\n\n1984. A year.") == "\\#hashtag\n\n1984\\. A year.\n"


@pytest.mark.parametrize(
    ("post_name", "title", "expected"),
    [
        ("hello-world", "x", "hello-world"),
        ("caf%c3%a9-%e2%80%a6", "x", "cafe"),
        ("%e2%80%a6", "Ellipsis… again", "ellipsis-again"),
        ("%d0%bf%d1%80%d0%b8%d0%b2%d0%b5%d1%82", "x", "privet"),
        ("", "", "post-9"),
    ],
)
def test_slugs_are_decoded_and_url_safe(post_name, title, expected):
    assert safe_slug(post_name, title, "post-9") == expected


def test_every_wxr_version_is_read():
    versions = {}
    for export in (BLOG, ARCHIVES, MINIMAL):
        channel = Channel()
        posts = [item for item in iter_items(export, channel) if item.post_type == "post"]
        versions[channel.wxr_version] = len(posts)
    assert versions == {"1.2": 7, "1.1": 2, "1.0": 1}


def test_redirect_files_and_pages():
    assert redirect_page_file("/archives/12") == "archives/12/index.html"
    assert redirect_page_file("/old/page.html") == "old/page.html"
    assert redirect_page_file("/caf%C3%A9/") == "café/index.html"
    assert redirect_page_file("/../etc/") is None and redirect_page_file("/?p=1") is None
    lines = redirect_file_lines(
        [Redirect("/?p=101", "2020/05/02/tour/", "a.md"), Redirect("/archives/12", "x/", "b.md")], "/blog"
    )
    assert lines == ["/blog/ p=101 /blog/2020/05/02/tour/ 301", "/blog/archives/12 /blog/x/ 301"]


def _entry(source, url, redirect_from, save_as=None):
    return SimpleNamespace(source_path=source, url=url, save_as=save_as or f"{url}index.html",
                           metadata={"redirect_from": redirect_from})


def test_redirect_pages_never_replace_a_page():
    entries = [
        _entry("a.md", "2020/01/01/a/", "/old-a/, /?p=1, /about/, ../up"),
        _entry("b.md", "about/", "/old-a/"),
    ]
    pages, problems = plan_redirect_pages(entries, taken={"about/index.html"})
    assert [(page.file, page.entry.source_path) for page in pages] == [("old-a/index.html", "a.md")]
    assert len(problems) == 3
    assert any("'/about/' is a page of this site" in problem for problem in problems)
    assert any("also claimed by a.md" in problem for problem in problems)


def test_redirects_settings_are_checked():
    pelican = SimpleNamespace(settings={"REDIRECTS_PAGES": "yes"})
    with pytest.raises(SettingsError, match="redirects: REDIRECTS_PAGES must be True or False, not 'yes'"):
        check(pelican)
