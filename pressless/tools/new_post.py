"""Start a new post: a draft dated now (in the site's TIMEZONE) with a slug from its title."""

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from pelican.settings import DEFAULT_CONFIG
from pelican.utils import slugify as pelican_slugify

from pressless.core.header import write_header

# What an empty slug (a title of emoji alone) becomes.
FALLBACK_SLUG = "post"


def slugify(title, settings=None):
    """The slug Pelican itself would give the title (Über Straße -> uber-strasse)."""
    settings = {**DEFAULT_CONFIG, **(settings or {})}
    slug = pelican_slugify(
        title,
        regex_subs=settings["SLUG_REGEX_SUBSTITUTIONS"],
        preserve_case=settings["SLUGIFY_PRESERVE_CASE"],
        use_unicode=settings["SLUGIFY_USE_UNICODE"],
    )
    return slug or FALLBACK_SLUG


def post_text(title, slug, now, category=None, tags=None, author=None):
    """The new file's text. No Summary: the first words of the post serve until one is written."""
    fields = [
        ("Title", title),
        ("Date", f"{now:%Y-%m-%d %H:%M}"),
        ("Slug", slug),
        ("Status", "draft"),
        ("Category", category or None),
        ("Tags", tags or None),
        ("Author", author or None),
    ]
    return write_header(fields, "Write your post here.")


def site_now(settings):
    """Now, on the clock of the site's TIMEZONE (the zone Pelican reads a plain Date in)."""
    return datetime.now(ZoneInfo(settings.get("TIMEZONE") or "UTC"))


def write_new_post(posts_dir, title, category=None, tags=None, author=None, now=None, settings=None):
    """Write posts_dir/<slug>.md and return its path; never overwrite a file."""
    if not title.strip():
        raise ValueError("a post needs a title")
    if "\n" in title:
        raise ValueError("a title is one line")
    settings = settings or {}
    now = now or site_now(settings)
    slug = slugify(title, settings)
    path = Path(posts_dir) / f"{slug}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    text = post_text(title.strip(), slug, now, category, tags, author)
    try:
        with path.open("x", encoding="utf-8") as handle:
            handle.write(text)
    except FileExistsError:
        raise FileExistsError(f"{path} already exists; not overwriting it") from None
    return path
