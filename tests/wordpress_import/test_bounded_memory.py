"""A big export is read one item at a time: peak memory does not grow with the file."""

import subprocess
import sys
import time

from .helpers import ROOT
from .large_export import write_export

MEASURE = """
import resource, sys
from pressless.tools.wordpress_import.run import import_wordpress
report = import_wordpress(sys.argv[1], sys.argv[2])
assert report.imported["posts"] == 100 and report.imported["comments"] == 100, report.lines()
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def _peak_kilobytes(export, content):
    run = subprocess.run(
        [sys.executable, "-c", MEASURE, str(export), str(content)],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
    )
    assert run.returncode == 0, run.stderr
    return int(run.stdout.strip())


def test_peak_memory_does_not_grow_with_the_export(tmp_path):
    small = write_export(tmp_path / "small.xml", megabytes=1)
    large = write_export(tmp_path / "large.xml", megabytes=50)
    assert large.stat().st_size >= 50_000_000
    small_peak = _peak_kilobytes(small, tmp_path / "small-content")
    started = time.monotonic()
    large_peak = _peak_kilobytes(large, tmp_path / "large-content")
    assert time.monotonic() - started < 20
    # A tree of the whole file would add well over 50 MB; one item at a time adds next to nothing.
    assert large_peak - small_peak < 15_000, (small_peak, large_peak)
