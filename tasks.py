"""Tasks for writing, previewing and publishing the blog: `invoke --list`."""

import http.server
import shutil
import sys
from functools import partial
from pathlib import Path

from invoke import task
from invoke.exceptions import Exit
from pelican.settings import read_settings

from pressless.tools.build import BuildError, build_site
from pressless.tools.new_post import write_new_post

ROOT = Path(__file__).resolve().parent
OUTPUT = ROOT / "output"
# The publish build: never output/, so a preview and a publish build never overwrite each other.
PUBLIC = ROOT / "public"
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
    """Delete output/, public/ and Pelican's cache."""
    for folder in (OUTPUT, PUBLIC, ROOT / "cache"):
        shutil.rmtree(folder, ignore_errors=True)


@task(pre=[clean])
def rebuild(c):
    """Clean, then build."""
    _build(PREVIEW_SETTINGS)


@task
def preview(c, output=str(PUBLIC)):
    """Build the site as it will be published (publishconf.py) into public/."""
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
        settings = read_settings(str(PREVIEW_SETTINGS))
        posts = Path(settings["PATH"]) / settings["ARTICLE_PATHS"][0]
        path = write_new_post(posts, title, category, tags, author,
                              settings=settings)
    except (FileExistsError, ValueError) as error:
        raise Exit(f"new-post: {error}", code=1) from None
    print(f"Wrote {path.relative_to(ROOT)}")


CODE_COLOURS_START = "/* == code colours: written by `invoke pygments-css`, do not edit by hand == */\n"
CODE_COLOURS_END = "/* == end of code colours == */\n"


@task
def pygments_css(c):
    """Regenerate the code colours (light and dark) inside theme/static/css/style.css.

    They live in the one stylesheet, between two marker comments, so a page
    loads one CSS file."""
    from pygments.formatters import HtmlFormatter

    def rules(style):
        return HtmlFormatter(style=style).get_style_defs(".highlight")

    dark = "\n".join("  " + line for line in rules("github-dark").splitlines())
    section = (
        "/* Pygments styles: default for light, github-dark for dark. */\n"
        f"{rules('default')}\n@media (prefers-color-scheme: dark) {{\n{dark}\n}}\n"
    )
    stylesheet = ROOT / "theme" / "static" / "css" / "style.css"
    text = stylesheet.read_text()
    before, start, rest = text.partition(CODE_COLOURS_START)
    _, end, after = rest.partition(CODE_COLOURS_END)
    if not (start and end):
        raise Exit("pygments-css: the code colour markers are missing from style.css", code=1)
    stylesheet.write_text(before + start + section + end + after)


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


# == import-wordpress: a WordPress export into content/ (pressless/tools/wordpress_import/) ==
@task(
    help={
        "export": "The WordPress export file (Tools > Export > All content), WXR 1.0 to 1.2",
        "uploads": "The old blog's wp-content/uploads folder: the files posts use are copied "
        "to content/images/ and their links rewritten",
        "dry_run": "Show what would be written and the report; write nothing",
        "content": "The content folder to import into (default: content/)",
    }
)
def import_wordpress(c, export, uploads=None, dry_run=False, content=str(ROOT / "content")):
    """Import a WordPress export: posts, pages, comments, images and old addresses."""
    from pressless.tools.wordpress_import.cli import ImportFailed, run_import

    try:
        for line in run_import(export, content, uploads=uploads, dry_run=dry_run,
                               settings_file=PREVIEW_SETTINGS):
            print(line)
    except ImportFailed as error:
        raise Exit(f"import-wordpress: {error}", code=1) from None


# == publish (pressless/tools/publish/: file://, ssh://, github-pages, s3://) ==
@task(
    help={
        "target": "Where to publish: file:///folder, ssh://user@host[:port]/folder, "
        "github-pages[:REMOTE] or s3://bucket/prefix (default: PUBLISH_TARGET in publishconf.py)",
        "dry_run": "Build and list what would be added, changed and deleted; publish nothing",
        "rollback": "Make the release before the live one live again (file:// and ssh://)",
        "settings": "The settings to build with (default: publishconf.py)",
        "output": "Where the publish build goes (default: public/)",
    }
)
def publish(c, target=None, dry_run=False, rollback=False, settings=str(PUBLISH_SETTINGS),
            output=str(PUBLIC)):
    """Build with publishconf.py into public/, check its links, and publish it."""
    from pressless.tools.publish.errors import PublishError
    from pressless.tools.publish.run import publish as publish_site

    try:
        publish_site(settings, Path(output), target=target, dry_run=dry_run, rollback=rollback)
    except PublishError as error:
        raise Exit(f"publish: {error}", code=1) from None


@task(help={"site": "The built site folder (default: public/)",
            "settings": "Settings whose SITEURL the site was built for (default: publishconf.py)"})
def check_links(c, site=str(PUBLIC), settings=str(PUBLISH_SETTINGS)):
    """Check a built site's internal links only: what `invoke publish` checks before it uploads."""
    from pressless.tools.publish.errors import PublishError
    from pressless.tools.publish.settings import load_settings
    from pressless.tools.quality.links import check_links as check_site_links

    try:
        site_url = load_settings(settings).get("SITEURL") or ""
    except PublishError as error:
        raise Exit(f"check-links: {error}", code=1) from None
    result = check_site_links(Path(site), tuple(filter(None, [site_url.rstrip("/")])))
    print(result.summary)
    for failure in result.failures:
        print(f"  {failure}")
    if result.failures:
        raise Exit("check-links: broken internal links (see above).", code=1)


# == i18n: the theme's catalogs (theme/translations/, plugins/i18n/README.md) ==
CATALOGS = ROOT / "theme" / "translations"
# Plugin modules that write text a reader sees (feed titles); babel.cfg maps them too.
MESSAGE_MODULES = [ROOT / "plugins" / "comments" / "__init__.py"]


@task
def i18n_extract(c):
    """Collect the theme's messages into messages.pot and update every language's catalog."""
    from pressless.tools.catalogs import extract_messages, update_catalogs

    sources = [ROOT / "theme" / "templates", *MESSAGE_MODULES]
    template = extract_messages(ROOT / "babel.cfg", sources, CATALOGS)
    for path, added, obsolete in update_catalogs(template, CATALOGS):
        print(f"Updated {path.relative_to(ROOT)}: {added} new, {obsolete} no longer used")


@task(help={"lang": "Add a catalog for this language (e.g. 'it'), copied from messages.pot"})
def i18n_compile(c, lang=None):
    """Check every catalog is complete and write the compiled .mo files beside them."""
    from pressless.tools.catalogs import compile_catalogs, start_catalog

    if lang:
        print(f"Wrote {start_catalog(CATALOGS, lang).relative_to(ROOT)}: translate it, then run this again")
        return
    problems = compile_catalogs(CATALOGS)
    for problem in problems:
        print(problem)
    if problems:
        raise Exit("i18n-compile: some catalogs are incomplete (see above).", code=1)


if __name__ == "__main__":
    sys.exit("Run these with invoke: `invoke --list`")


# == lock: requirements*.lock, every package pinned with hashes (pressless/tools/locks.py) ==
@task(help={"upgrade": "Move every package to the newest version the top-level pins allow"})
def lock(c, upgrade=False):
    """Refresh requirements.lock and requirements-test.lock from requirements*.txt (pip-compile)."""
    from pressless.tools.locks import refresh_locks

    refresh_locks(upgrade=upgrade)
