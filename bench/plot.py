"""Draw results.json as grouped bars: build time per phase and tool.

    .venv/bin/python bench/plot.py --results bench/results.json --out docs/benchmarks.png

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
TOOL_ORDER = ("pressless", "pelican", "hugo", "jekyll")


def draw(data, out):
    rows = [row for row in data["results"] if row["median_s"] is not None]
    sizes = sorted({row["posts"] for row in rows})
    tools = [tool for tool in TOOL_ORDER if any(row["tool"] == tool for row in rows)]
    tools += sorted({row["tool"] for row in rows} - set(tools))
    figure, axes = plt.subplots(1, max(len(sizes), 1), figsize=(5.5 * max(len(sizes), 1), 4))
    axes = axes if len(sizes) > 1 else [axes]
    width = 0.8 / max(len(tools), 1)
    for axis, size in zip(axes, sizes, strict=False):
        for index, tool in enumerate(tools):
            medians = {
                row["phase"]: row["median_s"] for row in rows if row["posts"] == size and row["tool"] == tool
            }
            positions = [p + index * width for p in range(len(PHASES))]
            heights = [medians.get(phase, 0) for phase in PHASES]
            bars = axis.bar(positions, heights, width, label=tool)
            axis.bar_label(bars, fmt="%.2f", fontsize=7)
        axis.set_xticks([p + width * (len(tools) - 1) / 2 for p in range(len(PHASES))])
        axis.set_xticklabels(PHASES)
        axis.set_title(f"{size} posts")
        axis.set_ylabel("median build time (s)")
    axes[0].legend()
    repeat = data["meta"].get("repeat")
    figure.suptitle(f"Build time, median of {repeat} runs (lower is better)")
    figure.tight_layout()
    out.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(out, dpi=120)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--results", type=Path, default=BENCH / "results.json")
    parser.add_argument("--out", type=Path, default=BENCH.parent / "docs" / "benchmarks.png")
    args = parser.parse_args(argv)
    draw(json.loads(args.results.read_text(encoding="utf-8")), args.out)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
