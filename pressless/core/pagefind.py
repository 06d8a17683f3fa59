"""Run Pagefind over a chosen set of built pages: the search plugin and the live preview both do.

Pagefind indexes a folder; we want only the entries (posts and pages), not
the thousands of listing pages it would otherwise open only to skip them.
So the entries' files are hard-linked (copied across file systems) into a
scratch folder with the site's layout, Pagefind indexes that, and writes
its bundle into the site. URLs stay right: they come from each file's path
relative to the folder indexed.
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from pressless.core.child_process import die_with_parent

SCRATCH = ".search-source"
# Pagefind exits 0 after "3 files failed to index"; that is a failure here.
FAILED_FILES = re.compile(r"^(\d+) files? failed to index", re.MULTILINE)


class PagefindError(Exception):
    """Pagefind did not index every page it was given."""


def pagefind_command(source, bundle, exclude_selectors=(), force_language=None):
    command = [sys.executable, "-m", "pagefind", "--site", str(source), "--output-path", str(bundle)]
    command.append("--quiet")
    for selector in exclude_selectors:
        command += ["--exclude-selectors", selector]
    if force_language:
        command += ["--force-language", force_language]
    return command


def failure_of(returncode, log):
    """The reason a Pagefind run failed, or None when it indexed everything."""
    failed = FAILED_FILES.search(log)
    if failed:
        return f"{failed.group(1)} files failed to index"
    if returncode != 0:
        return f"exit code {returncode}"
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


def index_pages(site, relative_paths, bundle_folder="pagefind", exclude_selectors=(), force_language=None):
    """Write site/<bundle_folder>/ indexing only `relative_paths`; raise PagefindError."""
    site = Path(site)
    scratch = site / SCRATCH
    shutil.rmtree(scratch, ignore_errors=True)
    shutil.rmtree(site / bundle_folder, ignore_errors=True)
    try:
        link_tree(site, relative_paths, scratch)
        command = pagefind_command(scratch, site / bundle_folder, exclude_selectors, force_language)
        # Pagefind dies with this process, and is in its process group, so a
        # build that is stopped stops it too.
        done = subprocess.run(
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            preexec_fn=die_with_parent(),
            check=False,
        )
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    reason = failure_of(done.returncode, done.stdout)
    if reason:
        details = " ".join(line.strip() for line in done.stdout.splitlines() if line.strip().startswith("-"))
        raise PagefindError(f"{reason}{': ' + details if details else ''}")
    return done.stdout


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
