"""Run Pagefind over a chosen set of built pages: the search plugin and the live preview both do.

Pagefind indexes a folder; we want only the entries (posts and pages), not
the thousands of listing pages it would otherwise open only to skip them.
So Pagefind is given the site and a `--glob` naming exactly the entries'
files (paths_glob). Where a glob cannot name them (a path with glob syntax
in it, a symlink, a list too long for one argument), the entries' files are
hard-linked (copied across file systems) into a scratch folder with the
site's layout and Pagefind indexes that; both give the same bundle. URLs
stay right: they come from each file's path relative to the folder indexed.
A site of several batches goes through scratch folders too: Pagefind walks
the whole site for a glob, once per run (0.3-0.5 s over the 50,000 files
and folders of a 5,000-post site), while linking a batch of 700 pages and
deleting the links takes 0.05 s on tmpfs and about 0.25 s on a disk.

Pagefind holds every word of every page it indexes until it writes the
bundle: about 170 kB a page for posts of 700 words (Pagefind 1.5.2), so
5,000 posts in one run peak near 880 MB. The entries are therefore indexed
in batches, each batch its own bundle: the first is the bundle folder
itself, the others sit inside it (`part-2/`, ...) so that removing the
folder removes them all, and a small JSON file in the first lists the
others, which the search page merges (pagefind.js `mergeIndex`) so one
search ranks results from every batch together. A Pagefind run spends most
of its time on one core (it builds the index alone after reading the pages
on several), so a build runs a few batches side by side.

Pagefind is told to read only each page's <main> (--root-selector): the
theme keeps everything it indexes there (the data-pagefind-body elements),
and skipping the header, sidebar and footer takes about 30% off Pagefind's
time with the same bundle. Pagefind skips a page without that element
without a word and exits 0, so the pages it says it indexed are counted
against the pages it was given.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from pressless.core.child_process import die_with_parent

SCRATCH = ".search-source"
# Pagefind exits 0 after "3 files failed to index"; that is a failure here.
FAILED_FILES = re.compile(r"^(\d+) files? failed to index", re.MULTILINE)
# Its summary: "Total:" then "  Indexed 1000 pages" (all languages).
INDEXED_PAGES = re.compile(r"^\s*Indexed (\d+) pages?\s*$", re.MULTILINE)
# The element of every entry page that holds what is indexed (theme/templates/base.html).
ROOT_SELECTOR = "main"
# Entries per Pagefind run. 1,000 posts of 700 words take Pagefind about
# 175 MB. Two runs of 700 at once (RUNS_AT_ONCE) hold ~250 MB; with
# Pelican's own ~220 MB at 5,000 posts the build stays under 500 MB.
PAGES_PER_INDEX = 700
# Pagefind runs side by side by default: one per core, at most two (memory).
RUNS_AT_ONCE = 2
# In the first bundle: the other bundles' folders, relative to it.
BUNDLE_LIST = "pressless-bundles.json"
# Linux refuses a single command-line argument over 128 kB (MAX_ARG_STRLEN).
GLOB_MOST_BYTES = 100_000


class PagefindError(Exception):
    """Pagefind did not index every page it was given."""


@dataclass(frozen=True)
class PagefindOptions:
    """How Pagefind reads each page (the search plugin's settings, SEARCH_*)."""

    exclude_selectors: tuple = ()
    force_language: str | None = None
    root_selector: str | None = ROOT_SELECTOR  # None: the whole page


def pagefind_command(source, bundle, options, glob=None):
    # Not --quiet: the summary's page count is checked (failure_of).
    command = [sys.executable, "-m", "pagefind", "--site", str(source), "--output-path", str(bundle)]
    if glob is not None:
        command += ["--glob", glob]
    if options.root_selector:
        command += ["--root-selector", options.root_selector]
    for selector in options.exclude_selectors:
        command += ["--exclude-selectors", selector]
    if options.force_language:
        command += ["--force-language", options.force_language]
    return command


def failure_of(returncode, log, pages, options):
    """The reason a Pagefind run over `pages` pages failed, or None when it indexed every one."""
    failed = FAILED_FILES.search(log)
    if failed:
        return f"{failed.group(1)} files failed to index"
    if returncode != 0:
        return f"exit code {returncode}"
    indexed = INDEXED_PAGES.search(log)
    if indexed is None or int(indexed.group(1)) != pages:
        count = "none" if indexed is None else indexed.group(1)
        inside = f" inside <{options.root_selector}> (SEARCH_ROOT_SELECTOR)" if options.root_selector else ""
        return (f"it indexed {count} of the {pages} entry pages; each needs elements marked "
                f"data-pagefind-body{inside}")
    return None


def link_tree(site, relative_paths, scratch):
    """Mirror `relative_paths` of `site` into `scratch` (hard links where possible)."""
    for relative in relative_paths:
        target = scratch / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            # A symlink is linked as it is, so Pagefind judges what it points to.
            os.link(site / relative, target, follow_symlinks=False)
        except OSError:
            shutil.copyfile(site / relative, target, follow_symlinks=False)


def paths_glob(relative_paths):
    """A Pagefind `--glob` matching exactly `relative_paths`, or None where a glob cannot say it.

    Pagefind then reads the entries in the site itself: no scratch tree of
    links to make and delete (deleting ~2,000 folders took 0.8-2 s at 1,000
    posts). Paths with a character glob syntax might give a meaning to, and
    lists too long for one command-line argument, are left to the scratch tree.
    """
    paths = list(relative_paths)
    if not paths or not all(_glob_safe(path) for path in paths):
        return None
    glob = "{" + ",".join(paths) + "}"
    return glob if len(glob.encode("utf-8")) <= GLOB_MOST_BYTES else None


def site_glob(site, relative_paths):
    """paths_glob for pages of `site`, or None when one is a symlink: a symlink (a dangling one too)
    goes through the scratch tree, where Pagefind judges what it points to."""
    if any((Path(site) / path).is_symlink() for path in relative_paths):
        return None
    return paths_glob(relative_paths)


def _glob_safe(path):
    return all(character.isalnum() or character in "._-/" for character in path) and ".." not in path


def bundle_batches(relative_paths, pages_per_index=PAGES_PER_INDEX):
    """[(bundle sub-folder, paths)]: the sorted paths in runs of at most `pages_per_index`.

    Sorted, so the same site always gives the same bundles; the first
    bundle's sub-folder is "" (the bundle folder itself). The runs are as
    even as can be (5,002 pages by 1,000 make six runs of 833-834, not five
    of 1,000 and one of 2): each Pagefind run has a fixed cost, and runs
    side by side end together. No paths still make one (empty) batch, as
    one Pagefind run over nothing did before.
    """
    paths = sorted(relative_paths)
    count = max(1, -(-len(paths) // pages_per_index))
    size, longer = divmod(len(paths), count)
    runs, start = [], 0
    for number in range(count):
        end = start + size + (1 if number < longer else 0)
        runs.append(paths[start:end])
        start = end
    return [("" if number == 1 else f"part-{number}", run) for number, run in enumerate(runs, 1)]


def bundle_list_text(batches):
    """The BUNDLE_LIST file: the bundles the search page merges into the first one."""
    merged = [f"{folder}/" for folder, _paths in batches if folder]
    return json.dumps({"merge": merged}, indent=1) + "\n"


def start_indexing(site, relative_paths, options, bundle_folder="pagefind", pages_per_index=PAGES_PER_INDEX,
                   processes=1):
    """Index only `relative_paths` of `site` into site/<bundle_folder>/ (and its part-N/ bundles),
    in two steps: start the first `processes` batches' Pagefinds and return at once.

    Returns `finish()`: it runs the other batches, at most `processes`
    Pagefinds at a time (each holds its batch's words in memory, so the
    number bounds the memory), writes the bundle list and returns
    Pagefind's log, raising PagefindError when any batch fails. Between the
    two, the caller may do other work on the other cores; nothing must write
    the entry pages.
    """
    site = Path(site)
    bundle = site / bundle_folder
    # Every bundle of an earlier build goes, the ones a larger site needed too.
    shutil.rmtree(bundle, ignore_errors=True)
    batches = bundle_batches(relative_paths, pages_per_index)
    by_glob = len(batches) == 1
    waiting = list(enumerate(batches, 1))
    running = []

    def start_next():
        number, (folder, paths) = waiting.pop(0)
        scratch = site / (SCRATCH if number == 1 else f"{SCRATCH}-{number}")
        running.append(PagefindBatch(site, paths, bundle / folder, options, scratch, by_glob))

    def stop_running():
        for batch in running:
            batch.stop()

    try:
        while waiting and len(running) < processes:
            start_next()
    except BaseException:
        stop_running()
        raise

    def finish():
        logs = []
        try:
            while running:
                # Batches are alike in size: the oldest run ends first.
                logs.append(running.pop(0).finish())
                if waiting:
                    start_next()
        finally:
            stop_running()  # none left, unless a batch failed
        bundle.mkdir(parents=True, exist_ok=True)
        (bundle / BUNDLE_LIST).write_text(bundle_list_text(batches), encoding="utf-8")
        return "".join(logs)

    return finish


def index_batch(site, relative_paths, bundle, options):
    """One Pagefind run: site's `relative_paths` into the folder `bundle`; raise PagefindError."""
    return PagefindBatch(site, relative_paths, bundle, options, Path(site) / SCRATCH).finish()


class PagefindBatch:
    """One Pagefind run, started when made; `finish()` waits for it and returns its log."""

    def __init__(self, site, relative_paths, bundle, options, scratch, by_glob=True):
        glob = site_glob(site, relative_paths) if by_glob else None
        self.pages = len(relative_paths)
        self.options = options
        # Where the pages are linked when no glob names them: a folder of this run's own.
        self.scratch = None if glob is not None else scratch
        source = site
        # Pagefind's output goes to a file, not a pipe nobody reads until the end.
        self.log = tempfile.TemporaryFile()  # noqa: SIM115 (closed by finish, or at once on failure)
        try:
            if self.scratch is not None:
                shutil.rmtree(self.scratch, ignore_errors=True)
                link_tree(site, relative_paths, self.scratch)
                source = self.scratch
            # Pagefind dies with this process, and is in its process group, so a
            # build that is stopped stops it too.
            self.process = subprocess.Popen(
                pagefind_command(source, bundle, options, glob),
                stdout=self.log,
                stderr=subprocess.STDOUT,
                preexec_fn=die_with_parent(),
            )
        except BaseException:
            self._clean_up()
            raise

    def _clean_up(self):
        if self.scratch is not None:
            shutil.rmtree(self.scratch, ignore_errors=True)
        self.log.close()

    def stop(self):
        """Kill the run (another batch failed) and clean up after it."""
        try:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()
        finally:
            self._clean_up()

    def finish(self):
        try:
            returncode = self.process.wait()
            self.log.seek(0)
            log = self.log.read().decode("utf-8", "replace")
        finally:
            self._clean_up()
        reason = failure_of(returncode, log, self.pages, self.options)
        if reason:
            details = " ".join(line.strip() for line in log.splitlines() if line.strip().startswith("-"))
            raise PagefindError(f"{reason}{': ' + details if details else ''}")
        return log


def indexes_drafts(chosen, show_drafts):
    """Whether drafts are indexed: as chosen (SEARCH_INDEX_DRAFTS), or (None) when the build shows them."""
    return bool(show_drafts) if chosen is None else chosen


def entry_files(generators, with_drafts):
    """Output paths (relative) of every entry page the generators wrote."""
    kinds = ["articles", "translations", "hidden_articles", "pages", "translations", "hidden_pages"]
    if with_drafts:
        kinds += ["drafts", "drafts_translations", "draft_pages", "draft_translations"]
    files = set()
    for generator in generators:
        for kind in kinds:
            for entry in getattr(generator, kind, None) or []:
                if entry.save_as:
                    files.add(entry.save_as)
    return sorted(files)
