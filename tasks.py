"""Tasks for writing, previewing and publishing the blog: `invoke --list`."""

import http.server
import shutil
import sys
from functools import partial
from pathlib import Path

from invoke import task
from invoke.exceptions import Exit

from pressless.build import BuildError, build_site
from pressless.new_post import write_new_post

ROOT = Path(__file__).resolve().parent
OUTPUT = ROOT / "output"
PREVIEW_SETTINGS = ROOT / "pelicanconf.py"
PUBLISH_SETTINGS = ROOT / "publishconf.py"
WATCHED = ["content", "theme", "plugins", "pelicanconf.py", "publishconf.py"]
HOST = "127.0.0.1"
PORT = 8000
LIVE_PORT = 35729  # the port livereload.js reconnects to


def _build(settings_file, output=OUTPUT):
    try:
        build_site(settings_file, output)
    except BuildError as error:
        raise Exit(f"Build failed: {error}. {output} was left as it was.", code=1) from None
    print(f"Built {output}")


@task
def build(c, output=str(OUTPUT)):
    """Build the site with the preview settings (pelicanconf.py)."""
    _build(PREVIEW_SETTINGS, Path(output))


@task
def clean(c):
    """Delete output/ and Pelican's cache."""
    for folder in (OUTPUT, ROOT / "cache"):
        shutil.rmtree(folder, ignore_errors=True)


@task(pre=[clean])
def rebuild(c):
    """Clean, then build."""
    _build(PREVIEW_SETTINGS)


@task
def preview(c, output=str(OUTPUT)):
    """Build the site as it will be published (publishconf.py)."""
    _build(PUBLISH_SETTINGS, Path(output))


@task
def serve(c, port=PORT):
    """Serve output/ at http://127.0.0.1:8000 (no rebuilds)."""
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(OUTPUT))
    with http.server.ThreadingHTTPServer((HOST, int(port)), handler) as server:
        print(f"Serving {OUTPUT} at http://{HOST}:{port}/ (Ctrl-C to stop)")
        server.serve_forever()


@task
def livereload(c, port=PORT, live_port=LIVE_PORT):
    """Build, serve at http://127.0.0.1:8000, rebuild and refresh on any change."""
    from livereload import Server

    def rebuild_quietly():
        # A broken post must not stop the server: report it and keep watching.
        try:
            build_site(PREVIEW_SETTINGS, OUTPUT)
        except BuildError as error:
            print(f"Build failed: {error}; still serving the last good build.")

    rebuild_quietly()
    server = Server()
    for watched in WATCHED:
        # livereload watches a folder recursively and a file by itself.
        server.watch(str(ROOT / watched), rebuild_quietly)
    server.serve(
        root=str(OUTPUT), host=HOST, port=int(port), liveport=int(live_port), open_url_delay=None
    )


@task(
    help={
        "title": "The post's title",
        "category": "Its category",
        "tags": "Comma-separated tags",
    }
)
def new_post(c, title, category=None, tags=None, author=None):
    """Write content/posts/<slug>.md as a draft dated now; never overwrites."""
    try:
        path = write_new_post(ROOT / "content" / "posts", title, category, tags, author)
    except (FileExistsError, ValueError) as error:
        raise Exit(f"new-post: {error}", code=1) from None
    print(f"Wrote {path.relative_to(ROOT)}")


@task
def pygments_css(c):
    """Regenerate theme/static/css/pygments.css (light and dark code colours)."""
    from pygments.formatters import HtmlFormatter

    def rules(style):
        return HtmlFormatter(style=style).get_style_defs(".highlight")

    dark = "\n".join("  " + line for line in rules("github-dark").splitlines())
    text = (
        "/* Code colours from Pygments (styles: default for light, github-dark for dark).\n"
        "   Regenerate with `invoke pygments-css`. */\n"
        f"{rules('default')}\n@media (prefers-color-scheme: dark) {{\n{dark}\n}}\n"
    )
    (ROOT / "theme" / "static" / "css" / "pygments.css").write_text(text)


if __name__ == "__main__":
    sys.exit("Run these with invoke: `invoke --list`")
