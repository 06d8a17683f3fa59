"""Issue 13, point 5: the search page as WordPress shows it, and no draft in a published index.

"Search Results for: QUERY" heads the page and names the window; the query
stays in the page's box and the sidebar's. A publish build's Pagefind index
(read from its fragment files) holds no draft, while the preview's does.
"""

import gzip
import json

import pytest

from tests.fixtures.blog import POSTS
from tests.fixtures.blog.metadata import headers

FRAGMENT_PREFIX = b"pagefind_dcd"


def indexed_pages(built):
    """[(url, content)] of every page in a built site's Pagefind index."""
    pages = []
    for fragment in sorted((built.root / "pagefind" / "fragment").glob("*.pf_fragment")):
        raw = gzip.decompress(fragment.read_bytes())
        assert raw.startswith(FRAGMENT_PREFIX)
        data = json.loads(raw[len(FRAGMENT_PREFIX):])
        pages.append((data["url"], data["content"]))
    return pages


def _drafts():
    drafts = [h for h in headers(POSTS).values() if h.get("status") == "draft"]
    assert drafts, "the test blog has a draft"
    return drafts


def test_a_publish_build_never_indexes_a_draft(site, published_site):
    published = indexed_pages(published_site)
    assert len(published) >= 10
    for draft in _drafts():
        assert not any(url.startswith("/drafts/") or f"/{draft['slug']}/" in url for url, _ in published)
        assert not any(draft["title"] in content for _, content in published), draft["title"]
        # The preview shows drafts (and finds them), so the check above can fail.
        assert any(f"/drafts/{draft['slug']}/" == url for url, _ in indexed_pages(site))


@pytest.mark.browser
def test_search_results_are_titled_with_the_query_kept_in_both_boxes(page, site_url):
    page.goto(site_url + "/search/?q=tomatoes", wait_until="networkidle")
    assert page.locator("h1.page-title").inner_text() == "Search Results for: tomatoes"
    assert page.title().startswith("Search Results for: tomatoes – ")
    assert page.locator("#widget-search-field").input_value() == "tomatoes"
    assert page.locator("#search-page-field").input_value() == "tomatoes"
    page.locator(".search-result").first.wait_for()
    assert "result" in page.locator("#search-status").inner_text()


@pytest.mark.browser
def test_the_query_is_shown_as_text(page, site_url):
    page.goto(site_url + "/search/?q=%3Cb%3Ebold%3C%2Fb%3E", wait_until="networkidle")
    title = page.locator("h1.page-title")
    assert title.inner_text() == "Search Results for: <b>bold</b>"
    assert title.locator("b").count() == 0


@pytest.mark.browser
def test_without_a_query_the_page_is_plain_search(page, site_url):
    page.goto(site_url + "/search/", wait_until="networkidle")
    assert page.locator("h1.page-title").inner_text() == "Search"
    assert page.locator("#widget-search-field").input_value() == ""
