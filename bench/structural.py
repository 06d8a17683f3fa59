"""Edits that add, move or delete a post, in Pressless's live preview.

    .venv/bin/python bench/structural.py --posts 1000 5000 --repeat 2

bench/refresh.py times edits that keep a post's URL, for every tool; these
edits change which URLs exist, so each tool would be asked for different
URLs (Pressless and WordPress date them, vanilla Pelican does not), and only
Pressless is timed. For each run: `new` saves a new post (shown when its URL
serves it), `date` moves it to another day (shown when the new URL serves
it), `retitle` gives it a new title (shown when its tag's page, which the
rest of the site settling renders, has the new title), `delete` removes it
(shown when its URL answers 404), `theme` saves a
copy of the theme's footer with a marker among the theme's overrides (every
page changes; shown when the front page has the marker), `theme-back`
deletes it (shown when the front page has it no more). The preview keeps
its model for both and renders every page again, the one asked for first.
`image` adds an image under content/images (shown when its URL serves it),
`image-gone` deletes it (shown when its URL answers 404); the preview keeps
its model for both. `settings` renames the site in the settings file (shown
when the front page has the new name), `settings-back` restores the file
(shown when the name is gone): the model is made again, the posts read from
the reader cache. Both times are from the save: the
reload message, and the served page showing the change.
The rest of the site settles after the reload; each run waits for the
search index made after it (none follows an image's) before the next edit.
"""

import asyncio
import os
import shutil
import signal
import subprocess
import time
import urllib.error
import urllib.request

from refresh import (
    REPO,
    LiveClient,
    free_port,
    generated_corpora,
    live_bench_parser,
    pressless_server,
    summary,
    write_results,
)

# The smallest PNG: one transparent pixel.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082"
)
PHASES = ("new", "retitle", "date", "delete", "theme", "theme-back", "image", "image-gone", "settings",
          "settings-back")
POST = """Title: Bench Structural {run}
Date: {date}
Category: Notes
Tags: bench
Slug: bench-structural-{run}

Marker{run}x{pid}: a post the benchmark adds, moves and deletes.
"""


def status_and_text(url):
    try:
        with urllib.request.urlopen(url, timeout=600) as answer:
            return answer.status, answer.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, ""
    except (urllib.error.URLError, OSError):
        return 0, ""


def showing(text):
    return lambda status, page: status == 200 and text in page


def not_showing(text):
    return lambda status, page: status == 200 and text not in page


async def timed(client, path, text, url, shown, timeout):
    if text is None:
        path.unlink()
    elif isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    saved = time.monotonic()
    reloaded = await client.next("reload", timeout)
    while not shown(*status_and_text(url)):
        if time.monotonic() - saved > timeout:
            raise RuntimeError(f"{url} never showed the change")
        await asyncio.sleep(0.005)
    return {"reload_s": reloaded - saved, "shown_s": time.monotonic() - saved}


