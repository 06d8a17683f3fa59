"""Point 2: after each kind of edit, the preview serves and writes what a full build writes.

The preview runs as a process on a fixture blog; after every edit the test
waits for the reload message, fetches every file a fresh full build
(pressless.tools.build.build_site, Pagefind included) of the same content
wrote, and compares bytes: first as served right after the reload (pages
rendered on request), then on disk once the preview says search is up to
date.
"""


import pytest

from pressless.tools.build import build_site

from .helpers import (
    LiveListener,
    PreviewProcess,
    post_text,
    save,
    site_files,
    url_of,
    write_fixture_site,
)

SEARCH_ENTRY = "pagefind/pagefind-entry.json"
# Pagefind indexes entry bodies and titles only: these edits change its index.
CHANGES_SEARCHED_TEXT = {"title", "new post", "deleted post", "body", "title, slug kept"}
# Edits whose post's page is rendered before the reload, the rest of the site
# settling after it: headers that change how a post shows or how it is filed,
# comment files, a page, and posts added, moved (a new slug) or deleted.
QUICK_EDITS = {"title", "tags", "new post", "deleted post", "new comment", "removed comment", "category",
               "sticky", "sticky no more", "author", "page body", "summary", "comments closed", "share off",
               "slug", "title, slug kept", "new draft", "draft filed", "draft published",
               "date"}
QUICK_UPDATE = "page updated (the rest follows)"


@pytest.fixture
def fixture_site(tmp_path):
    settings, content = write_fixture_site(tmp_path / "blog")
    preview = PreviewProcess(settings, tmp_path / "preview-output")
    preview.wait_until_serving()
    listener = LiveListener(preview.live_port)
    yield tmp_path, settings, content, preview, listener
    preview.stop()


def full_build(tmp_path, settings, step):
    folder = build_site(settings, tmp_path / f"full-{step}" / "output")
    return site_files(folder)


def assert_served_like(expected, preview):
    for relative, data in expected.items():
        if relative.startswith("pagefind/"):
            continue  # brought up to date after the refresh; compared on disk below
        status, body = preview.get(url_of(relative))
        assert status == 200, relative
        served = preview.without_client(body)
        assert served == data, f"served {relative} differs from the full build"


def assert_written_like(expected, preview):
    written = site_files(preview.output)
    assert sorted(written) == sorted(expected)
    for relative, data in expected.items():
        assert written[relative] == data, f"written {relative} differs"


def edit(path, old, new):
    save(path, path.read_text(encoding="utf-8").replace(old, new, 1))


def test_preview_follows_every_kind_of_edit(fixture_site):
    tmp_path, settings, content, preview, listener = fixture_site
    posts = content / "posts"
    listener.wait_for("pressless-search-updated", timeout=120)
    expected = full_build(tmp_path, settings, "start")
    assert_written_like(expected, preview)
    assert_served_like(expected, preview)

    edits = [
        ("title", lambda: edit(posts / "rye-bread-week.md", "Title: Rye Bread Week",
                               "Title: Rye Bread Month")),
        ("tags", lambda: edit(posts / "mulch-before-frost.md", "Tags: soil, winter, trees",
                              "Tags: soil, mulch")),
        ("new post", lambda: save(posts / "pickling-onions.md", post_text(
            "Pickling Onions", "2024-07-04 09:00", "Kitchen", ["rye", "winter"],
            "Onions in vinegar, with a word about rye.", summary="Sharp and sweet."))),
        ("deleted post", lambda: (posts / "baking-with-kids.md").unlink()),
        ("new comment", lambda: save(content / "comments" / "compost-in-spring" / "c9.md",
                                     "Author: Oskar\nDate: 2024-05-26 10:00\n\nMy heap is too wet.\n")),
        ("removed comment", lambda: (content / "comments" / "compost-in-spring" / "c9.md").unlink()),
        ("category", lambda: edit(posts / "compost-in-spring.md", "Category: Garden", "Category: Kitchen")),
        ("sticky", lambda: edit(posts / "pruning-apple-trees.md", "Summary:", "Sticky: true\nSummary:")),
        ("sticky no more", lambda: edit(posts / "pruning-apple-trees.md", "Sticky: true", "Sticky: no")),
        ("author", lambda: edit(posts / "rye-bread-week.md", "Summary:", "Author: Ida Berg\nSummary:")),
        ("new draft", lambda: save(posts / "seed-catalogue.md", post_text(
            "Seed Catalogue", "2024-08-01 08:00", "Garden", ["winter"], "What to order.", status="draft"))),
        ("draft filed", lambda: edit(posts / "seed-catalogue.md", "Tags: winter", "Tags: winter, seeds")),
        ("draft published", lambda: edit(posts / "seed-catalogue.md", "Status: draft", "Status: published")),
        ("date", lambda: edit(posts / "compost-in-spring.md", "Date: 2024-05-25", "Date: 2024-02-25")),
        ("page body", lambda: edit(content / "pages" / "about.md", "A small fixture blog.",
                                   "A small fixture blog, grown.")),
        ("body", lambda: edit(posts / "sourdough-starter-notes.md", "A second part.",
                              "A second part, now with rhubarb.")),
        ("summary", lambda: edit(posts / "rye-bread-week.md", "Summary: All", "Summary: Nearly all")),
        ("comments closed", lambda: edit(posts / "rye-bread-week.md", "Summary:",
                                         "Comments: closed\nSummary:")),
        ("share off", lambda: edit(posts / "pruning-apple-trees.md", "Summary:", "Share: no\nSummary:")),
        ("slug", lambda: edit(posts / "sourdough-starter-notes.md", "Summary:", "Slug: sourdough\nSummary:")),
        ("title, slug kept", lambda: edit(posts / "sourdough-starter-notes.md",
                                          "Title: Sourdough Starter Notes", "Title: Sourdough, Revised")),
    ]
    for step, (name, make_edit) in enumerate(edits):
        log_before = len(preview.log.read_text())
        old_search_entry = (preview.output / SEARCH_ENTRY).read_bytes()
        listener.drain()
        make_edit()
        listener.wait_for("reload")
        # Never before the refresh: the index is the old one when the reload goes out.
        assert (preview.output / SEARCH_ENTRY).read_bytes() == old_search_entry, name
        expected = full_build(tmp_path, settings, step)
        assert_served_like(expected, preview)
        listener.wait_for("pressless-search-updated")
        assert_written_like(expected, preview)
        if name in CHANGES_SEARCHED_TEXT:
            assert (preview.output / SEARCH_ENTRY).read_bytes() != old_search_entry, name
        # The quick update rendered the post's page exactly as the settled model does.
        log = preview.log.read_text()
        assert "changed again" not in log, name
        # In-place edits never wait for a whole rebuild (a watcher may report a
        # new folder and its file apart: two quick updates for one edit).
        this_step = log[log_before:]
        if name in QUICK_EDITS:
            assert QUICK_UPDATE in this_step and "rebuilt in" not in this_step, (name, this_step)
        else:
            assert QUICK_UPDATE not in this_step, (name, this_step)
