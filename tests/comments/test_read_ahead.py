"""Comments read and rendered while the posts are read (plugins/comments/ahead.py), in a real build."""

import os
import subprocess
import sys
from types import SimpleNamespace

from bs4 import BeautifulSoup

from tests.conftest import BuiltSite
from tests.fixtures.blog import PREVIEW_SETTINGS, ROOT

SETTINGS = """import sys
sys.path.insert(0, {blog!r})
from preview_settings import *  # noqa
CACHE_PATH = {cache!r}
PLUGIN_PATHS = [{plugins!r}]
PLUGINS = [*PLUGINS, "note_comment_reads"]
NOTE_COMMENT_READS_TO = {note!r}
COMMENTS_PROCESSES = {processes}
"""


def build(folder, processes):
    note = folder / "reads.txt"
    settings = folder / "settings.py"
    settings.write_text(SETTINGS.format(
        blog=str(PREVIEW_SETTINGS.parent), cache=str(folder / "cache"), note=str(note), processes=processes,
        plugins=str(ROOT / "tests" / "speed" / "fixtures" / "plugins")), encoding="utf-8")
    output = folder / "site"
    result = subprocess.run([sys.executable, "-m", "pelican", "-s", str(settings), "-o", str(output)],
                            cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    return BuiltSite(output), note.read_text(encoding="utf-8").split()


def comment_sections(site):
    """{page: its comment section's HTML} of every page that has one, parsed."""
    sections = {}
    for file in site.html_files():
        section = site.soup(site.url_of(file)).select_one("#comments")
        if section is not None:
            sections[site.url_of(file)] = str(section)
    return sections


def test_pelicans_process_reads_no_comment_file_when_a_copy_read_them_ahead(tmp_path):
    (tmp_path / "one").mkdir()
    (tmp_path / "ahead").mkdir()
    alone, read_here = build(tmp_path / "one", processes=1)
    ahead, read_after_copy = build(tmp_path / "ahead", processes=2)
    assert len(read_here) > 10 and all(path.endswith(".md") for path in read_here)
    assert read_after_copy == [], "the copy started at initialized read every comment file"
    sections = comment_sections(ahead)
    shown = [BeautifulSoup(html, "html.parser").select(".comment-body") for html in sections.values()]
    assert sum(map(len, shown)) > 10
    assert sections == comment_sections(alone)


def test_a_copy_a_failed_build_left_waiting_is_stopped_by_the_next_build(tmp_path):
    from pelican.settings import read_settings

    from plugins import comments

    settings = read_settings(str(PREVIEW_SETTINGS),
                             override={"CACHE_PATH": str(tmp_path / "cache"), "COMMENTS_PROCESSES": 2})
    pelican = SimpleNamespace(settings=settings)
    comments.check(pelican)  # the build fails before add_comments takes the copy's result
    pid = settings[comments._AHEAD_KEY]._pid
    assert os.path.exists(f"/proc/{pid}")
    comments.check(pelican)  # `pelican --autoreload` builds again with the same settings
    assert not os.path.exists(f"/proc/{pid}")
    files, rendered, faces = comments.read_ahead(settings)
    assert len(files) > 3 and rendered and faces
