"""The site model and the small helpers the theme prints with (WordPress's template-tags.php).

Once every generator has read its content, each entry that gets a page gets
its public facts (`entry.facts`: canonical URL, plain title and description,
featured and preview image; see pressless.core.entries) and its neighbours;
the sidebar widgets (recent posts, monthly archives, tag cloud) are computed
once per build from the site model and rendered once per build
(render_once.py) rather than on every page. All of a build's generators
render with one Jinja environment, so each template is compiled once.
"""

import blinker
from pelican import signals
from pelican.generators import ArticlesGenerator

from pressless.core.archives import period_archives
from pressless.core.config import config_of, store_config
from pressless.core.entries import SITE_CONFIG, check_site_settings, model_of
from pressless.core.errors import show_author_errors_without_traceback
from pressless.core.refresh import ENTRY_REFRESHED, THEME_TEMPLATES_CHANGED
from pressless.core.text import iso_datetime, plain_text

from .posts import link_neighbours
from .render_once import forget_rendered, new_build_cache, render_entry_once, render_once
from .settings import PLUGIN, check_settings
from .widgets import monthly_archives, recent_posts, tag_cloud


def check(pelican):
    store_config(pelican.settings, PLUGIN, check_settings(pelican.settings))
    store_config(pelican.settings, SITE_CONFIG, check_site_settings(pelican.settings))
    filters = pelican.settings.setdefault("JINJA_FILTERS", {})
    filters.setdefault("plain_text", plain_text)
    filters.setdefault("iso_datetime", iso_datetime)
    pelican.settings.setdefault("JINJA_GLOBALS", {}).setdefault("render_once", render_once)
    pelican.settings["JINJA_GLOBALS"].setdefault("render_entry_once", render_entry_once)


# In the build's context (one per build, `pelican --autoreload` rebuilds included).
SHARED_ENVIRONMENT = "_pressless_jinja_environment"


def share_one_environment(generator):
    """At generator_init: render with the build's first Jinja environment.

    Pelican gives every generator an environment of its own, made from the
    same settings, and each compiles every template it renders again (post
    pages, pages, listings and the 404 page all extend base.html and its
    partials). One environment compiles each once.
    """
    generator.env = generator.context.setdefault(SHARED_ENVIRONMENT, generator.env)


def group_archives_in_one_pass(generator):
    """At generator_init: the posts' archives by period, made by pressless.core.archives.

    Pelican's own method tests every post against every period (0.8 s at
    5,000 posts); this one gives the same dictionaries from one pass.
    """
    if isinstance(generator, ArticlesGenerator):
        generator._build_period_archives = period_archives


def describe_site(generators):
    context = generators[0].context
    model = model_of(generators)
    for entry in model.sets.all:
        entry.facts = model.facts(entry)
    context["SITE_ABSOLUTE_URL"] = model.site.url
    describe_lists(context, config_of(context, PLUGIN), model.sets.listed_articles)
    new_build_cache(context)


def describe_lists(context, config, listed):
    """Each post's neighbours and the sidebar's lists, from the site's lists of posts and terms."""
    link_neighbours(listed)
    context["monthly_archives"] = monthly_archives(context.get("period_archives", {}))
    context["tag_cloud"] = tag_cloud(context["tags"], steps=config.tag_cloud_steps)
    # Categories and tags that have an archive page: those of published posts.
    # A draft's new category has none, so the theme prints it without a link.
    context["archived_terms"] = {term for term, _ in (*context["categories"], *context["tags"])}
    context["recent_articles"] = recent_posts(listed, config.recent_posts)


def refresh_entry(entry, generators):
    context = generators[0].context
    entry.facts = model_of(generators).facts(entry)
    # The entry may be new, moved or filed under other terms: its neighbours
    # and the sidebar's lists (recent posts, months, the tag cloud, which
    # terms get a link) are made again from the site's lists.
    describe_lists(context, config_of(context, PLUGIN), model_of(generators).sets.listed_articles)
    forget_rendered(context)


def forget_templates(generators):
    # The preview keeps the model after a template edit: partials rendered with the old one must go.
    forget_rendered(generators[0].context)


def register():
    show_author_errors_without_traceback()
    signals.initialized.connect(check)
    signals.generator_init.connect(share_one_environment)
    signals.generator_init.connect(group_archives_in_one_pass)
    signals.all_generators_finalized.connect(describe_site)
    blinker.signal(ENTRY_REFRESHED).connect(refresh_entry)
    blinker.signal(THEME_TEMPLATES_CHANGED).connect(forget_templates)
