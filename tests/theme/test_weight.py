"""Issue 13, point 9: a post page with 4 comments is light, in Chromium, over gzip.

HTML, CSS and scripts together: at most 30 KB on the wire, in three requests
(one stylesheet, one deferred script); with the favicon, at most four besides
the post's own images. No inline script or style, so a strict CSP holds.
"""

import shutil

import pytest
from bs4 import BeautifulSoup

from pressless.tools.build import build_site
from pressless.tools.quality.page_weight import measure_page, totals
from pressless.tools.quality.site import serve
from tests.fixtures.blog import CONTENT, PREVIEW_SETTINGS

pytestmark = pytest.mark.browser

POST = "/2026/03/14/why-we-left-wordpress/"
BUDGET_BYTES = 30_000
FOURTH_COMMENT = "Author: Ola Nordmann\nDate: 2026-03-16 08:00\n\nA fourth comment, so the post has four.\n"
STRICT_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'"


@pytest.fixture(scope="module")
def four_comment_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("weight")
    shutil.copytree(CONTENT, folder / "content")
    (folder / "content/comments/why-we-left-wordpress/4.md").write_text(FOURTH_COMMENT, encoding="utf-8")
    settings = folder / "settings.py"
    settings.write_text(f"exec(open({str(PREVIEW_SETTINGS)!r}).read())\nPATH = {str(folder / 'content')!r}\n")
    return build_site(settings, folder / "output")


def test_post_with_four_comments_is_within_budget(browser, four_comment_site):
    page_file = four_comment_site / POST.strip("/") / "index.html"
    soup = BeautifulSoup(page_file.read_text(encoding="utf-8"), "lxml")
    assert len(soup.select("#comments .comment-body")) == 4
    with serve(four_comment_site) as base:
        measured = measure_page(browser, base, POST)
    table = totals(measured["requests"])
    assert (table["html"]["requests"], table["css"]["requests"], table["js"]["requests"]) == (1, 1, 1)
    code = sum(table[kind]["transferred"] for kind in ("html", "css", "js"))
    assert code <= BUDGET_BYTES, f"{code} bytes of HTML, CSS and JS"
    content_images = {img["src"].split("/")[-1] for img in soup.select("main img[src]")}
    others = [r for r in measured["requests"] if r["url"].split("/")[-1] not in content_images]
    assert len(others) <= 4, [r["url"] for r in others]
    assert measured["external"] == [] and measured["failed"] == []


def test_no_inline_script_or_style_and_a_strict_csp_holds(browser, four_comment_site):
    soup = BeautifulSoup((four_comment_site / POST.strip("/") / "index.html").read_text(), "lxml")
    assert not soup.find("style") and not soup.select("[style]")
    for script in soup.find_all("script"):
        assert script.get("type") == "application/ld+json" or (script.get("src") and script.has_attr("defer"))
    context = browser.new_context()
    try:
        with serve(four_comment_site) as base:
            def with_csp(route):
                response = route.fetch()
                route.fulfill(response=response, headers={**response.headers,
                                                          "content-security-policy": STRICT_CSP})
            context.route(f"{base}/**", with_csp)
            page = context.new_page()
            page.add_init_script("window.cspViolations = [];"
                                 "document.addEventListener('securitypolicyviolation',"
                                 " e => window.cspViolations.push(e.violatedDirective))")
            page.set_viewport_size({"width": 390, "height": 800})
            page.goto(base + POST, wait_until="networkidle")
            page.get_by_role("button", name="Menu").click()  # the script ran under the policy
            assert page.locator(".primary-menu a").first.is_visible()
            assert page.evaluate("window.cspViolations") == []
    finally:
        context.close()
