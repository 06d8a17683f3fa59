"""The share row as a reader uses it in Chromium, with and without JavaScript."""

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from plugins.share_buttons.networks import NETWORKS
from pressless.tools.quality.accessibility import violations_in_page

from .decoding import ENDPOINTS, decode_mastodon
from .test_build import post_url_paths, shared_posts

pytestmark = pytest.mark.browser

INSTANCE = "mastodon.example"


@pytest.fixture(scope="module")
def post_path(site):
    """A shared post whose title has characters that need encoding."""
    paths = post_url_paths(site)
    stem = next(s for s, h in sorted(shared_posts().items()) if "&" in h["title"])
    return paths[stem]


def local_only(context, outside):
    """Record and refuse any request to a host other than this machine."""

    def route(route):
        host = urlsplit(route.request.url).hostname
        if host == "127.0.0.1":
            route.continue_()
        elif host == INSTANCE:
            route.fulfill(status=200, content_type="text/html", body="<title>share</title>")
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", route)


@pytest.fixture
def reader(browser, site_url, post_path):
    context = browser.new_context()
    outside = []
    local_only(context, outside)
    page = context.new_page()
    page.goto(site_url + post_path)
    yield page
    assert outside == [], "the page asked another host for something"
    context.close()


def canonical(page):
    return page.locator('link[rel="canonical"]').get_attribute("href")


def title(page):
    return " ".join(page.locator("h1.entry-title").inner_text().split())


def test_copy_link_puts_the_url_on_the_clipboard_and_says_so(browser, site_url, post_path):
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
    page = context.new_page()
    page.goto(site_url + post_path)
    address = page.url
    page.evaluate("navigator.clipboard.writeText('something else')")
    copy = page.locator(".share-buttons [data-share=copy]")
    copy.click()
    expect(page.locator(".share-buttons-status")).to_have_text("Link copied.")
    # Visible too: the button says it and changes colour (issue 13, point 6).
    expect(copy.locator(".share-button-label")).to_have_text("Link copied")
    expect(copy).to_have_class(re.compile(r"\bis-copied\b"))
    assert copy.evaluate("e => getComputedStyle(e).backgroundColor") != page.locator(
        ".share-buttons [data-share=mastodon]").evaluate("e => getComputedStyle(e).backgroundColor")
    assert page.evaluate("navigator.clipboard.readText()") == canonical(page)
    assert page.url == address
    context.close()


def test_without_a_clipboard_the_link_is_shown_selected_in_a_field(browser, site_url, post_path):
    context = browser.new_context()
    # What a page served over plain http from another machine gets: no navigator.clipboard.
    context.add_init_script(
        "Object.defineProperty(Navigator.prototype, 'clipboard', {get: () => undefined});"
    )
    page = context.new_page()
    page.goto(site_url + post_path)
    address = page.url
    page.locator(".share-buttons [data-share=copy]").click()
    field = page.get_by_role("textbox", name="Link to this post")
    expect(field).to_be_focused()
    link = page.locator(".share-buttons [data-share=copy]").get_attribute("href")
    assert field.input_value() == link
    assert field.evaluate("f => f.value.substring(f.selectionStart, f.selectionEnd)") == link
    assert page.url == address, "the page did not follow the link"
    context.close()


def test_mastodon_asks_in_a_form_then_opens_the_share_url(reader):
    dialogs = []
    reader.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    mastodon = reader.locator(".share-buttons [data-share=mastodon]")
    mastodon.click()
    server = reader.get_by_label("Your Mastodon server")
    expect(server).to_be_focused()
    server.fill("not a server")
    reader.get_by_role("button", name="Share on Mastodon").click()
    expect(reader.locator(".share-mastodon-error")).to_contain_text("like mastodon.social")
    assert reader.context.pages == [reader]
    server.fill(f"https://{INSTANCE}/@maren")
    with reader.context.expect_page() as opened:
        reader.get_by_role("button", name="Share on Mastodon").click()
    popup = opened.value
    popup.wait_for_load_state()
    assert decode_mastodon(popup.url) == (INSTANCE, canonical(reader), title(reader))
    popup.close()
    expect(server).to_be_hidden()
    assert reader.evaluate("localStorage.getItem('pressless.mastodonServer')") == INSTANCE
    assert dialogs == [], "no prompt() any more"


