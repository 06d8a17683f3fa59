"""The "Leave a Reply" form: settings checked up front, per-post data for the template.

The form itself is theme/templates/partials/comment-form.html and
theme/static/js/comments.js; this plugin decides which backend it uses and
gives each post an `article.comment_form` (see form.PostCommentForm).
"""

import logging
from pathlib import Path

from pelican import signals

from pressless.core.errors import show_author_errors_without_traceback

from .form import post_comment_form
from .settings import DEFAULTS, check_settings

logger = logging.getLogger(__name__)


def check_before_reading(pelican):
    form_settings, warnings = check_settings(pelican.settings)
    for warning in warnings:
        logger.warning("%s", warning)
    # Templates read the settings directly too (partials/comments.html shows
    # Reply links unless COMMENTS_BACKEND is "none"): give them the backend in
    # effect, which is "none" while mailto has no address to write to.
    for key, value in DEFAULTS.items():
        pelican.settings.setdefault(key, value)
    pelican.settings["COMMENTS_BACKEND"] = form_settings.backend


def comments_folder(settings):
    """Where comment files live, as the author sees it: 'content/comments'."""
    return f"{Path(settings['PATH']).name}/{settings.get('COMMENTS_PATH', 'comments')}"


def attach_forms(generator):
    settings = generator.settings
    form_settings, _ = check_settings(settings)
    folder = comments_folder(settings)
    for article in [
        *generator.articles,
        *generator.translations,
        *generator.drafts,
        *generator.drafts_translations,
    ]:
        article.comment_form = post_comment_form(
            form_settings,
            slug=article.slug,
            title=article.title,
            url=article.url,
            site_url=settings.get("SITEURL", ""),
            comments_folder=folder,
        )


def register():
    show_author_errors_without_traceback()
    signals.initialized.connect(check_before_reading)
    signals.article_generator_finalized.connect(attach_forms)
