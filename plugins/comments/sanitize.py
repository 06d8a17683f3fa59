"""Turn what a commenter wrote into HTML that is safe to publish.

Comment text is Markdown; raw HTML in it is allowed through Markdown and
then cleaned by nh3 (a maintained sanitizer) against a short allowlist:
text formatting and links only. No scripts, styles, frames, forms, images,
event handlers or javascript:/data: URLs survive, and links are marked as
user-generated. As WordPress does, a disallowed tag goes and its text stays;
a link whose address was refused becomes plain text, and names are plain
text with any tags stripped.
"""

import html
import re
import unicodedata
from html.parser import HTMLParser
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
# Every allowed attribute that holds an address; nh3 checks the scheme of
# href itself but not of cite, so both go through url_is_allowed too.
URL_ATTRIBUTES = {"href", "cite"}
# Elements dropped together with everything inside them.
DROPPED_WITH_CONTENT = {
    "script", "style", "iframe", "object", "embed", "template", "noscript",
    "textarea", "select", "title", "svg", "math",
}  # fmt: skip
LINK_REL = "nofollow ugc"

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Browsers ignore these anywhere in a URL's scheme ("java\tscript:").
_IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20\x7f]")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")


def url_is_allowed(value):
    """True for an address with an allowed scheme, or none (a relative one)."""
    scheme = _SCHEME.match(_IGNORED_IN_SCHEME.sub("", value))
    return not scheme or scheme.group(1).lower() in ALLOWED_URL_SCHEMES


def _keep_safe_urls(tag, attribute, value):
    if attribute in URL_ATTRIBUTES and not url_is_allowed(value):
        return None
    return value


class _LinkUnwrapper(HTMLParser):
    """Re-emits sanitized HTML with every <a> that has no href replaced by its text."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.parts, self.kept_links = [], []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.kept_links.append(any(name == "href" for name, _ in attrs))
            if not self.kept_links[-1]:
                return
        self.parts.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        if tag == "a" and self.kept_links and not self.kept_links.pop():
            return
        self.parts.append(f"</{tag}>")

    def handle_startendtag(self, tag, attrs):
        self.parts.append(self.get_starttag_text())

    def handle_data(self, data):
        self.parts.append(data)

    def handle_entityref(self, name):
        self.parts.append(f"&{name};")

    def handle_charref(self, name):
        self.parts.append(f"&#{name};")


def unwrap_dead_links(sanitized):
    """Links left without an address (it was refused) become their plain text."""
    if "<a" not in sanitized:
        return sanitized
    parser = _LinkUnwrapper()
    parser.feed(sanitized)
    parser.close()
    return "".join(parser.parts)


def clean_html(fragment):
    """Sanitize an HTML fragment with the comment allowlist."""
    sanitized = nh3.clean(
        fragment,
        tags=ALLOWED_TAGS,
        clean_content_tags=DROPPED_WITH_CONTENT,
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=_keep_safe_urls,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel=LINK_REL,
        strip_comments=True,
    )
    return unwrap_dead_links(sanitized)


def plain_name(value):
    """A commenter's name as plain text: tags stripped (script and style with
    their content), entities decoded, control characters and runs of spaces gone.

    Templates escape it again when they print it.
    """
    stripped = nh3.clean(clean_text(value), tags=set(), clean_content_tags=DROPPED_WITH_CONTENT)
    return clean_text(html.unescape(stripped))


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


def body_renderer():
    """body -> safe HTML, with one Markdown converter kept for every body it renders."""
    markdown = comment_markdown()
    return lambda body: render_comment_body(body, markdown)


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
