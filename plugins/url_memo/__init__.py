"""URL memo: each post's and page's `url` and `save_as` computed once.

Pelican's Content.url is a property that formats ARTICLE_URL (and friends)
from a fresh copy of the metadata on every access, and templates ask for it
tens of thousands of times a build (every listing, sidebar, feed and
related-posts link). Once every generator has finished its context, nothing
changes a URL any more, so each object's class is swapped for a subclass of
the same name that keeps the first answer.
"""

import functools

from pelican import signals

ENTRY_LISTS = (
    "articles", "translations", "drafts", "drafts_translations", "hidden_articles",
    "hidden_translations", "pages", "hidden_pages", "draft_pages", "draft_translations",
)


def _remembered(name):
    def get(self):
        memo = self.__dict__.setdefault("_url_memo", {})
        if name not in memo:
            memo[name] = getattr(super(type(self), self), name)
        return memo[name]

    return property(get)


@functools.cache
def memoizing(cls):
    """A subclass of `cls` with the same name (Pelican builds setting names from it)."""
    members = {
        "url": _remembered("url"),
        "save_as": _remembered("save_as"),
        "_is_url_memo": True,
        "__module__": cls.__module__,
    }
    return type(cls.__name__, (cls,), members)


def remember_urls(generators):
    for generator in generators:
        for kind in ENTRY_LISTS:
            for entry in getattr(generator, kind, None) or []:
                if not getattr(type(entry), "_is_url_memo", False):
                    entry.__class__ = memoizing(type(entry))


def register():
    signals.all_generators_finalized.connect(remember_urls)
