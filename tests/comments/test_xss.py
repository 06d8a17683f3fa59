"""Hostile comments: payloads in bodies, names and URLs build into inert pages.

Every payload calls alert() (or would navigate to script) if it ever runs.
The built pages are parsed for anything executable, then Chromium opens
them, presses every Reply link, and must see no dialog and no script
element other than the site's own files.
"""

import re
from urllib.parse import urljoin

import feedparser
import pytest
from bs4 import BeautifulSoup
from lxml import etree

from plugins.comments.sanitize import render_comment_body, safe_author_url
from tests.conftest import serve_folder

from .helpers import build_fixture_site, comment_text, post_text

BODY_PAYLOADS = [
    "<script>alert('b1')</script>",
    "<img src=x onerror=alert('b2')>",
    "<svg onload=alert('b3')>",
    "<svg><script>alert('b4')</script></svg>",
    "[click me](javascript:alert('b5'))",
    "<a href=\"javascript:alert('b6')\">link</a>",
    "<a href=\"&#106;avascript:alert('b7')\">entity link</a>",
    "<a href=\"jav&#x09;ascript:alert('b8')\">tab link</a>",
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgnYjknKTwvc2NyaXB0Pg==">data link</a>',
    "<iframe src=\"javascript:alert('b10')\"></iframe>",
    "<iframe srcdoc=\"<script>alert('b11')</script>\"></iframe>",
    "<body onload=alert('b12')>",
    "<div style=\"background:url(javascript:alert('b13'))\">styled</div>",
    "<p style=\"width: expression(alert('b14'))\">old IE</p>",
    "<style>@import 'javascript:alert(\"b15\")'; body{display:none}</style>",
    "<form action=\"javascript:alert('b16')\"><button>go</button></form>",
    "<input autofocus onfocus=alert('b17')>",
    "<details open ontoggle=alert('b18')><summary>x</summary></details>",
    "<object data=\"javascript:alert('b19')\"></object>",
    "<embed src=\"javascript:alert('b20')\">",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert('b21')>",
    '<a href="#" onclick="alert(\'b22\')">click</a>',
    "<marquee onstart=alert('b23')>moving</marquee>",
    '<meta http-equiv="refresh" content="0;url=javascript:alert(\'b24\')">',
    "<base href=\"javascript:alert('b25')//\">",
    "<link rel=stylesheet href=\"javascript:alert('b26')\">",
    "\"><script>alert('b27')</script>",
    "<scr<script>ipt>alert('b28')</script>",
    "<!--<img src=\"--><img src=x onerror=alert('b29')//\">",
    "![pic](javascript:alert('b30'))",
    "[data](data:text/html,<script>alert('b31')</script>)",
    "<video><source onerror=alert('b32')></video>",
    "<noscript><p title=\"</noscript><img src=x onerror=alert('b33')>\">",
    "<a href=\"  JaVaScRiPt:alert('b34')\">mixed case</a>",
    '<svg><a xlink:href="javascript:alert(\'b35\')"><text y="20">svg link</text></a></svg>',
    "<template><script>alert('b36')</script></template>",
    "<textarea><script>alert('b37')</script></textarea>",
    "[ref][evil]\n\n[evil]: javascript:alert('b38')",
    "<a href=\"vbscript:msgbox('b39')\">vb</a>",
    '<img src="https://tracker.example/pixel.gif" alt="b40">',
    # <q cite> holds an address too (issue 15, defect 9).
    "<q cite=\"javascript:alert('b41')\">quoted</q>",
    "<q cite=\"data:text/html,<script>alert('b42')</script>\">quoted</q>",
    "<q cite=\"&#106;ava&#x09;script:alert('b43')\">quoted</q>",
]
# Names are plain text: tags are stripped (script and svg with what they hold), as WordPress does.
AUTHOR_PAYLOADS = [
    "<script>alert('a1')</script>",
    "\"><img src=x onerror=alert('a2')>",
    "' onmouseover='alert(`a3`)",
    "</b><svg onload=alert('a4')>",
    "{{ 7*7 }} Template Probe",
    "<a href=javascript:alert('a6')>Name</a>",
]
SHOWN_NAMES = [
    "Anonymous", '">', "' onmouseover='alert(`a3`)", "Anonymous", "{{ 7*7 }} Template Probe", "Name",
]
URL_PAYLOADS = [
    "javascript:alert('u1')",
    "JAVASCRIPT:alert('u2')",
    "data:text/html,<script>alert('u3')</script>",
    "vbscript:msgbox('u4')",
    "https://ok.example/\"onmouseover=\"alert('u5')",
    "//evil.example/u6",
    "java\tscript:alert('u7')",
]
POST = "hostile"
ATOM = "{http://www.w3.org/2005/Atom}"
POST_URL = "/2026/01/10/hostile/"
SITE_SCRIPT = re.compile(r"^(\./|(\.\./)*)theme/js/[a-z0-9-]+\.js$")
# Structured data the site writes itself (seo plugin); browsers never run it.
DATA_SCRIPT_TYPES = {"application/ld+json"}
PAYLOAD_MARKERS = ("alert(", "msgbox(")


