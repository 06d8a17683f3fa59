"""What a post's comment section shows: read-only views over the comment records.

The records (pressless.core.comments.Comment) never change; threading gives
ThreadNodes (pressless.core.threads) and this module turns each node into a
ShownComment with everything a template or feed prints, made plain or safe.
"""

from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from pressless.core.entries import is_listed
from pressless.core.language import strftime_with_ampm
from pressless.core.threads import thread, walk

from .avatars import avatar_svg, gravatar_img
from .sanitize import body_renderer, plain_name, safe_author_url

OPEN, CLOSED, OFF = "open", "closed", "off"
COMMENT_MODES = (OPEN, CLOSED, OFF)
# A comment dated after the build's "now": not shown until a build on or after its date.
SCHEDULED = "scheduled"


@dataclass(frozen=True)
class ShownComment:
    id: str
    author: str  # plain text: tags stripped, control characters dropped
    url: str  # checked http(s) address or ''
    date: datetime
    locale_date: str  # the date, or date and time in the author's COMMENTS_DATE_FORMAT
    locale_time: str | None  # the time, printed after the date ("at 11:42 am"); None with that format
    html: str  # sanitized, marked safe
    avatar_svg: str  # markup, marked safe
    depth: int
    replies: tuple
    permalink: str  # '<post url>#comment-<id>'
    post: object  # the post it is on


@dataclass(frozen=True)
class PostComments:
    """A post's comment section: the thread and its state."""

    thread: tuple  # top-level ShownComments, oldest first
    count: int  # approved comments shown
    enabled: bool  # False for `Comments: off`
    open: bool  # new comments invited
    feed: str | None  # site-relative path of the post's comments feed


def is_past_closing(post_date, now, close_after_days):
    if close_after_days is None:
        return False
    return now - post_date > timedelta(days=close_after_days)


@dataclass(frozen=True)
class CommentFace:
    """How a comment shows its author and date: the same on whichever post, in whichever thread."""

    author: str
    avatar_svg: str
    locale_date: str
    locale_time: str | None


def comment_face(comment, config):
    author = plain_name(comment.author) or "Anonymous"
    return CommentFace(
        author=author,
        avatar_svg=gravatar_img(comment.email) if config.gravatar and comment.email else avatar_svg(author),
        locale_date=(strftime_with_ampm(comment.date, config.date_format) if config.date_format
                     else config.dates.date(comment.date)),
        locale_time=None if config.date_format else config.dates.time(comment.date),
    )


def shown_comment(node, post, config, render, faces=None):
    comment = node.comment
    # A face made ahead is for this very record (records compare by every field).
    face = faces.get(comment) if faces else None
    face = face or comment_face(comment, config)
    return ShownComment(
        id=comment.id,
        author=face.author,
        url=safe_author_url(comment.url),
        date=comment.date,
        locale_date=face.locale_date,
        locale_time=face.locale_time,
        html=render(comment.body),
        avatar_svg=face.avatar_svg,
        depth=node.depth,
        replies=tuple(shown_comment(reply, post, config, render, faces) for reply in node.replies),
        permalink=f"{post.url}#comment-{comment.id}",
        post=post,
    )


def post_comments(post, comments, mode, config, *, now, render=None, faces=None):
    """(PostComments, problems) for one post, its comment records and its `Comments:` mode.

    `render` turns a comment's Markdown into safe HTML (the build's cache of it);
    `faces` holds CommentFaces made ahead, by comment record.
    """
    nodes, problems = thread(comments, config.max_depth)
    render = render or body_renderer()
    shown = tuple(shown_comment(node, post, config, render, faces) for node in nodes)
    enabled = mode != OFF
    feed = None
    if config.post_feed_atom and enabled and is_listed(post):
        feed = config.post_feed_atom.format(url=post.url, slug=post.slug)
    section = PostComments(
        thread=shown,
        count=sum(1 for _ in walk(shown)),
        enabled=enabled,
        open=mode == OPEN and not is_past_closing(post.date, now, config.close_after_days),
        feed=feed,
    )
    return section, problems


def hold_future_comments(comments, now):
    """(comments, held): approved comments dated after `now` are kept but not shown.

    Held like a pending comment: not counted, not in widgets or feeds, and a
    reply to one moves up to the nearest shown ancestor, as a reply to a
    pending comment does. Like a scheduled post, it appears on the first
    build on or after its date.
    """
    kept, held = [], []
    for comment in comments:
        if comment.is_visible and comment.date > now:
            comment = replace(comment, status=SCHEDULED)
            held.append(comment)
        kept.append(comment)
    return kept, held


def comments_by_post(comments):
    by_post = defaultdict(list)
    for comment in comments:
        by_post[comment.post_slug].append(comment)
    return by_post


def shown_comments(posts):
    """Every approved comment on posts whose comments are not off."""
    for post in posts:
        if post.comments_enabled:
            yield from walk(post.comments)


def newest_first(comments):
    return sorted(comments, key=lambda c: (c.date, c.id), reverse=True)


def recent_comments(posts, count):
    """The newest `count` comments for the sidebar widget."""
    return newest_first(shown_comments(posts))[:count]
