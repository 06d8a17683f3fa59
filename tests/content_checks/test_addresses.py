"""Slugs, output files and links between posts: one line naming the file, never a traceback.

issue 15, defects 4 and 7: a `Slug:` is part of a path, so it must never
lead out of the post's folder or onto the front page; two entries written to
one file, a title too long for a file name and a link to a missing post stop
the build naming the files, before anything is written.
"""

import pytest

from plugins.content_guard.checks import check_header
from pressless.core.header import read_header
from pressless.core.slugs import output_collisions, slug_problem, suggested_slug
from tests.site_model.helpers import assert_one_line_error, post, run_build


def files_under(folder):
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


@pytest.mark.parametrize(
    ("slug", "advice"),
    [
        ("../../escape", "use Slug: escape"),
        ("../../..", "write a Slug: of lower-case letters, digits and '-'"),
        ("my post here", "use Slug: my-post-here"),
        ("Café&Crème?x=1", "use Slug: cafe-creme-x-1"),
        ("/index", "use Slug: index"),
    ],
)
def test_a_slug_that_is_not_a_plain_address_part_is_refused_before_reading(tmp_path, slug, advice):
    files = {"posts/good.md": post("Good"), "posts/bad.md": post("Bad", Slug=slug)}
    code, log, _ = run_build(tmp_path, files)
    assert_one_line_error(code, log, f"content/posts/bad.md:3: Slug {slug!r} ")
    assert advice in log, log
    # Nothing was written anywhere: not the post, not the front page, not a folder outside output/.
    assert files_under(tmp_path) == ["content/posts/bad.md", "content/posts/good.md"]


def test_plain_slugs_pass():
    for slug in ("hello-world", "2026_notes", "a", "x" * 200):
        assert slug_problem(slug) is None, slug
    assert "200" in slug_problem("x" * 201)
    assert suggested_slug("  Ünïcode — Title!  ") == "unicode-title"


def test_a_page_whose_title_makes_no_slug_never_replaces_the_front_page(tmp_path):
    files = {"posts/a.md": post("A post"), "pages/q.md": "Title: ???\n\nA page.\n"}
    code, log, _ = run_build(tmp_path, files)
    expected = "content/pages/q.md:1: the Title makes the slug '', which has no letters"
    assert_one_line_error(code, log, expected)
    assert not (tmp_path / "output" / "index.html").exists()


def test_a_title_too_long_for_a_file_name_asks_for_a_slug(tmp_path):
    files = {"posts/long.md": post("x" * 5000)}
    code, log, _ = run_build(tmp_path, files)
    assert_one_line_error(code, log, "content/posts/long.md:1: the Title makes the slug 'xxxx")
    assert "is 5000 characters long (at most 200 fit a file name); add a Slug: line" in log
    assert "File name too long" not in log


def test_a_long_title_with_a_slug_builds(tmp_path):
    files = {"posts/long.md": post("Long " * 1000, Slug="long-title")}
    code, log, site = run_build(tmp_path, files)
    assert code == 0, log
    assert site.path("/2026/01/10/long-title/").is_file()


def test_two_posts_with_one_slug_and_date_name_both_files(tmp_path):
    files = {"posts/a.md": post("First", Slug="same"), "posts/b.md": post("Second", Slug="same")}
    code, log, _ = run_build(tmp_path, files)
    assert_one_line_error(code, log, "content/posts/a.md:3: is written to 2026/01/10/same/index.html, as is ")
    assert "content/posts/b.md; give one of them another Slug" in log
    assert "FileOverwriteFailedError" not in log
    assert not (tmp_path / "output").exists(), "nothing is written"


@pytest.mark.parametrize(
    ("page_slug", "taken_by"),
    [("archives", "the archives page"), ("search", "the search page"), ("2026", "an archive page of posts")],
)
def test_a_page_never_takes_the_file_of_a_theme_page(tmp_path, page_slug, taken_by):
    files = {"posts/a.md": post("A"), "pages/p.md": f"Title: A page\nSlug: {page_slug}\n\nWords.\n"}
    code, log, _ = run_build(tmp_path, files)
    expected = f"content/pages/p.md:2: is written to {page_slug}/index.html, as is {taken_by}"
    assert_one_line_error(code, log, expected)


def test_a_tag_that_makes_no_address_is_named(tmp_path):
    files = {"posts/a.md": post("A", Tags="fine, ???")}
    code, log, _ = run_build(tmp_path, files)
    assert_one_line_error(code, log, "content/posts/a.md:3: Tags '???' makes the address part ''")


