"""WordPress post HTML (classic or Gutenberg) into clean Markdown.

The order matters:
1. Gutenberg's `<!-- wp:... -->` block comments go; `<!--more-->` splits the summary off.
2. Code ([code], [sourcecode], <pre>) is taken out first and kept aside
   whole, so no later step (URL rewriting, wpautop, markdownify's escaping,
   Typogrify) can touch one character of it; it comes back as a fenced block.
3. Captioned images, audio and video become HTML blocks kept aside the same way.
4. URLs to the old host are rewritten (uploads, links to other imported posts).
5. Classic bodies get WordPress's automatic paragraphs (wpautop, through
   Pelican's decode_wp_content); Gutenberg bodies already have theirs.
6. markdownify turns the rest into Markdown; the kept blocks are put back.
"""

import html
import re
from dataclasses import dataclass, field

from markdownify import MarkdownConverter
from pelican.tools.pelican_import import decode_wp_content

from . import shortcodes
from .figures import figure_html

_GUTENBERG_COMMENT = re.compile(r"<!--\s*/?wp:.*?-->\n?", re.DOTALL)
_MORE = re.compile(r"<!--more(?:\s.*?)?-->|<!--noteaser-->|<!--nextpage-->", re.DOTALL)
_MORE_ONLY = re.compile(r"<!--more(?:\s.*?)?-->", re.DOTALL)
_PRE = re.compile(r"<pre(?P<attrs>[^>]*)>(?P<code>.*?)</pre>", re.DOTALL | re.IGNORECASE)
_TAGS_IN_PRE = re.compile(r"</?(?:code|span|strong|em|b|i|u|kbd|samp|var|mark)\b[^>]*>", re.IGNORECASE)
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_PRE_LANGUAGE = re.compile(r"(?:brush:\s*|lang(?:uage)?[-:]\s*)([\w+#.-]+)", re.IGNORECASE)
_FIGURE = re.compile(r"<figure\b[^>]*>.*?</figure>", re.DOTALL | re.IGNORECASE)
_IFRAME = re.compile(
    r"<iframe\b[^>]*?\bsrc=([\"'])(?P<src>[^\"']+)\1[^>]*>.*?</iframe>", re.DOTALL | re.IGNORECASE
)
_BARE_URL_LINE = re.compile(r"^(?P<indent>[ \t]*)(?P<url>https?://[^\s<>\"'\[\]]+)[ \t]*$", re.MULTILINE)
_URL_ATTRIBUTE = re.compile(
    r"\b(?P<name>href|src|poster)\s*=\s*(?P<quote>[\"'])(?P<url>[^\"']*)(?P=quote)", re.IGNORECASE
)
_BLOCK_TOKEN = "XPRESSLESSBLOCK{}X"
_ANY_TOKEN = re.compile(r"XPRESSLESSBLOCK(\d+)X")
MEDIA_SHORTCODES = ("caption", "wp_caption", "audio", "video", "gallery", "embed")


@dataclass
class Found:
    """What a conversion met that the report lists."""

    unknown_shortcodes: set = field(default_factory=set)


class _Blocks:
    """Markdown kept aside while the rest of the body is converted."""

    def __init__(self):
        self.blocks = []

    def keep(self, markdown):
        self.blocks.append(markdown)
        # Blank lines around the token make it a paragraph of its own for
        # wpautop and markdownify alike.
        return "\n\n<p>" + _BLOCK_TOKEN.format(len(self.blocks) - 1) + "</p>\n\n"

    def restore(self, text):
        # One token per line, so each block can take its line's prefix.
        text = re.sub(r"(XPRESSLESSBLOCK\d+X)[ \t]*(?=\S)", "\\1\n\n", text)
        lines = []
        for line in text.split("\n"):
            match = _ANY_TOKEN.search(line)
            if not match:
                lines.append(line)
                continue
            prefix, suffix = line[: match.start()], line[match.end():]
            block = self.blocks[int(match[1])]
            # A block inside a quote or a list item carries that prefix on every line.
            continuation = prefix if set(prefix) <= {">", " "} else " " * len(prefix)
            block_lines = block.split("\n")
            lines.append(prefix + block_lines[0])
            lines.extend((continuation + rest).rstrip() if rest else continuation.rstrip()
                         for rest in block_lines[1:])
            if suffix.strip():
                lines.append(continuation + suffix.strip())
        return "\n".join(lines)


