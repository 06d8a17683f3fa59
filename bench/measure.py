"""Run build commands in this fresh process and report time and peak memory.

    python bench/measure.py LOG CWD '[["cmd", "arg"], ["next", "cmd"]]'

Prints one JSON line: {"wall_s", "cpu_s", "max_rss_kb", "returncode"}. run.py starts
one of these per measured build because RUSAGE_CHILDREN only ever grows: in a
long-lived parent, one big build would hide every smaller one after it.
ru_maxrss is the peak of the largest single process among the waited-for
children (not a sum), which is the whole build for every tool measured here.
"""

import json
import resource
import subprocess
import sys
import time


def main():
    log_path, cwd, commands = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
    returncode = 0
    with open(log_path, "w", encoding="utf-8") as log:
        start = time.perf_counter()
        for command in commands:
            log.write(f"$ {' '.join(command)}\n")
            log.flush()
            try:
                returncode = subprocess.run(
                    command, cwd=cwd, stdout=log, stderr=subprocess.STDOUT, check=False
                ).returncode
            except FileNotFoundError as error:
                # Report like a shell would, so run.py shows a failed build.
                log.write(f"{error}\n")
                returncode = 127
            if returncode:
                break
        wall = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    # Linux reports ru_maxrss in kilobytes.
    # CPU time of every process of the build: far less disturbed than wall
    # time when other work shares the cores (it cannot show parallelism).
    cpu = usage.ru_utime + usage.ru_stime
    print(json.dumps({"wall_s": wall, "cpu_s": cpu, "max_rss_kb": usage.ru_maxrss, "returncode": returncode}))


if __name__ == "__main__":
    main()
