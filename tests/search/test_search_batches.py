"""plugins/search: a site indexed in batches, one Pagefind bundle each, searched as one.

Pagefind's memory grows with the words one run indexes, so the search plugin
indexes SEARCH_PAGES_PER_INDEX entries at a time. Here a small blog is built
with two entries per index (seven posts: four bundles) by plain `pelican`
(preview settings: relative links),
served on 127.0.0.1, and searched on its /search/ page in Chromium: one
search must find posts of the first and of the last bundle together.
"""

import json
import os
import subprocess
import sys
from typing import ClassVar

import pytest

from pressless.core import pagefind
from pressless.core.pagefind import bundle_batches

from ..conftest import ROOT, serve_folder

FIXTURE_PLUGINS = ROOT / "tests" / "search" / "fixtures" / "plugins"
# slug -> (day of March 2025, words of its body). Bundles follow the sorted
# output paths, that is the dates: 01+02, 03+04, 05+06, 07.
POSTS = {
    "anchovy": (1, "Anchovies and capers, with a note on quinces."),
    "barley": (2, "Barley soup for the cold days."),
    "chestnut": (3, "Roasting chestnuts by the fire."),
    "damson": (4, "Damson jam in late summer."),
    "elderflower": (5, "Elderflower cordial for the fete."),
    "fennel": (6, "Fennel seeds in the bread."),
    "gooseberry": (7, "Gooseberry fool, and quinces again."),
}
FIRST_BUNDLE_ONLY = "anchovies"  # in anchovy only
LAST_BUNDLE_ONLY = "gooseberry"  # in gooseberry only
FIRST_AND_LAST = "quinces"  # in anchovy and gooseberry, nowhere else


def post_url(slug):
    return f"/2025/03/{POSTS[slug][0]:02d}/{slug}/"


def write_blog(folder, slugs, extra_settings=""):
    posts = folder / "content" / "posts"
    posts.mkdir(parents=True, exist_ok=True)
    for old in posts.glob("*.md"):
        old.unlink()
    for slug in slugs:
        day, body = POSTS[slug]
        (posts / f"{slug}.md").write_text(
            f"Title: About {slug}\nDate: 2025-03-{day:02d} 10:00\nCategory: Kitchen\n"
            f"Slug: {slug}\n\n{body}\n",
            encoding="utf-8",
        )
    settings = folder / "settings.py"
    settings.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *  # noqa\n"
        f"PATH = {str(folder / 'content')!r}\nCACHE_PATH = {str(folder / 'cache')!r}\n"
        f"SEARCH_PAGES_PER_INDEX = 2\n{extra_settings}",
        encoding="utf-8",
    )
    return settings


def pelican(folder, settings):
    """Plain `pelican` into folder/output, as an author runs it; (returncode, log)."""
    done = subprocess.run(
        [sys.executable, "-m", "pelican", str(folder / "content"), "-s", str(settings),
         "-o", str(folder / "output")],
        cwd=ROOT, capture_output=True, text=True, check=False,
        env={**os.environ, "COLUMNS": "300"},  # the log's lines unwrapped
    )
    return done.returncode, done.stdout + done.stderr


def bundle_pages(bundle):
    entry = json.loads((bundle / "pagefind-entry.json").read_text())
    return sum(language["page_count"] for language in entry["languages"].values())


@pytest.fixture(scope="module")
def batched(tmp_path_factory):
    folder = tmp_path_factory.mktemp("batched-blog")
    returncode, log = pelican(folder, write_blog(folder, POSTS))
    assert returncode == 0, log
    with serve_folder(folder / "output") as url:
        yield folder / "output", url


def search_page_results(page, url, word):
    page.goto(f"{url}/search/?q={word}")
    page.wait_for_function("!/Searching/.test(document.getElementById('search-status').textContent)")
    return [link.get_attribute("href") for link in page.locator(".search-result-title a").all()]


def test_seven_entries_two_per_index_make_four_bundles(batched):
    output, _ = batched
    bundle = output / "pagefind"
    listed = json.loads((bundle / "pressless-bundles.json").read_text())
    assert listed == {"merge": ["part-2/", "part-3/", "part-4/"]}
    assert [bundle_pages(bundle / part) for part in ["", "part-2", "part-3", "part-4"]] == [2, 2, 2, 1]
    assert not list(bundle.glob("part-5"))


