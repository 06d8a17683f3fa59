"""Edit-to-refresh: from a saved post to the served page showing the change.

    .venv/bin/python bench/refresh.py --posts 1000 5000 --repeat 3

For each corpus size and each tool a live server is started on the corpus
(see TOOLS); once it serves the post, the benchmark connects to its
live-reload websocket as a browser's livereload.js does, then for each
phase and run: edits the middle post by date, notes the time the file is
saved, waits for the reload message, then fetches the post until it shows
the change. Rows report the median over --repeat runs of both times, and the
ratio to vanilla Pelican in the same invocation.

Phases: `body` appends a paragraph (the benchmark's usual edit); `title`
changes the title (every listing, feed and neighbour that names it changes);
`tag` files the post under one more tag, a new one (its tag links, the tag
cloud, related posts and a new tag page change). The page "shows" the edit
when the marker word is in it, in any case (Hugo capitalises term titles).
"""

import argparse
import asyncio
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from datetime import datetime
from pathlib import Path

import corpus
from tornado.websocket import websocket_connect

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
PHASES = ("body", "title", "tag")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def pressless_server(corpus_dir, out, port, live_port, extra_settings=""):
    settings = out.with_name(out.name + ".settings.py")
    settings.write_text(f"import sys\nsys.path.insert(0, {str(REPO)!r})\nfrom pelicanconf import *\n"
                        f"PATH = {str(corpus_dir / 'content')!r}\n{extra_settings}")
    return [sys.executable, "-m", "pressless.tools.preview", "--settings", str(settings),
            "--output", str(out), "--port", str(port), "--live-port", str(live_port)]


def livereload_server(name):
    def command(corpus_dir, out, port, live_port):
        return [sys.executable, str(BENCH / "live_servers.py"), name, str(corpus_dir / "content"),
                str(out), str(port), str(live_port)]
    return command


def hugo_server(corpus_dir, out, port, live_port):
    return ["hugo", "server", "--source", str(corpus_dir / "hugo"), "--bind", "127.0.0.1",
            "--port", str(port), "--liveReloadPort", str(port), "--disableBrowserError"]


def jekyll_server(corpus_dir, out, port, live_port):
    return ["jekyll", "serve", "--source", str(corpus_dir / "jekyll"), "--destination", str(out),
            "--host", "127.0.0.1", "--port", str(port), "--livereload", "--livereload-port",
            str(live_port), "--incremental"]


def wordpress_url(post):
    return f"/{post['date']:%Y/%m/%d}/{post['slug']}/"


# name: (server command, tree edited, URL of the post, live port is the HTTP port)
TOOLS = {
    "pressless": (pressless_server, "pelican", wordpress_url, False),
    "pressless-before": (livereload_server("pressless-before"), "pelican", wordpress_url, False),
    "pelican": (livereload_server("pelican"), "pelican", lambda post: f"/{post['slug']}.html", False),
    "hugo": (hugo_server, "hugo", wordpress_url, True),
    "jekyll": (jekyll_server, "jekyll", wordpress_url, False),
}


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=600) as answer:
            return answer.read().decode("utf-8", "replace")
    except (urllib.error.URLError, OSError):
        return ""


class LiveClient:
    """A livereload.js stand-in: says hello, then collects reload messages."""

    async def connect(self, port, deadline, page_url):
        while True:
            try:
                self.socket = await websocket_connect(f"ws://127.0.0.1:{port}/livereload")
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                await asyncio.sleep(0.5)
        hello = {"command": "hello", "protocols": ["http://livereload.com/protocols/official-7"]}
        await self.socket.write_message(json.dumps(hello))
        # The livereload package's server only sends to clients that said which page they show.
        await self.socket.write_message(json.dumps({"command": "info", "url": page_url, "plugins": {}}))

    async def next(self, command, timeout):
        end = time.monotonic() + timeout
        while True:
            text = await asyncio.wait_for(self.socket.read_message(), max(0.1, end - time.monotonic()))
            if text is None:
                raise RuntimeError("the live-reload connection closed")
            if json.loads(text).get("command") == command:
                return time.monotonic()

    async def settle(self, name, timeout, restored=True):
        """Wait until the server is idle: the next edit starts from a quiet machine."""
        if name == "pressless":
            # After its reload the preview writes the other pages, then runs
            # Pagefind; wait for the index made after the restoring save.
            if restored:
                await self.next("reload", timeout)
            await self.next("pressless-search-updated", timeout)
        # The livereload package ignores changes for 3 s after a reload.
        await self.drain(1.0 if name in ("pressless", "hugo", "jekyll") else 3.5)

    async def drain(self, seconds):
        try:
            while True:
                await asyncio.wait_for(self.socket.read_message(), seconds)
        except TimeoutError:
            pass


