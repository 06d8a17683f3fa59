"""The benchmark corpus generator and the vanilla Pelican baseline config."""

import filecmp
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
POST_KEYS = {"title", "date", "category", "tags", "author", "summary", "slug"}


def generate(out, posts=5):
    subprocess.run(
        [sys.executable, str(BENCH / "corpus.py"), "--posts", str(posts), "--out", str(out)],
        check=True,
        capture_output=True,
    )
    return out


def header(path):
    """{lower-case key: value} from the `Key: value` lines above the first blank line."""
    lines = path.read_text(encoding="utf-8").split("\n\n", 1)[0].splitlines()
    return {key.lower(): value.strip() for key, value in (line.split(":", 1) for line in lines)}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return generate(tmp_path_factory.mktemp("corpus"))


def assert_trees_identical(left, right):
    comparison = filecmp.dircmp(left, right)
    assert not comparison.left_only and not comparison.right_only
    _, mismatch, errors = filecmp.cmpfiles(left, right, comparison.common_files, shallow=False)
    assert not mismatch and not errors, mismatch or errors
    for sub in comparison.common_dirs:
        assert_trees_identical(left / sub, right / sub)


def test_same_seed_writes_byte_identical_files(corpus, tmp_path):
    assert_trees_identical(corpus, generate(tmp_path / "again"))


def test_every_post_header_has_the_metadata_keys(corpus):
    posts = sorted((corpus / "content" / "posts").glob("*.md"))
    assert len(posts) == 5
    for post in posts:
        meta = header(post)
        assert meta.keys() >= POST_KEYS, post.name
        assert meta["slug"] == post.stem


def test_comments_point_at_real_posts_and_parents(corpus):
    slugs = {header(post)["slug"] for post in (corpus / "content" / "posts").glob("*.md")}
    comment_dirs = list((corpus / "content" / "comments").iterdir())
    assert comment_dirs, "seed 1 gives at least one post with comments"
    for folder in comment_dirs:
        assert folder.name in slugs
        ids = {path.stem for path in folder.glob("*.md")}
        for path in folder.glob("*.md"):
            meta = header(path)
            assert {"author", "date"} <= meta.keys()
            assert meta.get("reply-to", path.stem) in ids


def test_hugo_and_jekyll_copies_have_every_post(corpus):
    hugo = list((corpus / "hugo" / "content" / "posts").glob("*.md"))
    jekyll = list((corpus / "jekyll" / "_posts").glob("*.md"))
    assert len(hugo) == len(jekyll) == 5
    assert all(re.match(r"\d{4}-\d{2}-\d{2}-.+\.md$", path.name) for path in jekyll)


def test_vanilla_pelican_builds_every_post(corpus, tmp_path):
    out = tmp_path / "out"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pelican",
            str(corpus / "content"),
            "-s",
            str(BENCH / "vanilla_pelicanconf.py"),
            "-o",
            str(out),
            "--fatal",
            "errors",
        ],
        check=True,
        capture_output=True,
    )
    index = (out / "index.html").read_text(encoding="utf-8")
    manifest = json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))
    linked = {post["slug"] for post in manifest["posts"] if f'/{post["slug"]}.html"' in index}
    assert len(linked) == 5


def test_about_a_third_of_posts_get_comments_some_threaded(tmp_path):
    corpus = generate(tmp_path / "bigger", posts=60)
    folders = list((corpus / "content" / "comments").iterdir())
    assert 10 <= len(folders) <= 30
    replies = [path for folder in folders for path in folder.glob("*.md") if "reply-to" in header(path)]
    assert replies
