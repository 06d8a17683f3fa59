"""Images with captions ([caption] and Gutenberg's figure) as clean HTML figures.

Markdown has no figure, so a captioned image is kept as one raw HTML block:
the image (with its alt text, size and link), and the caption as a
<figcaption>. Everything is rebuilt from parsed parts, so stray WordPress
attributes (inline styles, srcset pointing at the old host) never get through.
"""

import html
import re

from bs4 import BeautifulSoup

_SAFE_CLASS = re.compile(r"^(align(left|right|center|none)|size-[\w-]+)$")
_INLINE_TAGS = ("a", "em", "strong", "i", "b", "code", "br", "abbr", "cite", "sub", "sup", "span")


def _attribute(value):
    return html.escape(value or "", quote=True)


def _caption_html(node):
    """The caption's inline HTML: text and a few inline tags, attributes only on links."""
    parts = []
    for child in node.children:
        if isinstance(child, str):
            parts.append(html.escape(str(child), quote=False))
        elif child.name in _INLINE_TAGS:
            inner = _caption_html(child)
            if child.name == "br":
                parts.append("<br>")
            elif child.name == "a" and child.get("href"):
                parts.append(f'<a href="{_attribute(child["href"])}">{inner}</a>')
            elif child.name in ("span", "a"):
                parts.append(inner)
            else:
                parts.append(f"<{child.name}>{inner}</{child.name}>")
        else:
            parts.append(_caption_html(child))
    return "".join(parts)


def figure_html(inner_html, caption=None, align=""):
    """A <figure> for the first image in `inner_html`, or None when there is none.

    `caption` is the [caption caption="..."] attribute; without it the text
    beside the image is the caption (the older [caption] form, and
    Gutenberg's <figcaption>).
    """
    soup = BeautifulSoup(inner_html, "html.parser")
    image = soup.find("img")
    if image is None or not image.get("src"):
        return None
    link = image.find_parent("a")
    figcaption = soup.find("figcaption")
    if caption:
        caption_markup = html.escape(caption, quote=False)
    else:
        caption_source = figcaption if figcaption is not None else soup
        (link or image).extract()
        caption_markup = _caption_html(caption_source).strip()
    size = "".join(
        f' {key}="{_attribute(image[key])}"'
        for key in ("width", "height")
        if str(image.get(key, "")).isdigit()
    )
    image_tag = f'<img src="{_attribute(image["src"])}" alt="{_attribute(image.get("alt", ""))}"{size}>'
    if link is not None and link.get("href"):
        image_tag = f'<a href="{_attribute(link["href"])}">{image_tag}</a>'
    classes = ["wp-caption"] + [name for name in (align,) if name and _SAFE_CLASS.match(name)]
    caption_tag = f"<figcaption>{caption_markup}</figcaption>" if caption_markup else ""
    return f'<figure class="{" ".join(classes)}">{image_tag}{caption_tag}</figure>'
