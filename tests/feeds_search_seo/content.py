"""The example posts as their authors wrote them: expectations come from here.

Tests compare what the build shows with these Markdown headers, so they
check behaviour rather than a copy of earlier output.
"""

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from pelican.settings import DEFAULT_CONFIG
from pelican.utils import slugify

from pressless.core.header import read_header
from tests.fixtures.blog import POSTS

ROOT = Path(__file__).resolve().parents[2]
PUBLISH_URL = "https://pressless.example"
TIMEZONE = ZoneInfo("Europe/Berlin")


def slug_of(name):
    return slugify(name, regex_subs=DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"])


def split_list(value):
    return [item.strip() for item in (value or "").split(",") if item.strip()]


@dataclass(frozen=True)
class Post:
    slug: str
    title: str
    date: datetime
    modified: datetime | None
    category: str
    tags: tuple
    authors: tuple
    status: str
    sticky: bool
    image: str | None
    body: str

    @property
    def path(self):
        return f"/{self.date:%Y/%m/%d}/{self.slug}/"

    @property
    def published_url(self):
        return PUBLISH_URL + self.path


def _when(value):
    return datetime.fromisoformat(value).replace(tzinfo=TIMEZONE) if value else None


def read_post(path):
    text = path.read_text(encoding="utf-8")
    header = {key: field.value for key, field in read_header(text).fields.items()}
    return Post(
        slug=header.get("slug", path.stem),
        title=header["title"],
        date=_when(header["date"]),
        modified=_when(header.get("modified")),
        category=header["category"],
        tags=tuple(split_list(header.get("tags"))),
        authors=tuple(split_list(header.get("authors") or header.get("author"))),
        status=header.get("status", "published").lower(),
        sticky=header.get("sticky", "").lower() == "true",
        image=header.get("image"),
        body=text.split("\n\n", 1)[1],
    )


def all_posts():
    return [read_post(path) for path in sorted(POSTS.glob("*.md"))]


def listed_posts(now=None):
    """Posts a build lists: not drafts, and (if `now` is given) not after `now`."""
    return [p for p in all_posts() if p.status == "published" and (now is None or p.date <= now)]


def words(text):
    return set(re.findall(r"[a-z]{4,}", text.lower()))


def live_posts():
    """What the session builds list: they run on the real clock."""
    return listed_posts(datetime.now(UTC))
