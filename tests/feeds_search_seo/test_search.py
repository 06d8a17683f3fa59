"""Pagefind search: built with every build, bodies only, usable from the sidebar."""

import json
import re
from urllib.parse import urlsplit

from tests.fixtures.blog import PAGES

from .content import all_posts, listed_posts, live_posts, words

# Each result's URL and the words Pagefind marked as hits in its excerpt.
SEARCH_IN_PAGE = """async (word) => {
    const pagefind = await import("/pagefind/pagefind.js");
    const search = await pagefind.search(word);
    return Promise.all(search.results.map(async (r) => {
        const data = await r.data();
        const marks = [...data.excerpt.matchAll(/<mark>(.*?)<\\/mark>/g)].map((m) => m[1]);
        return {url: data.url, marks: marks.map((m) => m.toLowerCase())};
    }));
}"""


def indexed_page_count(built):
    entry = json.loads(built.path("/pagefind/pagefind-entry.json").read_text())
    return sum(language["page_count"] for language in entry["languages"].values())


def test_every_build_has_a_search_index_of_posts_and_pages_only(site, published_site):
    for built, posts in ((site, listed_posts()), (published_site, live_posts())):
        assert built.path("/pagefind/pagefind.js").is_file()
        marked = {
            built.url_of(f)
            for f in built.html_files()
            if "data-pagefind-body" in f.read_text(encoding="utf-8")
        }
        assert indexed_page_count(built) == len(marked)
        assert {p.path for p in posts} | {"/about/", "/colophon/"} <= marked
        assert marked.isdisjoint({"/", "/page/2/", "/archives/", "/categories/", "/search/"})
        assert not any(url.startswith(("/category/", "/tag/", "/author/")) for url in marked)


def test_search_page_works_without_javascript_and_loads_nothing_else(site):
    soup = site.soup("/search/")
    assert "needs JavaScript" in soup.find("noscript").get_text()
    scripts = [s["src"] for s in soup.find_all("script", src=True)]
    assert any(src.endswith("/js/site.js") for src in scripts)
    assert all(not urlsplit(src).netloc for src in scripts)
    assert not soup.find("script", src=False, type=lambda t: t != "application/ld+json")


def test_sidebar_search_box_is_a_labelled_get_form(site):
    for page in ("/", listed_posts()[0].path, "/about/"):
        form = site.soup(page).select_one("aside .widget-search form")
        assert form["method"] == "get"
        field = form.find("input", attrs={"name": "q"})
        assert form.find("label", attrs={"for": field["id"]}).get_text(strip=True)
        assert site.soup(page).select("aside .widget")[0] is form.find_parent(class_="widget")


def only_word_of_one_post():
    """A word in exactly one example post's body, and in no other post or page."""
    counts = {}
    for post in all_posts():
        for word in words(post.title + " " + post.body):
            counts.setdefault(word, []).append(post)
    pages_text = " ".join(p.read_text(encoding="utf-8").lower() for p in PAGES.glob("*.md"))
    for word in sorted(counts):
        only = counts[word]
        if len(only) == 1 and only[0].status == "published" and word not in pages_text:
            return word, only[0]
    raise AssertionError("no word is unique to one post")


def test_reader_searches_from_the_sidebar(page, site_url):
    word, post = only_word_of_one_post()
    page.goto(site_url + "/")
    sidebar = page.locator("aside")
    sidebar.get_by_label("Search this blog").fill(word)
    sidebar.get_by_role("button", name="Search").click()
    page.wait_for_url(re.compile(r"/search/\?q="))
    first = page.locator("#search-results-list li").first
    first.wait_for()
    link = first.get_by_role("link")
    assert urlsplit(link.get_attribute("href")).path == post.path
    assert link.inner_text().strip()
    assert word in first.locator(".search-result-excerpt mark").first.inner_text().lower()
    assert "result" in page.locator("#search-status").inner_text()


def test_sidebar_menu_and_listing_words_are_not_indexed(page, site_url, site):
    home = site.soup("/")
    body_words = set()
    for f in site.html_files():
        if "data-pagefind-body" in f.read_text(encoding="utf-8"):
            for body in site.soup(site.url_of(f)).select("[data-pagefind-body]"):
                body_words |= words(body.get_text(" "))
    sidebar_only = sorted(words(home.select_one("aside").get_text(" ")) - body_words, key=len)
    listing_only = sorted(words(home.select_one("main").get_text(" ")) - body_words, key=len)
    assert sidebar_only and listing_only
    page.goto(site_url + "/search/")
    for word in (sidebar_only[-1], listing_only[-1]):
        # Pagefind forgives typos, so a word may find near spellings in posts;
        # it must never find the word itself.
        hits = page.evaluate(SEARCH_IN_PAGE, word)
        assert not [hit for hit in hits if word in hit["marks"]], word
    body_word = sorted(body_words, key=len)[-1]
    assert [hit for hit in page.evaluate(SEARCH_IN_PAGE, body_word) if body_word in hit["marks"]]
