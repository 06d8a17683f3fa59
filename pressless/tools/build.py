"""Build the site into a fresh folder and swap it in only when it succeeds.

The promises, and how each is kept (docs/reliability.md lists the tests):

- One build at a time per output folder. A build takes an exclusive
  `fcntl.flock` on `.OUTPUT.lock` beside the output folder and holds it until
  its site is swapped in; a second build prints "waiting for the other build…"
  and waits. `invoke build`, `preview` and `livereload` all come through here.
- Each build stages in its own folder, `.OUTPUT.staging-<pid>-<random>`,
  beside the output (same file system, so the swap is a rename).
- The swap is safe at every instant. On Linux the staging folder and the
  output folder trade places in one `renameat2(RENAME_EXCHANGE)` call: a
  reader, or a kill, sees the old site or the new one, never neither. Where
  that call does not exist (another OS, a file system without it) the swap
  is two renames through `.OUTPUT.retired`, and a build that finds the output
  missing but `.OUTPUT.retired` present puts it back before anything else:
  a kill between the renames loses nothing. Leftovers of killed builds are
  deleted at the start of the next build, under the lock.
- An interrupted build leaves no process behind. Pelican runs in its own
  process group; the parent kills that group when it is interrupted (Ctrl-C,
  SIGTERM, SIGHUP) and, on Linux, the kernel kills Pelican if the parent dies
  without a chance to clean up (SIGKILL), via PR_SET_PDEATHSIG.
- Pelican's exit status decides. The search index is written inside the
  Pelican run (plugins/search), which fails the run when Pagefind fails, even
  with exit status 0 after "N files failed to index": a site with a partial
  search index is never swapped in.
- A build with nothing changed keeps the live site. Pelican is told which
  folder is live (BUILD_MEMO_LIVE_OUTPUT); when plugins/build_memo finds the
  live folder exactly as the last successful build left it and no input
  changed, Pelican writes only a marker into the staging folder, and the
  staging folder is deleted instead of swapped in: the live site is never
  touched, so every promise above still holds.

Plain `pelican content -o DIR` still works: it writes straight into DIR,
with none of the above.
"""

import contextlib
import ctypes
import errno
import fcntl
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import threading
from pathlib import Path

from pressless.core.child_process import die_with_parent
from pressless.core.unchanged import LIVE_OUTPUT_SETTING, left_unchanged

ROOT = Path(__file__).resolve().parents[2]
WAITING_MESSAGE = "waiting for the other build…"
# The signals that end a build early; SIGINT already raises KeyboardInterrupt.
INTERRUPTING_SIGNALS = (signal.SIGTERM, signal.SIGHUP)
STOP_GRACE_SECONDS = 5


class BuildError(Exception):
    """A build that did not produce a complete site."""


class _Interrupted(BaseException):
    """A signal arrived while building; carries it so it can be re-delivered."""

    def __init__(self, signum):
        super().__init__(signum)
        self.signum = signum


# -- the child process ---------------------------------------------------------

def _stop(process):
    """End a child and everything it started (its whole process group)."""
    for signum in (signal.SIGTERM, signal.SIGKILL):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signum)
        try:
            process.wait(timeout=STOP_GRACE_SECONDS)
            return
        except subprocess.TimeoutExpired:
            continue


def run_child(command, capture=False):
    """Run a command in its own process group; kill the group if we are interrupted.

    Returns (exit status, its output if `capture` else None).
    """
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        start_new_session=True,
        preexec_fn=die_with_parent(),
        stdout=subprocess.PIPE if capture else None,
        stderr=subprocess.STDOUT if capture else None,
        text=capture,
    )
    try:
        output, _ = process.communicate()
        return process.returncode, output
    except BaseException:
        _stop(process)
        raise


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
    returncode, _ = run_child(command)
    if returncode != 0:
        # Pelican's traceback for a value it trips over before any plugin runs
        # is above; the line that names the file and the setting is this one.
        # Asked only now (and imported: Pelican's settings module), so a build
        # that works pays nothing for it.
        from pressless.tools.settings_file import settings_problem

        problem = settings_problem(ROOT / settings_file)
        raise BuildError(problem or f"Pelican failed with exit code {returncode}")


# -- signals -------------------------------------------------------------------


@contextlib.contextmanager
def _signals_interrupt_build():
    """Turn SIGTERM/SIGHUP into an exception while building, so cleanup runs.

    Only the main thread may set handlers; elsewhere the caller's own
    handling stands (the child still dies with the process).
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum, frame):
        raise _Interrupted(signum)

    previous = {signum: signal.signal(signum, interrupt) for signum in INTERRUPTING_SIGNALS}
    try:
        yield
    except _Interrupted as interrupted:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        previous = {}
        # Let the signal do what it would have done without us (usually: end
        # the process) now that the child is gone and staging removed.
        signal.raise_signal(interrupted.signum)
        raise BuildError(f"interrupted by signal {interrupted.signum}") from None
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


_LIBC = ctypes.CDLL(None, use_errno=True)


# -- the output folder ---------------------------------------------------------


def _sibling(output, suffix):
    return output.with_name(f".{output.name}.{suffix}")


@contextlib.contextmanager
def output_lock(output):
    """Hold the exclusive build lock of `output`; say so when waiting for it."""
    with open(_sibling(output, "lock"), "a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(WAITING_MESSAGE, file=sys.stderr, flush=True)
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _exists(path):
    return path.exists() or path.is_symlink()


def _remove(path):
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    elif _exists(path):
        path.unlink()


def recover(output):
    """Repair what a killed build left; call with the lock held."""
    retired = _sibling(output, "retired")
    if not _exists(output) and _exists(retired):
        # Killed between the two renames of the fallback swap: the old site
        # is whole in `retired`.
        retired.rename(output)
    for leftover in output.parent.glob(f".{output.name}.staging-*"):
        _remove(leftover)
    _remove(retired)


def exchange(first, second):
    """Swap two paths atomically (Linux renameat2 RENAME_EXCHANGE)."""
    renameat2 = getattr(_LIBC, "renameat2", None)
    if renameat2 is None:
        raise OSError(errno.ENOSYS, "renameat2 is not available")
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second), rename_exchange):
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code), str(first), None, str(second))


def swap_in(staging, output):
    """Make `staging` the output; the old output is deleted."""
    if not _exists(output):
        staging.rename(output)
        return
    try:
        exchange(staging, output)
    except OSError as error:
        if error.errno not in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
            raise
        retired = _sibling(output, "retired")
        output.rename(retired)
        staging.rename(output)
        _remove(retired)
        return
    _remove(staging)  # it holds the old site now


def _staging_folder(output):
    return _sibling(output, f"staging-{os.getpid()}-{secrets.token_hex(4)}")


def build_site(settings_file, output):
    """Build into `output` atomically: on failure `output` is left as it was."""
    output = Path(output).absolute()
    output.parent.mkdir(parents=True, exist_ok=True)
    with _signals_interrupt_build(), output_lock(output):
        recover(output)
        staging = _staging_folder(output)
        try:
            live = f"{LIVE_OUTPUT_SETTING}={json.dumps(str(output))}"
            run_pelican(settings_file, staging, ["--extra-settings", live])
            if not left_unchanged(staging):
                swap_in(staging, output)
        finally:
            _remove(staging)
    return output
