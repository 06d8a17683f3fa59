"""Related posts: up to RELATED_POSTS_LIMIT posts under each post, by shared tags, then category."""

import blinker
from pelican import signals

from pressless.core.config import config_of, setting, store_config, whole_number
from pressless.core.entries import entry_sets
from pressless.core.errors import show_author_errors_without_traceback
from pressless.core.refresh import ENTRY_REFRESHED

from .related import RelatedIndex

PLUGIN = "related_posts"
DEFAULTS = {
    # How many related posts each post lists (0 lists none).
    "RELATED_POSTS_LIMIT": 3,
}


def check(pelican):
    limit = setting(pelican.settings, DEFAULTS, "RELATED_POSTS_LIMIT")
    store_config(pelican.settings, PLUGIN, whole_number(PLUGIN, "RELATED_POSTS_LIMIT", limit, minimum=0))


def related_index(sets):
    # Only listed, published posts are suggested: a link to a draft or a
    # held-back scheduled post would be broken on the public site.
    # Newest first, whatever order the front page uses (sticky posts lead it):
    # among equally related posts the newer one wins.
    return RelatedIndex(sorted(sets.listed_articles, key=lambda post: post.date, reverse=True))


def add_related_posts(generators):
    limit = config_of(generators[0].context, PLUGIN)
    sets = entry_sets(generators)
    index = related_index(sets)
    for article in sets.articles:
        article.related_posts = index.related_to(article, limit) if limit else []


def refresh_entry(entry, generators):
    """The entry's own list again, after its tags or category changed; other posts' lists follow
    with the next whole build."""
    limit = config_of(generators[0].context, PLUGIN)
    sets = entry_sets(generators)
    if entry in sets.articles:
        entry.related_posts = related_index(sets).related_to(entry, limit) if limit else []


def register():
    show_author_errors_without_traceback()
    signals.initialized.connect(check)
    signals.all_generators_finalized.connect(add_related_posts)
    blinker.signal(ENTRY_REFRESHED).connect(refresh_entry)
