"""One mistake, one outcome: the build stops with one line naming the file and line, or the setting."""

import pytest

from .helpers import assert_one_line_error, post, run_build


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("Share", "Share: 'maybe' is not one of: true, yes, on, 1, false, no, off, 0"),
        ("Sticky", "Sticky: 'maybe' is not one of: true, yes, on, 1, false, no, off, 0"),
        ("Comments", "Comments: 'maybe' is not one of: open, closed, off"),
    ],
)
def test_a_bad_per_post_value_stops_the_build_naming_file_and_line(tmp_path, field, expected):
    files = {"posts/good.md": post("Good"), "posts/bad.md": post("Bad", Category="Notes", **{field: "maybe"})}
    code, log, _ = run_build(tmp_path, files)
    assert_one_line_error(code, log, f"content/posts/bad.md:4: {expected}")


@pytest.mark.parametrize(
    ("setting", "expected"),
    [
        ('SCHEDULED_POSTS_NOW="next tuesday"',
         "scheduled_posts: SCHEDULED_POSTS_NOW 'next tuesday' is not an ISO time"),
        ("COMMENTS_MAX_DEPTH=2000",
         "comments: COMMENTS_MAX_DEPTH must be a whole number from 1 to 10, not 2000"),
        ("RELATED_POSTS_LIMIT=-1", "related_posts: RELATED_POSTS_LIMIT must be a whole number of at least 0"),
        ("RELATED_POSTS_PROCESSES=0",
         "related_posts: RELATED_POSTS_PROCESSES must be a whole number of at least 1, not 0"),
        ('SIDEBAR_WIDGETS=["search", "calendar"]', "template_tags: SIDEBAR_WIDGETS names 'calendar'"),
        ('SEO_DEFAULT_IMAGE="img/x.png"',
         "template_tags: SEO_DEFAULT_IMAGE was renamed; set DEFAULT_IMAGE instead"),
        ('DEFAULT_IMAGE="images/none.png"', "template_tags: DEFAULT_IMAGE 'images/none.png' is not a file"),
        ("FEEDS_SUMMARY_ONLY=1", "feeds: FEEDS_SUMMARY_ONLY must be True or False, not 1"),
    ],
)
def test_a_bad_setting_stops_the_build_with_one_line(tmp_path, setting, expected):
    code, log, _ = run_build(tmp_path, {"posts/good.md": post("Good")}, settings=[setting])
    assert_one_line_error(code, log, expected)


def test_a_duplicated_key_names_both_lines(tmp_path):
    files = {"posts/twice.md": "Title: One\nDate: 2026-01-02\nTitle: Two\n\nBody\n"}
    code, log, _ = run_build(tmp_path, files)
    expected = "content/posts/twice.md:3: Title is given twice (lines 1 and 3); keep one"
    assert_one_line_error(code, log, expected)


def test_headers_pelican_reads_are_not_refused(tmp_path):
    files = {
        "posts/fenced.md": "---\nTitle: Fenced\nDate: 2026-01-02\n---\n\nA post with a fenced header.\n",
        "posts/bom.md": "\ufeffTitle: With a BOM\nDate: 2026-01-03\n\nSaved with a byte order mark.\n",
        "comments/with-a-bom/1.md": "\ufeffAuthor: Ana\nDate: 2026-01-04\n\nA comment with a BOM.\n",
    }
    code, log, site = run_build(tmp_path, files)
    assert code == 0, log
    assert "WARNING" not in log, log
    assert site.soup("/2026/01/02/fenced/").select_one("h1.entry-title").get_text() == "Fenced"
    soup = site.soup("/2026/01/03/with-a-bom/")
    assert soup.select_one("#comment-1 .fn").get_text() == "Ana"


@pytest.mark.parametrize(
    ("image", "problem"),
    [
        # A leading slash means the site's root, which is the content folder.
        ("/dev/zero", "does not exist in the content folder"),
        ("../../pelicanconf.py", "is outside the content folder"),
    ],
)
def test_an_image_outside_the_content_folder_is_never_read(tmp_path, image, problem):
    code, log, _ = run_build(tmp_path, {"posts/escape.md": post("Escape", Image=image)})
    assert_one_line_error(code, log, f"content/posts/escape.md:3: Image {image!r} {problem}")


def test_a_missing_image_is_named(tmp_path):
    code, log, _ = run_build(tmp_path, {"posts/a.md": post("A", Image="images/gone.png")})
    assert_one_line_error(code, log, "content/posts/a.md:3: Image 'images/gone.png' does not exist")
