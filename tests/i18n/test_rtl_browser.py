"""Issue 14 in Chromium: the Arabic blog is mirrored (sidebar on the left, text
from the right), axe finds nothing in right-to-left, and the script speaks the
page's language."""

import pytest

from pressless.tools.quality.accessibility import violations_in_page
from tests.i18n.conftest import POST_WITH_COMMENTS

pytestmark = pytest.mark.browser

WIDE = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def box(page, selector):
    return page.locator(selector).first.bounding_box()


def test_arabic_layout_is_mirrored_on_a_wide_screen(page, blog_ar_url):
    page.set_viewport_size(WIDE)
    page.goto(blog_ar_url + POST_WITH_COMMENTS)
    main, sidebar = box(page, ".site-main"), box(page, ".sidebar")
    assert sidebar["x"] + sidebar["width"] <= main["x"], (sidebar, main)
    style = page.evaluate("""() => {
        const title = getComputedStyle(document.querySelector('.entry-title'));
        const reply = getComputedStyle(document.querySelector('.comment-list .children'));
        return {direction: title.direction, align: title.textAlign,
                replyStart: reply.marginRight, replyEnd: reply.marginLeft,
                replyBorder: reply.borderRightWidth};
    }""")
    assert style["direction"] == "rtl" and style["align"] in ("start", "right")
    # Replies are indented from the right, with the thread line on their right.
    assert style["replyStart"] != "0px" and style["replyEnd"] == "0px" and style["replyBorder"] == "2px"
    # The title's text starts at the column's right edge.
    title = page.locator(".entry-title").first
    right_edge = title.evaluate("""element => {
        const range = document.createRange();
        range.selectNodeContents(element);
        return range.getClientRects()[0].right;
    }""")
    assert abs(right_edge - (main["x"] + main["width"])) < 2


def test_arabic_phone_layout_reads_from_the_right(page, blog_ar_url):
    page.set_viewport_size(PHONE)
    page.goto(blog_ar_url + POST_WITH_COMMENTS)
    toggle = page.locator(".menu-toggle")
    header = box(page, ".site-header")
    toggle_box = toggle.bounding_box()
    # The Menu button sits at the start of the line: the right in Arabic.
    assert toggle_box["x"] + toggle_box["width"] > header["x"] + header["width"] / 2
    assert toggle.inner_text() == "القائمة"
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], "the page scrolls sideways"


@pytest.mark.parametrize("viewport", [WIDE, PHONE])
def test_axe_finds_nothing_in_right_to_left(page, blog_ar_url, viewport):
    page.set_viewport_size(viewport)
    page.goto(blog_ar_url + POST_WITH_COMMENTS)
    assert violations_in_page(page) == []


def test_the_comment_form_script_speaks_german(page, blog_de_url):
    page.goto(blog_de_url + POST_WITH_COMMENTS)
    page.locator("#submit").click()
    assert page.locator(".comment-form-alert").inner_text() == (
        "Dein Kommentar wurde nicht gesendet: Bitte korrigiere die markierten Felder.")
    assert page.locator("#comment-error").inner_text() == "Bitte schreibe einen Kommentar."
    page.locator('.comment-reply-link[data-reply-author="Priya Raman"]').first.click()
    assert page.locator("#reply-title").inner_text().startswith("Schreibe eine Antwort an Priya Raman")


def test_the_search_page_script_speaks_arabic(page, blog_ar_url):
    page.goto(blog_ar_url + "/search/?q=" + "حديقة")
    assert page.locator("#search-title").inner_text() == "نتائج البحث عن: حديقة"
    assert page.title().startswith("نتائج البحث عن: حديقة – ")
