"""Threaded comments kept as files in the repository.

Comments live in content/comments/<post-slug>/<id>.md. After the articles
are read, each post gets its thread (`article.comments`), a count and an
open/closed state; the sidebar gets `recent_comments`. After the articles
are written, Atom feeds of comments are written beside them. Problems in
comment files are logged as warnings naming the file; they never stop the
build.
"""

import logging
from pathlib import Path
from zoneinfo import ZoneInfo

from pelican import signals

from pressless.core.text import plain_text

from .feeds import comments_feed
from .loader import load_comments
from .model import attach_comments, recent_comments, shown_comments
from .settings import apply_defaults

logger = logging.getLogger(__name__)


def check_settings(pelican):
    for problem in apply_defaults(pelican.settings):
        logger.warning("comments: %s", problem)


def _all_posts(generator):
    return [*generator.articles, *generator.drafts, *generator.hidden_articles]


def add_comments(generator):
    settings = generator.settings
    content_root = Path(settings["PATH"])
    posts = _all_posts(generator)
    comments, problems = load_comments(
        content_root / settings["COMMENTS_PATH"],
        known_slugs={post.slug for post in posts},
        timezone=ZoneInfo(settings.get("TIMEZONE") or "UTC"),
        display_root=content_root.parent,
    )
    problems += attach_comments(posts, comments, settings)
    for problem in problems:
        logger.warning("comments: %s", problem)
    generator.context["recent_comments"] = recent_comments(
        generator.articles, settings["COMMENTS_RECENT_COUNT"]
    )


def _write(output_path, relative_path, text):
    target = Path(output_path) / relative_path.lstrip("/")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")


def write_feeds(generator, writer):
    settings = generator.settings
    site_url = (settings.get("FEED_DOMAIN") or settings["SITEURL"]).rstrip("/")
    language = settings.get("DEFAULT_LANG")
    site_feed = settings["COMMENTS_FEED_ATOM"]
    if site_feed:
        newest = sorted(shown_comments(generator.articles), key=lambda c: (c.date, c.id), reverse=True)
        _write(
            writer.output_path,
            site_feed,
            comments_feed(
                title=f"Comments for {plain_text(settings['SITENAME'])}",
                site_url=site_url,
                page_path="",
                feed_path=site_feed,
                comments=newest[: settings["COMMENTS_FEED_MAX_ITEMS"]],
                language=language,
                empty_updated=max((post.date for post in generator.articles), default=None),
            ),
        )
    for post in generator.articles:
        if not post.comments_feed:
            continue
        _write(
            writer.output_path,
            post.comments_feed,
            comments_feed(
                title=f"Comments on: {plain_text(post.title)}",
                site_url=site_url,
                page_path=post.url,
                feed_path=post.comments_feed,
                comments=list(shown_comments([post])),
                language=post.lang,
                with_post_title=False,
                empty_updated=getattr(post, "modified", None) or post.date,
            ),
        )


def register():
    signals.initialized.connect(check_settings)
    signals.article_generator_finalized.connect(add_comments)
    signals.article_writer_finalized.connect(write_feeds)
