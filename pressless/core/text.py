"""Plain text out of what authors and Typogrify wrote."""

import html
import re

_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")


def plain_text(value):
    """Typogrified HTML to plain text: tags dropped, entities decoded.

    Titles and summaries pass through Typogrify (`<span class="caps">`,
    `&amp;`, `&nbsp;`); meta tags, feeds, share links and JSON-LD need the
    words alone. No-break spaces become plain spaces.
    """
    if value is None:
        return ""
    text = html.unescape(_TAG.sub("", str(value)))
    return _SPACE.sub(" ", text.replace("\xa0", " ")).strip()


def iso_datetime(value):
    """A datetime as ISO 8601 with its offset, as <time datetime> wants."""
    return value.isoformat(timespec="seconds")
