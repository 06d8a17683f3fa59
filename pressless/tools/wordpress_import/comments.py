"""WordPress comments into Pressless comment files.

Approved comments are written as they are; comments awaiting moderation
keep `Status: pending` (built, never shown). Spam and trash are never
written, so nothing that WordPress hid can be published by mistake.
Pingbacks and trackbacks are left out: they are notices that another site
linked here, not readers' words, and most are spam. Each is counted in the
report by reason. A reply whose parent was left out hangs from the nearest
ancestor that was written, or from the post.
"""

from collections import Counter
from dataclasses import dataclass

from pressless.core.comments import PENDING, VALID_ID, comment_file_text

from .body import convert_comment
from .dates import wordpress_date

SKIP_SPAM, SKIP_TRASH, SKIP_PING = "spam", "trash", "pingback or trackback"
SKIP_BAD_ID, SKIP_NO_DATE = "unusable comment id", "no readable date"
_PING_TYPES = ("pingback", "trackback")


@dataclass(frozen=True)
class CommentFile:
    relative_path: str  # 'comments/<post-slug>/<id>.md'
    text: str
    pending: bool


def _skip_reason(comment):
    if comment.type in _PING_TYPES:
        return SKIP_PING
    if comment.approved == "spam":
        return SKIP_SPAM
    if comment.approved in ("trash", "post-trashed"):
        return SKIP_TRASH
    if not VALID_ID.match(comment.id):
        return SKIP_BAD_ID
    if wordpress_date(comment.date, comment.date_gmt) is None:
        return SKIP_NO_DATE
    return None


def _written_ancestor(comment, by_id, written):
    """The id of the nearest ancestor that is written, or '' for the top level."""
    seen = {comment.id}
    parent = comment.parent
    while parent and parent != "0" and parent not in seen:
        if parent in written:
            return parent
        seen.add(parent)
        parent = by_id[parent].parent if parent in by_id else ""
    return ""


def comment_files(comments, post_slug, comments_folder="comments"):
    """(list of CommentFile, Counter of skipped comments by reason) for one post."""
    skipped = Counter()
    kept = []
    for comment in comments:
        reason = _skip_reason(comment)
        if reason:
            skipped[reason] += 1
        else:
            kept.append(comment)
    by_id = {comment.id: comment for comment in comments}
    written = {comment.id for comment in kept}
    files = []
    for comment in kept:
        # Anything but '1' (approved) stays unpublished: '0' is WordPress's
        # "awaiting moderation", and an unknown value must not go live.
        pending = comment.approved != "1"
        text = comment_file_text(
            author=comment.author or "Anonymous",
            date=wordpress_date(comment.date, comment.date_gmt),
            body=convert_comment(comment.content),
            email=comment.email,
            url=comment.url,
            reply_to=_written_ancestor(comment, by_id, written),
            status=PENDING if pending else None,
        )
        files.append(CommentFile(f"{comments_folder}/{post_slug}/{comment.id}.md", text, pending))
    return files, skipped
