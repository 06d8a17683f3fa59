"""The "Leave a Reply" form: settings checked up front, per-post data for the template.

The form itself is theme/templates/partials/comment-form.html and
theme/static/js/site.js (comment form section); this plugin decides which backend it uses and
gives every post that gets a page an `article.comment_form` (see form.PostCommentForm).
"""

import logging
from pathlib import Path

import blinker
from pelican import signals

from pressless.core.config import config_of, require_plugins, store_config
from pressless.core.entries import entry_sets
from pressless.core.errors import show_author_errors_without_traceback
from pressless.core.refresh import ENTRY_REFRESHED

from .form import post_comment_form
from .settings import PLUGIN, check_settings

logger = logging.getLogger(__name__)


def check(pelican):
    require_plugins(pelican.settings, PLUGIN, ["comments"])
    config, warnings = check_settings(pelican.settings)
    for warning in warnings:
        logger.warning("%s", warning)
    store_config(pelican.settings, PLUGIN, config)


def comments_folder(settings, context):
    """Where comment files live, as the author sees it: 'content/comments'."""
    return f"{Path(settings['PATH']).name}/{config_of(context, 'comments').path}"


def attach_forms(generators):
    for article in entry_sets(generators).articles:
        attach_form(article, generators)


def attach_form(article, generators):
    settings = generators[0].settings
    article.comment_form = post_comment_form(
        config_of(generators[0].context, PLUGIN),
        slug=article.slug,
        title=article.title,
        url=article.url,
        site_url=settings.get("SITEURL", ""),
        comments_folder=comments_folder(settings, generators[0].context),
    )


def refresh_entry(entry, generators):
    if entry in entry_sets(generators).articles:
        attach_form(entry, generators)


def register():
    show_author_errors_without_traceback()
    signals.initialized.connect(check)
    signals.all_generators_finalized.connect(attach_forms)
    blinker.signal(ENTRY_REFRESHED).connect(refresh_entry)
