"""plugins/search: `pelican` alone writes a Pagefind index of entry text only.

A small blog written here is built with plain `pelican ... -s settings.py`
(no build tool around it) from publish settings, served on 127.0.0.1 and
searched in Chromium through Pagefind's own JavaScript API, as the /search/
page does.
"""

import json
import os
import subprocess
import sys

import pytest

from pressless.core.pagefind import PagefindOptions, index_batch

from ..conftest import ROOT, serve_folder

AUTHOR = "Quillfeather Zebedee"
POSTS = {
    "harbour": ("Lanterns by the harbour", "marmalade", "Published", "cormorant"),
    "orchard": ("Pruning the old orchard", "gooseberry", "Published", "cormorant"),
    "draft": ("Unfinished notes", "zeppelinfish", "Draft", "cormorant"),
}

SEARCH = """async (word) => {
    const pagefind = await import("/pagefind/pagefind.js");
    const search = await pagefind.search(word);
    return Promise.all(search.results.map(async (r) => {
        const data = await r.data();
        return {url: data.url, excerpt: data.excerpt, title: data.meta.title};
    }));
}"""


def write_blog(folder):
    posts = folder / "content" / "posts"
    posts.mkdir(parents=True)
    for slug, (title, word, status, tag) in POSTS.items():
        (posts / f"{slug}.md").write_text(
            f"Title: {title}\nDate: 2025-03-0{len(slug) % 9 + 1} 10:00\nCategory: Outdoors\n"
            f"Tags: {tag}\nAuthor: {AUTHOR}\nStatus: {status.lower()}\nSlug: {slug}\n\n"
            f"We spread {word} on toast while the tide came in.\n\n"
            f"A second paragraph about weather and {word} again.\n",
            encoding="utf-8",
        )
    settings = folder / "settings.py"
    settings.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom publishconf import *  # noqa\n"
        f"PATH = {str(folder / 'content')!r}\nCACHE_PATH = {str(folder / 'cache')!r}\n",
        encoding="utf-8",
    )
    return settings


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    folder = tmp_path_factory.mktemp("search-blog")
    settings = write_blog(folder)
    output = folder / "output"
    done = subprocess.run(
        [sys.executable, "-m", "pelican", str(folder / "content"), "-s", str(settings), "-o", str(output)],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    with serve_folder(output) as url:
        yield output, url


def test_plain_pelican_writes_an_index_of_the_published_entries(published):
    output, _ = published
    entry = json.loads((output / "pagefind" / "pagefind-entry.json").read_text())
    pages = sum(language["page_count"] for language in entry["languages"].values())
    assert pages == 2  # two published posts; no draft, no listing page
    assert not (output / ".search-source").exists()


def test_reading_only_main_gives_the_index_of_the_whole_page(published, tmp_path):
    # Pagefind reads only the theme's <main> (SEARCH_ROOT_SELECTOR, faster);
    # what it indexes is all inside, so the bundle is byte for byte the same.
    output, _ = published
    entries = sorted(str(path.relative_to(output)) for path in output.rglob("index.html")
                     if "data-pagefind-body" in path.read_text(encoding="utf-8"))
    assert len(entries) == 2  # the published posts
    index_batch(output, entries, tmp_path / "main", PagefindOptions())
    index_batch(output, entries, tmp_path / "whole", PagefindOptions(root_selector=None))

    def files(folder):
        return {str(path.relative_to(folder)): path.read_bytes()
                for path in folder.rglob("*") if path.is_file()}

    assert files(tmp_path / "main") == files(tmp_path / "whole")


def test_a_body_word_finds_its_post(page, published):
    _, url = published
    page.goto(url + "/search/")
    results = page.evaluate(SEARCH, "marmalade")
    assert [r["url"] for r in results] == ["/2025/03/08/harbour/"]
    assert "<mark>marmalade</mark>" in results[0]["excerpt"]
    assert results[0]["title"].replace("\xa0", " ") == "Lanterns by the harbour"  # typogrify: widont


def test_the_title_is_indexed(page, published):
    _, url = published
    page.goto(url + "/search/")
    assert [r["url"] for r in page.evaluate(SEARCH, "pruning")] == ["/2025/03/08/orchard/"]


@pytest.mark.parametrize(
    "word",
    [
        "quillfeather",  # the byline's author
        "cormorant",  # the tag row
        "outdoors",  # the category label
        "comment",  # "Leave a comment" and its screen-reader text
        "reddit",  # the share row
    ],
)
def test_byline_tags_and_share_row_are_not_in_results(page, published, word):
    _, url = published
    page.goto(url + "/search/")
    html = (published[0] / "2025" / "03" / "08" / "harbour" / "index.html").read_text().lower()
    assert word in html, "the word is on the post page, outside its content"
    for result in page.evaluate(SEARCH, word):
        assert word not in result["excerpt"].lower(), result


def test_a_publish_build_never_indexes_a_draft(page, published):
    output, url = published
    page.goto(url + "/search/")
    assert page.evaluate(SEARCH, "zeppelinfish") == []
    assert not (output / "drafts").exists()


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ('SEARCH_INDEX = "yes"', "search: SEARCH_INDEX must be True or False"),
        ('SEARCH_EXCLUDE_SELECTORS = ".aside"', "search: SEARCH_EXCLUDE_SELECTORS must be a list"),
        ("SEARCH_PAGES_PER_INDEX = 0", "search: SEARCH_PAGES_PER_INDEX must be a whole number of at least 1"),
        ('SEARCH_PROCESSES = "2"', "search: SEARCH_PROCESSES must be a whole number of at least 1, not '2'"),
    ],
)
def test_a_wrong_setting_is_one_line(tmp_path, setting, message):
    settings = write_blog(tmp_path)
    settings.write_text(settings.read_text() + setting + "\n")
    done = subprocess.run(
        [sys.executable, "-m", "pelican", str(tmp_path / "content"), "-s", str(settings),
         "-o", str(tmp_path / "output")],
        cwd=ROOT, capture_output=True, text=True, check=False, env={**os.environ, "COLUMNS": "300"},
    )
    log = done.stdout + done.stderr
    assert done.returncode == 1
    assert message in log
    assert "Traceback" not in log
