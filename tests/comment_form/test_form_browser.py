"""The form as a reader uses it in Chromium: Reply/Cancel, errors, the composed email."""

from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from plugins.comments.loader import parse_comment
from pressless.tools.quality.accessibility import violations_in_page

from .helpers import post_urls
from .test_form_build import preview_setting
from .test_settings_and_mailto import decode_mailto

pytestmark = pytest.mark.browser

# Records the email site.js composes instead of leaving the page for a mail
# program: the script dispatches this cancelable event right before navigating.
CATCH_MAILTO = """
window.composedMails = [];
document.addEventListener("pressless:mailto", (event) => {
  window.composedMails.push(event.detail);
  event.preventDefault();
});
"""


@pytest.fixture(scope="module")
def threaded_post(site):
    """(slug, uri, [(comment id, author)]) of a post with replies and an open form."""
    for slug, uri in sorted(post_urls().items()):
        soup = site.soup(uri)
        links = soup.select("#comments .comment-reply-link")
        if soup.find(id="respond") and soup.select("#comments .children .comment-reply-link"):
            return slug, uri, [(a["data-reply-to"], a["data-reply-author"]) for a in links]
    pytest.fail("no post in the example content has a threaded discussion and an open form")


@pytest.fixture
def post_page(page, site_url, threaded_post):
    page.add_init_script(CATCH_MAILTO)
    page.goto(site_url + threaded_post[1])
    return page


def heading(page):
    return " ".join(page.locator("#reply-title").inner_text().split())


def test_form_replaces_the_fallback_when_javascript_runs(post_page):
    expect(post_page.locator("#commentform")).to_be_visible()
    expect(post_page.locator(".comment-form-fallback")).to_be_hidden()
    expect(post_page.locator("#cancel-comment-reply-link")).to_be_hidden()
    violations = violations_in_page(post_page, "#respond")
    assert violations == [], [v["id"] for v in violations]


def test_without_javascript_the_mailto_link_shows(browser, site_url, threaded_post):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + threaded_post[1])
        expect(page.locator("#commentform")).to_be_hidden()
        link = page.locator(".comment-form-fallback a.comment-mailto-link")
        expect(link).to_be_visible()
        assert decode_mailto(link.get_attribute("href"))[0] == preview_setting("COMMENTS_EMAIL")
    finally:
        context.close()


def test_reply_moves_the_form_under_the_comment_and_cancel_restores_it(
    post_page, threaded_post
):
    _, _, comments = threaded_post
    home_parent = post_page.evaluate("document.getElementById('respond').parentElement.id")
    for comment_id, author in (comments[1], comments[0]):
        post_page.locator(f".comment-reply-link[data-reply-to='{comment_id}']").click()
        assert post_page.evaluate(
            "id => document.getElementById('comment-' + id).nextElementSibling.id", comment_id
        ) == "respond"
        assert heading(post_page) == f"Leave a Reply to {author} Cancel reply"
        expect(post_page.locator("#cancel-comment-reply-link")).to_be_visible()
        expect(post_page.locator("#comment_parent")).to_have_value(comment_id)
        expect(post_page.locator("#comment")).to_be_focused()
    post_page.locator("#cancel-comment-reply-link").click()
    assert heading(post_page) == "Leave a Reply"
    expect(post_page.locator("#cancel-comment-reply-link")).to_be_hidden()
    expect(post_page.locator("#comment_parent")).to_have_value("")
    assert post_page.evaluate("document.getElementById('respond').parentElement.id") == home_parent


def test_missing_and_malformed_fields_are_announced_on_each_field(post_page):
    post_page.locator("#url").fill("not a web address")
    post_page.locator("#submit").click()
    expect(post_page.locator(".comment-form-alert")).to_contain_text("not sent")
    expect(post_page.locator("#comment")).to_be_focused()
    # The mailto backend asks no email address (the message leaves from the reader's mailbox).
    expect(post_page.locator("#email")).not_to_have_attribute("aria-invalid", "true")
    for field in ("comment", "author", "url"):
        locator = post_page.locator(f"#{field}")
        expect(locator).to_have_attribute("aria-invalid", "true")
        error = post_page.locator(f"#{field}-error")
        expect(error).not_to_be_empty()
        # The message is the field's accessible description.
        assert error.inner_text() in locator.evaluate("el => el.ariaDescribedByElements"
                                                      " .map(e => e.textContent).join(' ')")
    post_page.locator("#email").fill("reader@")
    post_page.locator("#submit").click()
    expect(post_page.locator("#email-error")).to_contain_text("email address like")
    assert post_page.evaluate("window.composedMails.length") == 0


def fill(page, text, author, email, url=""):
    page.locator("#comment").fill(text)
    page.locator("#author").fill(author)
    page.locator("#email").fill(email)
    page.locator("#url").fill(url)


def composed_comment(page, slug):
    """The last email composed, read back the way the comments plugin reads files."""
    mail = page.evaluate("window.composedMails.at(-1)")
    address, subject, body = decode_mailto(mail["href"])
    assert (address, subject, body.replace("\r\n", "\n")) == (
        mail["address"], mail["subject"], mail["body"]
    )
    prefix = "[content/comments/" + slug + "/"
    file_name = subject[subject.index(prefix) + len(prefix):-1]
    assert file_name.endswith(".md")
    comment, problem = parse_comment(
        body, comment_id=file_name.removesuffix(".md"), post_slug=slug,
        source=file_name, timezone=ZoneInfo("UTC"),
    )
    assert problem is None, problem
    return address, subject, comment


def test_submitting_composes_the_comment_file_as_an_email(post_page, threaded_post):
    slug, _, comments = threaded_post
    title = " ".join(post_page.locator("h1.entry-title").inner_text().split())
    text = "Fine post.\n\n*Really* — 100% & more: <b>yes</b>"
    fill(post_page, text, "Zoë Ångström", "zoe@example.org", "https://zoe.example/")
    post_page.locator("#submit").click()
    expect(post_page.locator(".comment-form-status")).to_contain_text("email program")
    address, subject, comment = composed_comment(post_page, slug)
    assert address == preview_setting("COMMENTS_EMAIL")
    assert subject.startswith(f"Comment on “{title}” ")
    assert (comment.author, comment.email, comment.url, comment.reply_to) == (
        "Zoë Ångström", "zoe@example.org", "https://zoe.example/", ""
    )
    assert comment.body == text

    reply_to, _ = comments[-1]
    post_page.locator(f".comment-reply-link[data-reply-to='{reply_to}']").click()
    fill(post_page, "A reply", "Bo", "bo@example.org")
    post_page.locator("#submit").click()
    _, _, reply = composed_comment(post_page, slug)
    assert (reply.author, reply.url, reply.reply_to, reply.body) == ("Bo", "", reply_to, "A reply")
