"""Point 5: the example content is rich enough to show every feature."""

from tests.fixtures.blog.metadata import PAGES, POSTS, headers, post_authors, published_posts, split_list


def test_posts_categories_tags_authors():
    posts = published_posts()
    assert len(posts) >= 10
    assert len({p["category"] for p in posts.values()}) >= 4
    assert len({t for p in posts.values() for t in split_list(p.get("tags", ""))}) >= 8
    assert len({a for p in posts.values() for a in post_authors(p)}) >= 2


def test_two_pages_and_one_draft():
    assert len(headers(PAGES)) >= 2
    drafts = [h for h in headers(POSTS).values() if h.get("status", "").lower() == "draft"]
    assert len(drafts) == 1


def test_posts_with_code_image_table_and_footnotes():
    bodies = [path.read_text() for path in POSTS.glob("*.md")]
    assert any("```python" in body for body in bodies)
    assert any("![" in body for body in bodies)
    assert any("\n|" in body and "---|" in body.replace(" ", "") for body in bodies)
    assert any("[^1]" in body for body in bodies)
