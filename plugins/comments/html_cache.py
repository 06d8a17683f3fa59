"""Comment bodies rendered once per version of their text, kept between builds.

Rendering a comment (Markdown, then nh3's allowlist) is most of what the
comments cost a build once posts are read from the reader cache: 1,225
comments were a quarter of a build with nothing changed. The HTML depends
only on the body's text and on the code that renders it, so it is kept in
CACHE_PATH/comment-html.json keyed by a hash of the text, under a version
made of sanitize.py's source and the Markdown and nh3 versions: a change
to any of them renders every comment again.
"""

import contextlib
import functools
import hashlib
import importlib.metadata
import json
import os
import tempfile
from pathlib import Path

from markupsafe import Markup

from pressless.core.forked import map_forked

from . import sanitize
from .sanitize import body_renderer

CACHE_FILE = "comment-html.json"


def renderer_version():
    digest = hashlib.sha256(Path(sanitize.__file__).read_bytes())
    for package in ("markdown", "nh3"):
        digest.update(f"{package}=={importlib.metadata.version(package)}".encode())
    return digest.hexdigest()


def _text_key(body):
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


class RenderedComments:
    """`html(body)`: the body's safe HTML, from the cache or rendered now; `save()` keeps this build's."""

    def __init__(self, cache_folder):
        self.path = Path(cache_folder) / CACHE_FILE if cache_folder else None
        self.version = renderer_version()
        self.known = self._load()
        self.used = {}
        self.rendered_ahead = {}  # key -> HTML of bodies rendered by render_ahead
        self.render = None  # made on the first body not in the cache

    def _load(self):
        if self.path is None:
            return {}
        try:
            stored = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}  # no cache yet, or one cut short: render everything
        if not isinstance(stored, dict) or stored.get("version") != self.version:
            return {}
        html = stored.get("html")
        return html if isinstance(html, dict) else {}

    def render_ahead(self, bodies, processes):
        """Render the bodies neither in the cache nor rendered ahead yet, in `processes` forked
        processes; return {key: HTML} of those."""
        missing = {}
        for body in bodies:
            key = _text_key(body)
            if not isinstance(self.known.get(key), str) and key not in self.rendered_ahead:
                missing.setdefault(key, body)
        rendered = dict(zip(missing, map_forked(_render_in_process, list(missing.values()), processes),
                            strict=True))
        self.rendered_ahead.update(rendered)
        return rendered

    def html(self, body):
        key = _text_key(body)
        html = self.known.get(key)
        if not isinstance(html, str):
            html = self.rendered_ahead.get(key)
        if not isinstance(html, str):
            self.render = self.render or body_renderer()
            html = str(self.render(body))
        self.used[key] = html
        return Markup(html)

    def save(self):
        """Write this build's bodies (only those) when they differ from what was read."""
        if self.path is None or self.used == self.known:
            return
        with contextlib.suppress(OSError):  # a cache that cannot be written only costs time
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".comment-html-")
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                json.dump({"version": self.version, "html": self.used}, file)
            os.replace(temporary, self.path)


@functools.cache
def _process_renderer():
    # One Markdown converter per process (render_ahead's copies each make their own).
    return body_renderer()


def _render_in_process(body):
    return str(_process_renderer()(body))
