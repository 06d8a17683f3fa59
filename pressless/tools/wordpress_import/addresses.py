"""The addresses a post had on the old blog, and links between imported posts.

Pressless keeps WordPress's default permalinks (/YYYY/MM/DD/slug/). When the
old blog used another structure (/?p=123, /slug/, /archives/123,
/%category%/%postname%/), the item's <link> is not the new address, and the
old one goes into the post's `Redirect_From:` header. `/?p=ID` (posts) and
`/?page_id=ID` (pages) are added always: every WordPress answers them, and
they are what shortlinks and many old links use.
"""

import re
from urllib.parse import unquote, urlsplit


def blog_root(channel):
    """The path the old blog lived under: '' for a site at the root, '/blog' below it."""
    for url in (channel.base_blog_url, channel.link):
        if url:
            return urlsplit(url).path.rstrip("/")
    return ""


def old_path(link, root):
    """An item's <link> as a site-relative path with its query, e.g. '/archives/12'."""
    parts = urlsplit((link or "").strip())
    path = re.sub(r"/{2,}", "/", parts.path or "/")
    if root and (path == root or path.startswith(root + "/")):
        path = path[len(root):] or "/"
    if not path.startswith("/"):
        path = "/" + path
    return path + (f"?{parts.query}" if parts.query else "")


def _same_address(old, new_path):
    def normal(path):
        return unquote(path).rstrip("/").lower()

    return normal(old) == normal("/" + new_path.lstrip("/"))


def redirect_paths(item, kind, new_path, root):
    """The old addresses (site-relative) of a published post or page that differ from `new_path`."""
    paths = []
    if item.link:
        path = old_path(item.link, root)
        if path != "/" and not _same_address(path, new_path):
            paths.append(path)
    if item.post_id.isdigit():
        shortlink = f"/?p={item.post_id}" if kind == "post" else f"/?page_id={item.post_id}"
        if shortlink not in paths:
            paths.append(shortlink)
    # A value is one header line, comma-separated: a comma inside a path would split it.
    return [path.replace(",", "%2C") for path in paths]


def link_key(path):
    """How an old address is looked up: decoded, no trailing slash, lower case."""
    path_part, _, query = path.partition("?")
    key = unquote(path_part).rstrip("/").lower() or "/"
    return f"{key}?{query}" if query else key
