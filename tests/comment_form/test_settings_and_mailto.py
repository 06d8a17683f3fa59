"""The comment form's settings checks and the mailto: link a reader without JavaScript gets."""

from email.message import EmailMessage
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from plugins.comment_form.form import mailto_href, post_comment_form
from plugins.comment_form.settings import check_settings
from pressless.core.comments import blank_comment_file
from pressless.core.config import SettingsError
from pressless.core.header import read_header
from pressless.core.urls import url_path

from .helpers import build_with, copy_content, post_urls


def decode_mailto(href):
    """(address, subject, body) from a mailto: URL, as a mail program reads it."""
    parts = urlsplit(href)
    assert parts.scheme == "mailto"
    query = parse_qs(parts.query, keep_blank_values=True, strict_parsing=True)
    return unquote(parts.path), query["subject"][0], query["body"][0]


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"COMMENTS_BACKEND": "disqus"},
         "COMMENTS_BACKEND must be one of 'mailto', 'isso', 'none', not 'disqus'"),
        ({"COMMENTS_BACKEND": "isso"}, "COMMENTS_ISSO_URL is not set"),
        ({"COMMENTS_BACKEND": "isso", "COMMENTS_ISSO_URL": "ftp://x"}, "COMMENTS_ISSO_URL"),
        ({"COMMENTS_BACKEND": "isso", "COMMENTS_ISSO_URL": "comments.example"}, "not an http"),
        ({"COMMENTS_EMAIL": "not-an-address"}, "COMMENTS_EMAIL 'not-an-address'"),
        ({"COMMENTS_EMAIL": "a@b.c?cc=x@y.z"}, "COMMENTS_EMAIL"),
    ],
)
def test_bad_settings_are_errors_named_by_the_plugin(settings, message):
    with pytest.raises(SettingsError) as raised:
        check_settings(settings)
    assert str(raised.value).startswith("comment_form: ")
    assert message in str(raised.value)


def test_mailto_without_an_address_warns_and_leaves_the_form_out():
    form_settings, warnings = check_settings({})
    assert form_settings.backend == "none"
    assert len(warnings) == 1
    assert "COMMENTS_EMAIL" in warnings[0]
    assert warnings[0].startswith("comment_form: ")


def test_good_settings_pass_and_trailing_slash_is_dropped():
    form_settings, warnings = check_settings(
        {"COMMENTS_BACKEND": "isso", "COMMENTS_ISSO_URL": "https://comments.example.org/"}
    )
    assert (form_settings.backend, form_settings.isso_url, warnings) == (
        "isso",
        "https://comments.example.org",
        [],
    )


@pytest.mark.parametrize(
    ("site_url", "article_url", "expected"),
    [
        ("http://127.0.0.1:8000", "2026/03/14/slug/", "/2026/03/14/slug/"),
        ("https://example.org/blog/", "2026/03/14/slug/", "/blog/2026/03/14/slug/"),
        ("", "drafts/x/", "/drafts/x/"),
    ],
)
def test_thread_uri_is_the_path_readers_see(site_url, article_url, expected):
    assert url_path(site_url, article_url) == expected


def test_mailto_href_round_trips_through_a_mail_program():
    body = "Author: Zoë & Co\nURL: https://x.example/?a=1&b=2\n\n50% *yes* + no #tag\n"
    address, subject, decoded_body = decode_mailto(
        mailto_href("c@example.org", "Comment on “A & B?”", body)
    )
    assert address == "c@example.org"
    assert subject == "Comment on “A & B?”"
    assert decoded_body == body.replace("\n", "\r\n")
    # The subject must be usable as a header as it is.
    EmailMessage()["Subject"] = subject


def test_blank_comment_file_reads_back_as_a_comment_header():
    header = read_header(blank_comment_file())
    assert list(header.fields) == ["author", "date", "url", "reply-to"]
    assert all(field.value == "" for field in header.fields.values())
    assert header.body == "Write your comment here, in Markdown."


def test_post_form_names_the_post_and_its_comment_folder():
    form_settings, _ = check_settings({"COMMENTS_EMAIL": "c@example.org"})
    form = post_comment_form(
        form_settings,
        slug="a-post",
        title='Fish &amp; <span class="caps">CSS</span>&nbsp;tips',
        url="2026/01/02/a-post/",
        site_url="http://127.0.0.1:8000",
        comments_folder="content/comments",
    )
    assert form.post_title == "Fish & CSS tips"
    address, subject, body = decode_mailto(form.mailto_href)
    assert (address, subject) == (
        "c@example.org",
        "Comment on “Fish & CSS tips” [content/comments/a-post/]",
    )
    assert body == blank_comment_file().replace("\n", "\r\n")


def test_unknown_backend_stops_the_build_with_one_clear_line(tmp_path):
    result = build_with(copy_content(tmp_path), tmp_path / "out", COMMENTS_BACKEND="disqus")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "comment_form: COMMENTS_BACKEND must be one of 'mailto', 'isso', 'none', not 'disqus'" in output
    assert "Traceback" not in output
    assert not (tmp_path / "out" / "index.html").exists()


def test_mailto_without_address_builds_with_a_warning_and_no_form(tmp_path):
    result = build_with(copy_content(tmp_path), tmp_path / "out", COMMENTS_EMAIL=None)
    assert result.returncode == 0, result.stderr
    assert "COMMENTS_EMAIL is not set" in result.stdout + result.stderr
    pages = [
        (tmp_path / "out" / uri.lstrip("/") / "index.html").read_text()
        for uri in post_urls(tmp_path / "content").values()
    ]
    assert any('class="comment-list"' in page for page in pages)
    assert not any('id="respond"' in page or "comment-reply-link" in page for page in pages)