def test_the_search_page_finds_words_of_the_first_and_the_last_bundle(page, batched):
    _, url = batched
    assert search_page_results(page, url, FIRST_BUNDLE_ONLY) == [post_url("anchovy")]
    assert search_page_results(page, url, LAST_BUNDLE_ONLY) == [post_url("gooseberry")]


def test_one_search_lists_results_of_every_bundle_together(page, batched):
    _, url = batched
    found = search_page_results(page, url, FIRST_AND_LAST)
    assert sorted(found) == sorted([post_url("anchovy"), post_url("gooseberry")])
    assert "2 results" in page.locator("#search-status").inner_text()


def test_batches_are_sorted_runs_whatever_the_order_given():
    paths = [f"p{number}/index.html" for number in (5, 1, 4, 2, 3)]
    assert bundle_batches(paths, 2) == [
        ("", ["p1/index.html", "p2/index.html"]),
        ("part-2", ["p3/index.html", "p4/index.html"]),
        ("part-3", ["p5/index.html"]),
    ]
    assert bundle_batches([], 2) == [("", [])]


def test_batches_are_as_even_as_can_be():
    # Seven pages at most three a run: three runs, not 3 + 3 + 1.
    paths = [f"p{number}/index.html" for number in range(1, 8)]
    assert [len(run) for _folder, run in bundle_batches(paths, 3)] == [3, 2, 2]
    assert [len(run) for _folder, run in bundle_batches([f"{n:04}" for n in range(5002)], 1000)] == (
        [834] * 4 + [833] * 2)


def bundle_files(bundle):
    return {path.relative_to(bundle): path.read_bytes() for path in bundle.rglob("*") if path.is_file()}


def test_batches_indexed_side_by_side_make_the_same_bundles(tmp_path):
    # SEARCH_PROCESSES Pagefind runs at a time: four batches three at a
    # time give byte for byte the bundles of one run after another.
    bundles = {}
    for processes in (1, 3):
        folder = tmp_path / f"processes-{processes}"
        returncode, log = pelican(folder, write_blog(folder, POSTS, f"SEARCH_PROCESSES = {processes}\n"))
        assert returncode == 0, log
        bundles[processes] = bundle_files(folder / "output" / "pagefind")
        # Several batches go through scratch folders of links; none is left.
        assert not list((folder / "output").glob(".search-source*"))
    assert len([path for path in bundles[1] if path.name == "pagefind-entry.json"]) == 4
    assert bundles[3] == bundles[1]


def test_a_smaller_rebuild_leaves_no_stale_bundle(page, tmp_path):
    returncode, log = pelican(tmp_path, write_blog(tmp_path, POSTS))
    assert returncode == 0, log
    bundle = tmp_path / "output" / "pagefind"
    assert (bundle / "part-4" / "pagefind.js").is_file()

    # Three posts left: two bundles, into the same output folder.
    returncode, log = pelican(tmp_path, write_blog(tmp_path, ["anchovy", "barley", "gooseberry"]))
    assert returncode == 0, log
    assert sorted(path.name for path in bundle.glob("part-*")) == ["part-2"]
    assert json.loads((bundle / "pressless-bundles.json").read_text()) == {"merge": ["part-2/"]}
    assert [bundle_pages(bundle), bundle_pages(bundle / "part-2")] == [2, 1]
    with serve_folder(tmp_path / "output") as url:
        assert search_page_results(page, url, "chestnuts") == []  # its post and its bundle are gone
        assert search_page_results(page, url, FIRST_AND_LAST) != []


def test_pagefind_failing_in_the_last_batch_fails_the_build(tmp_path):
    broken = f'PLUGIN_PATHS = [{str(FIXTURE_PLUGINS)!r}]\nPLUGINS = ["break_last_entry", *PLUGINS]\n'
    returncode, log = pelican(tmp_path, write_blog(tmp_path, POSTS, broken))
    assert returncode != 0, log
    assert "search: Pagefind could not index the site: 1 files failed to index" in log
    assert "Traceback" not in log


