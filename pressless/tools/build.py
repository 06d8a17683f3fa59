"""Build the site into a fresh folder and swap it in only when it succeeds.

Pelican writes into its output folder as it goes; a build that fails half
way would leave a mix of old and new pages, and one that starts by deleting
the folder would leave nothing. We build beside the output folder, run the
post-build steps there, and replace the old folder in two renames.
"""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


class BuildError(Exception):
    """A build that did not produce a complete site."""


def run_pelican(settings_file, output, extra_args=()):
    """Run Pelican as its own process; raise BuildError if it fails.

    The content folder is the settings' PATH (relative to the settings file).
    """
    command = [
        sys.executable,
        "-m",
        "pelican",
        "--settings",
        str(settings_file),
        "--output",
        str(output),
        *extra_args,
    ]
    result = subprocess.run(command, cwd=ROOT, check=False)
    if result.returncode != 0:
        raise BuildError(f"Pelican failed with exit code {result.returncode}")


def run_pagefind(site):
    """Index the post and page bodies of a built site into site/pagefind/."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site), "--quiet"]
    result = subprocess.run(command, cwd=ROOT, check=False)
    if result.returncode != 0:
        raise BuildError(f"Pagefind failed with exit code {result.returncode}")


def post_build_steps(site):
    """Steps that run on a finished site before it is swapped in."""
    # The search index is rebuilt on every build: a build starts from an
    # empty folder, so an index left from the last one cannot survive.
    return [lambda: run_pagefind(site)]


def build_site(settings_file, output, post_build=post_build_steps):
    """Build into `output` atomically: on failure `output` is left as it was."""
    output = Path(output).resolve()
    staging = output.with_name(f".{output.name}.building")
    retired = output.with_name(f".{output.name}.old")
    for leftover in (staging, retired):
        shutil.rmtree(leftover, ignore_errors=True)
    try:
        run_pelican(settings_file, staging)
        for step in post_build(staging):
            step()
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if output.exists():
        output.rename(retired)
    staging.rename(output)
    shutil.rmtree(retired, ignore_errors=True)
    return output
