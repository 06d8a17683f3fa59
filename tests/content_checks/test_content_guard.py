"""A bad post stops the build with one line naming it, and output/ survives."""

import hashlib
import os
import shutil
import subprocess
import sys

import pytest

from plugins.content_guard.checks import check_header
from pressless.core.header import read_header
from pressless.tools.build import BuildError, build_site
from tests.fixtures.blog import CONTENT
from tests.fixtures.blog.metadata import ROOT

GOOD_HEADER = "Title: Fine\nDate: 2026-01-02 10:00\nCategory: Notes\n\nBody.\n"
BAD_POSTS = {
    "missing-title.md": ("Date: 2026-01-02\nCategory: Notes\n\nBody.\n", 1, "missing Title"),
    "bad-date.md": ("Title: When\nDate: yesterday-ish\n\nBody.\n", 2, "unparseable Date"),
    "bad-status.md": ("Title: Odd\nDate: 2026-01-02\nStatus: publsihed\n\nBody.\n", 3,
                      "unknown Status 'publsihed'"),
}


@pytest.mark.parametrize("name", sorted(BAD_POSTS))
def test_check_header_names_line_and_problem(name):
    text, line, message = BAD_POSTS[name]
    problems = check_header(f"content/posts/{name}", read_header(text), needs_date=True)
    assert [(p.line, p.message.startswith(message)) for p in problems] == [(line, True)]
    assert str(problems[0]).startswith(f"content/posts/{name}:{line}: ")


def test_valid_header_has_no_problems():
    assert check_header("x.md", read_header(GOOD_HEADER), needs_date=True) == []
    draft = read_header("Title: Later\nStatus: draft\n\nBody\n")
    assert check_header("x.md", draft, needs_date=True) == []


def _content_copy(tmp_path, bad_name=None):
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    if bad_name:
        (content / "posts" / bad_name).write_text(BAD_POSTS[bad_name][0])
    return content


def _tree_digest(folder):
    digest = hashlib.sha256()
    for file in sorted(folder.rglob("*")):
        if file.is_file():
            digest.update(file.relative_to(folder).as_posix().encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()


@pytest.mark.parametrize("name", sorted(BAD_POSTS))
def test_pelican_stops_with_one_line_and_keeps_output(tmp_path, name):
    content = _content_copy(tmp_path, name)
    output = tmp_path / "output"
    output.mkdir()
    (output / "index.html").write_text("<p>the last good build</p>")
    before = _tree_digest(output)
    result = subprocess.run(
        [sys.executable, "-m", "pelican", str(content), "-s", "pelicanconf.py", "-o", str(output)],
        cwd=ROOT, capture_output=True, text=True, check=False,
        env={**os.environ, "COLUMNS": "300"},
    )
    log = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in log
    _, line, message = BAD_POSTS[name]
    naming = [row for row in log.splitlines() if f"posts/{name}:{line}: {message}" in row]
    assert len(naming) == 1, log
    assert _tree_digest(output) == before


def test_atomic_build_keeps_previous_output(tmp_path):
    content = _content_copy(tmp_path, "bad-date.md")
    settings = tmp_path / "settings.py"
    settings.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n"
        f"PATH = {str(content)!r}\n"
    )
    output = tmp_path / "output"
    output.mkdir()
    (output / "index.html").write_text("the last good build")
    with pytest.raises(BuildError):
        build_site(settings, output)
    assert (output / "index.html").read_text() == "the last good build"
    assert not list(tmp_path.glob(".output.staging*")), "no staging folder left behind"
    (content / "posts" / "bad-date.md").unlink()
    build_site(settings, output)
    assert "the last good build" not in (output / "index.html").read_text()