def edited(text, phase, marker):
    if phase == "body":
        return text + f"\n\n{marker}: the benchmark appended this paragraph.\n"
    if phase == "tag":
        # Hugo's and Jekyll's front matter hold a list ("tags: [...]"), Pelican's header a line.
        text, listed = re.subn(r"(?im)^(tags: *)\[", rf'\g<1>["{marker}", ', text, count=1)
        return text if listed else re.sub(r"(?im)^(tags: *)", rf"\g<1>{marker}, ", text, count=1)
    # Pelican's header and the front matter of Hugo and Jekyll all start the
    # title line with "title:" (any case), and the title has no line break.
    return re.sub(r"(?im)^(title: *\"?)", rf"\g<1>{marker} ", text, count=1)


async def measure_tool(name, corpus_dir, post, work, repeat, timeout):
    command, tree, url_of, same_port = TOOLS[name]
    out = work / "out" / f"refresh-{name}-{corpus_dir.name}"
    shutil.rmtree(out, ignore_errors=True)
    for cache in (Path(f"{out}.cache"), corpus_dir / "jekyll" / ".jekyll-metadata"):
        shutil.rmtree(cache, ignore_errors=True) if cache.is_dir() else cache.unlink(missing_ok=True)
    port = free_port()
    live_port = port if same_port else free_port()
    log = work / "logs" / f"refresh-{name}-{corpus_dir.name}.log"
    server = subprocess.Popen(command(corpus_dir, out, port, live_port), cwd=REPO, stdout=log.open("w"),
                              stderr=subprocess.STDOUT, start_new_session=True)
    path = corpus_dir / post["files"][tree]
    original = path.read_text(encoding="utf-8")
    url = f"http://127.0.0.1:{port}{url_of(post)}"
    rows = {phase: [] for phase in PHASES}
    try:
        deadline = time.monotonic() + timeout
        started = time.monotonic()
        while post["title_word"] not in fetch(url):
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"{name} did not serve {url}; see {log}")
            await asyncio.sleep(0.5)
        print(f"  {name:<16} {corpus_dir.name}: serving after {time.monotonic() - started:.1f} s", flush=True)
        client = LiveClient()
        await client.connect(live_port, deadline, url)
        await client.settle(name, timeout, restored=False)
        for index in range(repeat):
            for phase in PHASES:
                marker = f"Bench{phase.title()}{index}x{os.getpid()}"
                text = edited(original, phase, marker)
                path.write_text(text, encoding="utf-8")
                saved = time.monotonic()
                reloaded = await client.next("reload", timeout)
                while marker.lower() not in fetch(url).lower():
                    if time.monotonic() - saved > timeout:
                        raise RuntimeError(f"{name}: {url} never showed {marker}")
                    await asyncio.sleep(0.005)
                shown = time.monotonic()
                rows[phase].append({"reload_s": reloaded - saved, "shown_s": shown - saved})
                print(f"  {name:<16} {corpus_dir.name} {phase:<5} run {index + 1}: reload "
                      f"{reloaded - saved:.3f} s, shown {shown - saved:.3f} s", flush=True)
                path.write_text(original, encoding="utf-8")
                # Back to the original before the next run (the livereload
                # package rebuilds but may not send a reload this soon).
                while marker.lower() in fetch(url).lower():
                    if time.monotonic() - shown > timeout:
                        raise RuntimeError(f"{name}: {url} kept showing {marker}")
                    await asyncio.sleep(0.05)
                await client.settle(name, timeout)
    finally:
        path.write_text(original, encoding="utf-8")
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)
    return rows


def summary(tool, posts, phase, runs):
    return {
        "tool": tool, "posts": posts, "phase": phase, "runs": runs,
        "median_reload_s": statistics.median(r["reload_s"] for r in runs) if runs else None,
        "median_shown_s": statistics.median(r["shown_s"] for r in runs) if runs else None,
    }