# Text that would start a Markdown block if it began a line: "#dowork" is no heading.
_BLOCK_START = re.compile(r"(^|\n)([ \t]*)(#|>|[-+*](?=[ \t])|\d+\.(?=[ \t]))")


class _Converter(MarkdownConverter):
    """markdownify with WordPress's leftovers handled."""

    def escape(self, text, parent_tags):
        text = super().escape(text, parent_tags)
        if not text or "_noformat" in parent_tags:
            return text
        return _BLOCK_START.sub(lambda m: m[1] + m[2] + _escaped_marker(m[3]), text)

    def convert_script(self, el, text, parent_tags):
        return ""

    def convert_style(self, el, text, parent_tags):
        return ""


def _escaped_marker(marker):
    return marker[:-1] + "\\." if marker.endswith(".") else "\\" + marker


class _CommentConverter(_Converter):
    """Comments: a link the comment cleaner would strip of its address becomes its text."""

    def convert_a(self, el, text, parent_tags):
        href = (el.get("href") or "").strip().lower()
        if not href.startswith(("http://", "https://", "mailto:")):
            return text
        return super().convert_a(el, text, parent_tags)


def to_markdown(html_text, converter_class=None):
    converter = (converter_class or _Converter)(
        heading_style="ATX",
        bullets="-",
        sub_symbol="<sub>",
        sup_symbol="<sup>",
        table_infer_header=True,
        escape_misc=False,
    )
    return converter.convert(html_text)


def _keep_code(text, blocks):
    def code_shortcode(shortcode):
        code = shortcodes.code_text(shortcode.content)
        return blocks.keep(shortcodes.fenced(code, shortcodes.language_of(shortcode)))

    text = shortcodes.replace_shortcodes(text, shortcodes.CODE_SHORTCODES, code_shortcode)

    def pre(match):
        code = _BR.sub("\n", match["code"])
        code = shortcodes.code_text(_TAGS_IN_PRE.sub("", code))
        language = _PRE_LANGUAGE.search(match["attrs"] or "")
        language = re.sub(r"[^\w+#.-]", "", language[1]).lower() if language else ""
        return blocks.keep(shortcodes.fenced(code, language))

    return _PRE.sub(pre, text)


def _media_shortcode(shortcode, context, blocks):
    name = shortcode.name
    if name in ("caption", "wp_caption"):
        figure = figure_html(shortcode.content or "", shortcode.get("caption"), shortcode.get("align"))
        return blocks.keep(figure) if figure else shortcode.content or ""
    if name in ("audio", "video"):
        return blocks.keep(_media_html(shortcode, context))
    if name == "gallery":
        return blocks.keep(_gallery_markdown(shortcode, context))
    if name == "embed":
        url = re.sub(r"<[^>]+>", "", shortcode.content or "").strip()
        return f'<p><a href="{html.escape(url)}">{html.escape(url)}</a></p>' if url else ""
    return shortcode.text


_SOURCE_TYPES = {"mp3": "audio/mpeg", "ogg": "audio/ogg", "oga": "audio/ogg", "wav": "audio/wav",
                 "m4a": "audio/mp4", "mp4": "video/mp4", "m4v": "video/mp4", "webm": "video/webm",
                 "ogv": "video/ogg"}


def _media_html(shortcode, context):
    """[audio]/[video] as an HTML5 element with its sources and a download link inside."""
    sources = [shortcode.get("src")] if shortcode.get("src") else []
    sources += [shortcode.attributes[kind] for kind in _SOURCE_TYPES if shortcode.attributes.get(kind)]
    sources = [context.rewrite_url(url) for url in dict.fromkeys(sources)]
    if not sources:
        return html.escape(shortcode.text, quote=False)
    tag = shortcode.name
    attributes = ["controls"]
    if tag == "video":
        attributes += [
            f'{key}="{shortcode.get(key)}"' for key in ("width", "height") if shortcode.get(key).isdigit()
        ]
        if shortcode.get("poster"):
            attributes.append(f'poster="{html.escape(context.rewrite_url(shortcode.get("poster")))}"')
    attributes += [
        word for word in ("loop", "autoplay", "muted") if shortcode.get(word) in ("on", "1", "true")
    ]
    source_tags = "".join(
        f'<source src="{html.escape(url)}"{_type_attribute(url)}>' for url in sources
    )
    fallback = f'<a href="{html.escape(sources[0])}">{html.escape(sources[0].rsplit("/", 1)[-1])}</a>'
    return f'<figure class="wp-{tag}"><{tag} {" ".join(attributes)}>{source_tags}{fallback}</{tag}></figure>'


