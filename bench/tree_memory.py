"""Peak memory of a whole build: the sum over its process tree, sampled.

    python bench/tree_memory.py -- python -m pelican content -s pelicanconf.py -o OUT

measure.py reports the largest single process (ru_maxrss); a build that
reads in a pool of processes, or runs Pagefind beside Pelican, holds more
than that at once. This samples the resident memory of the command and all
its descendants every 20 ms and prints the largest sum seen, in MB, with
the wall time and exit status as JSON.

Resident memory counts a page once per process that maps it, so a process
forked from Pelican's (a writer, a reader) counts again every page it still
shares with it. The proportional set size (Pss, /proc/PID/smaps_rollup)
splits each shared page among the processes sharing it: its sum is the
memory the build really holds. Both peaks are printed.
"""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024


def process_table():
    """{pid: (parent pid, resident kB)} of every process we can read."""
    table = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            resident_pages = int((entry / "statm").read_text().split()[1])
        except (OSError, IndexError, ValueError):
            continue
        parent = int(stat[stat.rindex(")") + 2 :].split()[1])
        table[int(entry.name)] = (parent, resident_pages * PAGE_KB)
    return table


def tree_pids(root, table):
    pids, pending = [], [root]
    while pending:
        pid = pending.pop()
        if pid in table:
            pids.append(pid)
            pending += [child for child, (parent, _) in table.items() if parent == pid]
    return pids


def proportional_kb(pid):
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


def tree_kb(root):
    """(resident kB, proportional kB) of `root` and its descendants."""
    table = process_table()
    pids = tree_pids(root, table)
    return sum(table[pid][1] for pid in pids), sum(proportional_kb(pid) for pid in pids)


def main():
    command = sys.argv[sys.argv.index("--") + 1 :]
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = peak_proportional = 0
    while process.poll() is None:
        resident, proportional = tree_kb(process.pid)
        peak, peak_proportional = max(peak, resident), max(peak_proportional, proportional)
        time.sleep(0.02)
    wall = time.perf_counter() - start
    print(json.dumps({"peak_tree_mb": round(peak / 1024, 1),
                      "peak_tree_pss_mb": round(peak_proportional / 1024, 1),
                      "wall_s": round(wall, 2), "returncode": process.returncode}))


if __name__ == "__main__":
    main()
