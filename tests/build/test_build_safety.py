"""Build safety (issue 15, defects 1-3): locks, kills, orphans, failures.

Each test writes a small blog of its own and builds it through
pressless.tools.build in a separate process, as `invoke build` does, so the
test can kill that process at chosen moments.
"""

import random
import re
import signal
import textwrap
import time

import pytest

from pressless.tools.build import WAITING_MESSAGE

from .helpers import (
    FIXTURES,
    build,
    children_of,
    is_running,
    processes_mentioning,
    start_build,
    tree_digest,
    wait_until,
    write_site,
)

POSTS = 30


@pytest.fixture(scope="module")
def editions(tmp_path_factory):
    """Reference builds of two editions of one blog: {name: digest}."""
    digests = {}
    for edition in ("old", "new"):
        folder = tmp_path_factory.mktemp(f"reference-{edition}")
        settings = write_site(folder, edition, POSTS)
        returncode, log = build(settings, folder / "output")
        assert returncode == 0, log
        digests[edition] = tree_digest(folder / "output")
        assert len(digests[edition]) > 100
    assert digests["old"] != digests["new"]
    return digests


@pytest.fixture
def blog(tmp_path, editions):
    """An output folder holding the old edition; settings now say the new one."""
    write_site(tmp_path, "old", POSTS)
    output = tmp_path / "site" / "output"
    returncode, log = build(tmp_path / "settings.py", output)
    assert returncode == 0, log
    assert tree_digest(output) == editions["old"]
    return write_site(tmp_path, "new", POSTS), output


def assert_whole(output, editions):
    digest = tree_digest(output)
    assert digest in (editions["old"], editions["new"]), (
        f"{len(digest)} files, neither edition whole"
    )


def assert_nothing_left_running(output):
    # Pelican and Pagefind name the staging folder (beside `output`) in their
    # command lines.
    wait_until(lambda: not processes_mentioning(str(output.parent)), timeout=5)


def test_two_builds_at_once_both_succeed_whole_and_one_waits(blog, editions):
    settings, output = blog
    first = start_build(settings, output)
    second = start_build(settings, output)
    logs = []
    for process in (first, second):
        out, err = process.communicate(timeout=300)
        logs.append(out + err)
        assert process.returncode == 0, out + err
    assert tree_digest(output) == editions["new"]
    assert sum(WAITING_MESSAGE in log for log in logs) == 1, logs
    assert sorted(p.name for p in output.parent.iterdir()) == [".output.lock", "output"]


# A build whose filesystem steps (the renames, exchanges and deletions the
# build process itself does) each kill it: before the k-th step, or after it.
KILL_AT_STEP = textwrap.dedent(
    """
    import errno, os, shutil, signal, sys
    import pressless.tools.build as build

    target, when, swap = int(sys.argv[3]), sys.argv[4], sys.argv[5]
    calls = [0]

    def no_exchange(first, second):
        raise OSError(errno.ENOSYS, "as on a system without renameat2")

    if swap == "renames":
        build.exchange = no_exchange

    depth = [0]

    def deadly(function):
        # A step is one outermost call: rmtree's own unlinks are part of it.
        def wrapper(*args, **kwargs):
            if depth[0]:
                return function(*args, **kwargs)
            calls[0] += 1
            step = calls[0]
            if step == target and when == "before":
                os.kill(os.getpid(), signal.SIGKILL)
            depth[0] += 1
            try:
                return function(*args, **kwargs)
            finally:
                depth[0] -= 1
                # Right after the step, whether it worked or raised.
                if step == target and when == "after":
                    os.kill(os.getpid(), signal.SIGKILL)
        return wrapper

    for module, name in [(os, "rename"), (os, "replace"), (os, "unlink"), (os, "rmdir"),
                         (shutil, "rmtree"), (build, "exchange")]:
        if hasattr(module, name):
            setattr(module, name, deadly(getattr(module, name)))
    build.build_site(sys.argv[1], sys.argv[2])
    print("finished after", calls[0], "steps")
    """
)


EVERY_BUILD_SWAPS = "BUILD_MEMO = False\n"


@pytest.mark.parametrize("swap", ["exchange", "renames"])
def test_a_kill_at_every_step_of_the_swap_leaves_a_whole_site(blog, editions, swap):
    # "renames" is the fallback where renameat2 is missing: two renames, and
    # recovery of the last good site at the start of the next build.
    settings, output = blog
    # Every build here must swap (the steps counted are the swap's): a build
    # of the site already live would otherwise change nothing (plugins/build_memo).
    settings = write_site(output.parent.parent, "new", POSTS, EVERY_BUILD_SWAPS)
    steps = None
    for step in range(1, 40):
        for when in ("before", "after"):
            process = start_build(settings, output, KILL_AT_STEP, step, when, swap)
            out, err = process.communicate(timeout=300)
            if swap == "exchange":
                assert_whole(output, editions)
            # With two renames a kill between them leaves no output until the
            # next build starts and puts the last good site back (below).
            if process.returncode == 0:
                # Only a build with fewer steps than `step` may get through.
                steps = int(re.search(r"finished after (\d+) steps", out)[1])
                assert steps < step, out
            else:
                assert process.returncode == -signal.SIGKILL, out + err
                assert_nothing_left_running(output)
                # Whatever the kill left, a failing build must keep the site.
                write_site(output.parent.parent, "broken", POSTS, "DEFAULT_PAGINATION = 'ten'\n")
                assert build(output.parent.parent / "settings.py", output)[0] != 0
                assert_whole(output, editions)
                write_site(output.parent.parent, "new", POSTS, EVERY_BUILD_SWAPS)
        if steps is not None:
            break
    assert steps and steps >= 2, "the swap is at least an exchange (or renames) and a cleanup"
    returncode, log = build(settings, output)
    assert returncode == 0, log
    assert tree_digest(output) == editions["new"]


