"""Read comment files: content/comments/<post-slug>/<id>.md.

Each file is a Markdown body under a header of `Key: value` lines, like a
post. Loading is pure: it returns the comments it could read and a list of
problems (one line each, naming the file) for the caller to log; a bad file
never stops the build.
"""

import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from pelican.utils import get_date

from pressless.core.header import read_header

APPROVED, PENDING, SPAM = "approved", "pending", "spam"
STATUSES = (APPROVED, PENDING, SPAM)
# Ids end up in HTML id attributes and URL fragments: keep them plain.
_VALID_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


@dataclass(eq=False)
class Comment:
    """One comment; `html`, `avatar_svg`, `depth` and `replies` are filled later."""

    id: str
    post_slug: str
    author: str
    date: datetime
    body: str
    source: str
    email: str = ""
    url: str = ""
    reply_to: str = ""
    status: str = APPROVED
    html: str = ""
    avatar_svg: str = ""
    depth: int = 1
    replies: list = field(default_factory=list)
    post: object = None

    @property
    def is_visible(self):
        return self.status == APPROVED


def parse_date(value, timezone):
    """A comment date; naive dates are read in the site's TIMEZONE."""
    date = get_date(value.replace("_", " "))
    if date.tzinfo is None:
        date = date.replace(tzinfo=timezone)
    return date


def parse_comment(text, *, comment_id, post_slug, source, timezone):
    """Return (Comment or None, problem or None) for one file's text."""
    if not _VALID_ID.match(comment_id):
        return None, (
            f"{source}: file name {comment_id!r} is not a usable comment id "
            "(letters, digits, '-', '_', '.'); comment ignored"
        )
    header = read_header(text)
    body = header.body.strip()
    author = header.get("author", "")
    if not author:
        return None, f"{source}:1: missing Author; comment ignored"
    if "date" not in header:
        return None, f"{source}:1: missing Date; comment ignored"
    date_line, date_value = header.line("date"), header.get("date")
    try:
        date = parse_date(date_value, timezone)
    except (ValueError, OverflowError):
        return None, f"{source}:{date_line}: unparseable Date {date_value!r}; comment ignored"
    status_line, status = header.line("status", 0), header.get("status", APPROVED)
    status = status.lower()
    problem = None
    if status not in STATUSES:
        problem = (
            f"{source}:{status_line}: unknown Status {status!r} "
            f"(use one of: {', '.join(STATUSES)}); comment kept unpublished"
        )
        status = PENDING
    comment = Comment(
        id=comment_id,
        post_slug=post_slug,
        author=author,
        date=date,
        body=body,
        source=source,
        email=header.get("email", ""),
        url=header.get("url", ""),
        reply_to=header.get("reply-to", ""),
        status=status,
    )
    return comment, problem


def comment_files(comments_root):
    """Every *.md file under the comments folder, in a stable order."""
    root = Path(comments_root)
    if not root.is_dir():
        return []
    return sorted(root.rglob("*.md"))


def load_comments(comments_root, known_slugs, timezone, display_root=None):
    """Read every comment file; return (comments, problems).

    `known_slugs` holds the slugs of the posts comments may belong to; a file
    in a folder named for no post is reported and skipped. `display_root` is
    the folder paths in messages are made relative to.
    """
    root = Path(comments_root)
    display_root = Path(display_root) if display_root else root.parent
    comments, problems = [], []
    for path in comment_files(root):
        source = _display_path(path, display_root)
        relative = path.relative_to(root)
        if len(relative.parts) != 2:
            problems.append(
                f"{source}: comment files belong in {root.name}/<post-slug>/<id>.md; file ignored"
            )
            continue
        post_slug = relative.parts[0]
        if post_slug not in known_slugs:
            problems.append(f"{source}: no post has the slug {post_slug!r}; comment ignored")
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            problems.append(f"{source}: cannot be read ({error}); comment ignored")
            continue
        comment, problem = parse_comment(
            text, comment_id=path.stem, post_slug=post_slug, source=source, timezone=timezone
        )
        if problem:
            problems.append(problem)
        if comment:
            comments.append(comment)
    return comments, problems


def _display_path(path, display_root):
    try:
        return path.relative_to(display_root).as_posix()
    except ValueError:
        return path.as_posix()
