"""sitemap.xml, robots.txt, 404, canonical URLs, descriptions and JSON-LD."""

import json
from datetime import datetime

from lxml import etree

from .content import PUBLISH_URL, listed_posts, live_posts, slug_of

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def noindex(soup):
    robots = soup.head.find("meta", attrs={"name": "robots"})
    return bool(robots) and "noindex" in robots["content"]


def indexable_pages(built):
    """URL paths of the pages search engines may list: those not marked noindex."""
    pages = (built.url_of(f) for f in built.html_files())
    return {page for page in pages if not noindex(built.soup(page))}


def sitemap_entries(built):
    tree = etree.parse(str(built.path("/sitemap.xml")))
    return [
        (url.findtext("sm:loc", namespaces=NS), url.findtext("sm:lastmod", namespaces=NS))
        for url in tree.getroot().findall("sm:url", NS)
    ]


def test_sitemap_lists_every_html_page_once_with_lastmod(published_site):
    entries = sitemap_entries(published_site)
    locs = [loc for loc, _ in entries]
    assert len(locs) == len(set(locs)), "a page is listed twice"
    pages = indexable_pages(published_site)
    assert {"/404.html", "/search/"}.isdisjoint(pages)
    assert {"/", "/page/2/", "/archives/", "/categories/"} <= pages
    assert set(locs) == {PUBLISH_URL + page for page in pages}
    for loc, lastmod in entries:
        assert datetime.fromisoformat(lastmod).tzinfo is not None, loc


def test_sitemap_lastmod_is_the_posts_last_change(published_site):
    lastmods = dict(sitemap_entries(published_site))
    for post in live_posts():
        assert datetime.fromisoformat(lastmods[post.published_url]) == (post.modified or post.date)
    newest = max(p.modified or p.date for p in live_posts())
    assert datetime.fromisoformat(lastmods[PUBLISH_URL + "/archives/"]) == newest


def test_robots_txt_points_at_the_sitemap(published_site):
    robots = published_site.text("/robots.txt").splitlines()
    assert "User-agent: *" in robots
    assert f"Sitemap: {PUBLISH_URL}/sitemap.xml" in robots


def test_every_page_has_its_canonical_url_and_a_description(published_site):
    for file in published_site.html_files():
        page = published_site.url_of(file)
        soup = published_site.soup(page)
        description = soup.head.find("meta", attrs={"name": "description"})
        assert description and description["content"].strip(), page
        assert "<" not in description["content"], page
        canonical = soup.head.find_all("link", rel="canonical")
        if page in ("/404.html", "/search/"):
            assert not canonical and noindex(soup), page
            continue
        if noindex(soup):
            continue
        assert [link["href"] for link in canonical] == [PUBLISH_URL + page], page


def test_posts_describe_themselves_with_json_ld(published_site):
    for post in live_posts():
        soup = published_site.soup(post.path)
        blocks = [json.loads(s.string) for s in soup.find_all("script", type="application/ld+json")]
        by_type = {block["@type"]: block for block in blocks}
        posting, crumbs = by_type["BlogPosting"], by_type["BreadcrumbList"]
        assert posting["headline"] == post.title
        assert datetime.fromisoformat(posting["datePublished"]) == post.date
        assert datetime.fromisoformat(posting["dateModified"]) == (post.modified or post.date)
        assert [a["name"] for a in posting["author"]] == list(post.authors)
        assert posting["mainEntityOfPage"]["@id"] == post.published_url
        # JSON-LD and Open Graph name one preview image: the post's own, else the site's default.
        og_image = soup.find("meta", property="og:image")["content"]
        assert posting["image"] == [og_image]
        if post.image:
            assert og_image == f"{PUBLISH_URL}/{post.image}"
            assert published_site.path("/" + post.image).is_file()
        else:
            assert og_image == f"{PUBLISH_URL}/theme/img/og-default.png"
            assert published_site.path("/theme/img/og-default.png").is_file()
        assert [item["position"] for item in crumbs["itemListElement"]] == [1, 2, 3]
        assert [item["item"] for item in crumbs["itemListElement"]] == [
            PUBLISH_URL + "/",
            f"{PUBLISH_URL}/category/{slug_of(post.category)}/",
            post.published_url,
        ]


def test_not_found_page_in_the_theme_look(site):
    soup = site.soup("/404.html")
    assert soup.find("link", rel="stylesheet", href="/theme/css/style.css")
    assert soup.select_one("header.site-header") and soup.select_one("aside.sidebar")
    assert soup.h1 and "found" in soup.h1.get_text()
    main = soup.find("main")
    field = main.find("input", attrs={"name": "q"})
    assert main.find("label", attrs={"for": field["id"]})
    assert main.find("form")["action"] == "/search/"
    recent = [a["href"] for a in main.select(".not-found-recent a")]
    # A preview lists scheduled posts too.
    newest = sorted(listed_posts(), key=lambda p: p.date, reverse=True)[:5]
    assert recent == [p.path for p in newest]
