"""Benchmark Pressless against vanilla Pelican, Hugo and Jekyll.

    .venv/bin/python bench/run.py --posts 1000 5000 --repeat 3

For each corpus size, each tool builds the same generated posts three ways:
  cold  fresh output folder, the tool's caches wiped
  warm  the same build again over the output of the cold one
  edit  one paragraph appended to one post, then a build
Each build runs in a fresh bench/measure.py process (wall time and peak
RSS); a row reports the median over --repeat runs and the ratio to vanilla
Pelican measured in the same invocation. Prints a table, writes JSON.
"""

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

import corpus
import report
from tools import BENCH, TOOLS, checkout_tool

PHASES = ("cold", "warm", "edit")


def measure(tool, commands, log):
    done = subprocess.run(
        [sys.executable, str(BENCH / "measure.py"), str(log), str(tool.cwd), json.dumps(commands)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


def edited_paragraph(repeat_index):
    return f"\n\nUpdate {repeat_index + 1}: the benchmark appended this paragraph to time a rebuild.\n"


def bench_tool(tool, corpus_dir, posts, edit_entry, work, repeat):
    """Measure every phase of one tool on one corpus; return one row per phase."""
    out, cache = work / "out" / f"{tool.name}-{posts}", work / "cache" / f"{tool.name}-{posts}"
    commands = tool.commands(corpus_dir, out, cache)
    edit_file = corpus_dir / edit_entry["files"][tool.tree]
    original = edit_file.read_bytes()
    runs = {phase: [] for phase in PHASES}
    error, failed_log = None, None
    try:
        for index in range(repeat):
            tool.reset_for_cold_build(corpus_dir, out, cache)
            for phase in PHASES:
                if phase == "edit":
                    with open(edit_file, "a", encoding="utf-8") as handle:
                        handle.write(edited_paragraph(index))
                log = work / "logs" / f"{tool.name}-{posts}-{phase}-{index + 1}.log"
                result = measure(tool, commands, log)
                if result["returncode"]:
                    error = f"{phase} build exited {result['returncode']}"
                    failed_log = log
                    break
                runs[phase].append({k: result[k] for k in ("wall_s", "cpu_s", "max_rss_kb")})
                print(
                    f"  {tool.name:<10} {posts:>6} posts {phase:<5} run {index + 1}:"
                    f" {result['wall_s']:.2f} s (cpu {result['cpu_s']:.2f} s)",
                    flush=True,
                )
            # Every repeat starts from the generated corpus, not an edited one.
            edit_file.write_bytes(original)
            if error:
                print(f"  {tool.name}: {error}; see {failed_log}", flush=True)
                break
    finally:
        edit_file.write_bytes(original)
    return [
        report.summarise(tool.name, posts, phase, runs[phase], error, str(failed_log) if error else None)
        for phase in PHASES
    ]


def selected_tools(names):
    tools = []
    for name in names.split(","):
        if name not in TOOLS:
            sys.exit(f"unknown tool {name!r}; choose from {', '.join(TOOLS)}")
        if TOOLS[name].available():
            tools.append(TOOLS[name])
        else:
            print(f"skipping {name}: `{TOOLS[name].executable}` is not installed")
    return tools


def parse_args(argv):
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--posts", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--tools", default="pressless,pelican,hugo,jekyll")
    parser.add_argument("--out", type=Path, default=BENCH / "work")
    parser.add_argument("--results", type=Path, default=BENCH / "results.json")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--before",
        type=Path,
        help="another checkout of Pressless (e.g. `git archive OLD | tar -x -C DIR`), measured as"
        " tool `before` in the same invocation",
    )
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    tools = selected_tools(args.tools)
    if args.before:
        tools.insert(0, checkout_tool(args.before))
    load_before = os.getloadavg()[0]
    if load_before > 0.5:
        # Other work on a 2-core machine skews timings far more than noise.
        print(f"warning: load average is {load_before:.1f}; numbers will be noisy")
    work = args.out.resolve()
    (work / "logs").mkdir(parents=True, exist_ok=True)
    rows = []
    for posts in args.posts:
        corpus_dir = work / f"corpus-{posts}"
        print(f"generating {posts} posts in {corpus_dir}", flush=True)
        corpus.generate(corpus_dir, posts, args.seed)
        manifest = json.loads((corpus_dir / "manifest.json").read_text(encoding="utf-8"))
        # A post from the middle of the timeline: not on the first index page,
        # and with neighbours on both sides whose prev/next links change.
        edit_entry = manifest["posts"][len(manifest["posts"]) // 2]
        for tool in tools:
            if tool.prepare:
                tool.prepare(corpus_dir)
            rows += bench_tool(tool, corpus_dir, posts, edit_entry, work, args.repeat)
    report.add_ratios(rows)
    print()
    print(report.table(rows))
    meta = {
        "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "machine": {"platform": platform.platform(), "cpus": os.cpu_count()},
        "python": sys.version.split()[0],
        "versions": {tool.name: tool.version() for tool in tools},
        "load_average_before": load_before,
        "load_average_after": os.getloadavg()[0],
        "repeat": args.repeat,
        "seed": args.seed,
        "posts": args.posts,
    }
    args.results.parent.mkdir(parents=True, exist_ok=True)
    args.results.write_text(json.dumps({"meta": meta, "results": rows}, indent=1) + "\n")
    print(f"\nwrote {args.results}")


if __name__ == "__main__":
    main()
