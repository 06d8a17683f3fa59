"""Shared fixtures: the example site is built once per session.

`site` is the preview build of the test blog (tests/fixtures/blog, on the
project's pelicanconf.py), `published_site` its publish build (publishconf.py).
Both are real Pelican runs through the same code path as `invoke build`.
Browser tests get Debian's Chromium via Playwright and the preview build
served on 127.0.0.1.
"""

import contextlib
import functools
import http.server
import os
import runpy
import threading
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from pressless.tools.build import build_site
from pressless.tools.quality.tools import CHROMIUM, CHROMIUM_ARGS
from tests.fixtures.blog import PREVIEW_SETTINGS, PUBLISH_SETTINGS

ROOT = Path(__file__).resolve().parent.parent
GUARD = Path(__file__).resolve().parent / "guard"

# No test reads the blog's own content/ (tests/guard/sitecustomize.py): not this
# process, nor any Python it starts, which finds the guard on PYTHONPATH.
os.environ["PRESSLESS_TESTS_FORBIDDEN_FOLDER"] = os.path.realpath(ROOT / "content")
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(GUARD), os.environ.get("PYTHONPATH")]))
runpy.run_path(str(GUARD / "sitecustomize.py"))  # the same guard, in this process


class BuiltSite:
    """A built site folder with helpers to read its pages."""

    def __init__(self, root):
        self.root = Path(root)

    def path(self, url_path):
        """The file a URL path like '/2026/03/14/slug/' is served from."""
        target = self.root / url_path.lstrip("/")
        if url_path.endswith("/") or target.is_dir():
            target = target / "index.html"
        return target

    def text(self, url_path):
        return self.path(url_path).read_text(encoding="utf-8")

    @functools.cache  # noqa: B019 - one parse per page per session is the point
    def soup(self, url_path):
        return BeautifulSoup(self.text(url_path), "lxml")

    def html_files(self):
        return sorted(self.root.rglob("*.html"))

    def url_of(self, file):
        relative = file.relative_to(self.root).as_posix()
        if relative.endswith("index.html"):
            relative = relative[: -len("index.html")]
        return "/" + relative


def _build(settings, folder):
    build_site(settings, folder)
    return BuiltSite(folder)


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    return _build(PREVIEW_SETTINGS, tmp_path_factory.mktemp("preview") / "output")


@pytest.fixture(scope="session")
def published_site(tmp_path_factory):
    return _build(PUBLISH_SETTINGS, tmp_path_factory.mktemp("publish") / "output")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve_folder(folder):
    """`with serve_folder(folder) as url:` the folder served on 127.0.0.1 on a free port."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


@pytest.fixture(scope="session")
def site_url(site):
    """The preview build served over HTTP, as a reader's browser sees it."""
    with serve_folder(site.root) as url:
        yield url


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    # Debian's Chromium, never a downloaded browser build.
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}
