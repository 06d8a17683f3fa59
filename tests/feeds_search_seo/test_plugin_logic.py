"""The plugins' pure functions, on small made-up posts."""

import os
import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import pytest
from pelican.generators import ArticlesGenerator

from plugins.feeds.summary import absolute_fragments, summary_only, tidy_entry
from plugins.related_posts import _AHEAD_KEY, RelatedConfig, add_related_posts, choose_ahead
from plugins.related_posts.related import RelatedIndex, related_posts
from plugins.scheduled_posts.schedule import split_scheduled
from plugins.seo.sitemap import (
    SitemapEntry,
    is_excluded,
    newest_change,
    robots_txt,
    sitemap_xml,
    url_for_file,
)
from plugins.seo.structured_data import blog_posting, breadcrumb_list
from plugins.sticky_posts.sticky import sticky_first
from pressless.core import forked
from pressless.core.clock import resolve_now
from pressless.core.config import store_config

DAY = timedelta(days=1)
START = datetime(2026, 1, 1, tzinfo=UTC)


@dataclass(eq=False)
class FakePost:
    name: str
    date: datetime = START
    tags: list = field(default_factory=list)
    category: str = "misc"
    sticky: bool = False
    modified: datetime | None = None


def test_related_posts_rank_by_shared_tags_then_category_then_date():
    post = FakePost("post", tags=["a", "b"], category="x")
    two_tags = FakePost("two", tags=["a", "b"], category="y", date=START - 9 * DAY)
    one_tag_same_cat = FakePost("one+cat", tags=["a"], category="x")
    one_tag_newer = FakePost("one-new", tags=["b"], category="y", date=START + DAY)
    one_tag_older = FakePost("one-old", tags=["b"], category="y", date=START - DAY)
    cat_only = FakePost("cat", category="x")
    unrelated = FakePost("none", tags=["z"], category="q")
    candidates = [unrelated, one_tag_older, cat_only, post, one_tag_newer, two_tags, one_tag_same_cat]
    assert related_posts(post, candidates, limit=10) == [
        two_tags,
        one_tag_same_cat,
        one_tag_newer,
        one_tag_older,
        cat_only,
    ]
    assert related_posts(post, candidates) == [two_tags, one_tag_same_cat, one_tag_newer]
    assert related_posts(unrelated, [post, unrelated]) == []


def reference_related_posts(article, candidates, limit=3):
    """The plain O(n) definition the indexed version must match exactly."""
    scored = []
    for other in candidates:
        if other is article:
            continue
        shared = len(set(getattr(article, "tags", [])) & set(getattr(other, "tags", [])))
        same_category = getattr(article, "category", None) == getattr(other, "category", None)
        score = (shared, int(same_category))
        if score > (0, 0):
            scored.append((score, other.date, other))
    scored.sort(key=lambda item: (item[0], item[1]), reverse=True)
    return [other for _, _, other in scored[:limit]]


def test_related_index_matches_the_reference_on_a_generated_site():
    posts = generated_posts(300)
    # Drafts and scheduled posts (the last 50) are asked about, never suggested.
    listed = posts[:250]
    index = RelatedIndex(listed)
    for post in posts:
        for limit in (0, 1, 3, 50):
            assert index.related_to(post, limit) == reference_related_posts(post, listed, limit)


def generated_posts(count, seed=7):
    rng = random.Random(seed)
    tags, categories = [f"t{n}" for n in range(12)], ["x", "y", "z", None]
    # Few distinct dates, so ties on score and date are common.
    return [
        FakePost(
            f"p{n}",
            date=START + rng.randrange(20) * DAY,
            tags=rng.sample(tags, rng.randrange(4)) + (["t0"] if rng.random() < 0.1 else []),
            category=rng.choice(categories),
        )
        for n in range(count)
    ]


def articles_generator(posts, processes):
    """An articles generator holding `posts` (the last 50 drafts), with related_posts' settings."""
    generator = ArticlesGenerator.__new__(ArticlesGenerator)
    generator.articles, generator.drafts = posts[:-50], posts[-50:]
    generator.translations = generator.hidden_articles = generator.hidden_translations = []
    generator.drafts_translations = []
    generator.context, generator.settings = {}, {}
    store_config(generator.context, "related_posts", RelatedConfig(limit=3, processes=processes))
    return generator


def related_by_plugin(posts, processes, ahead=False, between=None):
    """plugins.related_posts' handlers over articles_generator(posts): with `ahead`, started when
    the posts are read, then `between()`, then taken."""
    generator = articles_generator(posts, processes)
    if ahead:
        choose_ahead(generator)
    if between:
        between()
    add_related_posts([generator])
    return {post.name: [other.name for other in post.related_posts] for post in posts}


@pytest.fixture
def forks(monkeypatch):
    """A list that grows by one for each process pressless.core.forked forks."""
    forked_so_far = []
    fork_share = forked._fork_share
    monkeypatch.setattr(forked, "_fork_share", lambda *args: forked_so_far.append(1) or fork_share(*args))
    return forked_so_far


def test_related_posts_chosen_by_forked_copies_are_the_ones_chosen_here(forks):
    posts = generated_posts(300)
    here = related_by_plugin(posts, processes=1)
    assert forks == []
    index = RelatedIndex(posts[:-50])
    assert here == {post.name: [other.name for other in index.related_to(post)] for post in posts}
    assert related_by_plugin(posts, processes=3) == here
    assert forks == [1, 1]  # two copies beside this process
    assert sum(map(len, here.values())) > 600


