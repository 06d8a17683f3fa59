"""Turn what a commenter wrote into HTML that is safe to publish.

Comment text is Markdown; raw HTML in it is allowed through Markdown and
then cleaned by nh3 (a maintained sanitizer) against a short allowlist:
text formatting and links only. No scripts, styles, frames, forms, images,
event handlers or javascript:/data: URLs survive, and links are marked as
user-generated.
"""

import re
import unicodedata
from urllib.parse import urlsplit

import markdown
import nh3
from markupsafe import Markup

# Extensions that only add syntax for plain formatting; nothing that lets the
# writer set attributes (attr_list) or pull in files.
MARKDOWN_EXTENSIONS = ["fenced_code", "sane_lists"]

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "cite", "code", "del", "em", "i", "ins",
    "kbd", "li", "ol", "p", "pre", "q", "s", "strong", "sub", "sup", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "q": {"cite"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}
# Elements dropped together with everything inside them.
DROPPED_WITH_CONTENT = {
    "script", "style", "iframe", "object", "embed", "template", "noscript",
    "textarea", "select", "title", "svg", "math",
}  # fmt: skip
LINK_REL = "nofollow ugc"

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_html(html):
    """Sanitize an HTML fragment with the comment allowlist."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        clean_content_tags=DROPPED_WITH_CONTENT,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel=LINK_REL,
        strip_comments=True,
    )


def comment_markdown():
    """A Markdown converter for comment bodies; one can serve a whole build."""
    return markdown.Markdown(extensions=MARKDOWN_EXTENSIONS, output_format="html5")


def render_comment_body(text, renderer=None):
    """Markdown to sanitized HTML, marked safe for templates.

    Pass a `comment_markdown()` to reuse it: setting one up costs more than
    converting a short comment. It is reset before each use.
    """
    renderer = (renderer or comment_markdown()).reset()
    return Markup(clean_html(renderer.convert(clean_text(text, keep_newlines=True))))


def clean_text(value, *, keep_newlines=False):
    """Drop control characters (and newlines, unless kept) from plain text.

    Templates escape every value; this only keeps invisible junk out of
    names and feeds.
    """
    value = _CONTROL.sub("", value or "")
    if not keep_newlines:
        value = " ".join(value.split())
    return value


def safe_author_url(value):
    """The commenter's website if it is a plain http(s) URL, else ''."""
    value = (value or "").strip()
    if not value or any(char.isspace() for char in value):
        return ""
    if any(unicodedata.category(char).startswith("C") for char in value):
        return ""
    try:
        parts = urlsplit(value)
    except ValueError:
        return ""
    if parts.scheme.lower() not in {"http", "https"} or not parts.hostname:
        return ""
    return value
