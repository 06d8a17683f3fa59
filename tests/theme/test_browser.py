"""Point 4 in a real browser: layout, dark mode, print, focus, no JS needed, no other hosts."""

from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser

PAGES = ["/", "/2026/03/14/why-we-left-wordpress/", "/about/", "/category/typography/", "/archives/"]


def test_no_request_leaves_the_site(page, site_url):
    hosts = set()
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    for path in PAGES:
        page.goto(site_url + path, wait_until="networkidle")
    assert hosts == {urlsplit(site_url).netloc}


def test_responsive_down_to_320_pixels(page, site_url):
    page.set_viewport_size({"width": 320, "height": 640})
    for path in PAGES:
        page.goto(site_url + path)
        overflow = page.evaluate("document.documentElement.scrollWidth")
        assert overflow <= 320, f"{path} scrolls sideways at 320px ({overflow}px)"
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site_url + "/")
    main, sidebar = page.locator("main").bounding_box(), page.locator("aside.sidebar").bounding_box()
    assert sidebar["x"] > main["x"] + main["width"] - 1, "sidebar beside the main column"


def _background(page):
    return page.evaluate("getComputedStyle(document.querySelector('.site')).backgroundColor")


def _luminance(css_rgb):
    red, green, blue = (int(part) for part in css_rgb[css_rgb.index("(") + 1 : -1].split(",")[:3])
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def test_dark_mode_follows_the_system(page, site_url):
    page.emulate_media(color_scheme="light")
    page.goto(site_url + "/")
    assert _luminance(_background(page)) > 200
    page.emulate_media(color_scheme="dark")
    assert _luminance(_background(page)) < 60


def test_print_stylesheet_hides_navigation(page, site_url):
    page.goto(site_url + PAGES[1])
    assert page.locator("aside.sidebar").is_visible()
    page.emulate_media(media="print")
    assert not page.locator("aside.sidebar").is_visible()
    assert not page.locator(".main-navigation").is_visible()
    assert page.locator(".entry-content").is_visible()


def test_skip_link_and_focus_are_visible(page, site_url):
    page.goto(site_url + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert focused == "skip-link"
    box = page.locator(".skip-link").bounding_box()
    assert box["y"] >= 0, "the skip link comes into view when focused"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#content"


def test_everything_works_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + "/")
        page.get_by_role("link", name="Older posts").click()
        page.wait_for_url("**/page/2/")
        page.locator("main article.entry h2 a").first.click()
        assert page.locator("main h1.entry-title").is_visible()
        page.locator("nav.main-navigation").get_by_role("link", name="About").click()
        page.wait_for_url("**/about/")
    finally:
        context.close()
