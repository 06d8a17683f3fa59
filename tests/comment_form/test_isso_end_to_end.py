"""A reader comments through a real isso server; `invoke comments-pull` makes it static.

The site is built with COMMENTS_BACKEND "isso" from a copy of the content and
served on 127.0.0.1 under a strict Content-Security-Policy whose only extra is
connect-src to isso. Nothing is written into the repository's content/.
"""

import functools
import http.server
import subprocess
import sys
import threading

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from tests.fixtures.blog import PREVIEW_SETTINGS

from .helpers import (
    ROOT,
    build_with,
    copy_content,
    free_port,
    isso_post,
    post_urls,
    running_isso,
)

pytestmark = pytest.mark.browser

RECORD_CSP_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.cspViolations.push(event.effectiveDirective + " " + event.blockedURI);
});
"""


class _StrictHandler(http.server.SimpleHTTPRequestHandler):
    policy = "default-src 'none'"

    def end_headers(self):
        self.send_header("Content-Security-Policy", self.policy)
        super().end_headers()

    def log_message(self, *args):
        pass


def strict_policy(*isso_urls):
    return (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "font-src 'self'; connect-src 'self' " + " ".join(isso_urls) + "; "
        "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    )


@pytest.fixture(scope="module")
def isso_site(tmp_path_factory, site):
    """The example site wired to two real isso servers (moderated and not)."""
    tmp = tmp_path_factory.mktemp("isso-site")
    slug, uri = next(
        (slug, uri) for slug, uri in sorted(post_urls().items())
        if site.soup(uri).find(id="respond") is not None
    )
    content = copy_content(tmp)
    served = tmp / "site"
    served.mkdir()
    handler = type("Handler", (_StrictHandler,), {})
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(served))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        with (
            running_isso(tmp / "isso", [origin]) as isso_url,
            running_isso(tmp / "isso-moderated", [origin], moderation=True) as moderated_url,
        ):
            handler.policy = strict_policy(isso_url, moderated_url)
            site_info = {
                "slug": slug, "uri": uri, "content": content, "served": served,
                "origin": origin, "isso": isso_url, "moderated": moderated_url,
            }
            yield site_info
    finally:
        server.shutdown()


def comments_pull(isso_site):
    """The real task, as an author runs it."""
    result = subprocess.run(
        [sys.executable, "-m", "invoke", "comments-pull",
         "--isso-url", isso_site["isso"],
         "--settings", str(PREVIEW_SETTINGS),
         "--content", str(isso_site["content"])],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def rebuild(isso_site):
    result = build_with(
        isso_site["content"], isso_site["served"],
        COMMENTS_BACKEND="isso", COMMENTS_ISSO_URL=isso_site["isso"],
    )
    assert result.returncode == 0, result.stdout + result.stderr
    page = isso_site["served"] / isso_site["uri"].lstrip("/") / "index.html"
    return BeautifulSoup(page.read_text(), "lxml")


def open_post(page, isso_site):
    page.add_init_script(RECORD_CSP_VIOLATIONS)
    page.goto(isso_site["origin"] + isso_site["uri"])


def fill(page, text, author):
    page.locator("#comment").fill(text)
    page.locator("#author").fill(author)
    page.locator("#email").fill(f"{author.lower()}@example.org")


def comment_with_text(soup, text):
    for article in soup.select("article.comment-body"):
        if text in article.select_one(".comment-content").get_text():
            return article
    raise AssertionError(f"no comment says {text!r}")


def test_form_to_isso_to_static_page(page, isso_site):
    isso_post(isso_site["isso"], isso_site["uri"], text="Seeded before the build",
              author="Ann", email="ann@example.org", title="A post")
    assert "1 new comment file(s)" in comments_pull(isso_site)
    rebuild(isso_site)

    open_post(page, isso_site)
    expect(page.locator("#comment-isso-1")).to_contain_text("Seeded before the build")
    fill(page, "First from the **browser**", "Bea")
    page.locator("#url").fill("https://bea.example/")
    page.locator("#submit").click()
    expect(page.locator(".comment-form-status")).to_have_text(
        "Thank you. Your comment was posted."
    )
    expect(page.locator(".comment-just-posted")).to_contain_text("First from the browser")

    page.locator(".comment-reply-link[data-reply-to='isso-1']").click()
    fill(page, "Answering Ann", "Cid")
    page.locator("#submit").click()
    expect(page.locator(".comment-form-status")).to_have_text(
        "Thank you. Your comment was posted."
    )
    # Posted under Ann's comment, and the form went back to the end.
    expect(page.locator("#comment-isso-1 + .comment-just-posted")).to_contain_text("Answering")
    expect(page.locator("#reply-title")).to_contain_text("Leave a Reply")
    expect(page.locator("#comment_parent")).to_have_value("")
    assert page.evaluate("window.cspViolations") == []

    assert "2 new comment file(s)" in comments_pull(isso_site)
    soup = rebuild(isso_site)
    top = comment_with_text(soup, "First from the browser")
    assert top.find_parent("li").parent.get("class") == ["comment-list"]
    assert top.select_one(".comment-content strong").get_text() == "browser"
    assert top.select_one("a.url")["href"] == "https://bea.example/"
    reply = comment_with_text(soup, "Answering Ann")
    assert reply.find_parent("ol")["class"] == ["children"]
    assert reply.find_parent("li").find_parent("li")["id"] == "li-comment-isso-1"


def test_moderated_comment_is_announced_as_awaiting(page, isso_site):
    if not (isso_site["served"] / "index.html").exists():
        rebuild(isso_site)
    open_post(page, isso_site)
    # The same page, pointed at the isso server that holds comments for moderation.
    page.evaluate("url => { document.getElementById('respond').dataset.issoUrl = url; }",
                  isso_site["moderated"])
    fill(page, "Please approve me", "Dee")
    page.locator("#submit").click()
    expect(page.locator(".comment-form-status")).to_have_text(
        "Thank you. Your comment is awaiting moderation."
    )
    expect(page.locator(".comment-just-posted")).to_have_count(0)
    assert page.evaluate("window.cspViolations") == []


def test_unreachable_isso_is_an_error_the_reader_hears(page, isso_site):
    if not (isso_site["served"] / "index.html").exists():
        rebuild(isso_site)
    open_post(page, isso_site)
    page.evaluate("url => { document.getElementById('respond').dataset.issoUrl = url; }",
                  f"http://127.0.0.1:{free_port()}")
    fill(page, "Nobody will read this", "Eve")
    page.locator("#submit").click()
    alert = page.locator(".comment-form-alert")
    expect(alert).to_contain_text("could not be sent")
    expect(page.locator("#comment")).to_have_value("Nobody will read this")
    expect(page.locator("#submit")).to_be_enabled()
