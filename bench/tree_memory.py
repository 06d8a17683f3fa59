"""Peak memory of a whole build: the sum over its process tree, sampled.

    python bench/tree_memory.py -- python -m pelican content -s pelicanconf.py -o OUT

measure.py reports the largest single process (ru_maxrss); a build that
reads in a pool of processes, or runs Pagefind beside Pelican, holds more
than that at once. This samples the resident memory of the command and all
its descendants every 20 ms and prints the largest sum seen, in MB, with
the wall time and exit status as JSON.
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


def tree_kb(root):
    table = process_table()
    total, pending = 0, [root]
    while pending:
        pid = pending.pop()
        if pid in table:
            total += table[pid][1]
            pending += [child for child, (parent, _) in table.items() if parent == pid]
    return total


def main():
    command = sys.argv[sys.argv.index("--") + 1 :]
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0
    while process.poll() is None:
        peak = max(peak, tree_kb(process.pid))
        time.sleep(0.02)
    wall = time.perf_counter() - start
    print(json.dumps({"peak_tree_mb": round(peak / 1024, 1), "wall_s": round(wall, 2),
                      "returncode": process.returncode}))


if __name__ == "__main__":
    main()