def build_watching_the_index(tmp_path, settings):
    """Build POSTS with a plugin generator that waits for the index; (what it saw, bundle sizes)."""
    extra = (f'PLUGIN_PATHS = [{str(FIXTURE_PLUGINS)!r}]\nPLUGINS = [*PLUGINS, "index_seen_while_writing"]\n'
             + settings)
    returncode, log = pelican(tmp_path, write_blog(tmp_path, POSTS, extra))
    assert returncode == 0, log
    output = tmp_path / "output"
    sizes = [bundle_pages(output / "pagefind" / part) for part in ["", "part-2", "part-3", "part-4"]]
    return (output / "index-seen-while-writing.txt").read_text(), sizes


@pytest.mark.parametrize("processes", [1, 2])
def test_indexing_runs_while_the_plugin_generators_write(tmp_path, processes):
    # Pagefind starts once every writer has written the entry pages
    # (pressless.core.writing.ENTRIES_WRITTEN), not on `finalized`: a plugin
    # generator that waits sees the first bundle written, and the build's
    # index is the same as ever.
    seen, sizes = build_watching_the_index(tmp_path, f"PARALLEL_WRITER_PROCESSES = {processes}\n")
    assert seen == "yes"
    assert sizes == [2, 2, 2, 1]


def test_a_site_above_the_early_start_limit_is_indexed_after_the_writers(tmp_path):
    # Pagefind beside every writer holds both in memory at once: above
    # SEARCH_EARLY_START_MAX_PAGES entry pages it waits for `finalized`.
    settings = ("PARALLEL_WRITER_PROCESSES = 2\nSEARCH_EARLY_START_MAX_PAGES = 6\n"
                "INDEX_SEEN_WAIT_SECONDS = 4\n")
    seen, sizes = build_watching_the_index(tmp_path, settings)
    assert seen == "no"
    assert sizes == [2, 2, 2, 1]


class FakeBatch:
    """Stands for one Pagefind run in start_indexing; notes when it starts, ends or is stopped."""

    events: ClassVar[list] = []
    fails: ClassVar[set] = set()

    def __init__(self, site, relative_paths, bundle, options, scratch, by_glob=True):
        self.name = bundle.name
        self.events.append(f"start {self.name}")

    def finish(self):
        self.events.append(f"finish {self.name}")
        if self.name in self.fails:
            raise pagefind.PagefindError("broken")
        return ""

    def stop(self):
        self.events.append(f"stop {self.name}")


def run_fake_batches(monkeypatch, tmp_path, processes, fails=()):
    monkeypatch.setattr(pagefind, "PagefindBatch", FakeBatch)
    monkeypatch.setattr(FakeBatch, "events", [])
    monkeypatch.setattr(FakeBatch, "fails", set(fails))
    paths = [f"p{number}/index.html" for number in range(1, 6)]
    finish = pagefind.start_indexing(tmp_path, paths, pagefind.PagefindOptions(), bundle_folder="b",
                                     pages_per_index=1, processes=processes)
    FakeBatch.events.append("finish() called")
    try:
        finish()
    except pagefind.PagefindError:
        FakeBatch.events.append("failed")
    return FakeBatch.events


def test_at_most_search_processes_runs_at_once(monkeypatch, tmp_path):
    assert run_fake_batches(monkeypatch, tmp_path, processes=2) == [
        "start b", "start part-2", "finish() called", "finish b", "start part-3", "finish part-2",
        "start part-4", "finish part-3", "start part-5", "finish part-4", "finish part-5",
    ]
    assert run_fake_batches(monkeypatch, tmp_path, processes=1) == [
        "start b", "finish() called", "finish b", "start part-2", "finish part-2", "start part-3",
        "finish part-3", "start part-4", "finish part-4", "start part-5", "finish part-5",
    ]


def test_a_failed_batch_stops_the_runs_beside_it(monkeypatch, tmp_path):
    events = run_fake_batches(monkeypatch, tmp_path, processes=3, fails={"b"})
    assert events == ["start b", "start part-2", "start part-3", "finish() called", "finish b",
                      "stop part-2", "stop part-3", "failed"]
    assert not (tmp_path / "b" / pagefind.BUNDLE_LIST).exists()