def test_related_posts_chosen_ahead_are_taken_while_the_posts_are_as_the_copies_saw_them(forks):
    posts = generated_posts(300)
    here = related_by_plugin(posts, processes=1)
    forks.clear()
    started = []
    chosen = related_by_plugin(posts, processes=3, ahead=True, between=lambda: started.append(len(forks)))
    assert chosen == here
    assert started == [2] and forks == [1, 1]  # two copies started ahead; none when the posts are taken

    # A post gets other tags, a candidate another date, between the start and the taking:
    # chosen again, with the changes, as one process chooses.
    def change():
        posts[5].tags = ["t1", "t2", "t3"]
        posts[9].date = START + 30 * DAY

    forks.clear()
    changed = related_by_plugin(posts, processes=3, ahead=True, between=change)
    assert changed == related_by_plugin(posts, processes=1) != here
    assert forks == [1, 1, 1, 1]  # the two ahead, thrown away, and two choosing again


def test_copies_that_fail_are_chosen_for_again_here_and_none_is_left(monkeypatch):
    pids = []
    fork_share = forked._fork_share

    def recording(*args):
        pid, read_end = fork_share(*args)
        pids.append(pid)
        return pid, read_end

    monkeypatch.setattr(forked, "_fork_share", recording)

    def fails(*args):
        raise RuntimeError("a copy fails")

    monkeypatch.setattr("plugins.related_posts._positions", fails)
    posts = generated_posts(300)
    assert related_by_plugin(posts, processes=3, ahead=True) == related_by_plugin(posts, processes=1)
    assert len(pids) == 4  # two copies ahead, failing; two choosing again
    assert not any(os.path.exists(f"/proc/{pid}") for pid in pids)


def test_copies_a_failed_build_left_waiting_are_stopped_by_the_next_build():
    generator = articles_generator(generated_posts(300), processes=2)
    choose_ahead(generator)  # the build fails before add_related_posts takes them
    (left,) = generator.settings[_AHEAD_KEY].copies
    pid = left._pid
    assert os.path.exists(f"/proc/{pid}")
    choose_ahead(generator)  # `pelican --autoreload` builds again with the same settings
    assert not os.path.exists(f"/proc/{pid}")
    add_related_posts([generator])


def test_sticky_first_keeps_the_rest_in_order():
    old_sticky = FakePost("old", date=START - DAY, sticky=True)
    new_sticky = FakePost("new", date=START + DAY, sticky=True)
    a, b = FakePost("a", date=START + 2 * DAY), FakePost("b", date=START)
    assert sticky_first([a, old_sticky, b, new_sticky]) == [new_sticky, old_sticky, a, b]


def test_scheduled_split_at_now():
    past, now_post, future = FakePost("p", START - DAY), FakePost("n", START), FakePost("f", START + DAY)
    assert split_scheduled([past, now_post, future], START) == ([past, now_post], [future])


def test_resolve_now():
    assert resolve_now("2027-01-15T09:00:00") == datetime(2027, 1, 15, 9, tzinfo=UTC)
    assert resolve_now("2027-01-15T09:00:00+01:00").utcoffset() == timedelta(hours=1)
    assert abs(resolve_now() - datetime.now(UTC)) < timedelta(minutes=1)
    with pytest.raises(ValueError):
        resolve_now("next tuesday")


def test_sitemap_pieces():
    assert url_for_file("https://x.example/", "index.html") == "https://x.example/"
    assert url_for_file("https://x.example", "a/b/index.html") == "https://x.example/a/b/"
    assert url_for_file("https://x.example", "404.html") == "https://x.example/404.html"
    assert is_excluded("drafts/x/index.html", ["drafts/*"])
    assert not is_excluded("2026/index.html", ["drafts/*", "404.html"])
    later = FakePost("m", modified=START + DAY)
    assert newest_change([FakePost("d"), later]) == START + DAY
    assert newest_change([]) is None
    xml = sitemap_xml([SitemapEntry("https://x.example/a?b&c", START)])
    assert "<loc>https://x.example/a?b&amp;c</loc>" in xml
    assert "<lastmod>2026-01-01T00:00:00+00:00</lastmod>" in xml
    assert "Sitemap: https://x.example/sitemap.xml" in robots_txt("https://x.example", "sitemap.xml")


def test_structured_data_shapes():
    posting = blog_posting(
        headline="A </script> title",
        description="d",
        url="https://x.example/p/",
        published=START,
        modified=None,
        authors=[("Ann", "https://x.example/author/ann/")],
    )
    assert posting["dateModified"] == posting["datePublished"] == "2026-01-01T00:00:00+00:00"
    assert "image" not in posting
    assert posting["mainEntityOfPage"]["@id"] == "https://x.example/p/"
    crumbs = breadcrumb_list([("Home", "h"), ("Post", "p")])
    assert [c["position"] for c in crumbs["itemListElement"]] == [1, 2]


def test_feed_entry_adjustments():
    item = {
        "title": "Two\xa0words",
        "link": "https://x.example/p/",
        "content": '<a href="#part">x</a> <a href="https://o.example/#y">y</a>',
        "description": None,
    }
    tidy = tidy_entry(item)
    assert tidy["title"] == "Two words"
    assert tidy["content"] == (
        '<a href="https://x.example/p/#part">x</a> <a href="https://o.example/#y">y</a>'
    )
    assert absolute_fragments(None, "u") is None
    assert absolute_fragments("<a class='c' href='#x'>x</a>", "u") == "<a class='c' href='u#x'>x</a>"
    assert absolute_fragments('<p>#x href=#y</p>', "u") == '<p>#x href=#y</p>'
    trimmed = summary_only({"content": "<p>all</p>", "description": None})
    assert trimmed == {"content": None, "description": "<p>all</p>"}
