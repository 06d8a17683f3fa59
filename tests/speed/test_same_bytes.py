"""The reader cache, parallel reading, the URL memo and quick listings change nothing built.

A blog of generated posts (bench/corpus.py: code blocks, tables, quotes,
lists, threaded comments) is built without the speed plugins, then with
them: cold with a process pool, warm from the cache, and with one process.
Every file of every build must be byte for byte the reference's.
"""

import sqlite3
import sys

import pytest

from plugins.reader_cache.store import ReaderStore, fingerprint
from pressless.core.fingerprints import code_folders

from ..build.helpers import ROOT, build, reader_cache_keys, tree_digest

sys.path.insert(0, str(ROOT / "bench"))
import corpus  # bench/ is not a package

SETTINGS = """import sys
sys.path.insert(0, {root!r})
from pelicanconf import *  # noqa
PATH = {content!r}
CACHE_PATH = {cache!r}
# Per-post comment feeds of posts without comments stamp the build time
# (issue 15, defect 8): off, so two builds can be compared at all.
COMMENTS_POST_FEED_ATOM = None
{extra}
"""
# The reference build has none of the speed plugins; the assert keeps the
# filter honest should a plugin be renamed.
WITHOUT_SPEED_PLUGINS = """
SPEED = ("plugins.reader_cache", "plugins.url_memo", "plugins.quick_listings", "plugins.parallel_writer",
         "plugins.build_memo")
assert all(name in PLUGINS for name in SPEED), PLUGINS
PLUGINS = [name for name in PLUGINS if name not in SPEED]
"""


def settings_file(folder, name, cache, extra=""):
    path = folder / f"{name}.py"
    path.write_text(
        SETTINGS.format(root=str(ROOT), content=str(folder / "content"), cache=str(cache), extra=extra),
        encoding="utf-8",
    )
    return path


@pytest.fixture(scope="module")
def blog(tmp_path_factory):
    folder = tmp_path_factory.mktemp("same-bytes")
    corpus.generate(folder, 60, 3)
    reference = folder / "reference"
    plain = settings_file(folder, "plain", folder / "no-cache", WITHOUT_SPEED_PLUGINS)
    returncode, log = build(plain, reference)
    assert returncode == 0, log
    digest = tree_digest(reference)
    assert len(digest) > 300
    return folder, digest


def differing(digest, reference):
    return sorted(name for name in set(digest) | set(reference) if digest.get(name) != reference.get(name))


def test_cold_parallel_then_warm_builds_match_a_build_without_the_plugins(blog):
    folder, reference = blog
    settings = settings_file(folder, "parallel", folder / "cache-parallel", "READER_CACHE_PROCESSES = 2")
    for run in ("cold", "warm"):
        returncode, log = build(settings, folder / run)
        assert returncode == 0, log
        assert differing(tree_digest(folder / run), reference) == [], run
    with sqlite3.connect(folder / "cache-parallel" / "reader-cache" / ReaderStore.FILE) as database:
        (entries,) = database.execute("SELECT count(*) FROM entries").fetchone()
    assert entries >= 60


def test_one_process_matches_too(blog):
    folder, reference = blog
    settings = settings_file(folder, "serial", folder / "cache-serial", "READER_CACHE_PROCESSES = 1")
    returncode, log = build(settings, folder / "serial")
    assert returncode == 0, log
    assert differing(tree_digest(folder / "serial"), reference) == []


def assert_a_change_reads_everything_again(folder, name, change):
    """Built into one cache folder before and after `change` (settings lines): the second
    build equals one without the speed plugins, and differs from the first."""
    cache = folder / f"cache-{name}"
    assert build(settings_file(folder, f"{name}-before", cache), folder / f"{name}-before")[0] == 0
    without_speed_plugins = f"{change}\n{WITHOUT_SPEED_PLUGINS}"
    plain = settings_file(folder, f"{name}-plain", folder / f"no-cache-{name}", without_speed_plugins)
    assert build(plain, folder / f"{name}-plain")[0] == 0
    assert build(settings_file(folder, f"{name}-after", cache, change), folder / f"{name}-after")[0] == 0
    expected = tree_digest(folder / f"{name}-plain")
    assert differing(tree_digest(folder / f"{name}-before"), expected), "the change must change the site"
    assert differing(tree_digest(folder / f"{name}-after"), expected) == []


