"""Small helpers the theme prints with, like WordPress's template-tags.php.

Filters turn typogrified HTML into plain text and dates into ISO strings;
each post learns its neighbours, its absolute URL and its image's size; the
sidebar widgets (recent posts, monthly archives, tag cloud) are computed
once per build from the site model rather than in every template, and
rendered once per build (render_once.py) rather than on every page.
"""

from pathlib import Path

from pelican import signals

from pressless.core.images import image_size
from pressless.core.text import iso_datetime, plain_text

from .posts import link_neighbours
from .render_once import new_build_cache, render_once
from .widgets import monthly_archives, tag_cloud


def add_filters(pelican):
    filters = pelican.settings.setdefault("JINJA_FILTERS", {})
    filters.setdefault("plain_text", plain_text)
    filters.setdefault("iso_datetime", iso_datetime)
    pelican.settings.setdefault("JINJA_GLOBALS", {}).setdefault("render_once", render_once)


def start_build_cache(generators):
    # Once per build, after every generator has read its content and before
    # any page is written; the context is the one all generators share.
    new_build_cache(generators[0].context)


def _site_url(settings):
    return settings["SITEURL"].rstrip("/")


def describe_entry(entry, settings):
    """Absolute URL and featured-image facts the templates print."""
    entry.canonical_url = f"{_site_url(settings)}/{entry.url}"
    image = getattr(entry, "image", None)
    if image:
        entry.image = image.lstrip("/")
        entry.image_url = f"{_site_url(settings)}/{entry.image}"
        size = image_size(Path(settings["PATH"]) / entry.image)
        if size:
            entry.image_width, entry.image_height = size


def enrich_articles(generator):
    settings = generator.settings
    for entry in (*generator.articles, *generator.drafts, *generator.hidden_articles):
        describe_entry(entry, settings)
    link_neighbours(generator.articles)
    context = generator.context
    context["SITE_ABSOLUTE_URL"] = _site_url(settings)
    context["monthly_archives"] = monthly_archives(
        generator.articles, settings["MONTH_ARCHIVE_URL"]
    )
    context["tag_cloud"] = tag_cloud(
        generator.tags.items(), steps=settings.get("TAG_CLOUD_STEPS", 4)
    )
    context["recent_articles"] = generator.articles[
        : settings.get("SIDEBAR_RECENT_POSTS", 5)
    ]


def enrich_pages(generator):
    for entry in (*generator.pages, *generator.hidden_pages, *generator.draft_pages):
        describe_entry(entry, generator.settings)


def register():
    signals.initialized.connect(add_filters)
    signals.article_generator_finalized.connect(enrich_articles)
    signals.page_generator_finalized.connect(enrich_pages)
    signals.all_generators_finalized.connect(start_build_cache)
