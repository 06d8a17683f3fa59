"""Absolute and site-relative URLs, computed one way for every plugin and tool."""

from urllib.parse import urlsplit


def site_url(settings):
    """SITEURL without its trailing slash ('' when unset)."""
    return (settings.get("SITEURL") or "").rstrip("/")


def absolute_url(site, path):
    """`path` (site-relative, like '2026/03/14/slug/') under the site's address."""
    return f"{site.rstrip('/')}/{path.lstrip('/')}"


def url_path(site, path):
    """The path a browser asks for, e.g. '/blog/2026/03/14/slug/'.

    A site served below a path ('https://example.org/blog') keeps that prefix:
    it is what readers' browsers (and a comment server such as isso) see.
    """
    prefix = urlsplit(site or "").path.rstrip("/")
    return f"{prefix}/{path.lstrip('/')}"


def url_for_file(site, relative_path):
    """The public URL of a written file: 'a/b/index.html' is served as 'a/b/'."""
    path = relative_path.replace("\\", "/")
    if path == "index.html" or path.endswith("/index.html"):
        path = path[: -len("index.html")]
    return absolute_url(site, path)


def is_local_address(site):
    """True for an address only this machine can open (127.0.0.1, localhost)."""
    host = (urlsplit(site or "").hostname or "").lower()
    return host in {"localhost", "::1"} or host.startswith("127.") or host.endswith(".localhost")