def _type_attribute(url):
    extension = url.rsplit(".", 1)[-1].lower() if "." in url.rsplit("/", 1)[-1] else ""
    return f' type="{_SOURCE_TYPES[extension]}"' if extension in _SOURCE_TYPES else ""


def _gallery_markdown(shortcode, context):
    """A gallery as a plain list of links to its images (no script, no third-party embed)."""
    ids = [value.strip() for value in shortcode.get("ids", "include").split(",") if value.strip()]
    attachments = context.gallery(ids)
    if not attachments:
        return "*Gallery: its images were not in the export.*"
    lines = ["Gallery:", ""]
    for title, url in attachments:
        label = title or url.rsplit("/", 1)[-1]
        label = label.replace("[", "(").replace("]", ")")
        lines.append(f"- [{label}](<{context.rewrite_url(url)}>)")
    return "\n".join(lines)


def _bare_urls_to_links(text):
    """A URL alone on its line, which WordPress would embed, becomes a plain link."""

    def link(match):
        url = html.escape(match["url"])
        return f'\n<p><a href="{url}">{url}</a></p>\n'

    return _BARE_URL_LINE.sub(link, text)


def _rewrite_attributes(text, context):
    def rewrite(match):
        url = html.unescape(match["url"])
        new = context.rewrite_url(url)
        if new == url:
            return match.group(0)
        return f'{match["name"]}={match["quote"]}{html.escape(new, quote=True)}{match["quote"]}'

    return _URL_ATTRIBUTE.sub(rewrite, text)


def _iframes_to_links(text):
    def link(match):
        src = match["src"]
        return f'<p><a href="{src}">{src}</a></p>'

    return _IFRAME.sub(link, text)


def _keep_figures(text, blocks):
    def figure(match):
        built = figure_html(match.group(0))
        return blocks.keep(built) if built else match.group(0)

    return _FIGURE.sub(figure, text)


def convert_part(text, context, found, *, autop, converter_class=None):
    """One stretch of WordPress HTML into Markdown."""
    blocks = _Blocks()
    text = _keep_code(text.replace("\r\n", "\n"), blocks)
    text = _bare_urls_to_links(text)
    text = _iframes_to_links(text)
    text = _rewrite_attributes(text, context)
    known = set(MEDIA_SHORTCODES) | set(shortcodes.CODE_SHORTCODES)
    found.unknown_shortcodes |= shortcodes.remaining_shortcode_names(text) - known
    text = shortcodes.replace_shortcodes(
        text, MEDIA_SHORTCODES, lambda shortcode: _media_shortcode(shortcode, context, blocks)
    )
    text = _keep_figures(text, blocks)
    if autop:
        text = decode_wp_content(text)
    markdown = to_markdown(text, converter_class)
    markdown = blocks.restore(markdown)
    return re.sub(r"\n{3,}", "\n\n", markdown).strip() + "\n"


def is_gutenberg(text):
    return "<!-- wp:" in text


def convert_body(raw_html, context, found=None):
    """(Markdown body, Markdown of the part before <!--more--> or None)."""
    found = found if found is not None else Found()
    autop = not is_gutenberg(raw_html)
    text = _GUTENBERG_COMMENT.sub("", raw_html or "")
    teaser = None
    more = _MORE_ONLY.search(text)
    if more:
        teaser = convert_part(text[: more.start()], context, Found(), autop=autop)
    body = convert_part(_MORE.sub("\n\n", text), context, found, autop=autop)
    return body, teaser


def one_line_summary(markdown):
    """A Markdown summary on one header line: its prose, without code or HTML blocks."""
    lines, in_fence = [], False
    for line in markdown.split("\n"):
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
        elif not in_fence and not (line.startswith("<") and not line.startswith("<http")):
            lines.append(line)
    return " ".join(" ".join(lines).split())


def convert_comment(raw_html):
    """A comment's HTML (WordPress adds paragraphs at display) into Markdown."""
    return convert_part(
        raw_html or "", _NoRewrite(), Found(), autop=True, converter_class=_CommentConverter
    )


class _NoRewrite:
    """Comments keep their links: they are the readers' words, not the blog's files."""

    def rewrite_url(self, url):
        return url

    def gallery(self, ids):
        return []
