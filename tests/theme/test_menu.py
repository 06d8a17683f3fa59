"""Issue 13, point 4: on a phone the primary menu folds behind a "Menu" button.

Without scripts the menu stays shown (the button is never offered); on a
wide screen there is no button.
"""

import pytest

pytestmark = pytest.mark.browser

POST = "/2026/03/14/why-we-left-wordpress/"
PHONE = {"width": 390, "height": 844}


def _shown_items(page):
    return sum(1 for item in page.locator(".primary-menu a").all() if item.is_visible())


def test_phone_menu_folds_behind_a_button_and_opens(page, site_url):
    page.set_viewport_size(PHONE)
    page.goto(site_url + POST)
    toggle = page.get_by_role("button", name="Menu")
    assert toggle.is_visible()
    assert toggle.get_attribute("aria-expanded") == "false"
    assert _shown_items(page) == 0
    header = page.locator(".site-header").bounding_box()["height"]
    assert header < 200, f"the folded header is {header}px tall"

    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    total = page.locator(".primary-menu a").count()
    assert total >= 5 and _shown_items(page) == total
    page.locator(".primary-menu a").nth(1).focus()
    page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert _shown_items(page) == 0
    assert page.evaluate("document.activeElement.classList.contains('menu-toggle')")


def test_wide_screen_shows_the_menu_and_no_button(page, site_url):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site_url + POST)
    assert not page.locator(".menu-toggle").is_visible()
    assert _shown_items(page) == page.locator(".primary-menu a").count()


def test_without_scripts_the_phone_menu_stays_shown(browser, site_url):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    try:
        page = context.new_page()
        page.goto(site_url + POST)
        assert not page.locator(".menu-toggle").is_visible()
        assert _shown_items(page) == page.locator(".primary-menu a").count()
    finally:
        context.close()