@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGTERM])
def test_kills_at_random_moments_leave_the_old_or_the_new_site(blog, editions, signum):
    settings, output = blog
    started = time.monotonic()
    returncode, log = build(settings, output)
    assert returncode == 0, log
    duration = time.monotonic() - started
    randoms = [percent / 100 for percent in random.Random(signum).sample(range(100), 4)]
    for fraction in [0.05, 0.3, 0.6, 0.85, 0.95, 1.0, *randoms]:
        write_site(output.parent.parent, f"edition {fraction}", POSTS)
        editions_now = {**editions, "old": tree_digest(output)}
        process = start_build(settings, output)
        time.sleep(duration * fraction)
        process.send_signal(signum)
        process.communicate(timeout=300)
        assert_nothing_left_running(output)
        # The site is the one before this build, or this build's, whole.
        new_edition = output.parent.parent / f"reference-{fraction}"
        write_site(new_edition, f"edition {fraction}", POSTS)
        assert build(new_edition / "settings.py", new_edition / "output")[0] == 0
        editions_now["new"] = tree_digest(new_edition / "output")
        assert_whole(output, editions_now)


SLOW_BUILD = f"""
PLUGIN_PATHS = [{str(FIXTURES / "plugins")!r}]
PLUGINS += ["slow_build"]
SLOW_BUILD_SECONDS = 120
"""


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP, signal.SIGKILL])
def test_pelican_dies_with_an_interrupted_build(blog, signum):
    settings, output = blog
    before = tree_digest(output)
    settings = write_site(output.parent.parent, "new", POSTS, SLOW_BUILD)
    process = start_build(settings, output)
    pelican = wait_until(lambda: children_of(process.pid), timeout=30)[0]
    # Pelican has written its pages and lingers: a build caught mid-way.
    wait_until(lambda: list(output.parent.glob(".output.staging-*/index.html")), timeout=60)
    process.send_signal(signum)
    process.communicate(timeout=60)
    assert process.returncode != 0
    wait_until(lambda: not is_running(pelican), timeout=5)
    assert_nothing_left_running(output)
    assert tree_digest(output) == before
    if signum != signal.SIGKILL:
        # A build that could clean up did; a killed one leaves that to the next.
        assert not list(output.parent.glob(".output.staging-*"))


def test_a_failing_build_leaves_the_last_good_site(blog, editions):
    settings, output = blog
    folder = output.parent.parent
    bad_post = folder / "content" / "posts" / "bad-date.md"
    bad_post.write_text("Title: Bad\nDate: not a date\n\nText.\n", encoding="utf-8")
    returncode, log = build(settings, output)
    assert returncode != 0
    assert "bad-date.md" in log
    assert tree_digest(output) == editions["old"]
    bad_post.unlink()
    assert not list(folder.glob("site/.output.staging*"))


@pytest.mark.parametrize(
    ("line", "message"),
    [
        # Pelican lower-cases DEFAULT_LANG before any plugin can check it.
        ("DEFAULT_LANG = None",
         "{settings}: DEFAULT_LANG must be text, a language code such as 'en' or 'pt_BR', not None"),
        # A file Pelican cannot run at all: its own message stands, no second traceback.
        ("DEFAULT_LANG = (", "Pelican failed with exit code 1"),
    ],
)
def test_a_settings_file_pelican_cannot_read_ends_the_build_with_one_line(blog, editions, line, message):
    settings, output = blog
    settings.write_text(settings.read_text(encoding="utf-8") + line + "\n", encoding="utf-8")
    returncode, log = build(settings, output)
    assert returncode != 0
    assert log.strip().splitlines()[-1] == "build failed: " + message.format(settings=settings), log
    assert log.count("Traceback") <= 1, log
    assert tree_digest(output) == editions["old"]


BROKEN_ENTRY = f"""
PLUGIN_PATHS = [{str(FIXTURES / "plugins")!r}]
PLUGINS = ["break_entry", *PLUGINS]
"""


def test_pagefind_failing_to_index_a_file_fails_the_build(blog, editions):
    # Pagefind exits 0 after "1 file failed to index" (here: a post whose
    # file was lost before indexing); the build must fail and keep the site.
    settings, output = blog
    settings = write_site(output.parent.parent, "new", POSTS, BROKEN_ENTRY)
    returncode, log = build(settings, output)
    assert returncode != 0, log
    assert "search: Pagefind could not index the site: 1 files failed to index" in log
    assert "Traceback" not in log
    assert tree_digest(output) == editions["old"]
