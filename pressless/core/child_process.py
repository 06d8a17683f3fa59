"""Child processes that never outlive the process that started them, and never hang on its locks.

A build that is killed must not leave Pelican, or the Pagefind Pelican
started, running on as an orphan and writing into a folder nobody will use.
On Linux the kernel kills such a child when its parent dies
(PR_SET_PDEATHSIG), even when the parent had no chance to clean up (SIGKILL).
A forked copy of Pelican's process logs through a handler of its own
(`log_plainly`), not through rich's, whose lock it may inherit held.
"""

import ctypes
import logging
import os
import signal
import sys

_PR_SET_PDEATHSIG = 1
_LIBC = ctypes.CDLL(None, use_errno=True)


def die_with_parent(parent_pid=None):
    """A subprocess `preexec_fn`: the child gets SIGKILL when `parent_pid` dies."""
    parent_pid = os.getpid() if parent_pid is None else parent_pid

    def arrange():
        if sys.platform.startswith("linux"):
            _LIBC.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        # The parent may have died before prctl took effect.
        if os.getppid() != parent_pid:
            os._exit(1)

    return arrange


def log_plainly():
    """In a forked copy of Pelican's process: log to stderr through a handler of the copy's own.

    Pelican logs through rich, and while it builds, rich redraws its progress
    display ("Generating...") from a thread that takes rich's console lock a
    dozen times a second. A forked copy inherits that lock as it was at the
    fork, and when the thread held it, nothing in the copy will ever release
    it: the copy's first message through rich (a warning; every page it
    writes under `pelican -v`) would wait for ever, and the build with it.
    Python resets the logging module's own locks in a child; rich's are not
    among them.
    """
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
    plain = logging.StreamHandler(sys.stderr)
    plain.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    root.addHandler(plain)
