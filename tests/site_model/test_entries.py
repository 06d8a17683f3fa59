"""One model of an entry: every kind of entry that gets a page gets the same public facts."""

import io
import json
from urllib.parse import parse_qs, urlsplit

import pytest
from PIL import Image

from .helpers import post, run_build

SITE = "http://127.0.0.1:8000"


def png(width, height):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "teal").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    files = {
        "posts/open.md": post("An Open Post", Slug="open-post", Category="Notes", Image="images/pic.png"),
        "posts/open-fr.md": post("Un article ouvert", Slug="open-post", Lang="fr", Category="Notes"),
        "posts/hidden.md": post("A Hidden Post", Slug="hidden-post", Status="hidden", Category="Notes"),
        "posts/plain.md": post("No Image Here", Slug="no-image", date="2026-01-11 10:00"),
        "comments/hidden-post/1.md": "Author: Ana\nDate: 2026-01-12 09:00\n\nHello hidden.\n",
        "images/pic.png": png(32, 16),
    }
    code, log, site = run_build(tmp_path_factory.mktemp("entries"), files)
    assert code == 0, log
    return site


def facts(soup):
    canonical = soup.find("link", rel="canonical")["href"]
    og = {tag["property"]: tag["content"] for tag in soup.find_all("meta", property=True)}
    data = [json.loads(tag.string) for tag in soup.find_all("script", type="application/ld+json")]
    posting = next((d for d in data if d["@type"] == "BlogPosting"), None)
    x_link = soup.select_one("a.share-x")
    shared = parse_qs(urlsplit(x_link["href"]).query)["url"][0] if x_link else None
    return canonical, og, posting, shared


def test_a_translation_has_its_own_canonical_url_everywhere(built):
    canonical, og, posting, shared = facts(built.soup("/fr/2026/01/10/open-post/"))
    assert canonical == f"{SITE}/fr/2026/01/10/open-post/"
    assert og["og:url"] == posting["url"] == shared == canonical


def test_every_place_reads_the_same_record(built):
    for path in ("/2026/01/10/open-post/", "/2026/01/11/no-image/", "/2026/01/10/hidden-post/"):
        canonical, og, posting, shared = facts(built.soup(path))
        assert canonical == f"{SITE}{path}"
        assert og["og:url"] == posting["url"] == shared == canonical
        assert posting["image"] == [og["og:image"]]
        assert og["og:title"] == posting["headline"]


def test_featured_and_default_images(built):
    _, og, _, _ = facts(built.soup("/2026/01/10/open-post/"))
    assert og["og:image"] == f"{SITE}/images/pic.png"
    assert (og["og:image:width"], og["og:image:height"]) == ("32", "16")
    img = built.soup("/2026/01/10/open-post/").select_one(".post-thumbnail img")
    assert (img["src"].endswith("images/pic.png"), img["width"], img["height"]) == (True, "32", "16")
    _, og, _, _ = facts(built.soup("/2026/01/11/no-image/"))
    assert og["og:image"] == f"{SITE}/theme/img/og-default.png"
    assert og["og:image:alt"] == "Pressless Notes"


def test_a_hidden_post_with_reply_links_has_the_form_they_lead_to(built):
    soup = built.soup("/2026/01/10/hidden-post/")
    replies = soup.select("a.comment-reply-link")
    assert replies and all(link["href"] == "#respond" for link in replies)
    assert soup.find(id="respond") is not None


def test_a_drafts_new_category_is_printed_without_a_broken_link(tmp_path):
    files = {
        "posts/a.md": post("Listed", Category="Notes"),
        "posts/b.md": post("Draft", Status="draft", Category="Brand New", Tags="fresh"),
    }
    code, log, site = run_build(tmp_path, files)
    assert code == 0, log
    soup = site.soup("/drafts/draft/")
    assert soup.select_one(".cat-links").get_text() == "Category: Brand New"
    assert soup.select_one(".cat-links a") is None and soup.select_one(".tags-links a") is None
    assert not (site.root / "category" / "brand-new").exists()


def test_a_post_without_a_category_is_uncategorized(tmp_path):
    code, log, site = run_build(tmp_path, {"posts/mine.md": post("My Own Post")})
    assert code == 0, log
    link = site.soup("/2026/01/10/my-own-post/").select_one(".cat-links a")
    assert link.get_text() == "Uncategorized" and link["href"].endswith("category/uncategorized/")