def test_a_link_to_a_missing_post_names_the_post_and_the_target(tmp_path):
    body = "First line.\n\nSee [the other one]({filename}/posts/gone.md) and [this]({filename}b.md)."
    files = {"posts/a.md": post("A", body=body), "posts/b.md": post("B", date="2026-01-11")}
    code, log, site = run_build(tmp_path, files)
    assert_one_line_error(
        code, log,
        "content/posts/a.md:6: links to {filename}/posts/gone.md, which is not a file in the content folder",
    )
    assert "{filename}b.md" not in log, "the link that resolves is not reported"
    assert not site.path("/2026/01/10/a/").exists(), "the raw {filename} link is never published"


def test_a_link_to_a_missing_static_file_names_the_post_and_the_target(tmp_path):
    # Pelican makes a static file of every {static} link it meets while the
    # posts are read (a summary made from the text meets them), there or not.
    body = "![gone]({static}/images/gone.png) is the first thing here.\n\nAnd more."
    files = {"posts/a.md": post("A", body=body), "images/x.png": b"\x89PNG\r\n\x1a\n"}
    code, log, _ = run_build(tmp_path, files)
    assert_one_line_error(
        code, log,
        "content/posts/a.md:4: links to {static}/images/gone.png, which is not a file in the content folder",
    )


def test_links_that_resolve_build(tmp_path):
    body = "See [B]({filename}b.md), [B again]({filename}/posts/b.md) and ![x]({static}/images/x.png)."
    files = {
        "posts/a.md": post("A", body=body),
        "posts/b.md": post("B", date="2026-01-11"),
        "images/x.png": b"\x89PNG\r\n\x1a\n",
    }
    code, log, site = run_build(tmp_path, files)
    assert code == 0, log
    hrefs = [a["href"] for a in site.soup("/2026/01/10/a/").select(".entry-content a")]
    assert hrefs == ["../../../../2026/01/11/b/"] * 2


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("Save_as", "../../out.html", "Save_As '../../out.html' is not a relative path of plain parts"),
        ("Url", "/../x/", "Url '/../x/' is not a relative path of plain parts"),
        ("Lang", "../en", "Lang '../en' is not a language code"),
    ],
)
def test_other_headers_that_become_paths_are_checked(key, value, message):
    text = f"Title: T\nDate: 2026-01-02\n{key}: {value}\n\nBody.\n"
    problems = check_header("content/posts/t.md", read_header(text), needs_date=True)
    assert len(problems) == 1, problems
    assert str(problems[0]).startswith(f"content/posts/t.md:3: {message}")


def test_output_collisions_groups_writers_by_path():
    writes = [("a/index.html", "x.md"), ("/a/index.html", "y.md"), ("b/index.html", "x.md")]
    assert output_collisions(writes) == [("a/index.html", ["x.md", "y.md"])]


def test_any_other_file_written_twice_names_both_writers(tmp_path):
    # Two theme pages sent to one file: nothing the checks before writing compare.
    code, log, _ = run_build(tmp_path, {"posts/a.md": post("A")}, settings=['ARCHIVES_SAVE_AS="index.html"'])
    assert_one_line_error(code, log, "are both written to index.html; give one of them another Slug")
    assert "the archives.html template" in log and "the index.html template" in log, log
    assert "FileOverwriteFailedError" not in log


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("Url", "", "Url '' is empty"),
        ("Save_as", "", "Save_As '' is empty"),
        ("Save_as", "..../", "Save_As '..../' is not a relative path of plain parts"),
        ("Save_as", "notes/", "Save_As 'notes/' names a folder"),
        ("Url", "a b/", "Url 'a b/' is not a relative path of plain parts"),
    ],
)
def test_save_as_and_url_must_be_plain_paths_inside_the_site(tmp_path, key, value, message):
    # Found by the fuzz test: an empty Url sent two posts' share pages to one file,
    # a Save_as ending in '/' ended in NotADirectoryError.
    files = {
        "posts/a.md": post("A", **{key: value}),
        "posts/b.md": post("B", date="2026-01-11", **{key: value}),
    }
    code, log, _ = run_build(tmp_path, files)
    assert_one_line_error(code, log, f"content/posts/a.md:3: {message}")


def test_two_posts_at_one_address_are_named(tmp_path):
    files = {
        "posts/a.md": post("A", Url="notes/", Save_as="notes/a.html"),
        "posts/b.md": post("B", Url="notes/", Save_as="notes/b.html"),
    }
    code, log, _ = run_build(tmp_path, files)
    expected = "content/posts/a.md:3: has the address notes/, as has "
    assert_one_line_error(code, log, expected)
    assert "content/posts/b.md; give one of them another Url" in log
