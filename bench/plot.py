"""Draw results.json as grouped bars: build time per phase and tool.

    .venv/bin/python bench/plot.py --results bench/results.json --out docs/benchmarks.png
    .venv/bin/python bench/plot.py --refresh --results bench/refresh-results.json \
        --out docs/refresh.png

With --refresh it draws refresh.py's results instead: seconds from a saved
post to the served page showing it, per edit and tool, on a log scale (the
tools differ by a factor of a thousand).

One panel per corpus size (their scales differ too much to share an axis);
failed builds are simply absent. Needs bench/requirements.txt (matplotlib).
"""

import argparse
import json
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # no display on CI or the benchmark machine
import matplotlib.pyplot as plt

BENCH = Path(__file__).resolve().parent
PHASES = ("cold", "warm", "edit")
TOOL_ORDER = ("pressless", "pressless-before", "pelican", "hugo", "jekyll")
REFRESH_PHASES = ("body", "title", "tag")


def ordered_tools(rows):
    tools = [tool for tool in TOOL_ORDER if any(row["tool"] == tool for row in rows)]
    return tools + sorted({row["tool"] for row in rows} - set(tools))


def grouped_bars(rows, value, phases, out, *, title, ylabel, tick=str, log_scale=False):
    """One panel per corpus size, one group of bars per phase, one bar per tool."""
    rows = [row for row in rows if row.get(value) is not None]
    sizes = sorted({row["posts"] for row in rows})
    tools = ordered_tools(rows)
    figure, axes = plt.subplots(1, max(len(sizes), 1), figsize=(5.5 * max(len(sizes), 1), 4))
    axes = axes if len(sizes) > 1 else [axes]
    width = 0.8 / max(len(tools), 1)
    for axis, size in zip(axes, sizes, strict=False):
        for index, tool in enumerate(tools):
            measured = {row["phase"]: row[value] for row in rows
                        if row["posts"] == size and row["tool"] == tool}
            positions = [p + index * width for p in range(len(phases))]
            bars = axis.bar(positions, [measured.get(phase, 0) for phase in phases], width, label=tool)
            axis.bar_label(bars, fmt="%.2f", fontsize=7)
        if log_scale:
            axis.set_yscale("log")
        axis.set_xticks([p + width * (len(tools) - 1) / 2 for p in range(len(phases))])
        axis.set_xticklabels([tick(phase) for phase in phases])
        axis.set_title(f"{size} posts")
        axis.set_ylabel(ylabel)
    axes[0].legend(fontsize=8)
    figure.suptitle(title, fontsize=10)
    figure.tight_layout()
    out.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(out, dpi=120)


def draw_refresh(data, out):
    grouped_bars(
        data["results"], "median_shown_s", REFRESH_PHASES, out,
        title=f"Edit-to-refresh, median of {data['meta'].get('repeat')} runs (lower is better)",
        ylabel="save to page shown (s, log scale)", tick=lambda phase: f"{phase} edit", log_scale=True,
    )


def draw(data, out):
    title = f"Build time, median of {data['meta'].get('repeat')} runs (lower is better)"
    if "pressless_before" in data["meta"]:
        # Rows of an earlier run, added under the name pressless-before.
        title += f"; pressless-before: {data['meta']['pressless_before']['from']}"
    grouped_bars(data["results"], "median_s", PHASES, out, title=title, ylabel="median build time (s)")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--results", type=Path, default=BENCH / "results.json")
    parser.add_argument("--out", type=Path, default=BENCH.parent / "docs" / "benchmarks.png")
    parser.add_argument("--refresh", action="store_true", help="draw refresh.py's results")
    args = parser.parse_args(argv)
    data = json.loads(args.results.read_text(encoding="utf-8"))
    (draw_refresh if args.refresh else draw)(data, args.out)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
