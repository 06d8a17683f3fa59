"""Read a WordPress export (WXR 1.0 to 1.2) item by item, in bounded memory.

The file is parsed as a stream (iterparse) by defusedxml, which refuses
entity declarations and external references: an export never needs them,
and they are how a hostile file reads local files or expands a few bytes
into gigabytes. Each <item> is handed out as a model.Item and then dropped
from the tree, so memory holds one item at a time, however big the file.

WXR versions differ in their namespace URIs (http://wordpress.org/export/1.0/
to https://wordpress.org/export/1.2/), so elements are matched by a short
prefix derived from the namespace, not by the URI.
"""

import html
from xml.etree.ElementTree import ParseError

from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml.ElementTree import iterparse

from .model import Channel, Item, Term, WxrComment


class ExportError(Exception):
    """An export that cannot be read; the message is one line naming the file."""


_FIXED_PREFIXES = {
    "http://purl.org/rss/1.0/modules/content/": "content",
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://wellformedweb.org/CommentAPI/": "wfw",
}


def _prefix(namespace):
    if "wordpress.org/export/" in namespace:
        return "excerpt" if namespace.rstrip("/").endswith("excerpt") else "wp"
    return _FIXED_PREFIXES.get(namespace, namespace)


def short_name(tag):
    """'{https://wordpress.org/export/1.2/}post_id' -> 'wp:post_id'; 'title' -> 'title'."""
    if tag.startswith("{"):
        namespace, _, local = tag[1:].partition("}")
        return f"{_prefix(namespace)}:{local}"
    return tag


def _text(element):
    return (element.text or "").strip()


def _children(element):
    """(short name, element) for each child."""
    return [(short_name(child.tag), child) for child in element]


def _comment(element):
    values = {name: child.text or "" for name, child in _children(element)}
    return WxrComment(
        id=values.get("wp:comment_id", "").strip(),
        # WordPress stores names with HTML entities (&amp;, &#8217;); decode them once.
        author=html.unescape(values.get("wp:comment_author", "").strip()),
        email=values.get("wp:comment_author_email", "").strip(),
        url=values.get("wp:comment_author_url", "").strip(),
        date=values.get("wp:comment_date", "").strip(),
        date_gmt=values.get("wp:comment_date_gmt", "").strip(),
        content=values.get("wp:comment_content", ""),
        approved=values.get("wp:comment_approved", "1").strip(),
        type=values.get("wp:comment_type", "").strip(),
        parent=values.get("wp:comment_parent", "0").strip() or "0",
    )


_ITEM_FIELDS = {
    "title": "title",
    "link": "link",
    "dc:creator": "creator",
    "content:encoded": "content",
    "excerpt:encoded": "excerpt",
    "wp:post_id": "post_id",
    "wp:post_date": "post_date",
    "wp:post_date_gmt": "post_date_gmt",
    "wp:post_modified": "post_modified",
    "wp:post_modified_gmt": "post_modified_gmt",
    "wp:post_name": "post_name",
    "wp:status": "status",
    "wp:post_parent": "post_parent",
    "wp:post_type": "post_type",
    "wp:post_password": "post_password",
    "wp:is_sticky": "is_sticky",
    "wp:attachment_url": "attachment_url",
}
# Bodies keep their whitespace: wpautop reads blank lines as paragraph breaks.
_RAW_FIELDS = {"content", "excerpt"}


def _item(element):
    item = Item()
    for name, child in _children(element):
        if name in _ITEM_FIELDS:
            attribute = _ITEM_FIELDS[name]
            setattr(item, attribute, (child.text or "") if attribute in _RAW_FIELDS else _text(child))
        elif name == "category" and child.get("domain"):
            item.terms.append(
                Term(child.get("domain"), child.get("nicename", ""), html.unescape(_text(child)))
            )
        elif name == "wp:postmeta":
            values = {key: child_value.text or "" for key, child_value in _children(child)}
            item.meta.setdefault(values.get("wp:meta_key", "").strip(), values.get("wp:meta_value", ""))
        elif name == "wp:comment":
            item.comments.append(_comment(child))
    return item


def _read_channel_field(channel, name, element):
    if name == "title":
        channel.title = html.unescape(_text(element))
    elif name == "link":
        channel.link = _text(element)
    elif name == "wp:base_site_url":
        channel.base_site_url = _text(element)
    elif name == "wp:base_blog_url":
        channel.base_blog_url = _text(element)
    elif name == "wp:wxr_version":
        channel.wxr_version = _text(element)
    elif name == "wp:author":
        values = {child_name: _text(child) for child_name, child in _children(element)}
        login = values.get("wp:author_login", "")
        if login:
            channel.authors[login] = html.unescape(values.get("wp:author_display_name") or login)


def iter_items(path, channel=None):
    """Yield every <item> of the export at `path` as an Item.

    `channel` (a model.Channel) is filled with the site's facts as they are
    read; WordPress writes them before the first item. Raises ExportError
    with one line for a file that is not a readable, harmless export.
    """
    channel = channel if channel is not None else Channel()
    depth, channel_element, saw_channel = 0, None, False
    try:
        for event, element in iterparse(str(path), events=("start", "end")):
            if event == "start":
                depth += 1
                if depth == 1 and element.tag != "rss":
                    raise ExportError(
                        f"{path}: not a WordPress export (the root is <{element.tag}>, not <rss>)"
                    )
                if depth == 2 and element.tag == "channel":
                    channel_element, saw_channel = element, True
                continue
            depth -= 1
            if depth == 2 and channel_element is not None:
                name = short_name(element.tag)
                if name == "item":
                    yield _item(element)
                else:
                    _read_channel_field(channel, name, element)
                channel_element.remove(element)  # one item in memory at a time
    except (EntitiesForbidden, DTDForbidden) as error:
        raise ExportError(
            f"{path}: the export declares XML entities ({getattr(error, 'name', '') or 'a DTD'}); "
            "WordPress never writes them, and they can read local files or expand without limit, "
            "so the file was not read"
        ) from None
    except ExternalReferenceForbidden:
        raise ExportError(
            f"{path}: the export refers to an external file or URL; WordPress never does, "
            "so the file was not read"
        ) from None
    except ParseError as error:
        line, column = getattr(error, "position", (0, 0))
        reason = str(error).split(":")[0]
        raise ExportError(
            f"{path}:{line}: not well-formed XML ({reason}, column {column}); "
            "export the site again from Tools > Export"
        ) from None
    except OSError as error:
        raise ExportError(f"{path}: cannot be read ({error.strerror or error})") from None
    if not saw_channel:
        raise ExportError(f"{path}: not a WordPress export (no <channel> in the <rss> file)")
