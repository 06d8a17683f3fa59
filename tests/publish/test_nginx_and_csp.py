"""The published site served by nginx with docs/hosting.md's block: pages, 404, headers, CSP in Chromium."""

import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from bs4 import BeautifulSoup

from pressless.tools.publish.run import publish
from pressless.tools.quality.tools import CHROMIUM, CHROMIUM_ARGS

from .fixture_site import write_content, write_settings
from .servers import Nginx, free_port

HOST = "blog.pressless.test"
POST = "/2025/12/01/winter-bread/"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """(site URL, published folder): the fixture blog published to file:// and served by nginx."""
    folder = tmp_path_factory.mktemp("nginx-blog")
    port = free_port()
    site_url = f"http://{HOST}:{port}"
    content = write_content(folder / "content")
    settings = write_settings(folder, content, site_url=site_url)
    publish(settings, folder / "public", target=f"file://{folder / 'srv'}", log=print)
    nginx = Nginx(folder, HOST, folder / "srv" / "current")
    nginx.port = port
    with nginx.run():
        yield site_url, folder / "srv" / "current"


def fetch(site_url, path):
    """(status, headers, body) of a GET through nginx on 127.0.0.1."""
    port = site_url.rsplit(":", 1)[1]
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"Host": f"{HOST}:{port}"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def headers_file_rules(site):
    """{pattern: {header: value}} from the build's _headers."""
    rules, pattern = {}, None
    for line in (site / "_headers").read_text().splitlines():
        if line.startswith("#") or not line.strip():
            continue
        if not line.startswith(" "):
            pattern = line.strip()
            rules[pattern] = {}
        else:
            name, _, value = line.strip().partition(": ")
            rules[pattern][name] = value
    return rules


def test_pages_the_404_page_and_headers(served):
    site_url, site = served
    rules = headers_file_rules(site)
    csp = rules["/*"]["Content-Security-Policy"]
    assert "script-src 'self' 'wasm-unsafe-eval'" in csp

    status, headers, body = fetch(site_url, POST)
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    assert BeautifulSoup(body, "lxml").h1.get_text(strip=True).replace("\xa0", " ") == "Winter Bread"
    # The documented nginx block sends what _headers tells Netlify and Cloudflare to send.
    assert headers["Content-Security-Policy"] == csp
    assert headers["X-Content-Type-Options"] == rules["/*"]["X-Content-Type-Options"]
    assert headers["Referrer-Policy"] == rules["/*"]["Referrer-Policy"]
    assert headers["Cache-Control"] == "public, max-age=0, must-revalidate"

    _, css_headers, _ = fetch(site_url, "/theme/css/style.css")
    assert css_headers["Cache-Control"] == rules["/theme/*"]["Cache-Control"]
    fragment = next((site / "pagefind" / "fragment").iterdir()).name
    status, fragment_headers, _ = fetch(site_url, f"/pagefind/fragment/{fragment}")
    assert status == 200
    assert fragment_headers["Cache-Control"] == rules["/pagefind/fragment/*"]["Cache-Control"]

    status, headers, body = fetch(site_url, "/2019/no-such-post/")
    assert status == 404
    assert headers["Content-Security-Policy"] == csp, "the 404 page has the policy too"
    assert BeautifulSoup(body, "lxml").select_one("section.error-404 h1"), "the theme's 404 page"
    assert body == (site / "404.html").read_bytes()
    assert fetch(site_url, "/_headers")[0] == 404


def browse(site_url, visits):
    """Load pages in Chromium; returns what each visit found, CSP violations included."""
    from playwright.sync_api import sync_playwright

    results = []
    with sync_playwright() as playwright:
        # Chromium asks 127.0.0.1 for the blog's name: the pages keep their real origin.
        args = [*CHROMIUM_ARGS, f"--host-resolver-rules=MAP {HOST} 127.0.0.1"]
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=args)
        try:
            for path, action in visits:
                page = browser.new_page()
                page.add_init_script(
                    "window.__violations = [];"
                    "document.addEventListener('securitypolicyviolation', e =>"
                    " window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));"
                )
                console = []
                page.on("console", lambda message, console=console: console.append(message.text)
                        if message.type in ("error", "warning") else None)
                page.goto(site_url + path, wait_until="networkidle")
                found = action(page) if action else None
                violations = page.evaluate("window.__violations")
                results.append({"path": path, "found": found, "violations": violations,
                                 "console": [text for text in console if "Content Security Policy" in text],
                                 "stylesheets": page.evaluate(
                                     "[...document.styleSheets].filter(s => s.cssRules.length).length")})
                page.close()
        finally:
            browser.close()
    return results


def search_results(page):
    status = page.locator("#search-status")
    status.filter(has_not_text="Searching").wait_for(timeout=15000)
    return page.locator("#search-results-list li a").all_inner_texts()


def inject_inline_script(page):
    page.evaluate("const s = document.createElement('script'); s.textContent = 'window.ran = 1';"
                  "document.body.append(s)")
    page.wait_for_timeout(200)
    return page.evaluate("window.ran === 1")


@pytest.mark.browser
def test_chromium_reports_no_csp_violation_and_search_works(served):
    site_url, _ = served
    visits = [("/", None), (POST, None), ("/about/", None), ("/search/?q=rye", search_results),
              ("/no-such-page/", None), ("/", inject_inline_script)]
    with ThreadPoolExecutor(max_workers=1) as pool:  # Playwright's sync API wants a thread of its own
        front, post, about, search, missing, control = pool.submit(browse, site_url, visits).result()
    for visit in (front, post, about, search, missing):
        assert visit["violations"] == [] and visit["console"] == [], visit
        assert visit["stylesheets"] >= 1, f"{visit['path']}: the theme's CSS did not load"
    # Pagefind's WebAssembly ran under the policy and found the post.
    assert [title.replace("\xa0", " ") for title in search["found"]] == ["Winter Bread"]
    # The control: an inline script is blocked, and the listener above sees it.
    assert control["found"] is False
    assert any(v.startswith("script-src") for v in control["violations"]), control