def test_a_changed_setting_reads_everything_again(blog):
    # Typogrify without widont: a stale cache would keep the &nbsp; before
    # every paragraph's last word.
    folder, _ = blog
    change = 'TYPOGRIFY_OMIT_FILTERS = ["amp", "caps", "initial_quotes", "widont"]'
    assert_a_change_reads_everything_again(folder, "typogrify", change)


def test_a_setting_reading_does_not_consult_keeps_every_entry(blog):
    # What the theme shows and a plugin's options: no post reads differently, so
    # no post is read again (a miss would add every post's entry anew).
    folder, _ = blog
    cache = folder / "cache-site-name"
    assert build(settings_file(folder, "site-name-before", cache), folder / "site-name-before")[0] == 0
    entries = reader_cache_keys(cache)
    change = ('SITENAME = "Plot and Oven"\nSITESUBTITLE = "Another subtitle"\n'
              'MENUITEMS = [("Elsewhere", "https://example.org/")]\nCOMMENTS_EMAIL = "letters@example.org"')
    assert build(settings_file(folder, "site-name-after", cache, change), folder / "site-name-after")[0] == 0
    assert reader_cache_keys(cache) == entries
    without_speed_plugins = f"{change}\n{WITHOUT_SPEED_PLUGINS}"
    plain = settings_file(folder, "site-name-plain", folder / "no-cache-site-name", without_speed_plugins)
    assert build(plain, folder / "site-name-plain")[0] == 0
    expected = tree_digest(folder / "site-name-plain")
    assert differing(tree_digest(folder / "site-name-before"), expected), "the change must change the site"
    assert differing(tree_digest(folder / "site-name-after"), expected) == []


def test_an_edited_post_is_read_again(blog):
    folder, _ = blog
    cache = folder / "cache-edit"
    settings = settings_file(folder, "edit", cache)
    assert build(settings, folder / "edit-before")[0] == 0
    post = sorted((folder / "content" / "posts").glob("*.md"))[5]
    original = post.read_bytes()
    try:
        post.write_bytes(original + b'\n\nAn added "quoted" paragraph -- with dashes.\n')
        assert build(settings, folder / "edit-after")[0] == 0
        plain = settings_file(folder, "edit-plain", folder / "no-cache-3", WITHOUT_SPEED_PLUGINS)
        assert build(plain, folder / "edit-plain")[0] == 0
    finally:
        post.write_bytes(original)
    assert differing(tree_digest(folder / "edit-after"), tree_digest(folder / "edit-plain")) == []


def test_a_change_to_code_in_plugin_paths_reads_everything_again(tmp_path):
    """A plugin from PLUGIN_PATHS may read: its code is in the fingerprint (all of ours too, then)."""
    plugin = tmp_path / "plugins" / "some_plugin.py"
    plugin.parent.mkdir()
    plugin.write_text("VALUE = 1\n")
    settings = {"PATH": "content", "PLUGIN_PATHS": [str(tmp_path / "plugins")]}
    before = fingerprint(settings)
    plugin.write_text("VALUE = 2\n")
    assert fingerprint(settings) != before
    assert ROOT / "plugins" in code_folders({}) and ROOT / "pressless" in code_folders({})


MARKED_FORMATTER = """from pygments.formatters import HtmlFormatter


class MarkedFormatter(HtmlFormatter):
    def wrap(self, source):
        yield 0, "<!-- marked -->"
        yield from super().wrap(source)
"""
USE_MARKED_FORMATTER = """sys.path.insert(0, {folder!r})
from marked_formatter import MarkedFormatter
MARKDOWN["extension_configs"]["markdown.extensions.codehilite"]["pygments_formatter"] = MarkedFormatter
"""


def test_a_class_given_in_the_settings_reads_everything_again(blog):
    # The codehilite formatter is a class: one of another name or source must
    # not be served the code blocks the theme's own formatter made.
    folder, _ = blog
    (folder / "marked_formatter.py").write_text(MARKED_FORMATTER, encoding="utf-8")
    change = USE_MARKED_FORMATTER.format(folder=str(folder))
    assert_a_change_reads_everything_again(folder, "formatter", change)
