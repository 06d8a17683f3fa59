"""The "Leave a Reply" form as each COMMENTS_BACKEND builds it (no browser)."""

import pytest
from bs4 import BeautifulSoup
from pelican.settings import read_settings

from pressless.tools.build import BuildError
from tests.fixtures.blog import CONTENT, PREVIEW_SETTINGS

from .helpers import build_with, post_urls
from .test_settings_and_mailto import decode_mailto

ISSO_URL = "http://127.0.0.1:8081"


def preview_setting(name):
    return read_settings(str(PREVIEW_SETTINGS))[name]


def pages_with(built_root, predicate):
    """{slug: (uri, soup)} of the posts whose built page matches `predicate`."""
    found = {}
    for slug, uri in post_urls().items():
        soup = BeautifulSoup((built_root / uri.lstrip("/") / "index.html").read_text(), "lxml")
        if predicate(soup):
            found[slug] = (uri, soup)
    return found


def has_form(soup):
    return soup.find(id="respond") is not None


def has_thread(soup):
    return soup.select_one("#comments .comment-list") is not None


@pytest.fixture(scope="module")
def variant_builds(tmp_path_factory):
    """The example site built with the isso and none backends."""
    built = {}
    for name, settings in {
        "isso": {"COMMENTS_BACKEND": "isso", "COMMENTS_ISSO_URL": ISSO_URL + "/",
                 "COMMENTS_EMAIL": None},
        "none": {"COMMENTS_BACKEND": "none"},
    }.items():
        output = tmp_path_factory.mktemp(f"backend-{name}") / "output"
        result = build_with(CONTENT, output, **settings)
        if result.returncode:
            raise BuildError(result.stdout + result.stderr)
        built[name] = output
    return built


def check_wordpress_shape(respond):
    """The markup WordPress's comment_form() prints, field by field."""
    assert "comment-respond" in respond["class"]
    title = respond.find("h2", id="reply-title")
    assert title.find(string=True, recursive=False).strip() == "Leave a Reply"
    cancel = title.select_one("small > a#cancel-comment-reply-link")
    assert cancel.get_text() == "Cancel reply"
    assert cancel["href"] == "#respond"
    assert cancel.has_attr("hidden")
    form = respond.find("form", id="commentform")
    notes = " ".join(form.select_one(".comment-notes").get_text().split())
    assert notes == "Your email address will not be published. Required fields are marked *"
    # With mailto the message leaves from the reader's own mailbox: no email address is required.
    by_email = respond["data-comment-backend"] == "mailto"
    expected = {
        "comment": ("textarea", None, "Comment *", True),
        "author": ("input", "text", "Name *", True),
        "email": ("input", "email", "Email" if by_email else "Email *", not by_email),
        "url": ("input", "url", "Website", False),
    }
    for field_id, (tag, field_type, label_text, required) in expected.items():
        field = form.find(id=field_id)
        assert field.name == tag
        assert field.get("type") == field_type
        assert field["name"] == field_id
        assert field.has_attr("required") == required
        label = form.find("label", attrs={"for": field_id})
        assert " ".join(label.get_text().split()) == label_text
    assert form.find(id="email")["aria-describedby"] == "email-notes"
    submit = form.find("input", type="submit")
    assert submit["value"] == ("Send comment by email" if by_email else "Post Comment")
    note = form.find(id="comment-mail-note")
    if by_email:
        assert submit["aria-describedby"] == "comment-mail-note"
        assert "email program" in note.get_text() and respond["data-comments-email"] in note.get_text()
        assert respond.select_one("#comment-mail-fallback[hidden] textarea[readonly]")
    else:
        assert note is None and respond.find(id="comment-mail-fallback") is None
    consent = form.find("input", id="wp-comment-cookies-consent", type="checkbox")
    assert not consent.has_attr("checked")
    label = form.find("label", attrs={"for": "wp-comment-cookies-consent"})
    assert label.get_text() == "Save my name, email, and website in this browser for the next time I comment."
    assert form.find("input", id="comment_parent", type="hidden")["value"] == ""
    assert form.find(attrs={"role": "status"}) and form.find(attrs={"role": "alert"})


def script_sources(soup):
    return [script.get("src", "") for script in soup.find_all("script")]


def test_mailto_form_on_every_open_post(site):
    with_form = pages_with(site.root, has_form)
    assert with_form, "no post shows the form"
    for uri, soup in with_form.values():
        respond = soup.find(id="respond")
        check_wordpress_shape(respond)
        assert respond["data-comment-backend"] == "mailto"
        assert respond["data-thread-uri"] == uri
        (script,) = [src for src in script_sources(soup) if src.endswith("js/site.js")]
        assert site.path(uri).parent.joinpath(script).resolve().is_file()
        # Hidden until site.js shows it; the fallback link works without it.
        assert respond.find("form").has_attr("hidden")


def test_no_javascript_mailto_link_holds_a_comment_file_to_fill_in(site):
    for slug, (_, soup) in pages_with(site.root, has_form).items():
        link = soup.select_one("#respond .comment-form-fallback a.comment-mailto-link")
        address, subject, body = decode_mailto(link["href"])
        assert address == preview_setting("COMMENTS_EMAIL")
        title = " ".join(soup.select_one("h1.entry-title").get_text().split())
        assert subject == f"Comment on “{title}” [content/comments/{slug}/]"
        header, _, text = body.partition("\r\n\r\n")
        assert [line.split(":")[0] for line in header.split("\r\n")] == [
            "Author", "Date", "URL", "Reply-To"
        ]
        assert text.strip()


def test_isso_backend_points_the_form_at_isso(site, variant_builds):
    with_form = pages_with(variant_builds["isso"], has_form)
    assert set(with_form) == set(pages_with(site.root, has_form))
    for uri, soup in with_form.values():
        respond = soup.find(id="respond")
        check_wordpress_shape(respond)
        assert respond["data-comment-backend"] == "isso"
        assert respond["data-isso-url"] == ISSO_URL
        assert respond["data-thread-uri"] == uri
        fallback = " ".join(respond.select_one(".comment-form-fallback").get_text().split())
        assert fallback == "Posting a comment here needs JavaScript."
        assert not respond.select("a[href^='mailto:']")


def test_none_backend_keeps_the_thread_and_drops_the_form(site, variant_builds):
    threads = pages_with(variant_builds["none"], has_thread)
    assert set(threads) == set(pages_with(site.root, has_thread))
    for _, soup in threads.values():
        assert soup.find(id="respond") is None
        assert not soup.select(".comment-reply-link")
        assert not soup.select("#commentform")
