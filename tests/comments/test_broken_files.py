"""Broken comment files: one warning each, naming the file; the build goes on."""

import pytest

from .helpers import build_fixture_site, comment_text, post_text

POST_URL = "/2026/01/10/alpha/"


@pytest.fixture(scope="module")
def broken(tmp_path_factory):
    comments = {
        "alpha/1": comment_text("First Reader", "2026-01-11 09:00", "A fine first comment."),
        "alpha/2": comment_text("Second Reader", "2026-01-11 10:00", "A reply.", reply_to="1"),
        "alpha/orphan": comment_text(
            "Lost Reader", "2026-01-11 11:00", "My parent is gone.", reply_to="deleted-99"
        ),
        "alpha/baddate": comment_text("Hasty Reader", "the day after tomorrow", "When?"),
        "no-such-post/3": comment_text("Stray Reader", "2026-01-11 12:00", "Where am I?"),
    }
    return build_fixture_site(
        tmp_path_factory.mktemp("broken"), {"alpha": post_text("alpha", "Alpha")}, comments
    )


def _warning_lines(log):
    return [line for line in log.splitlines() if "WARNING" in line and "comments:" in line]


@pytest.mark.parametrize(
    "file_name",
    [
        "content/comments/no-such-post/3.md",
        "content/comments/alpha/orphan.md",
        "content/comments/alpha/baddate.md",
    ],
)
def test_each_broken_file_gets_exactly_one_warning(broken, file_name):
    _, log = broken
    assert sum(file_name in line for line in _warning_lines(log)) == 1, log


def test_no_other_comment_warnings(broken):
    _, log = broken
    assert len(_warning_lines(log)) == 3, log


def test_orphan_is_shown_at_top_level(broken):
    site, _ = broken
    soup = site.soup(POST_URL)
    top_level = [li["id"] for li in soup.select("ol.comment-list > li.comment")]
    assert top_level == ["li-comment-1", "li-comment-orphan"]
    assert soup.select_one("#li-comment-1 > ol.children > #li-comment-2")
    assert soup.select_one("#comment-orphan").find_parent("li")["class"] == ["comment", "depth-1"]


def test_unreadable_comments_are_left_out(broken):
    site, _ = broken
    text = site.text(POST_URL)
    assert "Hasty Reader" not in text and "Stray Reader" not in text
    heading = site.soup(POST_URL).select_one("#comments-title").get_text(" ", strip=True)
    assert heading.startswith("3 thoughts on")
