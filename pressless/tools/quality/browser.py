"""Debian's Chromium through Playwright, for the checks that load pages."""

from concurrent.futures import ThreadPoolExecutor

from .tools import CHROMIUM, CHROMIUM_ARGS, require_file


def with_browser(work, site_address=None, local_url=None):
    """Run work(browser) with a fresh headless Chromium; return its result.

    With `site_address` (a publish build names its own files by its real
    address, https://example.org/...), every page the browser opens fetches
    that address from `local_url`, where the built folder is served, so the
    checks see the site as its readers will.

    Playwright's sync API refuses to start in a thread that already runs an
    event loop (pytest-playwright's, for one), so it gets a thread of its own.
    """
    require_file(CHROMIUM)
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(_run, work, site_address, local_url).result()


class SiteAtItsAddress:
    """A Browser whose new contexts send requests for the site's own address to the local server.

    The local server speaks the same scheme as the address (Playwright may
    only redirect a request within its scheme), with a throwaway certificate
    for https that these contexts accept.
    """

    def __init__(self, browser, site_address, local_url):
        self._browser = browser
        self._site = site_address.rstrip("/")
        self._local = local_url.rstrip("/")

    def new_context(self, **options):
        context = self._browser.new_context(ignore_https_errors=True, **options)
        context.route(f"{self._site}/**", self._to_local_server)
        return context

    def _to_local_server(self, route):
        route.continue_(url=self._local + route.request.url[len(self._site):])

    def __getattr__(self, name):
        return getattr(self._browser, name)


def _run(work, site_address, local_url):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            if site_address and local_url:
                return work(SiteAtItsAddress(browser, site_address, local_url))
            return work(browser)
        finally:
            browser.close()
