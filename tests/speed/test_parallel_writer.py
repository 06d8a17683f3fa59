"""Pages written by several processes are the pages one process writes (plugins/parallel_writer).

The test blog is built with one writer process and with two and three;
every file must be byte for byte the same. A template error on a page
another process renders fails the build, naming the page.
"""

import json
import re
import shutil

import pytest

from plugins.parallel_writer import check_settings
from plugins.parallel_writer.shares import owner_of, write_share_only
from pressless.core.writing import SHARE_ATTRIBUTE
from tests.fixtures.blog import CONTENT, ROOT

from ..build.helpers import build, tree_digest
from .helpers import with_fixture_plugin

SETTINGS = """import sys
sys.path.insert(0, {root!r})
from pelicanconf import *  # noqa
PATH = {content!r}
THEME = {theme!r}
CACHE_PATH = {cache!r}
PARALLEL_WRITER_PROCESSES = {processes}
"""


def settings_file(folder, processes, theme=ROOT / "theme"):
    path = folder / f"settings-{processes}.py"
    path.write_text(SETTINGS.format(root=str(ROOT), content=str(CONTENT), theme=str(theme),
                                    cache=str(folder / "cache"), processes=processes), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def one_process(tmp_path_factory):
    folder = tmp_path_factory.mktemp("parallel-writer")
    returncode, log = build(settings_file(folder, 1), folder / "one")
    assert returncode == 0, log
    digest = tree_digest(folder / "one")
    assert len(digest) > 200
    return folder, digest


@pytest.mark.parametrize("processes", [2, 3])
def test_several_writer_processes_write_the_same_bytes(one_process, processes):
    folder, reference = one_process
    output = folder / f"processes-{processes}"
    returncode, log = build(settings_file(folder, processes), output)
    assert returncode == 0, log
    digest = tree_digest(output)
    assert sorted(digest) == sorted(reference), "the same files"
    assert [name for name in digest if digest[name] != reference[name]] == []
    # Each process had pages of its own to write.
    owners = {owner_of(name, processes) for name in digest if name.endswith("index.html")}
    assert owners == set(range(processes))


def broken_for(variable, slug):
    """Jinja that fails (ZeroDivisionError) on the page whose `variable` has this slug."""
    return f'{{% if {variable}.slug == "{slug}" %}}{{{{ ({variable}.slug|length) // 0 }}}}{{% endif %}}\n'


def check_fails_naming(settings, output, page):
    returncode, log = build(settings, output)
    assert returncode != 0
    assert f"writer process 2 of 2 could not write {page}" in log, log
    assert "ZeroDivisionError" in log
    assert not output.exists(), "a failed build swaps nothing in"


def post_slugs(reference):
    return [name.split("/")[-2] for name in sorted(reference)
            if re.fullmatch(r"\d{4}/\d\d/\d\d/[^/]+/index\.html", name)]


def test_a_post_another_process_cannot_render_fails_the_build_naming_it(one_process, tmp_path):
    _, reference = one_process
    # A post page the second of two processes writes.
    page = next(name for name in sorted(reference)
                if name[:2] == "20" and name.endswith("/index.html") and owner_of(name, 2) == 1)
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    template = theme / "templates" / "article.html"
    template.write_text(broken_for("article", page.split("/")[-2]) + template.read_text(encoding="utf-8"),
                        encoding="utf-8")
    check_fails_naming(settings_file(tmp_path, 2, theme=theme), tmp_path / "site", page)


def test_shared_plugin_pages_are_split_and_one_that_fails_names_itself(one_process, tmp_path):
    # A plugin generator marked shared (like plugins/comments' feeds) writes
    # its share of its pages in every writer process.
    _, reference = one_process
    slugs = post_slugs(reference)
    (tmp_path / "whole").mkdir()
    settings = with_fixture_plugin(settings_file(tmp_path / "whole", 2), "shared_pages",
                                   template="{{ entry.title }}")
    output = tmp_path / "whole" / "site"
    returncode, log = build(settings, output)
    assert returncode == 0, log
    pages = [f"shared-pages/{slug}/index.html" for slug in slugs]
    assert all((output / page).is_file() for page in pages)
    assert {owner_of(page, 2) for page in pages} == {0, 1}
    page = next(page for page in pages if owner_of(page, 2) == 1)
    broken = broken_for("entry", page.split("/")[1]) + "{{ entry.title }}"
    settings = with_fixture_plugin(settings_file(tmp_path, 2), "shared_pages", template=broken)
    check_fails_naming(settings, tmp_path / "site", page)


def test_one_writer_per_core_by_default_but_not_more_than_four(monkeypatch):
    monkeypatch.setattr("os.cpu_count", lambda: 64)
    assert check_settings({}).processes == 4
    assert check_settings({"PARALLEL_WRITER_PROCESSES": 8}).processes == 8
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    assert check_settings({}).processes == 2


class BareWriter:
    def __init__(self, output_path):
        self.output_path = str(output_path)

    def write_file(self, *args, **kwargs):
        pass

    def _open_w(self, *args, **kwargs):
        pass

    def write_feed(self, *args, **kwargs):
        pass


def test_a_file_belongs_to_the_process_its_path_inside_the_output_names(tmp_path):
    """However Pelican or a plugin spells a file's name, its owner is that of its path in the output."""
    output = tmp_path / "output"
    names = ["index.html", "2024/12/25/a-post/index.html", "./tag/x/index.html", "tag//x/feed.xml",
             "a/../category/y/index.html", str(output / "2024/12/25/a-post/feed/atom.xml")]
    canonical = ["index.html", "2024/12/25/a-post/index.html", "tag/x/index.html", "tag/x/feed.xml",
                 "category/y/index.html", "2024/12/25/a-post/feed/atom.xml"]
    for processes in (2, 3):
        owners = []
        for index in range(processes):
            writer = BareWriter(output)
            write_share_only(writer, index, processes)
            owners.append([getattr(writer, SHARE_ATTRIBUTE)(name) for name in names])
        for column, path in enumerate(canonical):
            assert [mine[column] for mine in owners] == [index == owner_of(path, processes)
                                                          for index in range(processes)], path
    writer = BareWriter(output)
    write_share_only(writer, 1, 2)
    for escaping in ("../elsewhere.html", str(tmp_path / "elsewhere.html")):
        with pytest.raises(RuntimeError):
            getattr(writer, SHARE_ATTRIBUTE)(escaping)


def test_every_writer_writes_its_entry_pages_before_its_listings(one_process, tmp_path):
    # The search index starts on ENTRIES_WRITTEN (plugins/search): every post
    # and page must be on disk then, while Pelican's own share of the
    # listings, archives and feeds is still to be written.
    _, reference = one_process
    noted = tmp_path / "seen.json"
    settings = with_fixture_plugin(settings_file(tmp_path, 2), "note_entries_written", to=noted)
    returncode, log = build(settings, tmp_path / "site")
    assert returncode == 0, log
    seen = set(json.loads(noted.read_text(encoding="utf-8")))
    posts = [name for name in reference if re.fullmatch(r"\d{4}/\d\d/\d\d/[^/]+/index\.html", name)]
    assert len(posts) > 10 and set(posts) <= seen
    listings = [name for name in reference if name.endswith(".html") and owner_of(name, 2) == 0
                and name.split("/")[0] in ("tag", "category", "author", "page", "index.html", "archives")]
    assert len(listings) > 5
    assert seen.isdisjoint(listings)


def test_a_writer_process_logs_through_a_handler_of_its_own(tmp_path):
    # Pelican logs through rich, whose lock a forked writer may inherit held by
    # the progress display's thread (pressless.core.child_process.log_plainly).
    noted = tmp_path / "handlers.txt"
    settings = with_fixture_plugin(settings_file(tmp_path, 2), "note_writer_log_handlers", to=noted)
    returncode, log = build(settings, tmp_path / "site")
    assert returncode == 0, log
    assert noted.read_text(encoding="utf-8") == "StreamHandler"