def is_site_script(src, text, script_type, base=""):
    if script_type in DATA_SCRIPT_TYPES:
        return not any(marker in text for marker in PAYLOAD_MARKERS)
    src = (src or "").removeprefix(base).lstrip("/")
    return not text.strip() and bool(SITE_SCRIPT.match(src))


def hostile_comments():
    comments = {}
    for number, payload in enumerate(BODY_PAYLOADS, start=1):
        comments[f"{POST}/b{number}"] = comment_text(
            f"Body Tester {number}", f"2026-01-11 10:{number:02d}", payload
        )
    for number, payload in enumerate(AUTHOR_PAYLOADS, start=1):
        comments[f"{POST}/a{number}"] = comment_text(
            payload, f"2026-01-12 10:{number:02d}", f"Name test {number}.", url="https://ok.example/"
        )
    for number, payload in enumerate(URL_PAYLOADS, start=1):
        comments[f"{POST}/u{number}"] = comment_text(
            f"URL Tester {number}",
            f"2026-01-13 10:{number:02d}",
            f"URL test {number}.",
            url=payload,
            reply_to="b1",
        )
    return comments


def test_corpus_is_big_enough():
    assert len(BODY_PAYLOADS) + len(AUTHOR_PAYLOADS) + len(URL_PAYLOADS) >= 30


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    site, _ = build_fixture_site(
        tmp_path_factory.mktemp("xss"),
        {POST: post_text(POST, "Hostile Comments")},
        hostile_comments(),
        extra_settings=["COMMENTS_RECENT_COUNT=50"],
    )
    return site


@pytest.mark.parametrize("payload", BODY_PAYLOADS)
def test_sanitizer_leaves_nothing_executable(payload):
    html = str(render_comment_body(payload)).lower()
    for marker in (
        "<script",
        "<style",
        "<iframe",
        "<svg",
        "<img",
        "<form",
        "<object",
        "<embed",
        "<meta",
        "<base",
        "<link",
        "javascript:",
        "vbscript:",
        "data:",
    ):
        assert marker not in html, html
    assert not re.search(r"<[^>]+\son[a-z]+\s*=", html), html


@pytest.mark.parametrize("url", URL_PAYLOADS)
def test_only_plain_web_addresses_are_linked(url):
    assert safe_author_url(url) in ("", "https://ok.example/\"onmouseover=\"alert('u5')")


def test_links_in_comments_are_marked_user_generated():
    html = str(render_comment_body("See [my site](https://ok.example/) and <a href='/x'>y</a>"))
    assert html.count('rel="nofollow ugc"') == 2


def _pages(site):
    return [POST_URL, "/", "/archives/"]


