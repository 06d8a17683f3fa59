"""Threaded comments kept as files in the repository.

Comments live in content/comments/<post-slug>/<id>.md. Once every generator
has read its content, each post that gets a page gets its comment section
(`article.comments`, `comment_count`, `comments_open`, ...) and the sidebar
gets `recent_comments`; a small generator writes the Atom feeds of comments.
Problems in comment files are logged as warnings naming the file; a bad
`Comments:` header or setting stops the build.
"""

import logging
from functools import partial
from pathlib import Path
from zoneinfo import ZoneInfo

import blinker
from pelican import signals
from pelican.generators import Generator

from pressless.core.clock import build_now
from pressless.core.config import config_of, require_plugins, store_config
from pressless.core.entries import entry_choice, entry_sets
from pressless.core.errors import show_author_errors_without_traceback
from pressless.core.forked import ForkedWorkFailed, processes_for
from pressless.core.refresh import CONTENT_FILE_CHANGED, ENTRY_REFRESHED
from pressless.core.text import plain_text
from pressless.core.writing import mark_shared, write_text_file, writes_here

from . import ahead
from .feeds import comments_feed
from .html_cache import RenderedComments
from .loader import load_comments, load_post_comments
from .model import (
    COMMENT_MODES,
    OPEN,
    comments_by_post,
    hold_future_comments,
    newest_first,
    post_comments,
    recent_comments,
)
from .model import shown_comments as shown_comments_of
from .sanitize import body_renderer
from .settings import PLUGIN, check_settings

logger = logging.getLogger(__name__)
# Each post's comment records (by slug, future ones held back) and the build's
# "now", kept in the build's context for an entry refreshed in place
# (pressless.core.refresh).
_THREADS_KEY = "comments_by_post"
# The copy reading and rendering the comments while the posts are read (ahead.py).
_AHEAD_KEY = "_COMMENTS_AHEAD"
# In the settings: every comment file as last read, with its size and time.
# The live preview's settings live until they are edited: its next model
# reads only the comment files saved since (5,959 files took 0.4 s).
_READ_KEY = "_COMMENTS_READ"


def check(pelican):
    # The feed titles are in the site's language: the i18n plugin's catalog.
    require_plugins(pelican.settings, PLUGIN, ["i18n"])
    config = store_config(pelican.settings, PLUGIN, check_settings(pelican.settings))
    root, reading = comment_folder(pelican.settings, config)
    # A build that failed before taking its copy's result left it waiting
    # (`pelican --autoreload` builds again with the same settings).
    earlier = pelican.settings.pop(_AHEAD_KEY, None)
    if earlier is not None:
        earlier.stop()
    # A blog without comment files forks nothing.
    if processes_for(config.processes) > 1 and root.is_dir():
        pelican.settings[_AHEAD_KEY] = ahead.start(root, reading, pelican.settings.get("CACHE_PATH"), config)


def read_ahead(settings):
    """(files, rendered bodies, faces) from the copy started at `initialized`, or ({}, {}, {}) without one."""
    started = settings.pop(_AHEAD_KEY, None)
    if started is None:
        return {}, {}, {}
    try:
        return started.result()
    except ForkedWorkFailed as error:  # read here instead, where a problem is reported properly
        logger.debug("comments: reading ahead failed: %s", error)
        return {}, {}, {}


def add_comments(generators):
    context = generators[0].context
    settings = generators[0].settings
    config = config_of(context, PLUGIN)
    posts = entry_sets(generators).articles
    root, reading = comment_folder(settings, config)
    processes = processes_for(config.processes)
    files, rendered_ahead, faces = read_ahead(settings)
    last_read = settings.setdefault(_READ_KEY, {})
    comments, problems = load_comments(root, known_slugs={post.slug for post in posts}, **reading,
                                       processes=processes, already_read={**last_read, **files},
                                       remember=last_read)
    # The build's one "now", shared with scheduled_posts (and pinned by SCHEDULED_POSTS_NOW).
    now = build_now(context, PLUGIN)
    comments, held = hold_future_comments(comments, now)
    for comment in held:
        logger.info("comments: holding back %s until %s", comment.source, comment.date.isoformat())
    by_post = comments_by_post(comments)
    context[_THREADS_KEY] = (by_post, now)
    rendered = RenderedComments(settings.get("CACHE_PATH"))
    rendered.rendered_ahead.update(rendered_ahead)
    rendered.render_ahead((comment.body for comment in comments if comment.is_visible), processes)
    for post in posts:
        problems += attach_section(post, by_post.get(post.slug, []), config, now, rendered.html, faces)
    rendered.save()
    for problem in problems:
        logger.warning("comments: %s", problem)
    context["recent_comments"] = recent_comments(context["articles"], config.recent_count)


