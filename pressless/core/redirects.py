"""Old addresses of an entry that must keep answering: `Redirect_From:`.

A post moved from another blog (WordPress's `/?p=123`, `/archives/123`,
`/category/slug/`) lists the addresses it used to have, comma-separated,
each a site-relative path starting with '/':

    Redirect_From: /?p=123, /archives/123/

Plugins turn these into redirect pages and into the redirect files static
hosts read; both take the pairs from `entry_redirects`.
"""

from dataclasses import dataclass
from urllib.parse import parse_qsl, unquote

METADATA_KEY = "redirect_from"


@dataclass(frozen=True)
class Redirect:
    old: str  # '/?p=123' or '/archives/123/': a path, maybe with a query
    new: str  # the entry's site-relative URL, e.g. '2026/03/14/slug/'
    source: str  # the file that asked for it


def old_paths(value):
    """The paths a `Redirect_From:` value lists, in order, without repeats."""
    if not value:
        return []
    items = value if isinstance(value, list | tuple) else str(value).split(",")
    paths = []
    for item in items:
        path = str(item).strip()
        if path and path not in paths:
            paths.append(path)
    return paths


def entry_redirects(entries):
    """Every Redirect the entries ask for, in entry order."""
    return [
        Redirect(old, entry.url, getattr(entry, "source_path", ""))
        for entry in entries
        for old in old_paths(entry.metadata.get(METADATA_KEY))
    ]


# -- Where each old address is answered (added for the WordPress importer) --
#
# A static host serves files: an old address that is a plain path gets a
# redirect page (plugins/redirects); one with a query string ('/?p=123')
# names no file and can only be answered by the host's redirect rules
# (the `_redirects` file the hosting plugin writes from these lines).

_PAGE_SUFFIXES = (".html", ".htm")


def is_plain_path(old):
    """True for an old address a static file can answer: '/archives/12/', not '/?p=12'."""
    return (
        old.startswith("/")
        and not old.startswith("//")
        and "?" not in old
        and "#" not in old
        and "\\" not in old
        and not any(ord(character) < 32 for character in old)
    )


def redirect_page_file(old):
    """The output file answering a plain old path, or None when none safely can.

    '/archives/12' and '/archives/12/' -> 'archives/12/index.html';
    '/old/page.html' -> 'old/page.html'. Percent-escapes are decoded, as the
    server decodes them before it looks for a file.
    """
    if not is_plain_path(old):
        return None
    path = unquote(old)
    segments = [segment for segment in path.split("/") if segment]
    if not segments or any(segment in (".", "..") for segment in segments) or "\x00" in path:
        return None
    if not path.endswith("/") and segments[-1].lower().endswith(_PAGE_SUFFIXES):
        return "/".join(segments)
    return "/".join([*segments, "index.html"])


def redirect_file_lines(redirects, site_path="", status=301):
    """Lines of a Netlify-style `_redirects` file: `old new status`.

    A query string is written as Netlify matches it, `key=value` fields after
    the path: '/?p=123' -> '/ p=123 /2026/03/14/slug/ 301'. `site_path` is the
    path the site is served under ('' at the root, '/blog' below it). The first
    entry to claim an old address keeps it; an address with a space cannot be
    written and is left out.
    """
    prefix = site_path.rstrip("/")
    lines, claimed = [], set()
    for redirect in redirects:
        path, _, query = redirect.old.partition("?")
        source = [f"{prefix}{path or '/'}"]
        source += [f"{key}={value}" for key, value in parse_qsl(query, keep_blank_values=True)]
        fields = [*source, f"{prefix}/{redirect.new.lstrip('/')}", str(status)]
        if any(" " in field for field in fields) or tuple(source) in claimed:
            continue
        claimed.add(tuple(source))
        lines.append(" ".join(fields))
    return lines
