"""The preview starts from the reader cache a build of the same settings filled, and the other way round."""

from bs4 import BeautifulSoup

from pressless.tools.build import build_site

from ..build.helpers import reader_cache_keys
from .helpers import LiveListener, PreviewProcess, save, write_fixture_site


def test_a_build_and_a_preview_of_the_same_settings_share_the_reader_cache(tmp_path):
    # The preview switches how the run goes (one process, no search index, its
    # own output folders); none of that changes what a file reads as.
    settings, _ = write_fixture_site(tmp_path / "blog")
    cache = tmp_path / "cache"
    settings.write_text(settings.read_text() + f"CACHE_PATH = {str(cache)!r}\n")
    build_site(settings, tmp_path / "built")
    after_the_build = reader_cache_keys(cache)
    assert len(after_the_build) == 7  # six posts and a page
    for output in ("output", "other-output"):
        preview = PreviewProcess(settings, tmp_path / output)
        try:
            preview.wait_until_serving()
            assert preview.get("/")[0] == 200
        finally:
            preview.stop()
        assert reader_cache_keys(cache) == after_the_build, f"the preview into {output}/ read files again"
    # A setting that changes what posts read as still reads them again.
    settings.write_text(settings.read_text() + 'TYPOGRIFY_OMIT_FILTERS = ["widont"]\n')
    build_site(settings, tmp_path / "built-again")
    assert len(reader_cache_keys(cache)) == 14


def test_a_settings_edit_reading_does_not_consult_reads_from_the_cache(tmp_path):
    # The blogger renames the site while previewing: every post comes from the
    # cache (at 1,000 posts 1.2 s, where reading them through Markdown took 5 s).
    settings, _ = write_fixture_site(tmp_path / "blog")
    cache = tmp_path / "cache"
    save(settings, settings.read_text() + f"CACHE_PATH = {str(cache)!r}\n")
    preview = PreviewProcess(settings, tmp_path / "output")
    try:
        preview.wait_until_serving()
        listener = LiveListener(preview.live_port)
        entries = reader_cache_keys(cache)
        assert len(entries) == 7
        renamed = "SITENAME = 'Plot and Oven'\nMENUITEMS = [('Elsewhere', '/x/')]\n"
        save(settings, settings.read_text() + renamed)
        listener.wait_for("reload")
        status, body = preview.get("/")
        assert status == 200
        assert "Plot and Oven" in BeautifulSoup(body, "lxml").title.get_text()
        assert reader_cache_keys(cache) == entries, "the posts were read through Markdown again"
    finally:
        preview.stop()
