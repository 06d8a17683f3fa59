"""The suite never reads the blog's own content/, so a blogger's own posts never break it."""

import shutil
import subprocess
import sys

import pytest

from pressless.tools.quality.links import check_links
from tests.fixtures.blog import ROOT

from .helpers import post


def test_reading_the_blogs_content_fails_here_and_in_every_process_tests_start():
    with pytest.raises(PermissionError, match="content folder"):
        (ROOT / "content" / "posts").iterdir().__next__()
    result = subprocess.run(
        [sys.executable, "-c", f"import os; os.listdir({str(ROOT / 'content')!r})"],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode != 0 and "a test read the blog's own content folder" in result.stderr


def test_a_bloggers_own_blog_builds_and_checks_with_the_tasks(tmp_path):
    """The example posts and comments gone, one post of the blogger's own: the tasks still work."""
    project = tmp_path / "blog"
    for part in ("theme", "plugins", "pressless", "tasks.py", "pelicanconf.py", "publishconf.py"):
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, project / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, project / part)
    (project / "content" / "posts").mkdir(parents=True)
    (project / "content" / "posts" / "mine.md").write_text(post("My First Own Post", body="Hello, world."))
    invoke = [sys.executable, "-m", "invoke"]
    new = subprocess.run(
        [*invoke, "new-post", "A Draft of Mine"], cwd=project, capture_output=True, text=True, check=False
    )
    assert new.returncode == 0, new.stdout + new.stderr
    build = subprocess.run([*invoke, "build"], cwd=project, capture_output=True, text=True, check=False)
    assert build.returncode == 0, build.stdout + build.stderr
    output = project / "output"
    assert (output / "2026" / "01" / "10" / "my-first-own-post" / "index.html").is_file()
    assert (output / "category" / "uncategorized" / "index.html").is_file()
    assert (output / "drafts" / "a-draft-of-mine" / "index.html").is_file()
    assert check_links(output).failures == []
