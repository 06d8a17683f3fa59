"""A small blog of our own for the publish tests: 4 posts and a page.

Written by the tests into a temporary folder (never the repository's
content/), with a settings file that starts from publishconf.py.
"""

import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# A name reserved for testing (RFC 2606): publish accepts it, nobody owns it.
SITE_URL = "https://blog.pressless.test"

POSTS = {
    "first-light": ("First Light", "2025-03-02 08:00", "Notes", "cameras, mornings",
                    "The first post: a morning walk with an old camera."),
    "the-shed": ("The Shed Rebuild", "2025-05-17 18:30", "Projects", "wood, weekends",
                 "Four weekends, one shed, and a roof that no longer leaks."),
    "seed-swap": ("A Seed Swap in the Library", "2025-08-09 10:15", "Notes", "garden",
                  "Tomatoes, beans and a surprising amount of paperwork."),
    "winter-bread": ("Winter Bread", "2025-12-01 07:45", "Kitchen", "baking, mornings",
                     "A rye loaf that takes two days and is worth both of them."),
}


# A 1×1 icon: the ICO header, one directory entry, a 32-bit bitmap and its mask.
FAVICON = (
    bytes.fromhex("000001000100010100000100200030000000160000002800000001000000020000000100200000000000")
    + bytes(12) + bytes.fromhex("3366ccff") + bytes(4)
)


def post_text(slug, body_extra=""):
    title, date, category, tags, summary = POSTS[slug]
    return textwrap.dedent(f"""\
        Title: {title}
        Date: {date}
        Category: {category}
        Tags: {tags}
        Slug: {slug}
        Summary: {summary}

        {summary}

        A second paragraph, so the page has a body worth indexing for search.
        {body_extra}
        """)


def write_content(folder):
    """The fixture blog's content folder; returns it."""
    content = Path(folder)
    (content / "posts").mkdir(parents=True, exist_ok=True)
    (content / "pages").mkdir(parents=True, exist_ok=True)
    for slug in POSTS:
        (content / "posts" / f"{slug}.md").write_text(post_text(slug), encoding="utf-8")
    # The theme links /favicon.ico from every page (pelicanconf's EXTRA_PATH_METADATA).
    (content / "extra").mkdir(exist_ok=True)
    (content / "extra" / "favicon.ico").write_bytes(FAVICON)
    (content / "pages" / "about.md").write_text(
        "Title: About\n\nA test blog that the publish tests build and publish.\n", encoding="utf-8"
    )
    return content


def write_settings(folder, content, site_url=SITE_URL, **overrides):
    """A settings file starting from publishconf.py; `overrides` are Python values."""
    lines = [
        "import sys",
        f"sys.path.insert(0, {str(ROOT)!r})",
        "from publishconf import *  # noqa",
        f"PATH = {str(content)!r}",
        f"SITEURL = {site_url!r}",
        "FEED_DOMAIN = SITEURL",
        *(f"{name} = {value!r}" for name, value in overrides.items()),
    ]
    path = Path(folder) / "publishconf_test.py"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def change_post(content, slug, words):
    """Change one post's body (not its title or summary: the sidebar lists titles)."""
    (Path(content) / "posts" / f"{slug}.md").write_text(post_text(slug, words), encoding="utf-8")
