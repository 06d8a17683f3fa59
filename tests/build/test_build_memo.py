"""A build with nothing changed writes nothing; any change builds again (plugins/build_memo).

The test blog (content, comments, images) and a copy of the theme are
written into a temporary folder and built through the atomic build `invoke
build` uses. After each change, the next build into the same output folder
must build again and hold exactly what a fresh build into a new folder
holds, file for file, byte for byte.
"""

import os
import re
import shutil
import time
from datetime import UTC, datetime, timedelta

from bs4 import BeautifulSoup

from plugins.build_memo import NOTHING_CHANGED
from tests.fixtures.blog import CONTENT, ROOT

from .helpers import build, tree_digest

SETTINGS = """import sys
sys.path.insert(0, {root!r})
from pelicanconf import *  # noqa
PATH = {content!r}
THEME = {theme!r}
CACHE_PATH = {cache!r}
{extra}
"""
POST = "posts/night-train-to-vienna.md"
OPEN_POST = "is-a-raspberry-pi-enough"  # comments open, two of them


class Site:
    """A blog of its own under `folder`, with a live output folder and fresh builds beside it."""

    def __init__(self, folder, extra="", content=CONTENT):
        self.folder = folder
        self.content = folder / "content"
        self.theme = folder / "theme"
        self.live = folder / "live"
        self.settings = folder / "settings.py"
        shutil.copytree(content, self.content)
        shutil.copytree(ROOT / "theme", self.theme)
        self.extra = extra
        self.write_settings()
        self.fresh_count = 0

    def write_settings(self, more=""):
        self.settings.write_text(
            SETTINGS.format(root=str(ROOT), content=str(self.content), theme=str(self.theme),
                            cache=str(self.folder / "cache"), extra=self.extra + more),
            encoding="utf-8",
        )

    def build_live(self):
        returncode, log = build(self.settings, self.live)
        assert returncode == 0, log
        return log

    def build_fresh(self):
        self.fresh_count += 1
        fresh = self.folder / f"fresh-{self.fresh_count}"
        returncode, log = build(self.settings, fresh)
        assert returncode == 0, log
        assert NOTHING_CHANGED not in log
        return tree_digest(fresh)


def stamps(folder):
    """(size, mtime, inode) of every file: a rewritten or replaced file shows."""
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            status = path.stat()
            found[path.relative_to(folder).as_posix()] = (status.st_size, status.st_mtime_ns, status.st_ino)
    return found


def differing(first, second):
    return sorted(name for name in set(first) | set(second) if first.get(name) != second.get(name))


def assert_nothing_written(site):
    before = stamps(site.live)
    log = site.build_live()
    assert NOTHING_CHANGED in log, log
    assert stamps(site.live) == before
    assert not list(site.folder.glob(".live.staging-*")), "the staging folder is removed"


def assert_rebuilds_like_fresh(site, previous):
    log = site.build_live()
    assert NOTHING_CHANGED not in log, log
    live = tree_digest(site.live)
    assert differing(live, site.build_fresh()) == []
    return live


def test_nothing_changed_writes_nothing_and_each_change_builds_again(tmp_path):
    site = Site(tmp_path)
    site.build_live()
    first = tree_digest(site.live)
    assert len(first) > 100 and "pagefind/pagefind.js" in first
    assert_nothing_written(site)
    assert differing(tree_digest(site.live), site.build_fresh()) == []

    post = site.content / POST
    post.write_text(post.read_text(encoding="utf-8") + "\nAn added closing line.\n", encoding="utf-8")
    edited = assert_rebuilds_like_fresh(site, first)
    assert differing(edited, first), "the edit shows"
    assert_nothing_written(site)

    comment = site.content / "comments" / "night-train-to-vienna" / "99.md"
    comment.write_text("Author: Ines Vogel\nDate: 2026-11-22 08:00\n\nWhich carriage did you take?\n",
                       encoding="utf-8")
    commented = assert_rebuilds_like_fresh(site, edited)
    assert differing(commented, edited), "the comment shows"

    template = site.theme / "templates" / "base.html"
    template.write_text(template.read_text(encoding="utf-8").replace("</body>", "<!-- edited -->\n</body>"),
                        encoding="utf-8")
    themed = assert_rebuilds_like_fresh(site, commented)
    assert "<!-- edited -->" in (site.live / "index.html").read_text(encoding="utf-8")

    site.write_settings("DEFAULT_PAGINATION = 4\n")
    paginated = assert_rebuilds_like_fresh(site, themed)
    assert "page/3/index.html" in paginated and "page/3/index.html" not in themed

    (site.live / "about" / "index.html").unlink()
    restored = assert_rebuilds_like_fresh(site, paginated)
    assert restored == paginated, "the deleted file is back, nothing else moved"

    touched = site.live / "index.html"
    os.utime(touched, (1_700_000_000, 1_700_000_000))
    log = site.build_live()
    assert NOTHING_CHANGED not in log, "a touched output file builds again"
    assert_nothing_written(site)


