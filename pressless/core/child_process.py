"""Child processes that never outlive the process that started them.

A build that is killed must not leave Pelican, or the Pagefind Pelican
started, running on as an orphan and writing into a folder nobody will use.
On Linux the kernel kills such a child when its parent dies
(PR_SET_PDEATHSIG), even when the parent had no chance to clean up (SIGKILL).
"""

import ctypes
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
