"""One Pelican build with its stages stamped, and optionally the writing stage profiled.

    .venv/bin/python bench/build_stages.py [--profile OUT.prof] -- CONTENT -s SETTINGS -o OUTPUT -e ...

Prints, for Pelican's signals from `get_writer` on (and for
pressless.core.writing.ENTRIES_WRITTEN), the wall seconds since start and
this process's CPU seconds (children once waited for included), then "end"
when Pelican returns. A forked writer process prints its own lines (its CPU
counts from the fork). With --profile, cProfile runs from `get_writer` to
the end: the writing stage alone (run it with PARALLEL_WRITER_PROCESSES=1,
and SEARCH_INDEX=false to leave Pagefind's wait out).
"""

import argparse
import cProfile
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import blinker  # noqa: E402
from pelican import main as pelican_main  # noqa: E402
from pelican import signals  # noqa: E402

from pressless.core.writing import ENTRIES_WRITTEN  # noqa: E402

STAGES = ["get_writer", "page_writer_finalized", "article_writer_finalized", "finalized"]
START = time.perf_counter()


def cpu_seconds():
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def stamp(name):
    line = f"{time.perf_counter() - START:8.2f} s wall {cpu_seconds():8.2f} s cpu  {name}"
    print(line, file=sys.stderr, flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", help="write a cProfile of get_writer..end here")
    parser.add_argument("pelican_args", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    profiler = cProfile.Profile() if args.profile else None
    handlers = []

    def on(name, also=None):
        def handler(*_args, **_kwargs):
            stamp(name)
            if also:
                also()

        handlers.append(handler)  # blinker holds receivers weakly
        return handler

    signals.get_writer.connect(on("get_writer", profiler.enable if profiler else None))
    for name in STAGES[1:]:
        getattr(signals, name).connect(on(name))
    blinker.signal(ENTRIES_WRITTEN).connect(on("entries written"))
    pelican_args = [arg for arg in args.pelican_args if arg != "--"]
    sys.argv = ["pelican", *pelican_args]
    try:
        pelican_main()
    finally:
        if profiler:
            profiler.disable()
            profiler.dump_stats(args.profile)
        stamp("end")


if __name__ == "__main__":
    main()