def test_built_pages_hold_no_executable_markup(hostile_site):
    for url in _pages(hostile_site):
        soup = hostile_site.soup(url)
        for script in soup.find_all("script"):
            assert is_site_script(script.get("src"), script.get_text(), script.get("type")), script
        for tag in soup.find_all(True):
            for name, value in tag.attrs.items():
                assert not name.lower().startswith("on"), (url, tag)
                text = " ".join(value) if isinstance(value, list) else value
                squashed = re.sub(r"[\s\x00-\x1f]", "", text).lower()
                if name in ("href", "src", "action", "formaction", "xlink:href", "data", "cite"):
                    assert not squashed.startswith(("javascript:", "vbscript:", "data:")), tag
        for bad in ("iframe", "object", "embed", "style", "base", "form[action^=javascript]"):
            assert not soup.select(f"#comments {bad}, .widget-recent-comments {bad}"), bad


def test_every_hostile_comment_is_still_shown_as_text(hostile_site):
    soup = hostile_site.soup(POST_URL)
    expected = len(BODY_PAYLOADS) + len(AUTHOR_PAYLOADS) + len(URL_PAYLOADS)
    assert len(soup.select("#comments article.comment-body")) == expected
    names = [tag.get_text() for tag in soup.select("#comments article[id^=comment-a] .fn")]
    assert names == SHOWN_NAMES  # tags stripped, the rest escaped and printed, never interpreted
    assert "{{ 7*7 }} Template Probe" in names and "49 Template Probe" not in names
    for number in range(1, len(URL_PAYLOADS) + 1):
        link = soup.select_one(f"#comment-u{number} .fn a")
        assert link is None or link["href"].startswith("https://ok.example/")


def test_hostile_feeds_stay_well_formed(hostile_site):
    for path in ("/comments/feed/atom.xml", POST_URL + "feed/atom.xml"):
        raw = hostile_site.path(path).read_bytes()
        feed = feedparser.parse(raw)
        assert not feed.bozo, feed.bozo_exception
        assert len(feed.entries) >= 30
        # feedparser sanitizes on its own, so read the HTML we wrote directly.
        for content in etree.fromstring(raw).iter(f"{ATOM}content"):
            fragment = BeautifulSoup(content.text or "", "lxml")
            assert not fragment.find_all(["script", "style", "iframe", "img", "svg"])
            for tag in fragment.find_all(True):
                assert not any(name.startswith("on") for name in tag.attrs), tag
                for attribute in ("href", "cite"):
                    assert not tag.get(attribute, "").lower().startswith(("javascript:", "data:")), tag


@pytest.fixture(scope="module")
def hostile_url(hostile_site):
    with serve_folder(hostile_site.root) as url:
        yield url


@pytest.mark.browser
def test_chromium_runs_no_injected_script(page, hostile_url):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for url in _pages(None):
        page.goto(urljoin(hostile_url, url))
        page.wait_for_load_state("load")
        scripts = page.eval_on_selector_all(
            "script", "nodes => nodes.map(n => [n.src, n.textContent, n.type])"
        )
        for src, text, script_type in scripts:
            assert is_site_script(src, text, script_type, base=hostile_url), (src, text)
        handlers = page.evaluate(
            "() => [...document.querySelectorAll('*')].flatMap(el => [...el.attributes]"
            ".filter(a => a.name.startsWith('on')).map(a => el.tagName + ' ' + a.name))"
        )
        assert handlers == []
    page.goto(urljoin(hostile_url, POST_URL))
    # Replying to each hostile name puts it into the form's heading.
    for link in page.locator("#comments article[id^=comment-a] .comment-reply-link").all():
        link.click()
    for name in page.locator("#comments article[id^=comment-a] .fn a").all():
        name.hover()
    page.wait_for_timeout(300)
    assert dialogs == []
    assert page.url.startswith(hostile_url)
