"""Scheduled posts: a post dated in the future waits for its date.

Pelican publishes future-dated posts as soon as they are built. We take
them out of publish builds before categories, tags, archives and feeds are
made from the post list, so no listing, feed or sitemap mentions them; a
preview build keeps them, marked `article.scheduled`, so the theme can
label them "Scheduled".
"""

import logging

from pelican import signals

from .schedule import resolve_now, split_scheduled

log = logging.getLogger(__name__)


def show_scheduled(settings):
    """Preview builds show scheduled posts; by default wherever drafts are shown."""
    value = settings.get("SCHEDULED_POSTS_PREVIEW")
    return settings.get("SHOW_DRAFTS", False) if value is None else bool(value)


def hold_back_scheduled(generator):
    settings = generator.settings
    try:
        now = resolve_now(settings.get("SCHEDULED_POSTS_NOW"))
    except ValueError as error:
        message = f"scheduled_posts: SCHEDULED_POSTS_NOW is not an ISO time: {error}"
        raise ValueError(message) from error
    for article in (*generator.articles, *generator.translations):
        article.scheduled = False
    published, scheduled = split_scheduled(generator.articles, now)
    if show_scheduled(settings):
        for article in scheduled:
            article.scheduled = True
        return
    for article in scheduled:
        log.info("scheduled_posts: holding back %s until %s", article.source_path, article.date)
    generator.articles[:] = published
    generator.translations[:] = split_scheduled(generator.translations, now)[0]


def register():
    signals.article_generator_pretaxonomy.connect(hold_back_scheduled)
