"""Related posts: up to RELATED_POSTS_LIMIT posts under each post, by shared tags, then category."""

from dataclasses import dataclass
from functools import partial

import blinker
from pelican import signals

from pressless.core.config import config_of, setting, store_config, whole_number
from pressless.core.entries import entry_sets
from pressless.core.errors import show_author_errors_without_traceback
from pressless.core.forked import map_forked, processes_for
from pressless.core.refresh import ENTRY_REFRESHED

from .related import RelatedIndex

PLUGIN = "related_posts"
DEFAULTS = {
    # How many related posts each post lists (0 lists none).
    "RELATED_POSTS_LIMIT": 3,
    # Processes that choose them in a build (pressless.core.forked): None is
    # one per core (at most 4), 1 keeps it in Pelican's process (the preview).
    "RELATED_POSTS_PROCESSES": None,
}


@dataclass(frozen=True)
class RelatedConfig:
    limit: int
    processes: int | None


def check_settings(settings):
    def value(name):
        return setting(settings, DEFAULTS, name)

    return RelatedConfig(
        limit=whole_number(PLUGIN, "RELATED_POSTS_LIMIT", value("RELATED_POSTS_LIMIT"), minimum=0),
        processes=whole_number(PLUGIN, "RELATED_POSTS_PROCESSES", value("RELATED_POSTS_PROCESSES"),
                               optional=True),
    )


def check(pelican):
    store_config(pelican.settings, PLUGIN, check_settings(pelican.settings))


def related_index(sets):
    # Only listed, published posts are suggested: a link to a draft or a
    # held-back scheduled post would be broken on the public site.
    # Newest first, whatever order the front page uses (sticky posts lead it):
    # among equally related posts the newer one wins.
    return RelatedIndex(sorted(sets.listed_articles, key=lambda post: post.date, reverse=True))


def add_related_posts(generators):
    config = config_of(generators[0].context, PLUGIN)
    sets = entry_sets(generators)
    index = related_index(sets)
    # Pure work over the model: split across forked copies, which send back positions.
    chosen = map_forked(partial(index.positions_related_to, limit=config.limit), sets.articles,
                        processes_for(config.processes))
    for article, positions in zip(sets.articles, chosen, strict=True):
        article.related_posts = index.posts_at(positions)


def refresh_entry(entry, generators):
    """The entry's own list again, after its tags or category changed; other posts' lists follow
    with the next whole build."""
    config = config_of(generators[0].context, PLUGIN)
    sets = entry_sets(generators)
    if entry in sets.articles:
        entry.related_posts = related_index(sets).related_to(entry, config.limit)


def register():
    show_author_errors_without_traceback()
    signals.initialized.connect(check)
    signals.all_generators_finalized.connect(add_related_posts)
    blinker.signal(ENTRY_REFRESHED).connect(refresh_entry)
