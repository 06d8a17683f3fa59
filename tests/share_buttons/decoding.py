"""Read share URLs back the way each network's server reads them.

Written from the networks' documented query formats, independently of
plugins/share_buttons/networks.py, so a wrong encoding shows up as a wrong
decoded value. Query strings are parsed as form data (`+` means a space,
as the networks' servers read it); mailto: per RFC 6068 (`+` is a plus).
"""

from urllib.parse import parse_qs, unquote, urlsplit

# Network name -> (host, path) its share URL must point at.
ENDPOINTS = {
    "x": ("x.com", "/intent/tweet"),
    "facebook": ("www.facebook.com", "/sharer/sharer.php"),
    "linkedin": ("www.linkedin.com", "/sharing/share-offsite/"),
    "reddit": ("www.reddit.com", "/submit"),
    "hackernews": ("news.ycombinator.com", "/submitlink"),
    "bluesky": ("bsky.app", "/intent/compose"),
    "threads": ("www.threads.net", "/intent/post"),
    "telegram": ("t.me", "/share/url"),
    "whatsapp": ("wa.me", "/"),
    "pinterest": ("www.pinterest.com", "/pin/create/button/"),
    "tumblr": ("www.tumblr.com", "/widgets/share/tool"),
    "pocket": ("getpocket.com", "/save"),
}


def query_values(url):
    """{name: value} of an https share URL; a repeated name is an error."""
    parts = urlsplit(url)
    assert parts.scheme == "https", url
    assert not parts.fragment, f"a fragment cut the query short: {url}"
    values = parse_qs(parts.query, keep_blank_values=True, strict_parsing=True)
    assert all(len(v) == 1 for v in values.values()), url
    return {key: value[0] for key, value in values.items()}


def mailto_values(url):
    parts = urlsplit(url)
    assert parts.scheme == "mailto" and not parts.path, url
    values = {}
    for field in parts.query.split("&"):
        name, _, value = field.partition("=")
        values[unquote(name)] = unquote(value)
    return values


def split_text(text):
    """'TITLE URL' -> (TITLE, URL); a URL has no spaces, so the last one splits."""
    title, _, url = text.rpartition(" ")
    return title, url


def decode(network, url):
    """(post URL, post title or None) as the network will read them."""
    if network == "email":
        values = mailto_values(url)
        return values["body"].rpartition("\r\n\r\n")[2], values["subject"]
    host, path = ENDPOINTS[network]
    parts = urlsplit(url)
    assert (parts.hostname, parts.path) == (host, path), url
    values = query_values(url)
    if network in ("bluesky", "threads", "whatsapp"):
        title, post_url = split_text(values["text"])
        return post_url, title
    if network in ("facebook", "linkedin"):
        return values["u" if network == "facebook" else "url"], None
    if network == "hackernews":
        return values["u"], values["t"]
    if network == "telegram":
        return values["url"], values["text"]
    if network == "x":
        return values["url"], values["text"]
    if network == "pinterest":
        return values["url"], values["description"]
    if network == "tumblr":
        return values["canonicalUrl"], values["title"]
    return values["url"], values["title"]


def decode_mastodon(url):
    """(instance host, post URL, title) from https://INSTANCE/share?text=..."""
    parts = urlsplit(url)
    assert parts.path == "/share", url
    title, post_url = split_text(query_values(url)["text"])
    return parts.hostname, post_url, title