def table(rows):
    base = {(r["posts"], r["phase"]): r["median_shown_s"] for r in rows if r["tool"] == "pelican"}
    lines = [f"{'posts':>6}  {'tool':<16} {'phase':<5} {'reload s':>9} {'shown s':>8} {'× pelican':>9}  runs"]
    lines.append("-" * len(lines[0]))
    for r in rows:
        if r.get("error"):
            lines.append(f"{r['posts']:>6}  {r['tool']:<16} {r['phase']:<5} FAILED: {r['error']}")
            continue
        ratio = base.get((r["posts"], r["phase"]))
        ratio = f"{r['median_shown_s'] / ratio:.3f}" if ratio else "-"
        lines.append(f"{r['posts']:>6}  {r['tool']:<16} {r['phase']:<5} {r['median_reload_s']:>9.3f}"
                     f" {r['median_shown_s']:>8.3f} {ratio:>9}  {len(r['runs'])}")
    return "\n".join(lines)


def middle_post(corpus_dir):
    manifest = json.loads((corpus_dir / "manifest.json").read_text(encoding="utf-8"))
    post = dict(manifest["posts"][len(manifest["posts"]) // 2])
    header = (corpus_dir / post["files"]["pelican"]).read_text(encoding="utf-8")
    post["date"] = datetime.strptime(re.search(r"(?m)^Date: (\d{4}-\d\d-\d\d)", header)[1], "%Y-%m-%d")
    post["title_word"] = re.search(r"(?m)^Title: (\S+)", header)[1]
    return post


def write_results(args, rows, load_before):
    meta = {"when": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "cpus": os.cpu_count(),
            "load_average_before": load_before, "load_average_after": os.getloadavg()[0],
            "repeat": args.repeat, "posts": args.posts}
    args.results.write_text(json.dumps({"meta": meta, "results": rows}, indent=1, default=str) + "\n")


def generated_corpora(args):
    """The work folder (logs/ and out/ made), then (posts, corpus folder) for each size asked
    for, each generated just before it is measured. refresh.py and structural.py share it."""
    work = args.out.resolve()
    for folder in ("logs", "out"):
        (work / folder).mkdir(parents=True, exist_ok=True)

    def corpora():
        for posts in args.posts:
            corpus_dir = work / f"corpus-{posts}"
            print(f"generating {posts} posts in {corpus_dir}", flush=True)
            corpus.generate(corpus_dir, posts, args.seed)
            yield posts, corpus_dir

    return work, corpora()


async def run(args, load_before):
    work, corpora = generated_corpora(args)
    rows = []
    for posts, corpus_dir in corpora:
        for name, skeleton in (("hugo", "hugo-site"), ("jekyll", "jekyll-site")):
            shutil.copytree(BENCH / skeleton, corpus_dir / name, dirs_exist_ok=True)
        post = middle_post(corpus_dir)
        for tool in args.tools.split(","):
            if tool in ("hugo", "jekyll") and not shutil.which(tool):
                print(f"skipping {tool}: not installed")
                continue
            try:
                runs = await measure_tool(tool, corpus_dir, post, work, args.repeat, args.timeout)
                rows += [summary(tool, posts, phase, runs[phase]) for phase in PHASES]
            except (RuntimeError, TimeoutError) as error:
                print(f"  {tool}: {error}", flush=True)
                rows += [{**summary(tool, posts, phase, []), "error": str(error)} for phase in PHASES]
            # After every tool: a long run stopped half way keeps what it measured.
            write_results(args, rows, load_before)
    return rows


def live_bench_parser(description, *, repeat, results):
    """The options refresh.py and structural.py share."""
    parser = argparse.ArgumentParser(
        description=description, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--posts", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--repeat", type=int, default=repeat)
    parser.add_argument("--out", type=Path, default=BENCH / "work")
    parser.add_argument("--results", type=Path, default=BENCH / results)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=900)
    return parser


def main():
    parser = live_bench_parser(__doc__, repeat=3, results="refresh-results.json")
    parser.add_argument("--tools", default="pressless,pelican,hugo,jekyll,pressless-before")
    args = parser.parse_args()
    load_before = os.getloadavg()[0]
    rows = asyncio.run(run(args, load_before))
    print()
    print(table(rows))
    write_results(args, rows, load_before)
    print(f"\nwrote {args.results}")


if __name__ == "__main__":
    main()
