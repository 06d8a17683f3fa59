"""The text of `_headers` and `_redirects`, from settings and redirect pairs (pure functions).

Netlify and Cloudflare Pages read both files from the site's root folder.
`_headers` holds a path pattern, then its headers indented below it; every
rule whose pattern matches a path adds its headers, so the Cache-Control
rules are kept apart from one another (see pressless.core.hosting).
`_redirects` holds `from to status` lines, first match wins.
"""

from urllib.parse import parse_qsl, urlsplit

from pressless.core.urls import url_path

# What the theme needs, and nothing more: its own files, no inline script or
# style anywhere, and 'wasm-unsafe-eval' for Pagefind's search index.
DEFAULT_CSP = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'wasm-unsafe-eval'"],
    "style-src": ["'self'"],
    "img-src": ["'self'"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "form-action": ["'self'"],
    "base-uri": ["'self'"],
    "object-src": ["'none'"],
    "frame-ancestors": ["'none'"],
}
DEFAULT_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
}
GRAVATAR_ORIGIN = "https://www.gravatar.com"


def origin_of(url):
    parts = urlsplit(url or "")
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


def csp_sources(settings):
    """{directive: [sources]}: the policy with what other settings need added.

    Gravatar images and an isso server are the only hosts the blog may talk
    to, and only when the author turned them on.
    """
    policy = {name: list(sources) for name, sources in settings["HOSTING_CSP"].items()}

    def allow(directive, source):
        sources = policy.setdefault(directive, [])
        if source and source not in sources:
            sources.append(source)

    if settings.get("COMMENTS_GRAVATAR"):
        allow("img-src", GRAVATAR_ORIGIN)
    if settings.get("COMMENTS_BACKEND") == "isso":
        allow("connect-src", origin_of(settings.get("COMMENTS_ISSO_URL")))
    for directive, sources in settings["HOSTING_CSP_EXTRA"].items():
        for source in sources:
            allow(directive, source)
    return policy


def content_security_policy(settings):
    """The Content-Security-Policy header's value."""
    return "; ".join(f"{name} {' '.join(sources)}".strip() for name, sources in csp_sources(settings).items())


def headers_file(settings):
    """The text of `_headers`."""
    site = settings["SITEURL"]
    every_page = {"Content-Security-Policy": content_security_policy(settings), **settings["HOSTING_HEADERS"]}
    blocks = [(url_path(site, "*"), every_page)]
    for pattern, cache_control in settings["HOSTING_CACHE_RULES"]:
        blocks.append((url_path(site, pattern), {"Cache-Control": cache_control}))
    lines = ["# Written by the hosting plugin (Netlify, Cloudflare Pages): plugins/hosting/README.md"]
    for pattern, headers in blocks:
        lines.append(pattern)
        lines += [f"  {name}: {value}" for name, value in headers.items()]
    return "\n".join(lines) + "\n"


def redirect_source(site, old):
    """The left side of a `_redirects` line for an old address.

    '/?p=123' becomes '/ p=123': Netlify matches query parameters written
    after the path, separated by spaces.
    """
    parts = urlsplit(old)
    path = url_path(site, parts.path or "/")
    params = [f"{name}={value}" for name, value in parse_qsl(parts.query, keep_blank_values=True)]
    return " ".join([path, *params])


def redirects_file(settings, redirects):
    """The text of `_redirects`: every Redirect_From pair, then the 404 page for the rest."""
    site, status = settings["SITEURL"], settings["HOSTING_REDIRECT_STATUS"]
    lines = ["# Written by the hosting plugin (Netlify, Cloudflare Pages): plugins/hosting/README.md"]
    seen = set()
    for redirect in redirects:
        source = redirect_source(site, redirect.old)
        if source in seen:
            continue  # the first entry to claim an old address keeps it
        seen.add(source)
        lines.append(f"{source}  {url_path(site, redirect.new)}  {status}")
    not_found = settings["HOSTING_NOT_FOUND_PAGE"]
    if not_found:
        lines.append(f"{url_path(site, '*')}  {url_path(site, not_found)}  404")
    return "\n".join(lines) + "\n"