def comment_folder(settings, config):
    """The folder of comment files, and how they are read: their dates' time zone, and the folder
    the paths in messages are relative to (the content folder's parent)."""
    content_root = Path(settings["PATH"])
    reading = {"timezone": ZoneInfo(settings.get("TIMEZONE") or "UTC"), "display_root": content_root.parent}
    return content_root / config.path, reading


def attach_section(post, comments, config, now, render, faces=None):
    """Give a post its comment section; return the problems found in its comments."""
    mode = entry_choice(post, "comments", COMMENT_MODES, OPEN)
    section, problems = post_comments(post, comments, mode, config, now=now, render=render, faces=faces)
    post.comments = section.thread
    post.comment_count = section.count
    post.comments_enabled = section.enabled
    post.comments_open = section.open
    post.comments_feed = section.feed
    return problems


def refresh_entry(entry, generators):
    context = generators[0].context
    if entry not in entry_sets(generators).articles or _THREADS_KEY not in context:
        return
    by_post, now = context[_THREADS_KEY]
    config = config_of(context, PLUGIN)
    # Its problems were logged by the build; the next whole rebuild logs them again.
    attach_section(entry, by_post.get(entry.slug, []), config, now, body_renderer())
    context["recent_comments"] = recent_comments(context["articles"], config.recent_count)


def comment_file_changed(path, generators):
    """Take in one saved or deleted comment file; return [the post it is on], or None if it is no
    comment file of a known post, or the post's comments have a problem (a whole build reports it)."""
    context = generators[0].context
    if _THREADS_KEY not in context:
        return None
    root, reading = comment_folder(generators[0].settings, config_of(context, PLUGIN))
    root = root.resolve()
    try:
        relative = Path(path).relative_to(root)
    except ValueError:
        return None
    if len(relative.parts) != 2 or relative.suffix != ".md":
        return None
    posts = [post for post in entry_sets(generators).articles if post.slug == relative.parts[0]]
    if len(posts) != 1:
        return None
    comments, problems = load_post_comments(root, posts[0].slug, **reading)
    if problems:
        return None
    by_post, now = context[_THREADS_KEY]
    comments, _ = hold_future_comments(comments, now)
    by_post[posts[0].slug] = comments
    return posts


@mark_shared
class CommentFeedsGenerator(Generator):
    """Writes the site-wide comments feed and one feed per post.

    Shared among the writer processes: each feed is made only where it is written.
    """

    def generate_output(self, writer):
        config = config_of(self.context, PLUGIN)
        _ = config_of(self.context, "i18n").translations.gettext
        site_url = (self.settings.get("FEED_DOMAIN") or self.settings["SITEURL"]).rstrip("/")
        posts = self.context["articles"]
        if config.feed_atom and writes_here(writer, config.feed_atom):
            def site_feed():
                return comments_feed(
                    title=_("Comments for %(site)s") % {"site": plain_text(self.settings["SITENAME"])},
                    site_url=site_url,
                    page_path="",
                    feed_path=config.feed_atom,
                    comments=newest_first(shown_comments_of(posts))[: config.feed_max_items],
                    language=self.settings.get("DEFAULT_LANG"),
                    updated_when_empty=max((post.date for post in posts), default=None),
                )

            write_text_file(writer, config.feed_atom, site_feed)
        for post in posts:
            if post.comments_feed and writes_here(writer, post.comments_feed):
                write_text_file(writer, post.comments_feed, partial(post_feed, post, site_url, _))


def post_feed(post, site_url, gettext):
    """The Atom feed of one post's comments."""
    return comments_feed(
        title=gettext("Comments on: %(title)s") % {"title": plain_text(post.title)},
        site_url=site_url,
        page_path=post.url,
        feed_path=post.comments_feed,
        comments=list(shown_comments_of([post])),
        language=post.lang,
        with_post_title=False,
        updated_when_empty=getattr(post, "modified", None) or post.date,
    )


def get_generators(pelican):
    return CommentFeedsGenerator


def register():
    show_author_errors_without_traceback()
    signals.initialized.connect(check)
    signals.all_generators_finalized.connect(add_comments)
    blinker.signal(ENTRY_REFRESHED).connect(refresh_entry)
    blinker.signal(CONTENT_FILE_CHANGED).connect(comment_file_changed)
    signals.get_generators.connect(get_generators)
