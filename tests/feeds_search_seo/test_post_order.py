"""Sticky posts, scheduled posts, related posts and /page/N/ URLs on real builds."""

import math
from urllib.parse import urljoin, urlsplit

from pelican.settings import read_settings

from tests.fixtures.blog import PREVIEW_SETTINGS

from .conftest import AFTER, BEFORE
from .content import all_posts, listed_posts, live_posts, slug_of

PER_PAGE = read_settings(str(PREVIEW_SETTINGS))["DEFAULT_PAGINATION"]


def path_of(page, href):
    """The URL path a link on `page` leads to, whether relative or absolute."""
    return urlsplit(urljoin(page, href)).path


def listed_paths(built, page):
    soup = built.soup(page)
    return [path_of(page, a["href"]) for a in soup.select("main article.post h2.entry-title a")]


def front_pages(built):
    pages, page = [], "/"
    while page:
        pages.append(page)
        older = built.soup(page).select_one("nav.pagination a.nav-previous")
        page = path_of(page, older["href"]) if older else None
    return pages


def test_sticky_post_leads_the_front_page_with_a_label(site):
    sticky = [p for p in listed_posts() if p.sticky]
    assert sticky, "the example content has a sticky post"
    first = site.soup("/").select_one("main article.post")
    assert "sticky" in first["class"]
    assert urljoin("/", first.select_one("h2 a")["href"]) == sticky[0].path
    assert first.select_one(".entry-label").get_text(strip=True) == "Featured"
    shown = [path for page in front_pages(site) for path in listed_paths(site, page)]
    assert shown.count(sticky[0].path) == 1
    assert sorted(shown) == sorted(p.path for p in listed_posts())
    # Only the front page features it; its category keeps date order, unlabelled.
    category_page = f"/category/{slug_of(sticky[0].category)}/"
    assert not site.soup(category_page).select(".entry-label-featured")


def test_pagination_urls_are_wordpress_style(site):
    pages = front_pages(site)
    assert pages[1:] == [f"/page/{n}/" for n in range(2, len(pages) + 1)]
    assert len(pages) == math.ceil(len(listed_posts()) / PER_PAGE)
    assert site.soup("/page/2/").select_one("nav.pagination .page-number")
    # Listings of a category, tag or author use the same pattern.
    by_tag = {}
    for post in listed_posts():
        for tag in post.tags:
            by_tag.setdefault(tag, []).append(post)
    for tag, posts in by_tag.items():
        second = site.path(f"/tag/{slug_of(tag)}/page/2/")
        assert second.is_file() == (len(posts) > PER_PAGE), tag


def test_pagination_pattern_is_a_setting(summaries_and_custom_pages):
    pages = front_pages(summaries_and_custom_pages)
    assert pages[1] == "/p/2/"
    assert not summaries_and_custom_pages.path("/page/2/").exists()


def scheduled_example():
    scheduled = [p for p in listed_posts() if BEFORE < p.date < AFTER]
    assert scheduled, "the example content has a post scheduled between BEFORE and AFTER"
    return scheduled[0]


def test_scheduled_post_stays_out_of_publish_builds(publish_before_schedule):
    built, post = publish_before_schedule, scheduled_example()
    assert not built.path(post.path).exists()
    everything = [
        f.read_text(encoding="utf-8") for f in built.root.rglob("*") if f.suffix in (".html", ".xml", ".txt")
    ]
    assert not [text for text in everything if post.slug in text]
    assert not built.path(f"/{post.date:%Y}/").exists()  # no archive for its year alone
    assert sorted(p for page in front_pages(built) for p in listed_paths(built, page)) == sorted(
        p.path for p in listed_posts(BEFORE)
    )


def test_scheduled_post_is_published_on_its_date(publish_after_schedule):
    built, post = publish_after_schedule, scheduled_example()
    assert built.path(post.path).is_file()
    assert post.slug in built.text("/sitemap.xml")
    assert post.slug in built.text("/feed/atom.xml")
    assert not built.soup(post.path).select(".entry-label-scheduled")


def test_scheduled_post_shows_with_a_label_in_previews(preview_before_schedule):
    built, post = preview_before_schedule, scheduled_example()
    label = built.soup(post.path).select_one("article .entry-label-scheduled")
    assert label and label.get_text().startswith("Scheduled")
    listed = built.soup("/").select("main article.post")
    ours = [a for a in listed if urljoin("/", a.select_one("h2 a")["href"]) == post.path]
    assert ours and ours[0].select_one(".entry-label-scheduled")
    others = [p for p in listed_posts(BEFORE) if not p.sticky][:2]
    for other in others:
        assert not built.soup(other.path).select(".entry-label-scheduled")


def expected_related(post, candidates, limit=3):
    """The rule, from metadata: most shared tags, then same category, then newest."""
    ranked = []
    for other in candidates:
        if other.slug == post.slug:
            continue
        shared = len(set(post.tags) & set(other.tags))
        same_category = other.category == post.category
        if shared or same_category:
            ranked.append(((shared, same_category, other.date), other.path))
    return [path for _, path in sorted(ranked, reverse=True)[:limit]]


def related_on_page(built, post):
    links = built.soup(post.path).select(".related-posts a")
    return [path_of(post.path, a["href"]) for a in links]


def test_related_posts_under_each_post(site, published_site):
    for built, candidates in ((site, listed_posts()), (published_site, live_posts())):
        for post in candidates:
            assert related_on_page(built, post) == expected_related(post, candidates), post.slug
    example = next(p for p in all_posts() if p.sticky)
    assert len(related_on_page(site, example)) == 3


def test_drafts_are_never_suggested(site):
    drafts = {p.path for p in all_posts() if p.status == "draft"}
    assert drafts
    for post in listed_posts():
        assert drafts.isdisjoint(related_on_page(site, post))
