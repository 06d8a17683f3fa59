"""Fixture sites for the build tests, and ways to watch a build from outside.

Every site here is written by the test into its own temporary folder; the
blog's content/ is never read.
"""

import hashlib
import os
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures"

# Runs one build in its own process, as `invoke build` does.
BUILD_SCRIPT = textwrap.dedent(
    """
    import sys
    from pressless.tools.build import BuildError, build_site
    try:
        build_site(sys.argv[1], sys.argv[2])
    except BuildError as error:
        sys.exit(f"build failed: {error}")
    """
)

FIXED_MTIME = 1_750_000_000

POST = """Title: {title}
Date: 2025-0{month}-1{day} 09:00
Category: {category}
Tags: {tags}
Author: Test Author
Summary: Summary of {title}.

{body}
"""


def paragraphs(seed, count=6):
    words = ["granite", "harbour", "lantern", "meadow", "orchard", "quarry", "saddle", "thistle"]
    lines = []
    for index in range(count):
        chosen = [words[(seed * 7 + index * 3 + k) % len(words)] for k in range(12)]
        lines.append(f"Paragraph {index} of post {seed}: " + " ".join(chosen) + ".")
    return "\n\n".join(lines)


def write_site(folder, edition, posts=12, extra_settings=""):
    """Write a small blog (content + settings.py) and return the settings file.

    `edition` goes into every title, so two editions give two different sites.
    """
    folder = Path(folder)
    content = folder / "content"
    (content / "posts").mkdir(parents=True, exist_ok=True)
    (content / "pages").mkdir(parents=True, exist_ok=True)
    for stale in (content / "posts").glob("*.md"):
        stale.unlink()
    for number in range(posts):
        text = POST.format(
            title=f"{edition} post {number}",
            month=1 + number % 9,
            day=number % 10,
            category=("Notes", "Travel")[number % 2],
            tags=f"tag{number % 3}, common",
            body=paragraphs(number),
        )
        (content / "posts" / f"post-{number}.md").write_text(text, encoding="utf-8")
    (content / "pages" / "about.md").write_text(
        f"Title: About {edition}\n\nAbout this test blog.\n", encoding="utf-8"
    )
    # The sitemap dates pages without a Date by their file's mtime.
    for written in content.rglob("*.md"):
        os.utime(written, (FIXED_MTIME, FIXED_MTIME))
    settings = folder / "settings.py"
    settings.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *  # noqa\n"
        f"PATH = {str(content)!r}\nCACHE_PATH = {str(folder / 'cache')!r}\n"
        # Per-post comment feeds stamp the build time (issue 15, defect 8):
        # off, so two builds of one edition are byte for byte the same.
        f"COMMENTS_POST_FEED_ATOM = None\nCOMMENTS_FEED_ATOM = None\n{extra_settings}",
        encoding="utf-8",
    )
    return settings


def tree_digest(folder):
    """{relative path: sha256} of every file under folder (empty if it is missing)."""
    folder = Path(folder)
    if not folder.is_dir():
        return {}
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def reader_cache_keys(cache):
    """The keys of every entry in the reader cache under CACHE_PATH `cache`."""
    with sqlite3.connect(Path(cache) / "reader-cache" / "entries.sqlite") as database:
        return {key for (key,) in database.execute("SELECT key FROM entries")}


def start_build(settings, output, script=BUILD_SCRIPT, *args):
    """Start a build in its own process (and session, so signals stay targeted)."""
    return subprocess.Popen(
        [sys.executable, "-c", script, str(settings), str(output), *map(str, args)],
        cwd=ROOT,
        start_new_session=True,
        # Wide, so Rich's log lines are not wrapped mid-path.
        env={**os.environ, "COLUMNS": "300"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def build(settings, output):
    process = start_build(settings, output)
    out, err = process.communicate(timeout=300)
    return process.returncode, out + err


def _stat_fields(pid):
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    # The command name is in parentheses and may hold spaces.
    return text[text.rindex(")") + 2 :].split()


def is_running(pid):
    fields = _stat_fields(pid)
    return fields is not None and fields[0] not in ("Z", "X")


def children_of(pid):
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            fields = _stat_fields(entry.name)
            if fields and fields[1] == str(pid) and fields[0] not in ("Z", "X"):
                found.append(int(entry.name))
    return found


def processes_mentioning(text):
    """Live processes whose command line contains `text`."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if text in command and is_running(entry.name):
            found.append((int(entry.name), command))
    return found


def wait_until(condition, timeout=60, step=0.02):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(step)
    raise AssertionError(f"timed out waiting for {condition}")
