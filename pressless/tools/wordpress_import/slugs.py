"""WordPress slugs into Pressless slugs: decoded, URL-safe, unique per kind.

WordPress keeps a non-ASCII slug percent-encoded (`%e2%80%a6` for an
ellipsis, `%d0%bf%d1%80%d0%b8...` for Cyrillic). Written as it is, the `%`
ends up in a folder name and every link to the post breaks; decoded, it
may hold characters a URL cannot carry plainly. A slug is kept when its
decoded form is plain ASCII letters, digits, '-' and '_'; otherwise it goes
through Pelican's own slugify with the site's SLUG_REGEX_SUBSTITUTIONS,
as a title without a Slug would.
"""

import re
from urllib.parse import unquote

from pelican.settings import DEFAULT_CONFIG
from pelican.utils import slugify

_URL_SAFE = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")
# Page URLs are `/{slug}/`: a page must not take a folder the site uses for itself.
RESERVED_PAGE_SLUGS = frozenset(
    {"category", "tag", "author", "authors", "categories", "tags", "archives", "search", "feed",
     "page", "drafts", "share", "comments", "pagefind", "images", "theme", "extra"}
)


def safe_slug(post_name, title, fallback, regex_subs=None):
    """A URL-safe slug from WordPress's post_name, else the title, else `fallback`."""
    regex_subs = regex_subs if regex_subs is not None else DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"]
    decoded = unquote(post_name or "").strip()
    if _URL_SAFE.match(decoded):
        return decoded
    for source in (decoded, title):
        slug = slugify(source or "", regex_subs=regex_subs).strip("-_")
        if _URL_SAFE.match(slug):
            return slug
    return fallback


class SlugBook:
    """Hands out slugs so no two entries of one kind share one."""

    def __init__(self, reserved=()):
        self.taken = set(reserved)

    def claim(self, slug):
        candidate, number = slug, 2
        while candidate in self.taken:
            candidate, number = f"{slug}-{number}", number + 1
        self.taken.add(candidate)
        return candidate


def page_slug_base(slug):
    """A page slug that is no folder the site uses and no year archive."""
    if slug in RESERVED_PAGE_SLUGS or slug.isdigit():
        return f"{slug}-page"
    return slug
