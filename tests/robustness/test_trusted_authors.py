"""Authors are trusted, and the README says so plainly (issue 15, defect 11).

A title is HTML: its markup reaches every page through the sidebar's Recent
Posts, while the plain-text places get it without markup. The README must
say both, since nothing in the build stops an author's markup.
"""

import re

from tests.fixtures.blog import ROOT
from tests.site_model.helpers import post, run_build


def test_a_titles_markup_reaches_every_page_and_plain_places_get_text(tmp_path):
    files = {
        "posts/marked.md": post("A <em>marked</em> title", Slug="marked"),
        "posts/other.md": post("Other", date="2026-01-11 10:00"),
        "pages/about.md": "Title: About\n\nAbout the blog.\n",
    }
    code, log, site = run_build(tmp_path, files)
    assert code == 0, log
    pages = [page.relative_to(site.root).as_posix() for page in site.root.rglob("*.html")]
    soups = {page: site.soup("/" + page) for page in pages}
    with_sidebar = {page: soup for page, soup in soups.items() if soup.select(".widget")}
    assert len(with_sidebar) >= 10
    for page, soup in with_sidebar.items():
        recent = soup.select_one(".widget-recent-posts")
        assert recent.select_one("em").get_text() == "marked", page
    post_page = site.soup("/2026/01/10/marked/")
    assert post_page.title.get_text().startswith("A marked title")
    assert post_page.select_one('meta[property="og:title"]')["content"] == "A marked title"


def test_the_readme_says_authors_are_trusted():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Authors are trusted", 1)[1].split("\n#", 1)[0]
    text = re.sub(r"\s+", " ", section)
    assert "only let people you trust write posts and pages" in text
    assert "`Title` and `Summary` are HTML" in text
    assert "sidebar" in text and "on **every page**" in text
