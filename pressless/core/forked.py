"""A pure function over many items, split across forked copies of this process.

For work in Pelican's process while the other cores idle (the comments of
5,000 posts: reading 6,000 files and rendering their Markdown took 2.3 s
between reading and writing, with one core busy). The copies are forked, so
they start at once with everything loaded; only the items and the results
travel, pickled.

Pelican's process runs a thread of its own while it builds (rich's progress
display), and a forked copy holds every lock as some thread held it at the
fork: so the function must be pure computation, never logging or printing
(what it would report goes into its result). A process that serves requests
on threads (the live preview) passes processes=1.
"""

import multiprocessing
import os

# Below this many items the processes cost more than they save.
LEAST_ITEMS = 200
# Processes for "one per core": each holds a copy of the site model as it touches it.
MOST_PROCESSES = 4


def processes_for(chosen):
    """A plugin's process setting (None: one per core, at most MOST_PROCESSES) as a number."""
    return chosen if chosen is not None else min(os.cpu_count() or 1, MOST_PROCESSES)


def map_forked(function, items, processes, least=None):
    """[function(item) for item in items], in order, computed by `processes` forked processes.

    `function` must be a module-level function (it is named to the copies,
    not sent) that neither logs nor prints; items and results must pickle.
    With fewer than `least` items (LEAST_ITEMS) it all runs here.
    """
    items = list(items)
    least = LEAST_ITEMS if least is None else least
    if processes < 2 or len(items) < least:
        return [function(item) for item in items]
    with multiprocessing.get_context("fork").Pool(processes) as pool:
        return pool.map(function, items, chunksize=-(-len(items) // (processes * 4)))
