"""The preview starts from the reader cache a build of the same settings filled, and the other way round."""

import sqlite3

from plugins.reader_cache.store import ReaderStore
from pressless.tools.build import build_site

from .helpers import PreviewProcess, write_fixture_site


def cached_entries(cache):
    with sqlite3.connect(cache / "reader-cache" / ReaderStore.FILE) as database:
        return {key for (key,) in database.execute("SELECT key FROM entries")}


def test_a_build_and_a_preview_of_the_same_settings_share_the_reader_cache(tmp_path):
    # The preview switches how the run goes (one process, no search index, its
    # own output folders); none of that changes what a file reads as.
    settings, _ = write_fixture_site(tmp_path / "blog")
    cache = tmp_path / "cache"
    settings.write_text(settings.read_text() + f"CACHE_PATH = {str(cache)!r}\n")
    build_site(settings, tmp_path / "built")
    after_the_build = cached_entries(cache)
    assert len(after_the_build) == 7  # six posts and a page
    for output in ("output", "other-output"):
        preview = PreviewProcess(settings, tmp_path / output)
        try:
            preview.wait_until_serving()
            assert preview.get("/")[0] == 200
        finally:
            preview.stop()
        assert cached_entries(cache) == after_the_build, f"the preview into {output}/ read files again"
    # A setting that changes what posts read as still reads them again.
    settings.write_text(settings.read_text() + 'TYPOGRIFY_OMIT_FILTERS = ["widont"]\n')
    build_site(settings, tmp_path / "built-again")
    assert len(cached_entries(cache)) == 14
