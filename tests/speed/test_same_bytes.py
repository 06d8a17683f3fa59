"""The reader cache, parallel reading and the URL memo change nothing built.

A blog of generated posts (bench/corpus.py: code blocks, tables, quotes,
lists, threaded comments) is built without the speed plugins, then with
them: cold with a process pool, warm from the cache, and with one process.
Every file of every build must be byte for byte the reference's.
"""

import sys

import pytest

from ..build.helpers import ROOT, build, tree_digest

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
WITHOUT_SPEED_PLUGINS = 'PLUGINS = [p for p in PLUGINS if p not in ("reader_cache", "url_memo")]'


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
    entries = list((folder / "cache-parallel" / "reader-cache").rglob("*.json"))
    assert len(entries) >= 60


def test_one_process_matches_too(blog):
    folder, reference = blog
    settings = settings_file(folder, "serial", folder / "cache-serial", "READER_CACHE_PROCESSES = 1")
    returncode, log = build(settings, folder / "serial")
    assert returncode == 0, log
    assert differing(tree_digest(folder / "serial"), reference) == []
