"""Helpers for foundation tests: reading the test blog's own metadata.

Expectations come from the Markdown sources, so a test checks that the
build shows what the author wrote, not a copy of earlier output.
"""

from pathlib import Path

from pelican.settings import read_settings

from pressless.core.header import read_header
from tests.fixtures.blog import PAGES, POSTS, PREVIEW_SETTINGS  # noqa: F401 (PAGES: for the tests)

ROOT = Path(__file__).resolve().parents[2]
# Posts per listing page, as the preview build (pelicanconf.py) sets it.
PER_PAGE = read_settings(str(PREVIEW_SETTINGS))["DEFAULT_PAGINATION"]


def headers(folder):
    """{file stem: {key: value}} for every Markdown file in a folder."""
    return {
        path.stem: {key: field.value for key, field in read_header(path.read_text()).fields.items()}
        for path in sorted(folder.glob("*.md"))
    }


def published_posts():
    return {
        stem: header
        for stem, header in headers(POSTS).items()
        if header.get("status", "published").lower() == "published"
    }


def split_list(value):
    return [item.strip() for item in value.split(",") if item.strip()]


def post_authors(header):
    return split_list(header.get("authors") or header.get("author", ""))
