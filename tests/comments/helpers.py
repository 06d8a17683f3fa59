"""Build small throwaway sites with chosen posts and comment files.

They use the project's own pelicanconf.py (theme, plugins, settings) with a
content folder written by the test, so a test controls exactly which
comments exist. Pelican runs as its own process, as `invoke build` does.
"""

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import BuiltSite
from tests.fixtures.blog import PREVIEW_SETTINGS

ROOT = Path(__file__).resolve().parents[2]


def post_text(slug, title, date="2026-01-10 10:00", extra=""):
    return (
        f"Title: {title}\nDate: {date}\nSlug: {slug}\nAuthor: Test Author\n"
        f"Category: Tests\n{extra}\nA post for comment tests.\n"
    )


def comment_text(author, date, body, **fields):
    """A comment file; keyword fields become header lines (reply_to -> Reply-To)."""
    lines = [f"Author: {author}", f"Date: {date}"]
    lines += [f"{key.replace('_', '-').title()}: {value}" for key, value in fields.items()]
    return "\n".join(lines) + f"\n\n{body}\n"


def build_fixture_site(folder, posts, comments, extra_settings=()):
    """Write content and build it; return (BuiltSite, Pelican's log text).

    posts: {slug: post file text}; comments: {"slug/id": comment file text}.
    Raises AssertionError with the log when Pelican fails.
    """
    folder = Path(folder)
    content = folder / "content"
    for slug, text in posts.items():
        (content / "posts").mkdir(parents=True, exist_ok=True)
        (content / "posts" / f"{slug}.md").write_text(text, encoding="utf-8")
    for name, text in comments.items():
        target = content / "comments" / f"{name}.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    output = folder / "output"
    command = [
        sys.executable,
        "-m",
        "pelican",
        str(content),
        "-s",
        str(PREVIEW_SETTINGS),
        "-o",
        str(output),
    ]
    if extra_settings:
        # One -e with every pair: Pelican keeps only the last -e given.
        command += ["-e", *extra_settings]
    # Wide enough that Pelican's log never wraps a file name across lines.
    env = {**os.environ, "COLUMNS": "1000", "NO_COLOR": "1"}
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=env, check=False)
    log = result.stdout + result.stderr
    assert result.returncode == 0, log
    return BuiltSite(output), log
