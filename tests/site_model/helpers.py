"""Build small sites of the tests' own and read what Pelican said."""

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import BuiltSite
from tests.fixtures.blog import PREVIEW_SETTINGS, ROOT


def post(title, date="2026-01-10 10:00", body="Some words of the post.", **fields):
    """A post file's text; keyword fields become header lines (image_alt -> Image_Alt)."""
    lines = [f"Title: {title}", f"Date: {date}"]
    lines += [f"{key.title()}: {value}" for key, value in fields.items()]
    return "\n".join(lines) + f"\n\n{body}\n"


def write_content(folder, files):
    """Write {relative path: text} under folder/content; return the content folder."""
    content = Path(folder) / "content"
    for relative, text in files.items():
        target = content / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            target.write_bytes(text)
        else:
            target.write_text(text, encoding="utf-8")
    return content


def run_build(folder, files, settings=(), env=None):
    """Build the files with the test blog's settings; return (exit code, log, BuiltSite)."""
    content = write_content(folder, files)
    output = Path(folder) / "output"
    command = [sys.executable, "-m", "pelican", str(content), "-s", str(PREVIEW_SETTINGS), "-o", str(output)]
    if settings:
        # One -e with every setting: a second -e replaces the first.
        command += ["-e", *settings]
    environment = {**os.environ, "COLUMNS": "1000", "NO_COLOR": "1", **(env or {})}
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=environment, check=False)
    return result.returncode, result.stdout + result.stderr, BuiltSite(output)


def assert_one_line_error(code, log, expected):
    """The build stopped with `expected` in its log and no traceback."""
    assert code != 0, log
    assert expected in log, log
    assert "Traceback" not in log, log
