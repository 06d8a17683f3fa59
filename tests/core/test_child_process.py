"""pressless.core.child_process.log_plainly: a forked copy logs even when rich's lock was held at the fork.

Pelican's progress display redraws from a thread of its own, taking rich's
console lock a dozen times a second; every fork of a build (the reading
pool, the writers, core.forked) may copy that lock held.
"""

import io
import logging
import os
import signal
import threading
import time

from rich.console import Console
from rich.logging import RichHandler

from pressless.core.child_process import log_plainly


def exit_status_of_a_copy_that_logs(plainly, patience):
    """Fork while another thread holds rich's console lock; the copy logs one warning.

    Its exit status, or None when it has not ended after `patience` seconds.
    """
    console = Console(file=io.StringIO())
    root = logging.getLogger()
    saved = list(root.handlers)
    root.handlers[:] = [RichHandler(console=console)]
    held, release = threading.Event(), threading.Event()

    def redraw():
        with console._lock:  # what rich's redrawing thread holds
            held.set()
            release.wait()

    thread = threading.Thread(target=redraw, daemon=True)
    thread.start()
    held.wait()
    try:
        pid = os.fork()
        if pid == 0:
            if plainly:
                log_plainly()
            logging.getLogger("pressless.test").warning("a message from the copy")
            os._exit(0)
    finally:
        release.set()
        thread.join()
        root.handlers[:] = saved
    deadline = time.monotonic() + patience
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status)
        time.sleep(0.05)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    return None  # it hung


def test_a_copy_logging_plainly_finishes():
    assert exit_status_of_a_copy_that_logs(plainly=True, patience=10) == 0


def test_through_rich_it_would_wait_for_ever():
    # Why log_plainly exists: the same copy, logging through rich, does not end
    # (it logs in milliseconds when it can).
    assert exit_status_of_a_copy_that_logs(plainly=False, patience=2) is None