def test_a_remembered_server_can_be_changed(reader):
    reader.evaluate("localStorage.setItem('pressless.mastodonServer', 'mastodon.exmaple')")  # a typo
    reader.locator(".share-buttons [data-share=mastodon]").click()
    server = reader.get_by_label("Your Mastodon server")
    assert server.input_value() == "mastodon.exmaple"
    server.fill(INSTANCE)
    with reader.context.expect_page() as opened:
        server.press("Enter")
    opened.value.close()
    assert reader.evaluate("localStorage.getItem('pressless.mastodonServer')") == INSTANCE


def test_mastodon_form_cancelled_opens_nothing(reader):
    mastodon = reader.locator(".share-buttons [data-share=mastodon]")
    mastodon.click()
    # With JavaScript the form replaces the help written for readers without it.
    expect(reader.get_by_label("Your Mastodon server")).to_be_visible()
    expect(reader.locator(".share-help")).to_be_hidden()
    assert urlsplit(reader.url).fragment == ""
    reader.get_by_role("button", name="Cancel").click()
    expect(reader.get_by_label("Your Mastodon server")).to_be_hidden()
    expect(mastodon).to_be_focused()
    mastodon.click()
    reader.keyboard.press("Escape")
    expect(reader.get_by_label("Your Mastodon server")).to_be_hidden()
    reader.wait_for_timeout(300)
    assert reader.context.pages == [reader]


def test_share_row_passes_axe(reader):
    violations = violations_in_page(reader, ".share-buttons")
    assert violations == [], [v["id"] for v in violations]


def test_print_and_native_share_appear_with_javascript(browser, all_networks_url, post_path):
    context = browser.new_context()
    page = context.new_page()
    page.add_init_script("window.printed = 0; window.print = () => { window.printed += 1; };")
    page.goto(all_networks_url + post_path)
    print_button = page.locator(".share-buttons button[data-share=print]")
    expect(print_button).to_be_visible()
    print_button.click()
    assert page.evaluate("window.printed") == 1
    has_share_sheet = page.evaluate("typeof navigator.share === 'function'")
    native = page.locator(".share-buttons button[data-share=native]")
    expect(native).to_be_visible() if has_share_sheet else expect(native).to_be_hidden()
    context.close()


def test_without_javascript_every_share_link_works(browser, all_networks_url, post_path):
    context = browser.new_context(java_script_enabled=False)
    outside = []
    local_only(context, outside)
    page = context.new_page()
    page.goto(all_networks_url + post_path)
    for button in page.locator(".share-buttons button").all():
        expect(button).to_be_hidden()
    links = page.locator(".share-buttons a[data-share]")
    visible = [link for link in links.all() if link.is_visible()]
    assert len(visible) == links.count() >= len(NETWORKS) - 3
    for link in visible:
        href = link.get_attribute("href")
        network = link.get_attribute("class").split()[1].removeprefix("share-")
        resolved = link.evaluate("a => a.href")
        if network in ENDPOINTS:
            parts = urlsplit(resolved)
            assert (parts.scheme, parts.hostname) == ("https", ENDPOINTS[network][0]), href
        elif network == "email":
            assert resolved.startswith("mailto:?subject=")
        elif network == "copy-link":
            assert resolved == canonical(page)
        else:
            assert network == "mastodon"
    # Mastodon's help opens in the post itself, and its Close link hides it again.
    help_section = page.locator(".share-help")
    expect(help_section).to_be_hidden()
    pages_before = len(context.pages)
    page.locator(".share-buttons a.share-mastodon").click()
    assert urlsplit(page.url).fragment == "share-mastodon-help"
    assert len(context.pages) == pages_before
    expect(help_section).to_be_visible()
    expect(help_section.get_by_role("heading")).to_have_text("Share on Mastodon")
    assert help_section.get_by_label("Text to paste:").input_value() == f"{title(page)} {canonical(page)}"
    help_section.get_by_role("link", name="Close").click()
    expect(help_section).to_be_hidden()
    assert outside == []
    context.close()
