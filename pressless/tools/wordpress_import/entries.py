"""One WordPress post or page into the header and body of a Markdown file.

Categories: the first becomes `Category` (Pressless has one per post); the
others become tags, next to the post's own tags, so no grouping is lost.
"""

import html
import re
from dataclasses import dataclass

from pelican.settings import DEFAULT_CONFIG
from pelican.utils import slugify

from pressless.core.header import write_header

from .dates import wordpress_date

DRAFT, HIDDEN = "draft", "hidden"
_TAG = re.compile(r"<[^>]*>")


@dataclass(frozen=True)
class EntryPlan:
    """What pass one decided for a post or page: its kind, slug and fate."""

    kind: str  # 'post' or 'page'
    slug: str
    status: str | None  # None (published), 'draft' or 'hidden'
    future: bool = False
    password: bool = False

    @property
    def folder(self):
        return "posts" if self.kind == "post" else "pages"

    @property
    def relative_path(self):
        return f"{self.folder}/{self.slug}.md"


def plan_status(item):
    """(Status header or None, is scheduled, is password-protected) of a WordPress status."""
    if item.post_password:
        # A static page cannot ask for a password: keep it out of the published site.
        return DRAFT, False, True
    status = item.status
    if status == "private":
        return HIDDEN, False, False
    if status in ("draft", "pending", "auto-draft"):
        return DRAFT, False, False
    return None, status == "future", False


def plain_title(raw):
    """A title as Pelican shows it (HTML): entities decoded once, tags dropped, re-escaped."""
    text = html.unescape(_TAG.sub("", raw or "")).strip()
    return html.escape(" ".join(text.split()), quote=False)


def _term_name(name):
    # A comma would split one tag in two: Pelican splits Tags on commas.
    return " ".join(name.replace(",", " ").split())


def categories_and_tags(item):
    categories = [_term_name(term.name) for term in item.terms if term.domain == "category"]
    tags = [_term_name(term.name) for term in item.terms if term.domain == "post_tag"]
    category = categories[0] if categories else None
    # Names Pelican would give one slug ('Template' and 'template') are one tag.
    by_slug = {}
    for name in tags + categories[1:]:
        if name and name.lower() != "uncategorized":
            by_slug.setdefault(slugify(name, regex_subs=DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"]), name)
    return category, list(by_slug.values())


def entry_text(item, plan, *, author, body, summary, image=None, image_alt=None, redirects=()):
    """The Markdown file's text for one post or page."""
    category, tags = categories_and_tags(item) if plan.kind == "post" else (None, [])
    fields = [
        ("Title", plain_title(item.title) or "(no title)"),
        ("Date", wordpress_date(item.post_date, item.post_date_gmt)),
        ("Modified", _modified(item)),
        ("Slug", plan.slug),
        ("Category", category),
        ("Tags", ", ".join(tags) or None),
        ("Author", author or None),
        ("Summary", summary or None),
        ("Status", plan.status),
        ("Sticky", "true" if plan.kind == "post" and item.is_sticky == "1" else None),
        ("Image", image),
        ("Image_Alt", image_alt if image else None),
        ("Redirect_From", ", ".join(redirects) or None),
    ]
    return write_header(fields, body)


def _modified(item):
    # Both are 'YYYY-MM-DD HH:MM:SS' in the blog's time: compared as written.
    if item.post_modified and item.post_modified > item.post_date:
        return wordpress_date(item.post_modified, item.post_modified_gmt)
    return None
