"""Old addresses of an entry that must keep answering: `Redirect_From:`.

A post moved from another blog (WordPress's `/?p=123`, `/archives/123`,
`/category/slug/`) lists the addresses it used to have, comma-separated,
each a site-relative path starting with '/':

    Redirect_From: /?p=123, /archives/123/

Plugins turn these into redirect pages and into the redirect files static
hosts read; both take the pairs from `entry_redirects`.
"""

from dataclasses import dataclass

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
