"""Tasks for writing, previewing and publishing the blog: `invoke --list`."""

import http.server
import shutil
import sys
from functools import partial
from pathlib import Path

from invoke import task
from invoke.exceptions import Exit

from pressless.tools.build import BuildError, build_site
from pressless.tools.new_post import write_new_post

ROOT = Path(__file__).resolve().parent
OUTPUT = ROOT / "output"
PREVIEW_SETTINGS = ROOT / "pelicanconf.py"
PUBLISH_SETTINGS = ROOT / "publishconf.py"
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


@task(
    help={
        "port": "Where the site is served (default 8000)",
        "live_port": "Where browsers wait for the reload message (default 35729)",
    }
)
def livereload(c, port=PORT, live_port=LIVE_PORT):
    """Serve at http://127.0.0.1:8000 and refresh the browser on any change, from one live process."""
    # pressless/tools/preview: the site stays in memory; a save re-reads only
    # the changed files and the page in the browser is rendered first.
    from pressless.tools.preview import main as run_preview

    code = run_preview(PREVIEW_SETTINGS, OUTPUT, int(port), int(live_port))
    if code:
        raise Exit(code=code)


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



# == comments-pull: isso's approved comments into comment files (pressless/tools/comments_pull.py) ==
@task(
    help={
        "isso_url": "isso's address (default: COMMENTS_ISSO_URL from --settings)",
        "settings": "Settings of the site isso serves: its SITEURL and ARTICLE_URL "
        "give each post's thread (default: publishconf.py)",
        "content": "Content folder: posts are read and comment files written there",
    }
)
def comments_pull(c, isso_url=None, settings=str(PUBLISH_SETTINGS), content=str(ROOT / "content")):
    """Write isso's new approved comments as content/comments/<post-slug>/isso-<id>.md."""
    from pressless.tools.comments_pull import PullError, pull_for_site

    try:
        report = pull_for_site(settings, content, isso_url)
    except PullError as error:
        raise Exit(f"comments-pull: {error}", code=1) from None
    for path in report.written:
        print(f"Wrote {path}")
    for path in report.kept_local_edits:
        print(f"Kept {path} as it is: it differs from isso's copy")
    print(f"comments-pull: {report.summary()}")


# == check (pressless/tools/quality/: the validator, axe, Lighthouse, links, feeds, page weight) ==
def _page_list(value):
    return [entry.strip() for entry in value.split(",") if entry.strip()] if value else None


@task(
    help={
        "site": "The built site folder to check (default: output/)",
        "lighthouse": "Run Lighthouse (the slow step); --no-lighthouse skips it",
        "axe_pages": "Comma-separated pages for axe: URL paths or roles "
        "(front, post, page, category, tag, author, archives)",
        "lighthouse_pages": "Comma-separated pages for Lighthouse (default: front,post)",
        "weight_pages": "Comma-separated pages for the page-weight report",
        "site_url": "The site's absolute URL, whose links are checked as internal "
        "(default: the front page's canonical URL)",
        "report_dir": "Where report.json and Lighthouse's reports go (default: cache/quality/)",
    }
)
def check(c, site=str(OUTPUT), lighthouse=True, axe_pages=None, lighthouse_pages=None,
          weight_pages=None, site_url=None, report_dir=None):
    """Check a built site: HTML validity, accessibility, links, feeds, page weight, Lighthouse."""
    from pressless.tools.quality.runner import CheckOptions, check_site

    options = CheckOptions(lighthouse=lighthouse, site_urls=(site_url,) if site_url else None)
    if report_dir:
        options.report_dir = Path(report_dir)
    for name, value in (("accessibility_pages", axe_pages),
                        ("lighthouse_pages", lighthouse_pages), ("weight_pages", weight_pages)):
        if _page_list(value):
            setattr(options, name, _page_list(value))
    if not check_site(Path(site), options):
        raise Exit("check: some checks failed (see above).", code=1)


if __name__ == "__main__":
    sys.exit("Run these with invoke: `invoke --list`")
