"""A fixture blog written by the test, and the preview run as `invoke livereload` runs it."""

import asyncio
import contextlib
import json
import os
import queue
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from tornado.websocket import websocket_connect

from ..processes import free_port

ROOT = Path(__file__).resolve().parents[2]
CLIENT_TAG = '<script src="/__pressless/live.js" data-live-port="{port}"></script>'


def post_text(title, date, category, tags, body, **extra):
    lines = [f"Title: {title}", f"Date: {date}", f"Category: {category}", f"Tags: {', '.join(tags)}"]
    lines += [f"{key.replace('_', '-').title()}: {value}" for key, value in extra.items()]
    return "\n".join(lines) + "\n\n" + body + "\n"


def save(path, text):
    """Write as editors do: a temporary file renamed over the old one."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def write_fixture_site(root):
    """Six posts in two categories with shared tags, a page, two comments."""
    content = root / "content"
    topics = [
        ("Pruning Apple Trees", "2024-01-05 09:00", "Garden", ["trees", "winter"]),
        ("Sourdough Starter Notes", "2024-02-10 10:00", "Kitchen", ["bread", "winter"]),
        ("Mulch Before Frost", "2024-03-15 11:00", "Garden", ["soil", "winter", "trees"]),
        ("Rye Bread Week", "2024-04-20 12:00", "Kitchen", ["bread", "rye"]),
        ("Compost in Spring", "2024-05-25 13:00", "Garden", ["soil", "compost"]),
        ("Baking With Kids", "2024-06-30 14:00", "Kitchen", ["bread", "family"]),
    ]
    for title, date, category, tags in topics:
        slug = title.lower().replace(" ", "-")
        body = f"{title} begins here. It is a post about {', '.join(tags)}.\n\n## More\n\nA second part."
        save(content / "posts" / f"{slug}.md",
             post_text(title, date, category, tags, body, summary=f"All about {title.lower()}."))
    # A page with its own summary: a body edit leaves its headers as they were.
    save(content / "pages" / "about.md", "Title: About\nSummary: Who writes here.\n\nA small fixture blog.\n")
    save(content / "comments" / "rye-bread-week" / "c1.md",
         "Author: Lena\nDate: 2024-04-21 08:00\n\nThanks for the *recipe*.\n")
    settings = root / "settings.py"
    settings.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *  # noqa\n"
        f"PATH = {str(content)!r}\nDEFAULT_PAGINATION = 2\n",
        encoding="utf-8",
    )
    return settings, content


class LiveListener:
    """A livereload client in a thread: every message the preview sends, in a queue."""

    def __init__(self, live_port):
        self.messages = queue.Queue()
        self.url = f"ws://127.0.0.1:{live_port}/livereload"
        self.thread = threading.Thread(target=lambda: asyncio.run(self._listen()), daemon=True)
        self.thread.start()

    async def _listen(self):
        socket_ = await websocket_connect(self.url)
        await socket_.write_message(json.dumps({"command": "hello", "protocols": []}))
        while (message := await socket_.read_message()) is not None:
            self.messages.put((time.monotonic(), json.loads(message)))

    def wait_for(self, command, timeout=120):
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"no {command!r} message within {timeout}s")
            try:
                when, message = self.messages.get(timeout=left)
            except queue.Empty:
                continue
            if message["command"] == command:
                return when, message

    def drain(self):
        while not self.messages.empty():
            self.messages.get_nowait()


class PreviewProcess:
    """`python -m pressless.tools.preview`, as tasks.py starts it."""

    def __init__(self, settings, output, port=None, live_port=None):
        self.port, self.live_port = port or free_port(), live_port or free_port()
        self.output = Path(output)
        command = [sys.executable, "-m", "pressless.tools.preview", "--settings", str(settings),
                   "--output", str(output), "--port", str(self.port), "--live-port", str(self.live_port)]
        self.log = Path(str(output) + ".log")
        self.process = subprocess.Popen(command, cwd=ROOT, stdout=self.log.open("w"),
                                        stderr=subprocess.STDOUT)

    def wait_until_serving(self, timeout=180):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"preview exited: {self.log.read_text()}")
            if "Serving" in self.log.read_text():
                return
            time.sleep(0.1)
        raise AssertionError(f"preview did not start: {self.log.read_text()}")

    def get(self, url_path):
        """(status, body bytes) of a served URL."""
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}{url_path}", timeout=60) as answer:
                return answer.status, answer.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def without_client(self, body):
        return body.replace(CLIENT_TAG.format(port=self.live_port).encode(), b"")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)


def url_of(relative):
    return "/" + (relative[: -len("index.html")] if relative.endswith("index.html") else relative)


def site_files(folder):
    folder = Path(folder)
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@contextlib.contextmanager
def previewed_fixture_site(root):
    """The fixture blog under `root`, served by a preview: (settings, content, preview, listener)."""
    settings, content = write_fixture_site(root / "blog")
    preview = PreviewProcess(settings, root / "output")
    try:
        preview.wait_until_serving()
        yield settings, content, preview, LiveListener(preview.live_port)
    finally:
        preview.stop()


def wait_for_settling(preview, settled_before, timeout=120):
    """Until the preview's log says it settled more than `settled_before` times."""
    deadline = time.monotonic() + timeout
    while preview.log.read_text().count("settled in") <= settled_before:
        assert time.monotonic() < deadline, preview.log.read_text()
        time.sleep(0.05)


def assert_index_kept(preview, listener, seconds=1.5):
    """No new search index comes after a change that changes no page (Pagefind's folder is
    swapped in whole, so a new index is a new folder)."""
    before = (preview.output / "pagefind").stat().st_ino
    time.sleep(seconds)  # a fixture site's index takes Pagefind a few tenths of a second
    assert (preview.output / "pagefind").stat().st_ino == before, "the search index was made again"
    commands = []
    while not listener.messages.empty():
        commands.append(listener.messages.get_nowait()[1]["command"])
    assert "pressless-search-updated" not in commands


def wait_for_the_live_client(page, url):
    """Open `url` and wait until its live client has the preview's hello: from then on it hears every save."""
    frames = []
    page.on("websocket", lambda socket: socket.on("framereceived", lambda frame: frames.append(frame)))
    page.goto(url)
    for _ in range(400):
        if any('"hello"' in str(frame) for frame in frames):
            return
        page.wait_for_timeout(50)
    raise AssertionError("the live client never connected")
