"""Issue 13, point 3 (and the form error of point 8): the mailto form says what it does.

The button says "Send comment by email"; no email address is required; when
no email program opens, the ready comment file and the address are shown to
copy; "Save my name, email, and website" keeps them in localStorage only
when ticked, and they can be forgotten.
"""

import pytest
from playwright.sync_api import expect

from .test_form_build import preview_setting

pytestmark = pytest.mark.browser

POST = "/2026/03/14/why-we-left-wordpress/"
# Records each composed email without stopping it: the browser still tries the
# mailto: address, and headless Chromium has no email program to open.
RECORD_MAILTO = """
window.composedMails = [];
document.addEventListener("pressless:mailto", (event) => window.composedMails.push(event.detail));
"""
CONSENT = "Save my name, email, and website in this browser for the next time I comment."


@pytest.fixture
def form_page(page, site_url):
    page.add_init_script(RECORD_MAILTO)
    page.goto(site_url + POST)
    return page


def _fill(page, text="Thanks for this.", author="Rin Sato", email="", url=""):
    page.locator("#comment").fill(text)
    page.locator("#author").fill(author)
    page.locator("#email").fill(email)
    page.locator("#url").fill(url)


def test_the_button_says_it_sends_an_email_and_says_so_beside_it(form_page):
    button = form_page.locator("#submit")
    expect(button).to_have_value("Send comment by email")
    note = form_page.locator("#comment-mail-note")
    expect(note).to_be_visible()
    expect(note).to_contain_text("email program")
    expect(note).to_contain_text(preview_setting("COMMENTS_EMAIL"))
    assert "email program" in button.evaluate("b => b.ariaDescribedByElements[0].textContent")


def test_without_an_email_program_the_comment_file_is_shown_to_copy(form_page, site_url):
    form_page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
    _fill(form_page, text="No mail program here.\n\nSecond paragraph.")
    form_page.locator("#submit").click()
    panel = form_page.locator("#comment-mail-fallback")
    expect(panel).to_be_visible(timeout=5000)
    mail = form_page.evaluate("window.composedMails.at(-1)")
    assert form_page.locator("#comment-mail-text").input_value() == mail["body"]
    assert form_page.locator("#comment-mail-subject").input_value() == mail["subject"]
    assert "Email:" not in mail["body"], "no email address was given, none is written"
    assert mail["body"].startswith("Author: Rin Sato\n") and mail["body"].endswith("Second paragraph.\n")
    address = panel.locator("a.comment-mail-address")
    expect(address).to_have_text(preview_setting("COMMENTS_EMAIL"))
    expect(form_page.locator("#comment-mail-fallback-title")).to_be_focused()
    panel.get_by_role("button", name="Copy the message").click()
    expect(panel.locator(".comment-mail-copied")).to_have_text("Message copied.")
    assert form_page.evaluate("navigator.clipboard.readText()") == mail["body"]


def test_no_fallback_when_an_email_program_takes_the_focus(form_page):
    # What an email program does when it opens: the page loses the focus.
    form_page.evaluate("""document.addEventListener("pressless:mailto",
        () => setTimeout(() => window.dispatchEvent(new Event("blur")), 100))""")
    _fill(form_page)
    form_page.locator("#submit").click()
    form_page.wait_for_timeout(2500)
    expect(form_page.locator("#comment-mail-fallback")).to_be_hidden()


def test_details_are_saved_only_when_ticked_and_can_be_forgotten(form_page):
    stored = "() => localStorage.getItem('pressless.commenter')"
    expect(form_page.get_by_label(CONSENT)).not_to_be_checked()
    _fill(form_page, email="rin@example.org", url="https://rin.example/")
    form_page.locator("#submit").click()
    assert form_page.evaluate(stored) is None, "nothing is kept unless the reader ticks the box"

    form_page.get_by_label(CONSENT).check()
    form_page.locator("#submit").click()
    form_page.reload()
    assert form_page.locator("#author").input_value() == "Rin Sato"
    assert form_page.locator("#email").input_value() == "rin@example.org"
    assert form_page.locator("#url").input_value() == "https://rin.example/"
    assert form_page.locator("#comment").input_value() == ""
    expect(form_page.get_by_label(CONSENT)).to_be_checked()

    forget = form_page.get_by_role("button", name="Forget my saved details")
    forget.click()
    assert form_page.evaluate(stored) is None
    assert [form_page.locator(f"#{f}").input_value() for f in ("author", "email", "url")] == ["", "", ""]
    expect(forget).to_be_hidden()
    form_page.reload()
    assert form_page.locator("#author").input_value() == ""

    # Unticking the box before sending forgets too.
    _fill(form_page, author="Rin")
    form_page.get_by_label(CONSENT).check()
    form_page.locator("#submit").click()
    assert form_page.evaluate(stored)
    form_page.get_by_label(CONSENT).uncheck()
    form_page.locator("#submit").click()
    assert form_page.evaluate(stored) is None


def test_the_form_error_stands_above_the_fields_it_points_to(form_page):
    form_page.locator("#submit").click()
    alert = form_page.locator(".comment-form-alert")
    expect(alert).to_have_text("Your comment was not sent: please correct the marked fields.")
    assert alert.bounding_box()["y"] < form_page.locator("#comment").bounding_box()["y"]