# -- the clock: nothing on disk changes, only the time -------------------------

def iso(moment):
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S+00:00")


def scheduled_post(moment):
    return (f"Title: Arrives later\nDate: {iso(moment)}\nCategory: Notes\nTags: trains\n"
            "Summary: A post that waits for its date.\n\nIt waits for its date.\n")


def post_page(site_folder, slug):
    pages = [path for path in site_folder.rglob("index.html")
             if path.parent.name == slug and not path.is_relative_to(site_folder / "share")]
    assert len(pages) == 1, pages
    return BeautifulSoup(pages[0].read_text(encoding="utf-8"), "lxml")


def wait_until(moment):
    while datetime.now(UTC) <= moment:
        time.sleep(0.2)


def test_the_clock_passing_a_posts_date_or_a_closing_date_builds_again(tmp_path):
    scheduled = Site(tmp_path / "scheduled")
    closing = Site(tmp_path / "closing", extra="COMMENTS_CLOSE_AFTER_DAYS = 1\n")
    # How long a build takes here: the moment must come after both first builds.
    started = time.monotonic()
    scheduled.build_live()
    margin = timedelta(seconds=3 * (time.monotonic() - started) + 5)
    moment = datetime.now(UTC) + margin
    (scheduled.content / "posts" / "arrives-later.md").write_text(scheduled_post(moment), encoding="utf-8")
    post = closing.content / "posts" / f"{OPEN_POST}.md"
    closes_then = f"Date: {iso(moment - timedelta(days=1))}"
    text = re.sub(r"(?m)^Date: .*$", closes_then, post.read_text("utf-8"), count=1)
    post.write_text(text, encoding="utf-8")
    scheduled.build_live()
    closing.build_live()
    before = {site: tree_digest(site.live) for site in (scheduled, closing)}
    assert datetime.now(UTC) < moment, "the machine was too slow to build before the moment"
    assert post_page(scheduled.live, "arrives-later").select(".entry-label-scheduled")
    assert post_page(closing.live, OPEN_POST).select("#respond")

    wait_until(moment)
    for site in (scheduled, closing):
        after = assert_rebuilds_like_fresh(site, before[site])
        assert differing(after, before[site]), "the moment changed the site"
    assert not post_page(scheduled.live, "arrives-later").select(".entry-label-scheduled")
    assert not post_page(closing.live, OPEN_POST).select("#respond")


# -- every reader of the clock is one build_memo knows -------------------------

CLOCK_CALL = re.compile(r"\b(build_now|datetime\.now|datetime\.utcnow|date\.today|time\.time)\(")
# What each one decides, and where build_memo sees it (plugins/build_memo/README.md).
KNOWN_CLOCK_READERS = {
    "pressless/core/clock.py",  # the build's one "now"
    "plugins/scheduled_posts/__init__.py",  # published or held back: the entry lists, `scheduled`
    "plugins/comments/__init__.py",  # future comments, closing: each post's comment section
    "plugins/seo/__init__.py",  # sitemap date of a listing with no dated post: only with no post
    "plugins/build_memo/inputs.py",  # that same case: never unchanged
}


def test_every_reader_of_the_clock_is_known_to_build_memo():
    found = {
        path.relative_to(ROOT).as_posix()
        for folder in ("plugins", "pressless/core")
        for path in (ROOT / folder).rglob("*.py")
        if CLOCK_CALL.search(path.read_text(encoding="utf-8"))
    }
    templates = [path for path in (ROOT / "theme").rglob("*.html")
                 if re.search(r"\bnow\(", path.read_text(encoding="utf-8"))]
    assert found == KNOWN_CLOCK_READERS, "a new clock reader: add what it decides to build_memo's clock view"
    assert templates == []
