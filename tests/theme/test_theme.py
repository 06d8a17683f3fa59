"""Point 4: the WordPress-shaped theme, checked on the parsed example site."""

from collections import Counter
from datetime import datetime

import pytest

from pressless.core.text import plain_text
from tests.fixtures.blog.metadata import PAGES, PER_PAGE, headers, post_authors, published_posts, split_list


def _url(header):
    date = header["date"]
    return f"/{date[:4]}/{date[5:7]}/{date[8:10]}/{header['slug']}/"


def _by_date(posts):
    return sorted(posts.values(), key=lambda h: h["date"])


def _text(node):
    return " ".join(node.get_text(" ").split())


@pytest.fixture(scope="module")
def posts():
    return published_posts()


def test_header_menu_main_sidebar_footer(site):
    soup = site.soup("/")
    header = soup.select_one("body header.site-header")
    assert header.select_one(".site-title a[rel=home]").get_text() == "Pressless Notes"
    assert header.select_one(".site-description").get_text(strip=True)
    menu = header.select_one("nav[aria-label]")
    labels = [_text(a) for a in menu.select("a")]
    for page in headers(PAGES).values():
        assert page["title"] in labels
    categories = {p["category"] for p in published_posts().values()}
    assert categories <= set(labels)
    assert soup.select_one(".site-content > main#content + aside.sidebar[aria-label]")
    assert soup.select_one("body footer.site-footer")


def test_skip_link_and_landmarks(site):
    for url in ("/", "/about/", "/archives/"):
        soup = site.soup(url)
        skip = soup.select_one("body > a.skip-link")
        assert skip["href"] == "#content" and soup.find(id="content").name == "main"
        assert len(soup.find_all("main")) == 1
        for nav in soup.find_all(["nav", "aside"]):
            assert nav.get("aria-label") or nav.get("aria-labelledby"), nav.name
        assert soup.find("h1"), url


def test_front_page_lists_newest_posts_with_excerpts(site, posts):
    soup = site.soup("/")
    entries = soup.select("main article.entry")
    newest = [h for h in reversed(_by_date(posts)) if not h.get("sticky")]
    titles = [plain_text(str(e.select_one(".entry-title"))) for e in entries]
    non_sticky_titles = [
        t for t, e in zip(titles, entries, strict=True) if "sticky" not in e["class"]
    ]
    assert non_sticky_titles == [h["title"] for h in newest][: len(non_sticky_titles)]
    for entry, title in zip(entries, titles, strict=True):
        more = entry.select_one("a.more-link")
        assert _text(more) == f"Continue reading “{title}”"
        assert entry.select_one(".entry-summary").get_text(strip=True)
    listing_pages = ["/", *(site.url_of(f) for f in site.root.glob("page/*/index.html"))]
    thumbnails = [
        img for url in listing_pages for img in site.soup(url).select(".post-thumbnail img")
    ]
    assert len(thumbnails) == sum(1 for h in posts.values() if "image" in h)


