"""Put comments on posts: thread them, render them, decide open or closed."""

from collections import defaultdict
from datetime import datetime, timedelta

from .avatars import avatar_svg, gravatar_img
from .sanitize import clean_text, comment_markdown, render_comment_body, safe_author_url
from .threading import iter_thread, thread_comments

OPEN, CLOSED, OFF = "open", "closed", "off"
COMMENT_MODES = (OPEN, CLOSED, OFF)


def comment_mode(value, source):
    """The post's `Comments:` metadata as (mode, problem or None)."""
    if value is None or str(value).strip() == "":
        return OPEN, None
    mode = str(value).strip().lower()
    if mode in COMMENT_MODES:
        return mode, None
    return OPEN, (
        f"{source}: unknown Comments value {value!r} "
        f"(use one of: {', '.join(COMMENT_MODES)}); comments left open"
    )


def is_past_closing(post_date, now, close_after_days):
    if close_after_days is None:
        return False
    return now - post_date > timedelta(days=close_after_days)


def prepare_comment(comment, post, *, use_gravatar, date_format, renderer=None):
    """Fill in what templates and feeds print; values are made plain or safe."""
    comment.post = post
    comment.author = clean_text(comment.author) or "Anonymous"
    comment.url = safe_author_url(comment.url)
    comment.html = render_comment_body(comment.body, renderer)
    if use_gravatar and comment.email:
        comment.avatar_svg = gravatar_img(comment.email)
    else:
        comment.avatar_svg = avatar_svg(comment.author)
    comment.permalink = f"{post.url}#comment-{comment.id}"
    comment.locale_date = comment.date.strftime(date_format)


def attach_comments(posts, comments, settings, now=None):
    """Give each post its thread and state; return the problems found.

    Sets `post.comments` (top-level comments, each with `.replies`),
    `post.comment_count` (approved comments shown), `post.comments_enabled`
    (False for `Comments: off`) and `post.comments_open`.
    """
    now = now or datetime.now().astimezone()
    by_post = defaultdict(list)
    for comment in comments:
        by_post[comment.post_slug].append(comment)
    problems = []
    renderer = comment_markdown()
    for post in posts:
        # Pelican stores the `Comments:` header as post.comments; we read it
        # from metadata because post.comments becomes the thread.
        mode, problem = comment_mode(post.metadata.get("comments"), post.source_path)
        if problem:
            problems.append(problem)
        thread, thread_problems = thread_comments(by_post.get(post.slug, []), settings["COMMENTS_MAX_DEPTH"])
        problems.extend(thread_problems)
        shown = list(iter_thread(thread))
        for comment in shown:
            prepare_comment(
                comment,
                post,
                use_gravatar=settings["COMMENTS_GRAVATAR"],
                date_format=settings["COMMENTS_DATE_FORMAT"],
                renderer=renderer,
            )
        post.comments = thread
        post.comment_count = len(shown)
        post.comments_enabled = mode != OFF
        post.comments_open = mode == OPEN and not is_past_closing(
            post.date, now, settings["COMMENTS_CLOSE_AFTER_DAYS"]
        )
        feed_pattern = settings["COMMENTS_POST_FEED_ATOM"]
        post.comments_feed = (
            feed_pattern.format(url=post.url, slug=post.slug)
            if feed_pattern and post.comments_enabled and post.status == "published"
            else None
        )
    return problems


def shown_comments(posts):
    """Every approved comment on posts whose comments are not off."""
    for post in posts:
        if post.comments_enabled:
            yield from iter_thread(post.comments)


def recent_comments(posts, count):
    """The newest `count` comments for the sidebar widget."""
    newest = sorted(shown_comments(posts), key=lambda c: (c.date, c.id), reverse=True)
    return newest[:count]
