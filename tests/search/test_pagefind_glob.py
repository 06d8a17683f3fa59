"""pressless.core.pagefind: Pagefind reads the chosen entries in the site itself (--glob).

A scratch tree of hard links used to be made and deleted for every batch
(thousands of folders at 1,000 posts). Now the entries are named to Pagefind
by a glob over the site; only paths a glob could misread, symlinks and
over-long lists still go through the scratch tree. Both ways must give the
same bundle, byte for byte, and only the chosen pages may be indexed.
"""

import json

import pytest

from pressless.core import pagefind
from pressless.core.pagefind import GLOB_MOST_BYTES, SCRATCH, PagefindOptions, index_batch, paths_glob

ENTRY = """<!DOCTYPE html><html lang="en"><head><title>{title}</title></head>
<body><nav>menu words</nav><main><h1 data-pagefind-body>{title}</h1>
<div data-pagefind-body><p>{body}</p></div></main></body></html>
"""
ENTRIES = {
    "2025/03/01/anchovy/index.html": ("Anchovy", "Anchovies and capers with quinces."),
    "2025/03/02/barley/index.html": ("Barley", "Barley soup for the cold days."),
    "about/index.html": ("About", "Who writes here, and why."),
}
# A listing page that must never reach the index.
LISTING = "2025/index.html"


def write_site(folder):
    for path, (title, body) in {**ENTRIES, LISTING: ("Archive", "Listing of everything zebra.")}.items():
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(ENTRY.format(title=title, body=body), encoding="utf-8")
    return folder


def bundle_files(folder):
    return {str(path.relative_to(folder)): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


def test_a_glob_names_exactly_the_paths():
    assert paths_glob(["a/index.html", "b-c/d_e.html"]) == "{a/index.html,b-c/d_e.html}"
    assert paths_glob(["2025/été/index.html"]) == "{2025/été/index.html}"


@pytest.mark.parametrize(
    "paths",
    [[], ["a,b/index.html"], ["a/*.html"], ["{a}/index.html"], ["a b/index.html"], ["[x]/index.html"],
     ["../outside.html"], ["a/index.html"] * (GLOB_MOST_BYTES // 10)],
)
def test_what_a_glob_cannot_say_goes_through_the_scratch_tree(paths):
    assert paths_glob(paths) is None


def test_glob_and_scratch_tree_write_the_same_bundle(tmp_path, monkeypatch):
    site = write_site(tmp_path / "site")
    chosen = sorted(ENTRIES)
    made_scratch = []
    real_link_tree = pagefind.link_tree

    def noting_link_tree(*args):
        made_scratch.append(args)
        return real_link_tree(*args)

    monkeypatch.setattr(pagefind, "link_tree", noting_link_tree)
    index_batch(site, chosen, tmp_path / "by-glob", PagefindOptions())
    assert made_scratch == []  # no scratch tree for plain paths
    assert not (site / SCRATCH).exists()

    monkeypatch.setattr(pagefind, "paths_glob", lambda paths: None)
    index_batch(site, chosen, tmp_path / "by-tree", PagefindOptions())
    assert len(made_scratch) == 1

    by_glob, by_tree = bundle_files(tmp_path / "by-glob"), bundle_files(tmp_path / "by-tree")
    assert by_glob == by_tree
    entry = json.loads(by_glob["pagefind-entry.json"])
    assert sum(language["page_count"] for language in entry["languages"].values()) == len(ENTRIES)


def test_a_page_pagefind_skips_fails_the_batch(tmp_path):
    # Pagefind reads only <main> (SEARCH_ROOT_SELECTOR) and passes over a page
    # without one, exiting 0; the count of indexed pages gives it away.
    site = write_site(tmp_path / "site")
    about = site / "about" / "index.html"
    about.write_text(about.read_text(encoding="utf-8").replace("main>", "div>"), encoding="utf-8")
    with pytest.raises(pagefind.PagefindError, match=r"indexed 2 of the 3 entry pages.*inside <main>"):
        index_batch(site, sorted(ENTRIES), tmp_path / "bundle", PagefindOptions())
    # Read whole, the page is indexed.
    index_batch(site, sorted(ENTRIES), tmp_path / "whole", PagefindOptions(root_selector=None))
