"""Start a new post: a draft with today's date and a slug from its title."""

import re
import unicodedata
from datetime import datetime
from pathlib import Path


def slugify(title):
    """ASCII, lower-case, hyphen-separated; accents folded (Café -> cafe)."""
    folded = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    return slug or "post"


def post_text(title, slug, now, category=None, tags=None, author=None):
    lines = [
        f"Title: {title}",
        f"Date: {now:%Y-%m-%d %H:%M}",
        f"Slug: {slug}",
        "Status: draft",
    ]
    if category:
        lines.append(f"Category: {category}")
    if tags:
        lines.append(f"Tags: {tags}")
    if author:
        lines.append(f"Author: {author}")
    lines.append("Summary: ")
    return "\n".join(lines) + "\n\nWrite your post here.\n"


def write_new_post(posts_dir, title, category=None, tags=None, author=None, now=None):
    """Write posts_dir/<slug>.md and return its path; never overwrite a file."""
    if not title.strip():
        raise ValueError("a post needs a title")
    if "\n" in title:
        raise ValueError("a title is one line")
    now = now or datetime.now()
    slug = slugify(title)
    path = Path(posts_dir) / f"{slug}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    text = post_text(title.strip(), slug, now, category, tags, author)
    try:
        with path.open("x", encoding="utf-8") as handle:
            handle.write(text)
    except FileExistsError:
        raise FileExistsError(f"{path} already exists; not overwriting it") from None
    return path
