"""The text of `_headers` and `_redirects`, from settings and redirect pairs (pure functions).

Netlify and Cloudflare Pages read both files from the site's root folder.
`_headers` holds a path pattern, then its headers indented below it; every
rule whose pattern matches a path adds its headers, so the Cache-Control
rules are kept apart from one another (see pressless.core.hosting).
`_redirects` holds `from to status` lines, first match wins.
"""

from urllib.parse import urlsplit

from pressless.core.redirects import redirect_file_lines
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


def csp_sources(config, gravatar=False, isso_url=None):
    """{directive: [sources]}: the policy with what the comment settings need added.

    Gravatar images and an isso server are the only hosts the blog may talk
    to, and only when the author turned them on.
    """
    policy = {name: list(sources) for name, sources in config.csp.items()}

    def allow(directive, source):
        sources = policy.setdefault(directive, [])
        if source and source not in sources:
            sources.append(source)

    if gravatar:
        allow("img-src", GRAVATAR_ORIGIN)
    if isso_url:
        allow("connect-src", origin_of(isso_url))
    for directive, sources in config.csp_extra.items():
        for source in sources:
            allow(directive, source)
    return policy


def content_security_policy(config, **comment_hosts):
    """The Content-Security-Policy header's value."""
    policy = csp_sources(config, **comment_hosts)
    return "; ".join(f"{name} {' '.join(sources)}".strip() for name, sources in policy.items())


def headers_file(config, site, **comment_hosts):
    """The text of `_headers`."""
    policy = content_security_policy(config, **comment_hosts)
    every_page = {"Content-Security-Policy": policy, **config.headers}
    blocks = [(url_path(site, "*"), every_page)]
    for pattern, cache_control in config.cache_rules:
        blocks.append((url_path(site, pattern), {"Cache-Control": cache_control}))
    lines = ["# Written by the hosting plugin (Netlify, Cloudflare Pages): plugins/hosting/README.md"]
    for pattern, headers in blocks:
        lines.append(pattern)
        lines += [f"  {name}: {value}" for name, value in headers.items()]
    return "\n".join(lines) + "\n"


def redirects_file(config, site, redirects):
    """The text of `_redirects`: every Redirect_From pair, then the 404 page for the rest."""
    site_path = urlsplit(site or "").path
    lines = ["# Written by the hosting plugin (Netlify, Cloudflare Pages): plugins/hosting/README.md"]
    lines += redirect_file_lines(redirects, site_path, config.redirect_status)
    if config.not_found_page:
        lines.append(f"{url_path(site, '*')} {url_path(site, config.not_found_page)} 404")
    return "\n".join(lines) + "\n"
