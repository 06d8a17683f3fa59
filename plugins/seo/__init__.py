"""Search-engine basics: sitemap.xml, robots.txt and JSON-LD for posts.

The sitemap lists what was really written: every HTML file Pelican writes is
noted as it is written (with the newest change of the post, page or posts it
shows) in the build's context, and a generator that runs after the posts and
pages are written puts sitemap.xml and robots.txt out, so no page kind can be
forgotten and none is listed twice.
"""

import logging
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import blinker
from pelican import signals
from pelican.generators import Generator

from pressless.core.config import (
    config_of,
    list_of_text,
    require_plugins,
    setting,
    store_config,
    text,
    yes_or_no,
)
from pressless.core.entries import is_listed, model_of
from pressless.core.errors import show_author_errors_without_traceback
from pressless.core.language import html_lang
from pressless.core.output import write_output_file
from pressless.core.refresh import ENTRY_REFRESHED
from pressless.core.text import plain_text
from pressless.core.urls import absolute_url

from .sitemap import SitemapEntry, is_excluded, newest_change, robots_txt, sitemap_xml, url_for_file
from .structured_data import blog_posting, breadcrumb_list

log = logging.getLogger(__name__)

PLUGIN = "seo"
DEFAULTS = {
    # Where the sitemap is written.
    "SEO_SITEMAP_SAVE_AS": "sitemap.xml",
    # Written pages the sitemap leaves out (shell patterns on their output path).
    "SEO_SITEMAP_EXCLUDE": ["404.html", "search/index.html", "drafts/*"],
    # Write robots.txt (allow all, name the sitemap).
    "SEO_ROBOTS_TXT": True,
}
# The written pages of this build: {output-relative path: lastmod}, in the build's context.
_WRITTEN = "seo_written_pages"


@dataclass(frozen=True)
class SeoConfig:
    sitemap_save_as: str
    sitemap_exclude: tuple
    robots_txt: bool


def check(pelican):
    settings = pelican.settings
    require_plugins(settings, PLUGIN, ["template_tags"])

    def value(name):
        return setting(settings, DEFAULTS, name)

    config = SeoConfig(
        sitemap_save_as=text(PLUGIN, "SEO_SITEMAP_SAVE_AS", value("SEO_SITEMAP_SAVE_AS")),
        sitemap_exclude=list_of_text(PLUGIN, "SEO_SITEMAP_EXCLUDE", value("SEO_SITEMAP_EXCLUDE")),
        robots_txt=yes_or_no(PLUGIN, "SEO_ROBOTS_TXT", value("SEO_ROBOTS_TXT")),
    )
    store_config(settings, PLUGIN, config)


def structured_data(article, facts, site_url, site_name):
    """JSON-LD BlogPosting and BreadcrumbList for one post, from its public facts."""
    image = facts.preview_image
    posting = blog_posting(
        headline=facts.title,
        description=facts.description,
        url=facts.canonical_url,
        published=article.date,
        modified=getattr(article, "modified", None),
        authors=[(plain_text(author.name), absolute_url(site_url, author.url))
                 for author in getattr(article, "authors", [])],
        image_url=image.url if image else None,
    )
    crumbs = [(plain_text(site_name), f"{site_url}/")]
    if getattr(article, "category", None):
        crumbs.append((plain_text(article.category.name), absolute_url(site_url, article.category.url)))
    crumbs.append((facts.title, facts.canonical_url))
    return [posting, breadcrumb_list(crumbs)]


def start_writing(generators):
    context = generators[0].context
    context[_WRITTEN] = {}
    model = model_of(generators)
    for article in model.sets.articles:
        article.structured_data = structured_data(
            article, model.facts(article), model.site.url, context["SITENAME"]
        )


def refresh_entry(entry, generators):
    model = model_of(generators)
    if entry in model.sets.articles:
        site_name = generators[0].context["SITENAME"]
        entry.structured_data = structured_data(entry, model.facts(entry), model.site.url, site_name)


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
    if not str(path).endswith(".html") or _WRITTEN not in context:
        return
    # Pages a plugin marks noindex (redirect pages) are not pages of their own.
    if context.get("noindex"):
        return
    entry = context.get("article") or context.get("page")
    # Drafts are not public, hidden posts and pages are meant to be unlisted.
    if entry is not None and not is_listed(entry):
        return
    # Pelican writes to OUTPUT_PATH joined with the page's name: the name back
    # from the two strings (resolving both paths cost two file-system walks a page).
    relative = Path(os.path.relpath(path, context["OUTPUT_PATH"])).as_posix()
    # Checked before lastmod_of: an excluded page that is no entry (a listing,
    # the search page) would otherwise scan all the posts it shows for nothing.
    if is_excluded(relative, config_of(context, PLUGIN).sitemap_exclude):
        return
    context[_WRITTEN][relative] = (lastmod_of(context), language_versions(entry))


def language_versions(entry):
    """(hreflang, output path) of every listed language version of a translated post or page; () if none."""
    listed = [other for other in getattr(entry, "translations", None) or [] if is_listed(other)]
    if entry is None or not listed:
        return ()
    versions = sorted([entry, *listed], key=lambda version: html_lang(version.lang))
    return tuple((html_lang(version.lang), version.save_as) for version in versions)


class SitemapGenerator(Generator):
    """Writes sitemap.xml and robots.txt from the pages written before it."""

    def generate_output(self, writer):
        config = config_of(self.context, PLUGIN)
        site = self.settings["SITEURL"]
        fallback = datetime.now(UTC)
        entries = [
            SitemapEntry(
                url_for_file(site, relative),
                lastmod or fallback,
                tuple((lang, url_for_file(site, path)) for lang, path in versions),
            )
            for relative, (lastmod, versions) in sorted(self.context.get(_WRITTEN, {}).items())
        ]
        write_output_file(writer.output_path, config.sitemap_save_as, sitemap_xml(entries))
        log.info("seo: wrote %s with %d URLs", config.sitemap_save_as, len(entries))
        if config.robots_txt:
            write_output_file(writer.output_path, "robots.txt", robots_txt(site, config.sitemap_save_as))


def get_generators(pelican):
    return SitemapGenerator


def register():
    show_author_errors_without_traceback()
    signals.initialized.connect(check)
    signals.all_generators_finalized.connect(start_writing)
    blinker.signal(ENTRY_REFRESHED).connect(refresh_entry)
    signals.content_written.connect(note_written_page)
    signals.get_generators.connect(get_generators)
