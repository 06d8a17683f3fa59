"""Share buttons: a "Share this:" row on posts, with no trackers.

Settings are checked when Pelican starts, so a misspelt network stops the
build before anything is read. Once every generator has read its content,
each post that can be shared gets `share_links` (see links.py), built from
its public facts (pressless.core.entries: the same canonical URL, plain
title and image that Open Graph and JSON-LD print) the first time a
template asks for them, in the writer process that renders the post. Where
the Mastodon button leads when JavaScript is off is a section of the same
page (partials/share.html), so the plugin writes no file of its own.
"""

import blinker
from pelican import signals
from pelican.contents import Page

from pressless.core.config import config_of, require_plugins, store_config
from pressless.core.entries import entry_flag, is_public, model_of
from pressless.core.errors import show_author_errors_without_traceback
from pressless.core.refresh import ENTRY_REFRESHED

from .links import LinksOnDemand, share_links
from .networks import SharePost
from .settings import PLUGIN, check_settings


def check(pelican):
    require_plugins(pelican.settings, PLUGIN, ["template_tags"])
    store_config(pelican.settings, PLUGIN, check_settings(pelican.settings))


def shareable(entry, config):
    """Posts and (with SHARE_BUTTONS_ON_PAGES) pages that are public; never a draft."""
    return is_public(entry) and (config.on_pages or not isinstance(entry, Page))


def add_share_links(generators):
    context = generators[0].context
    config = config_of(context, PLUGIN)
    model = model_of(generators)
    for entry in model.sets.all:
        entry.share_links = links_of(entry, model.facts(entry), config)


def links_of(entry, facts, config):
    """The entry's share row: [] when it has none (decided now: a bad `Share:` header
    stops the build here), else the links, made when a template first asks."""
    if not shareable(entry, config) or not entry_flag(entry, "share", default=True):
        return []
    return LinksOnDemand(lambda: share_links(share_post(facts, config), config.networks))


def share_post(facts, config):
    return SharePost(
        url=facts.canonical_url,
        title=facts.title,
        summary=facts.description,
        image_url=facts.image.url if facts.image else None,
        x_via=config.x_via,
    )


def refresh_entry(entry, generators):
    config = config_of(generators[0].context, PLUGIN)
    entry.share_links = links_of(entry, model_of(generators).facts(entry), config)


def register():
    show_author_errors_without_traceback()
    signals.initialized.connect(check)
    signals.all_generators_finalized.connect(add_share_links)
    blinker.signal(ENTRY_REFRESHED).connect(refresh_entry)
