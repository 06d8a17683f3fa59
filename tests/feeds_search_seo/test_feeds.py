"""Feeds: every feed parses, holds the right posts, whole and with plain titles."""

import re
from urllib.parse import urljoin

import feedparser
import pytest
from pelican.settings import read_settings

from tests.fixtures.blog import PREVIEW_SETTINGS

from .content import PUBLISH_URL, live_posts, slug_of


def entry_body(entry):
    return entry.content[0].value if "content" in entry else entry.summary


# Each feed holds its newest posts, as many as WordPress's default (pelicanconf.py).
FEED_MAX_ITEMS = read_settings(str(PREVIEW_SETTINGS))["FEED_MAX_ITEMS"]


def expected_feeds():
    """{feed path: set of post URLs} from the posts' own metadata: each feed's newest FEED_MAX_ITEMS."""
    newest_first = sorted(live_posts(), key=lambda post: post.date, reverse=True)
    feeds = {}
    for name in ("atom.xml", "index.xml"):
        feeds[f"feed/{name}"] = list(newest_first)
        for post in newest_first:
            feeds.setdefault(f"category/{slug_of(post.category)}/feed/{name}", []).append(post)
            for tag in post.tags:
                feeds.setdefault(f"tag/{slug_of(tag)}/feed/{name}", []).append(post)
            for author in post.authors:
                feeds.setdefault(f"author/{slug_of(author)}/feed/{name}", []).append(post)
    return {path: {post.published_url for post in posts[:FEED_MAX_ITEMS]} for path, posts in feeds.items()}


def test_feeds_hold_the_newest_posts_only(published_site):
    assert FEED_MAX_ITEMS == 10
    assert len(live_posts()) > FEED_MAX_ITEMS, "the test blog has more posts than a feed shows"
    parsed = feedparser.parse(published_site.root.joinpath("feed/atom.xml").read_bytes())
    assert len(parsed.entries) == FEED_MAX_ITEMS


def test_every_feed_parses_and_lists_the_right_posts(published_site):
    expected = expected_feeds()
    assert len(expected) > 20  # all posts, each category, tag and author, Atom and RSS
    for path, urls in expected.items():
        raw = published_site.root.joinpath(path).read_text(encoding="utf-8")
        titles = re.findall(r"<title>(.*?)</title>", raw)
        assert not [t for t in titles if "span" in t or "&lt;" in t], path
        parsed = feedparser.parse(raw.encode())
        assert not parsed.bozo, f"{path}: {parsed.get('bozo_exception')}"
        assert {entry.link for entry in parsed.entries} == urls, path
        assert len(parsed.entries) == len(urls), f"{path} lists a post twice"


def test_feeds_use_absolute_publish_urls(published_site):
    for path in expected_feeds():
        parsed = feedparser.parse(published_site.root.joinpath(path).read_bytes())
        assert parsed.feed.link.startswith(PUBLISH_URL + "/"), path
        for entry in parsed.entries:
            assert entry.link.startswith(PUBLISH_URL + "/"), path
            for link in re.findall(r'(?:href|src)="([^"]+)"', entry_body(entry)):
                # A feed reader has no page to resolve a relative link against.
                assert link.startswith(("https://", "http://", "mailto:")), (path, link)


def test_entries_carry_the_whole_post_with_plain_titles(published_site):
    posts = {p.published_url: p for p in live_posts()}
    atom = feedparser.parse(published_site.root.joinpath("feed/atom.xml").read_bytes())
    rss = feedparser.parse(published_site.root.joinpath("feed/index.xml").read_bytes())
    for parsed in (atom, rss):
        assert len(parsed.entries) == min(len(posts), FEED_MAX_ITEMS)
        for entry in parsed.entries:
            post = posts[entry.link]
            # Typogrify's <span class="caps"> and &nbsp; must not reach readers.
            assert "<" not in entry.title and "\xa0" not in entry.title
            assert " ".join(entry.title.split()) == post.title
            last_heading = re.findall(r"^## (.+)$", post.body, re.MULTILINE)
            if last_heading:
                # The last section of the post is in the feed: it is not a summary.
                assert last_heading[-1].split()[0] in entry_body(entry), (entry.link, last_heading[-1])


def test_summary_only_setting(summaries_and_custom_pages):
    posts = {p.published_url: p for p in live_posts()}
    atom = feedparser.parse(summaries_and_custom_pages.root.joinpath("feed/atom.xml").read_bytes())
    rss = feedparser.parse(summaries_and_custom_pages.root.joinpath("feed/index.xml").read_bytes())
    assert not atom.bozo and not rss.bozo
    for parsed in (atom, rss):
        assert parsed.entries
        for entry in parsed.entries:
            assert "content" not in entry
            assert "<h2" not in entry.summary
            first_words = " ".join(posts[entry.link].body.split()[:3])
            assert len(entry.summary) < len(posts[entry.link].body), first_words


@pytest.mark.parametrize(
    "kind, name_of",
    [
        ("category", lambda p: [p.category]),
        ("tag", lambda p: list(p.tags)),
        ("author", lambda p: list(p.authors)),
    ],
)
def test_archive_pages_announce_and_link_their_feeds(site, kind, name_of):
    names = {name for post in live_posts() for name in name_of(post)}
    for name in names:
        page = f"/{kind}/{slug_of(name)}/"
        soup = site.soup(page)
        announced = {urljoin(page, link["href"]) for link in soup.head.find_all("link", rel="alternate")}
        own = {f"/{kind}/{slug_of(name)}/feed/atom.xml", f"/{kind}/{slug_of(name)}/feed/index.xml"}
        assert own <= announced, page
        assert {"/feed/atom.xml", "/feed/index.xml"} <= announced
        sidebar = {urljoin(page, a["href"]) for a in soup.select("aside .widget-meta a")}
        assert own <= sidebar, page
        for path in own:
            assert site.path(path).is_file()


def test_posts_announce_only_site_feeds(site):
    post = live_posts()[0]
    soup = site.soup(post.path)
    announced = {urljoin(post.path, link["href"]) for link in soup.head.find_all("link", rel="alternate")}
    assert {"/feed/atom.xml", "/feed/index.xml"} <= announced
    assert not any(url.startswith(("/category/", "/tag/", "/author/")) for url in announced)