async def measure(corpus_dir, work, repeat, timeout):
    out = work / "out" / f"structural-{corpus_dir.name}"
    shutil.rmtree(out, ignore_errors=True)
    port, live_port = free_port(), free_port()
    log = work / "logs" / f"structural-{corpus_dir.name}.log"
    # Made before the preview starts: a new folder is a change of its own.
    images = corpus_dir / "content" / "images"
    images.mkdir(exist_ok=True)
    overrides = corpus_dir / "theme-overrides"
    shutil.rmtree(overrides, ignore_errors=True)
    (overrides / "partials").mkdir(parents=True)
    footer = (REPO / "theme" / "templates" / "partials" / "footer.html").read_text(encoding="utf-8")
    extra = f"THEME_TEMPLATES_OVERRIDES = [{str(overrides)!r}]\n"
    server = subprocess.Popen(pressless_server(corpus_dir, out, port, live_port, extra), cwd=REPO,
                              stdout=log.open("w"), stderr=subprocess.STDOUT, start_new_session=True)
    rows = {phase: [] for phase in PHASES}
    path = corpus_dir / "content" / "posts" / "bench-structural.md"
    try:
        deadline = time.monotonic() + timeout
        while status_and_text(f"http://127.0.0.1:{port}/")[0] != 200:
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the preview did not serve; see {log}")
            await asyncio.sleep(0.5)
        client = LiveClient()
        await client.connect(live_port, deadline, f"http://127.0.0.1:{port}/")
        await client.settle("pressless", timeout, restored=False)
        for run in range(repeat):
            marker = f"Marker{run}x{os.getpid()}"
            first = f"http://127.0.0.1:{port}/2020/06/15/bench-structural-{run}/"
            moved = f"http://127.0.0.1:{port}/2020/06/16/bench-structural-{run}/"
            text = POST.format(run=run, date="2020-06-15 10:00", pid=os.getpid())
            served, unmarked = showing(marker), not_showing(marker)
            front = f"http://127.0.0.1:{port}/"
            own_footer = overrides / "partials" / "footer.html"
            image = images / f"bench-{run}.png"
            image_url = f"http://127.0.0.1:{port}/images/{image.name}"
            settings = out.with_name(out.name + ".settings.py")
            settings_text = settings.read_text(encoding="utf-8")
            # Markers of their own: the post's body (its summary on listings) holds `marker`.
            new_title, new_name = f"Retitled{run}y{os.getpid()}", f"Renamed{run}z{os.getpid()}"
            retitled = text.replace("Title: Bench Structural", f"Title: {new_title}")
            tag_page = f"http://127.0.0.1:{port}/tag/bench/"
            edits = [
                ("new", path, text, first, served),
                ("retitle", path, retitled, tag_page, showing(new_title)),
                ("date", path, retitled.replace("2020-06-15", "2020-06-16"), moved, served),
                ("delete", path, None, moved, lambda status, page: status == 404),
                ("theme", own_footer, f"{footer}<!-- {marker} -->\n", front, served),
                ("theme-back", own_footer, None, front, unmarked),
                ("image", image, PNG, image_url, lambda status, page: status == 200),
                ("image-gone", image, None, image_url, lambda status, page: status == 404),
                ("settings", settings, f"{settings_text}SITENAME = {new_name!r}\n", front, showing(new_name)),
                ("settings-back", settings, settings_text, front, not_showing(new_name)),
            ]
            for phase, edited, new_text, url, shown in edits:
                times = await timed(client, edited, new_text, url, shown, timeout)
                rows[phase].append(times)
                print(f"  {corpus_dir.name} {phase:<6} run {run + 1}: reload {times['reload_s']:.3f} s,"
                      f" shown {times['shown_s']:.3f} s", flush=True)
                if not phase.startswith("image"):  # an image changes no page: no new search index
                    await client.next("pressless-search-updated", timeout)
                await client.drain(1.0)
    finally:
        path.unlink(missing_ok=True)
        shutil.rmtree(overrides, ignore_errors=True)
        for leftover in images.glob("bench-*.png"):
            leftover.unlink()
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)
    return rows


async def run(args):
    work, corpora = generated_corpora(args)
    results = []
    for posts, corpus_dir in corpora:
        rows = await measure(corpus_dir, work, args.repeat, args.timeout)
        results += [summary("pressless", posts, phase, runs) for phase, runs in rows.items()]
    return results


def main():
    args = live_bench_parser(__doc__, repeat=2, results="structural-results.json").parse_args()
    load_before = os.getloadavg()[0]
    results = asyncio.run(run(args))
    write_results(args, results, load_before)
    for row in results:
        print(f"{row['posts']:>6}  {row['phase']:<7} reload {row['median_reload_s']:.3f} s"
              f"  shown {row['median_shown_s']:.3f} s  ({len(row['runs'])} runs)")
    print(f"wrote {args.results}")


if __name__ == "__main__":
    main()
