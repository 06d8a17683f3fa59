"""What a web server should send with each file of a built site.

One answer for every place that needs it: the hosting plugin writes these
rules into `_headers` for Netlify and Cloudflare Pages, and `invoke publish`
sets them on every object it uploads to S3. Pages and feeds must be asked
for again on every visit (a new post shows at once); files whose names carry
a hash of their content never change and may be kept for a year.
"""

import mimetypes
from fnmatch import fnmatchcase
from pathlib import PurePosixPath

REVALIDATE = "public, max-age=0, must-revalidate"
ONE_DAY = "public, max-age=86400"
ONE_MONTH = "public, max-age=2592000"
IMMUTABLE = "public, max-age=31536000, immutable"

# (pattern of a site-relative path, Cache-Control), first match wins. Only
# folders, never file-name patterns: Netlify and Cloudflare Pages match
# `_headers` rules by path prefix, and add up every rule that matches.
DEFAULT_CACHE_RULES = (
    # Pagefind's index and fragments are named by their content's hash.
    ("pagefind/fragment/*", IMMUTABLE),
    ("pagefind/index/*", IMMUTABLE),
    ("pagefind/filter/*", IMMUTABLE),
    # The theme's CSS and scripts keep their names when they change: a day.
    ("theme/*", ONE_DAY),
    ("images/*", ONE_MONTH),
)
DEFAULT_CACHE_CONTROL = REVALIDATE

# Types Python's mimetypes table lacks or gets wrong for a static site.
CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".xml": "application/xml; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".svg": "image/svg+xml",
    ".ico": "image/x-icon",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".woff2": "font/woff2",
    ".wasm": "application/wasm",
    ".webmanifest": "application/manifest+json",
    # Pagefind's index files: binary, read by its script.
    ".pagefind": "application/wasm",
    ".pf_meta": "application/octet-stream",
    ".pf_index": "application/octet-stream",
    ".pf_fragment": "application/octet-stream",
    ".pf_filter": "application/octet-stream",
}
# Feed files are .xml; their readers want to be told which kind.
FEED_TYPES = {"atom.xml": "application/atom+xml; charset=utf-8"}


def cache_control(relative_path, rules=DEFAULT_CACHE_RULES, default=DEFAULT_CACHE_CONTROL):
    """The Cache-Control for a site-relative path like 'theme/css/style.css'."""
    path = relative_path.lstrip("/")
    for pattern, value in rules:
        if fnmatchcase(path, pattern.lstrip("/")):
            return value
    return default


def content_type(relative_path):
    """The Content-Type a file is served with (octet-stream when unknown)."""
    path = PurePosixPath(relative_path)
    if path.name in FEED_TYPES:
        return FEED_TYPES[path.name]
    suffix = path.suffix.lower()
    if suffix in CONTENT_TYPES:
        return CONTENT_TYPES[suffix]
    guessed, _ = mimetypes.guess_type(path.name)
    return guessed or "application/octet-stream"
