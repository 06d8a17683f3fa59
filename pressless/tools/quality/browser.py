"""Debian's Chromium through Playwright, for the checks that load pages."""

from concurrent.futures import ThreadPoolExecutor

from .tools import CHROMIUM, CHROMIUM_ARGS, require_file


def with_browser(work):
    """Run work(browser) with a fresh headless Chromium; return its result.

    Playwright's sync API refuses to start in a thread that already runs an
    event loop (pytest-playwright's, for one), so it gets a thread of its own.
    """
    require_file(CHROMIUM)
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(_run, work).result()


def _run(work):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            return work(browser)
        finally:
            browser.close()
