"""Related posts: up to RELATED_POSTS_LIMIT posts under each post, by shared tags, then category.

Choosing them is pure work over the posts (0.65 s at 5,000 posts). With
more than one process allowed, forked copies start on it as soon as the
posts are read (`article_generator_finalized`) and work while Pelican's
process reads the pages and runs the other plugins; `add_related_posts`
takes their choice if the posts, their tags and categories and the order
of the candidates are still what the copies saw, and chooses again
otherwise.
"""

import logging
from dataclasses import dataclass
from functools import partial
from typing import NamedTuple

import blinker
from pelican import signals

from pressless.core.config import config_of, setting, store_config, whole_number
from pressless.core.entries import entry_sets
from pressless.core.errors import show_author_errors_without_traceback
from pressless.core.forked import LEAST_ITEMS, Ahead, ForkedWorkFailed, map_forked, processes_for
from pressless.core.refresh import ENTRY_REFRESHED

from .related import RelatedIndex, newest_first, posts_at

logger = logging.getLogger(__name__)

PLUGIN = "related_posts"
# In the settings: what the copies choosing ahead saw, and the copies. Not in
# the build's context, which a failed build drops: the next build (`pelican
# --autoreload`) stops copies whose result nobody took.
_AHEAD_KEY = "_RELATED_POSTS_AHEAD"


# In the settings too: the last choice, by position, with what it depended on.
# The live preview makes its model again after a title, a body or a settings
# edit; while no post's tags, category or date changed, the next model takes
# this choice instead of making it again (1.2 s at 5,000 posts).
_LAST_KEY = "_RELATED_POSTS_LAST"


class _Started(NamedTuple):
    seen: tuple  # what the choice depends on, as the copies saw it
    ordered: list  # the candidates, in the order the copies' positions refer to
    copies: list  # pressless.core.forked.Ahead, one per share of the posts
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


def candidates(sets):
    # Only listed, published posts are suggested: a link to a draft or a
    # held-back scheduled post would be broken on the public site.
    # Newest first, whatever order the front page uses (sticky posts lead it):
    # among equally related posts the newer one wins.
    return newest_first(sets.listed_articles)


def related_index(sets):
    return RelatedIndex(candidates(sets))


def choose_ahead(generator):
    """Forked copies start choosing every post's related posts: one per core but this one."""
    earlier = generator.settings.pop(_AHEAD_KEY, None)
    for copy in earlier.copies if earlier else ():
        copy.stop()
    config = config_of(generator.context, PLUGIN)
    sets = entry_sets([generator])
    copies = processes_for(config.processes) - 1
    if copies < 1 or len(sets.articles) < LEAST_ITEMS:
        return
    ordered = candidates(sets)
    # Each copy builds the index itself: this process needs only the candidates' order.
    choose = partial(_positions, ordered, config.limit)
    started = [Ahead(choose, sets.articles[number::copies]) for number in range(copies)]
    generator.settings[_AHEAD_KEY] = _Started(_what_it_depends_on(sets, ordered), ordered, started)


def _positions(ordered, limit, articles):
    index = RelatedIndex(ordered)
    return [index.positions_related_to(article, limit) for article in articles]


def _what_it_depends_on(sets, ordered, identity=id):
    """Every post with its tags and category, and the candidates in their order with their dates.

    Posts are told apart by `identity`: the object within a build, its source
    file from one model to the next.
    """
    return (tuple((identity(post), tuple(getattr(post, "tags", ())), getattr(post, "category", None))
                  for post in sets.articles),
            tuple((identity(post), post.date) for post in ordered))


def _source_of(post):
    # Every entry Pelican reads has a source file; anything else is told apart as itself.
    return getattr(post, "source_path", None) or id(post)


def _chosen_ahead(settings, sets):
    """[related posts of each post] from the copies, or None when the posts changed since they started."""
    started = settings.pop(_AHEAD_KEY, None)
    if started is None:
        return None
    seen, ordered, copies = started
    # Checked first: copies that chose from other posts are stopped, not waited for.
    if seen != _what_it_depends_on(sets, candidates(sets)):
        for copy in copies:
            copy.stop()
        return None
    try:
        shares = [copy.result() for copy in copies]
    except ForkedWorkFailed as error:  # chosen here instead, where a problem is reported properly
        logger.debug("related_posts: choosing ahead failed: %s", error)
        for copy in copies:  # the ones not asked yet
            copy.stop()
        return None
    positions = [None] * len(sets.articles)
    for number, share in enumerate(shares):
        positions[number::len(shares)] = share
    return [posts_at(ordered, chosen) for chosen in positions]


def add_related_posts(generators):
    config = config_of(generators[0].context, PLUGIN)
    sets = entry_sets(generators)
    settings = generators[0].settings
    related = _chosen_ahead(settings, sets)
    if related is None:
        ordered = candidates(sets)
        depends_on = (config.limit, _what_it_depends_on(sets, ordered, identity=_source_of))
        last = settings.get(_LAST_KEY)
        if last is not None and last[0] == depends_on:
            chosen = last[1]
        else:
            index = RelatedIndex(ordered)
            # Pure work over the model: split across forked copies, which send back positions.
            chosen = map_forked(partial(index.positions_related_to, limit=config.limit), sets.articles,
                                processes_for(config.processes))
            settings[_LAST_KEY] = (depends_on, chosen)
        related = [posts_at(ordered, positions) for positions in chosen]
    for article, its_related in zip(sets.articles, related, strict=True):
        article.related_posts = its_related


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
    signals.article_generator_finalized.connect(choose_ahead)
    signals.all_generators_finalized.connect(add_related_posts)
    blinker.signal(ENTRY_REFRESHED).connect(refresh_entry)
