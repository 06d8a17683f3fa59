"""Summarise measured runs: medians, ratios to vanilla Pelican, a text table."""

import statistics

BASELINE = "pelican"


def summarise(tool, posts, phase, runs, error, log):
    """One result row; medians are None when the build never succeeded."""
    times = [run["wall_s"] for run in runs]
    memory = [run["max_rss_kb"] / 1024 for run in runs]
    cpu = [run["cpu_s"] for run in runs if "cpu_s" in run]
    return {
        "tool": tool,
        "posts": posts,
        "phase": phase,
        "runs": runs,
        "median_s": statistics.median(times) if times else None,
        "median_peak_rss_mb": statistics.median(memory) if memory else None,
        "median_cpu_s": statistics.median(cpu) if cpu else None,
        "cpu_ratio_to_pelican": None,
        "time_ratio_to_pelican": None,
        "memory_ratio_to_pelican": None,
        "error": error,
        "log": log,
    }


def add_ratios(rows):
    # Ratios only against the vanilla Pelican run of the same invocation:
    # numbers from another day or machine are not comparable.
    baseline = {(row["posts"], row["phase"]): row for row in rows if row["tool"] == BASELINE}
    for row in rows:
        base = baseline.get((row["posts"], row["phase"]))
        if not base or row["median_s"] is None or not base["median_s"]:
            continue
        row["time_ratio_to_pelican"] = row["median_s"] / base["median_s"]
        if row.get("median_cpu_s") and base.get("median_cpu_s"):
            row["cpu_ratio_to_pelican"] = row["median_cpu_s"] / base["median_cpu_s"]
        if base["median_peak_rss_mb"]:
            row["memory_ratio_to_pelican"] = row["median_peak_rss_mb"] / base["median_peak_rss_mb"]


def _cell(value, pattern):
    return "-" if value is None else pattern.format(value)


def table(rows):
    header = f"{'posts':>6}  {'tool':<10} {'phase':<5} {'median s':>9} {'× pelican':>9}"
    header += f" {'cpu s':>7} {'× pelican':>9} {'peak MB':>8} {'× pelican':>9}  runs"
    lines = [header, "-" * len(header)]
    for row in rows:
        if row["error"] and row["median_s"] is None:
            lines.append(f"{row['posts']:>6}  {row['tool']:<10} {row['phase']:<5} FAILED: see {row['log']}")
            continue
        lines.append(
            f"{row['posts']:>6}  {row['tool']:<10} {row['phase']:<5}"
            f" {_cell(row['median_s'], '{:.2f}'):>9}"
            f" {_cell(row['time_ratio_to_pelican'], '{:.2f}'):>9}"
            f" {_cell(row.get('median_cpu_s'), '{:.2f}'):>7}"
            f" {_cell(row.get('cpu_ratio_to_pelican'), '{:.2f}'):>9}"
            f" {_cell(row['median_peak_rss_mb'], '{:.0f}'):>8}"
            f" {_cell(row['memory_ratio_to_pelican'], '{:.2f}'):>9}"
            f"  {len(row['runs'])}{' (then failed)' if row['error'] else ''}"
        )
    return "\n".join(lines)
