"""The live preview indexes in the same batches as a build: the same bundles, byte for byte.

The preview's fixture blog (tests/preview) with two entries per index: seven
entries, four bundles. After the preview says search is up to date, every
file under pagefind/ must equal what a full build of the same content
writes; then after two posts are added (nine entries: a fifth bundle) and
after three are deleted (six entries: the fourth and fifth bundles must go).
"""

import time

import pytest

from pressless.tools.build import build_site

from ..preview.helpers import LiveListener, PreviewProcess, post_text, save, site_files, write_fixture_site


@pytest.fixture
def preview(tmp_path):
    settings, content = write_fixture_site(tmp_path / "blog")
    settings.write_text(settings.read_text() + "SEARCH_PAGES_PER_INDEX = 2\n", encoding="utf-8")
    process = PreviewProcess(settings, tmp_path / "preview-output")
    process.wait_until_serving()
    listener = LiveListener(process.live_port)
    yield tmp_path, settings, content, process, listener
    process.stop()


def search_files(folder):
    return {name: data for name, data in site_files(folder).items() if name.startswith("pagefind/")}


def bundles(files):
    return sorted({name.split("/")[1] for name in files if name.startswith("pagefind/part-")})


def assert_same_index_as_a_build(tmp_path, settings, preview, listener, step):
    """Compare once the preview has indexed the last change (a change of several
    files may come as more than one reload, each followed by an index)."""
    built = search_files(build_site(settings, tmp_path / f"full-{step}" / "output"))
    deadline = time.monotonic() + 120
    while search_files(preview.output) != built and time.monotonic() < deadline:
        listener.wait_for("pressless-search-updated", timeout=max(1, deadline - time.monotonic()))
    written = search_files(preview.output)
    assert sorted(written) == sorted(built), step
    for name, data in built.items():
        assert written[name] == data, f"{step}: {name} differs"
    return written


def test_the_preview_writes_the_bundles_a_build_writes(preview):
    tmp_path, settings, content, process, listener = preview
    listener.wait_for("pressless-search-updated", timeout=120)
    written = assert_same_index_as_a_build(tmp_path, settings, process, listener, "start")
    assert bundles(written) == ["part-2", "part-3", "part-4"]  # 6 posts and a page

    listener.drain()
    for slug, date in [("pickling-onions", "2024-07-04 09:00"), ("plum-chutney", "2024-08-01 09:00")]:
        title = slug.replace("-", " ").title()
        save(content / "posts" / f"{slug}.md",
             post_text(title, date, "Kitchen", ["rye"], f"{title}, in jars.", summary="Sharp."))
    listener.wait_for("pressless-search-updated")
    written = assert_same_index_as_a_build(tmp_path, settings, process, listener, "added")
    assert bundles(written) == ["part-2", "part-3", "part-4", "part-5"]  # 9 entries

    listener.drain()
    for slug in ["baking-with-kids", "compost-in-spring", "rye-bread-week"]:
        (content / "posts" / f"{slug}.md").unlink()
    listener.wait_for("pressless-search-updated")
    written = assert_same_index_as_a_build(tmp_path, settings, process, listener, "deleted")
    assert bundles(written) == ["part-2", "part-3"]  # 6 entries: no stale part-4 or part-5
