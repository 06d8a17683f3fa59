"""A pure function over many items, split across forked copies of this process.

For work in Pelican's process while the other core idles (the comments of
5,000 posts: reading 6,000 files and rendering their Markdown took 2.3 s
between reading and writing, on one core). This process does one share of
the items itself and forks one copy per other share: the copies start at
once with everything loaded and send back only their results, pickled.
Fewer copies than a pool (which would leave this process waiting) keep
memory down: each copy holds, as it touches them, pages of the site model.

Pelican's process runs a thread of its own while it builds (rich's progress
display), and a forked copy holds every lock as some thread held it at the
fork: so the function must be pure computation, never logging or printing
(what it would report goes into its result). A process that serves requests
on threads (the live preview) passes processes=1.
"""

import contextlib
import os
import pickle
import signal
import traceback

from .child_process import die_with_parent, log_plainly

# Below this many items the processes cost more than they save.
LEAST_ITEMS = 200
# Processes for "one per core" (here and for plugins/parallel_writer's writers):
# each holds a copy of the site model as it touches it (about 190 MB at 5,000
# posts for a writer), so past a few, memory grows faster than the time saved.
# A setting asking for more gets more.
MOST_PROCESSES = 4


class ForkedWorkFailed(Exception):
    """A forked copy could not finish its share; the message holds its traceback."""


def processes_for(chosen):
    """A plugin's process setting (None: one per core, at most MOST_PROCESSES) as a number."""
    return chosen if chosen is not None else min(os.cpu_count() or 1, MOST_PROCESSES)


def map_forked(function, items, processes, least=None):
    """[function(item) for item in items], in order, computed by `processes` processes:
    this one and processes - 1 forked copies.

    `function` must neither log nor print; its results must pickle. With
    fewer than `least` items (LEAST_ITEMS) it all runs here.
    """
    items = list(items)
    least = LEAST_ITEMS if least is None else least
    if processes < 2 or len(items) < least:
        return [function(item) for item in items]
    # Every processes-th item: shares of equal work whatever the order of the items.
    shares = [items[index::processes] for index in range(processes)]
    copies = [_fork_share(function, share) for share in shares[1:]]
    results = [[function(item) for item in shares[0]]]
    results += [_collect(pid, read_end) for pid, read_end in copies]
    ordered = [None] * len(items)
    for index, share_results in enumerate(results):
        ordered[index::processes] = share_results
    return ordered


class Ahead:
    """`function(argument)` computed by a forked copy while this process goes on;
    `result()` waits for it (raising ForkedWorkFailed if the copy failed).

    The copy holds its result until `result()` reads it, and dies with this
    process. A build that failed before asking leaves it waiting: a process
    that builds again (`pelican --autoreload`) calls `stop()` on it first.
    """

    def __init__(self, function, argument):
        self._pid, self._read_end = _fork_share(function, [argument])

    def result(self):
        pid, self._pid = self._pid, None
        (value,) = _collect(pid, self._read_end)
        return value

    def stop(self):
        """End the copy and forget its result; nothing once `result()` was asked for."""
        pid, self._pid = self._pid, None
        if pid is None:
            return
        with contextlib.suppress(ProcessLookupError, ChildProcessError):
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        os.close(self._read_end)


def _fork_share(function, share):
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid:
        os.close(write_end)
        return pid, read_end
    # The copy: compute, send, leave without running this process's exit handlers.
    os.close(read_end)
    code = 0
    try:
        die_with_parent(os.getppid())()
        log_plainly()
        data = pickle.dumps([function(item) for item in share])
    except BaseException:  # everything must reach the parent
        code = 1
        data = pickle.dumps(ForkedWorkFailed(traceback.format_exc()))
    try:
        with os.fdopen(write_end, "wb") as out:
            out.write(data)
    finally:
        os._exit(code)


def _collect(pid, read_end):
    # Read to the end before waiting: a copy blocks until its results are read.
    with os.fdopen(read_end, "rb") as source:
        data = source.read()
    _, status = os.waitpid(pid, 0)
    if not data:
        raise ForkedWorkFailed(f"a forked process ended with status {status} and sent nothing")
    result = pickle.loads(data)
    if isinstance(result, ForkedWorkFailed):
        raise result
    return result
