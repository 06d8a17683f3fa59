"""Search-engine basics: sitemap.xml, robots.txt and JSON-LD for posts.

The sitemap lists what was really written: every HTML file Pelican writes is
noted as it is written (with the newest change of the post, page or posts it
shows) and sitemap.xml is written once the build is done, so no page kind
can be forgotten and none is listed twice.
"""

import logging
from datetime import UTC, datetime
from pathlib import Path

from pelican import signals

from pressless.core.text import plain_text

from .sitemap import (
    SitemapEntry,
    is_excluded,
    newest_change,
    robots_txt,
    sitemap_xml,
    url_for_file,
)
from .structured_data import blog_posting, breadcrumb_list

log = logging.getLogger(__name__)

DEFAULTS = {
    "SEO_SITEMAP_SAVE_AS": "sitemap.xml",
    "SEO_SITEMAP_EXCLUDE": ["404.html", "search/index.html", "drafts/*"],
    "SEO_ROBOTS_TXT": True,
    "SEO_DEFAULT_IMAGE": None,
}

# Files written in the current build, by path relative to the output folder
# (those the sitemap excludes left out). Emptied when a build
# starts writing, so `pelican --autoreload` never lists a deleted post.
_written_pages = {}


def add_defaults(pelican):
    for name, value in DEFAULTS.items():
        pelican.settings.setdefault(name, value)


def describe_for_search_engines(article, settings):
    site = settings["SITEURL"].rstrip("/")
    url = f"{site}/{article.url}"
    image = getattr(article, "image", None) or settings.get("SEO_DEFAULT_IMAGE")
    headline = plain_text(article.title)
    posting = blog_posting(
        headline=headline,
        description=plain_text(getattr(article, "summary", "")),
        url=url,
        published=article.date,
        modified=getattr(article, "modified", None),
        authors=[(plain_text(a.name), f"{site}/{a.url}") for a in getattr(article, "authors", [])],
        image_url=f"{site}/{image.lstrip('/')}" if image else None,
    )
    crumbs = [(settings["SITENAME"], f"{site}/")]
    if getattr(article, "category", None):
        crumbs.append((plain_text(article.category.name), f"{site}/{article.category.url}"))
    crumbs.append((headline, url))
    article.structured_data = [posting, breadcrumb_list(crumbs)]


def start_writing(generators):
    _written_pages.clear()
    for generator in generators:
        for article in (*getattr(generator, "articles", []), *getattr(generator, "drafts", [])):
            describe_for_search_engines(article, generator.settings)


def lastmod_of(context):
    """When what a written page shows last changed."""
    article, page = context.get("article"), context.get("page")
    if article is not None:
        return newest_change([article])
    if page is not None:
        return newest_change([page]) or datetime.fromtimestamp(Path(page.source_path).stat().st_mtime, UTC)
    listing = context.get("articles_page")
    shown = listing.object_list if listing else context.get("dates") or context.get("articles")
    return newest_change(shown or [])


def note_written_page(path, context):
    if not str(path).endswith(".html"):
        return
    entry = context.get("article") or context.get("page")
    # Drafts are not public, hidden posts and pages are meant to be unlisted.
    if entry is not None and getattr(entry, "status", "published") in ("draft", "hidden"):
        return
    relative = Path(path).resolve().relative_to(Path(context["OUTPUT_PATH"]).resolve()).as_posix()
    # Checked before lastmod_of: an excluded page showing every post (like the
    # Mastodon help pages) would otherwise scan all posts for nothing.
    if is_excluded(relative, context["SEO_SITEMAP_EXCLUDE"]):
        return
    _written_pages[relative] = lastmod_of(context)


def write_sitemap_and_robots(pelican):
    settings, output = pelican.settings, Path(pelican.output_path)
    site = settings["SITEURL"]
    fallback = datetime.now(UTC)
    entries = []
    for relative, lastmod in sorted(_written_pages.items()):
        entries.append(SitemapEntry(url_for_file(site, relative), lastmod or fallback))
    sitemap_path = settings["SEO_SITEMAP_SAVE_AS"]
    (output / sitemap_path).write_text(sitemap_xml(entries), encoding="utf-8")
    log.info("seo: wrote %s with %d URLs", sitemap_path, len(entries))
    if settings["SEO_ROBOTS_TXT"]:
        (output / "robots.txt").write_text(robots_txt(site, sitemap_path), encoding="utf-8")


def register():
    signals.initialized.connect(add_defaults)
    signals.all_generators_finalized.connect(start_writing)
    signals.content_written.connect(note_written_page)
    signals.finalized.connect(write_sitemap_and_robots)