def test_pagination_older_and_newer(site, posts):
    front = site.soup("/")
    older = front.select_one(".pagination a.nav-previous")
    assert _text(older) == "Older posts"
    assert older["href"].rstrip("/").endswith("page/2")
    second = site.soup("/page/2/")
    newer = second.select_one(".pagination a.nav-next")
    assert _text(newer) == "Newer posts"
    pages = 1 + len(list(site.root.glob("page/*/index.html")))
    assert pages == -(-len(posts) // PER_PAGE)


def test_post_page_parts(site, posts):
    for header in posts.values():
        soup = site.soup(_url(header))
        article = soup.select_one("main article.entry")
        title = article.select_one("h1.entry-title")
        assert plain_text(str(title)) == header["title"]
        category = article.select_one(".entry-header .cat-links a")
        assert _text(category) == header["category"]
        assert category.find_parent().find_next_sibling("h1") == title, "category above title"
        byline = [_text(a) for a in article.select(".byline a[rel=author]")]
        assert byline == post_authors(header)
        published = article.select_one("time.published")
        assert published["datetime"].startswith(header["date"].replace(" ", "T"))
        updated = article.select_one("time.updated")
        if "modified" in header:
            assert updated["datetime"].startswith(header["modified"].replace(" ", "T"))
        else:
            assert updated is None
        if "image" in header:
            img = article.select_one(".post-thumbnail img")
            assert img["src"].endswith(header["image"]) and img["width"] and img["height"]
        tags = [_text(a) for a in article.select(".tags-links a[rel=tag]")]
        assert tags == split_list(header.get("tags", ""))
        assert article.select_one(".entry-content").get_text(strip=True)


def test_previous_and_next_post_links_with_titles(site, posts):
    ordered = _by_date(posts)
    for index, header in enumerate(ordered):
        nav = site.soup(_url(header)).select_one("nav.post-navigation")
        previous = nav.select_one("a[rel=prev]")
        following = nav.select_one("a[rel=next]")
        if index == 0:
            assert previous is None
        else:
            assert previous["href"].rstrip("/").endswith(ordered[index - 1]["slug"])
            assert ordered[index - 1]["title"] in plain_text(str(previous))
        if index == len(ordered) - 1:
            assert following is None
        else:
            assert following["href"].rstrip("/").endswith(ordered[index + 1]["slug"])


def test_pages(site):
    for header in headers(PAGES).values():
        soup = site.soup(f"/{header['slug']}/")
        assert plain_text(str(soup.select_one("h1.entry-title"))) == header["title"]
        assert soup.select_one("article.page .entry-content").get_text(strip=True)


def test_category_tag_author_archives(site, posts):
    def slug(text):
        return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split())

    by_category = Counter(h["category"] for h in posts.values())
    for category, count in by_category.items():
        soup = site.soup(f"/category/{slug(category)}/")
        assert category in _text(soup.select_one("h1.page-title"))
        listed = len(soup.select("main article.entry"))
        assert listed == min(count, PER_PAGE)
    tags = Counter(t for h in posts.values() for t in split_list(h.get("tags", "")))
    for tag, count in tags.items():
        soup = site.soup(f"/tag/{slug(tag)}/")
        assert len(soup.select("main article.entry")) == min(count, PER_PAGE)
    authors = Counter(a for h in posts.values() for a in post_authors(h))
    assert set(authors) == {"Maren Holt", "Tomás Ferreira"}
    for author, count in authors.items():
        soup = site.soup(f"/author/{slug(author.replace('á', 'a'))}/")
        assert author in _text(soup.select_one("h1.page-title"))
        assert len(soup.select("main article.entry")) == min(count, PER_PAGE)


def test_yearly_monthly_archives_and_index(site, posts):
    months = Counter(h["date"][:7] for h in posts.values())
    for month, count in months.items():
        soup = site.soup(f"/{month[:4]}/{month[5:7]}/")
        assert len(soup.select("main .archive-list li")) == count
    years = Counter(h["date"][:4] for h in posts.values())
    for year, count in years.items():
        assert len(site.soup(f"/{year}/").select("main .archive-list li")) == count
    index = site.soup("/archives/")
    assert len(index.select("main .archive-list li")) == len(posts)
    assert [h2.get_text() for h2 in index.select("main h2")] == sorted(years, reverse=True)


def test_sidebar_widgets(site, posts):
    sidebar = site.soup("/about/").select_one("aside.sidebar")
    recent = [_text(a) for a in sidebar.select(".widget-recent-posts a")]
    assert recent == [h["title"] for h in reversed(_by_date(posts))][:5]
    archive_rows = [_text(li) for li in sidebar.select(".widget-archives li")]
    months = Counter(h["date"][:7] for h in posts.values())
    expected = [
        f"{datetime.strptime(month, '%Y-%m'):%B %Y} ({count})"
        for month, count in sorted(months.items(), reverse=True)
    ]
    assert [row.replace("\xa0", " ") for row in archive_rows] == expected
    category_rows = {_text(li).replace("\xa0", " ") for li in sidebar.select(".widget-categories li")}
    per_category = Counter(h["category"] for h in posts.values())
    assert category_rows == {f"{name} ({count})" for name, count in per_category.items()}
    cloud = sidebar.select(".widget-tag-cloud a")
    tags = Counter(t for h in posts.values() for t in split_list(h.get("tags", "")))
    assert {_text(a) for a in cloud} == set(tags)
    steps = {_text(a): int(a["class"][0].rsplit("-", 1)[1]) for a in cloud}
    most, least = tags.most_common()[0][0], tags.most_common()[-1][0]
    assert steps[most] > steps[least]


def test_semantic_time_and_article_elements(site, posts):
    soup = site.soup(_url(next(iter(posts.values()))))
    assert soup.select("article header h1")
    for time in soup.select("time"):
        datetime.fromisoformat(time["datetime"])
    assert soup.select_one("html")["lang"] == "en"
