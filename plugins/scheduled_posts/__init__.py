"""Scheduled posts: a post dated in the future waits for its date.

Pelican publishes future-dated posts as soon as they are built. We take
them out of publish builds before categories, tags, archives and feeds are
made from the post list, so no listing, feed or sitemap mentions them; a
preview build keeps them, marked `article.scheduled`, so the theme can
label them "Scheduled".
"""

import logging
from dataclasses import dataclass

from pelican import signals

from pressless.core.clock import build_now, pinned_now
from pressless.core.config import SettingsError, config_of, setting, store_config
from pressless.core.errors import show_author_errors_without_traceback

from .schedule import split_scheduled

log = logging.getLogger(__name__)

PLUGIN = "scheduled_posts"
DEFAULTS = {
    # Show scheduled posts, labelled; None: wherever drafts are shown (SHOW_DRAFTS).
    "SCHEDULED_POSTS_PREVIEW": None,
    # The moment builds treat as now (an ISO time; without an offset, UTC); None: the clock.
    "SCHEDULED_POSTS_NOW": None,
}


@dataclass(frozen=True)
class ScheduleConfig:
    preview: bool


def check(pelican):
    settings = pelican.settings
    preview = setting(settings, DEFAULTS, "SCHEDULED_POSTS_PREVIEW")
    if preview is None:
        preview = bool(settings.get("SHOW_DRAFTS", False))
    elif not isinstance(preview, bool):
        raise SettingsError(f"{PLUGIN}: SCHEDULED_POSTS_PREVIEW must be True, False or None, not {preview!r}")
    # Checked here, so a bad value stops the build before reading; each build
    # then reads its "now" from the core's clock (shared with the comments plugin).
    pinned_now({"SCHEDULED_POSTS_NOW": setting(settings, DEFAULTS, "SCHEDULED_POSTS_NOW")}, PLUGIN)
    store_config(settings, PLUGIN, ScheduleConfig(preview=preview))


def hold_back_scheduled(generator):
    config = config_of(generator.context, PLUGIN)
    # The same moment the comments plugin holds future comments back until.
    now = build_now(generator.context, PLUGIN)
    for article in (*generator.articles, *generator.translations):
        article.scheduled = False
    published, scheduled = split_scheduled(generator.articles, now)
    if config.preview:
        for article in scheduled:
            article.scheduled = True
        return
    for article in scheduled:
        log.info("scheduled_posts: holding back %s until %s", article.source_path, article.date)
    generator.articles[:] = published
    generator.translations[:] = split_scheduled(generator.translations, now)[0]


def register():
    show_author_errors_without_traceback()
    signals.initialized.connect(check)
    signals.article_generator_pretaxonomy.connect(hold_back_scheduled)
