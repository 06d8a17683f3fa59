"""Comments as records, and the file each one is kept in.

A comment lives in `<comments folder>/<post-slug>/<id>.md`: a header of
`Key: value` lines (the same format as a post, see header.py), a blank line,
then the text in Markdown. This module is the one reader and the one writer
of that format: the comments plugin reads it, and the comment form's email,
`invoke comments-pull` and the WordPress importer write it.
"""

import re
from dataclasses import dataclass
from datetime import datetime

from .dates import header_date
from .header import read_header, write_header

APPROVED, PENDING, SPAM = "approved", "pending", "spam"
STATUSES = (APPROVED, PENDING, SPAM)
# The header keys in the order files are written with; `Email` is never published.
FIELDS = ("Author", "Date", "Email", "URL", "Reply-To", "Status")
# Ids end up in HTML id attributes and URL fragments: keep them plain.
VALID_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
BODY_PLACEHOLDER = "Write your comment here, in Markdown."


@dataclass(frozen=True)
class Comment:
    """One comment as its file says it."""

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

    @property
    def is_visible(self):
        return self.status == APPROVED


def parse_date(value, timezone):
    """A comment date; naive dates are read in the site's TIMEZONE."""
    date = header_date(value.replace("_", " "))
    if date.tzinfo is None:
        date = date.replace(tzinfo=timezone)
    return date


def parse_comment(text, *, comment_id, post_slug, source, timezone):
    """(Comment or None, problem or None) for one file's text.

    A problem is one line naming the file (and line) and what became of it.
    """
    if not VALID_ID.match(comment_id):
        return None, (
            f"{source}: file name {comment_id!r} is not a usable comment id "
            "(letters, digits, '-', '_', '.'); comment ignored"
        )
    header = read_header(text)
    if header.duplicates:
        duplicate = header.duplicates[0]
        return None, (
            f"{source}:{duplicate.lines[1]}: {duplicate.key.title()} is given twice "
            f"(lines {duplicate.lines[0]} and {duplicate.lines[1]}); comment ignored"
        )
    author = header.get("author", "")
    if not author:
        return None, f"{source}:1: missing Author; comment ignored"
    if "date" not in header:
        return None, f"{source}:1: missing Date; comment ignored"
    try:
        date = parse_date(header.get("date"), timezone)
    except (ValueError, OverflowError):
        return None, (
            f"{source}:{header.line('date')}: unparseable Date {header.get('date')!r}; "
            "comment ignored"
        )
    status = header.get("status", APPROVED).lower()
    problem = None
    if status not in STATUSES:
        problem = (
            f"{source}:{header.line('status')}: unknown Status {status!r} "
            f"(use one of: {', '.join(STATUSES)}); comment kept unpublished"
        )
        status = PENDING
    comment = Comment(
        id=comment_id,
        post_slug=post_slug,
        author=author,
        date=date,
        body=header.body.strip(),
        source=source,
        email=header.get("email", ""),
        url=header.get("url", ""),
        reply_to=header.get("reply-to", ""),
        status=status,
    )
    return comment, problem


def comment_file_text(*, author, date, body, email=None, url=None, reply_to=None, status=None):
    """The text of a comment file. `date` is a datetime or an ISO string.

    Empty optional values are left out; approved is the default status and
    is not written.
    """
    if isinstance(date, datetime):
        date = date.isoformat(timespec="seconds")
    values = {
        "Author": author,
        "Date": date,
        "Email": email or None,
        "URL": url or None,
        "Reply-To": reply_to or None,
        "Status": status if status and status != APPROVED else None,
    }
    return write_header([(key, values[key]) for key in FIELDS], body)


def blank_comment_file(fields=("Author", "Date", "URL", "Reply-To")):
    """A comment file to fill in by hand: the keys with empty values, then a prompt."""
    header = "".join(f"{key}: \n" for key in fields)
    return f"{header}\n{BODY_PLACEHOLDER}\n"
