"""The test blog's comments (tests/fixtures/blog/content/comments/), as the preview build shows them.

Expectations are read from the comment and post files themselves, so the
tests check that the site shows what the files say.
"""

from collections import Counter
from urllib.parse import urljoin, urlsplit

import feedparser

from pressless.core.header import read_header
from tests.fixtures.blog import COMMENTS
from tests.fixtures.blog.metadata import POSTS, headers

POST_HEADERS = {header["slug"]: header for header in headers(POSTS).values()}


def comment_files():
    """{(slug, id): (header {key: value}, body)} for every example comment."""
    found = {}
    for path in sorted(COMMENTS.glob("*/*.md")):
        parsed = read_header(path.read_text(encoding="utf-8"))
        header = {key: field.value for key, field in parsed.fields.items()}
        found[(path.parent.name, path.stem)] = (header, parsed.body)
    return found


FILES = comment_files()


def approved(slug):
    return {
        cid: header
        for (post_slug, cid), (header, _) in FILES.items()
        if post_slug == slug and header.get("status", "approved") == "approved"
    }


def slug_with(mode):
    return next(s for s, h in POST_HEADERS.items() if h.get("comments", "").lower() == mode)


def post_url(site, slug):
    """The post's URL under the WordPress-style permalink /YYYY/MM/DD/slug/."""
    header = POST_HEADERS[slug]
    if header.get("status", "published").lower() == "draft":
        url = f"/drafts/{slug}/"
    else:
        url = f"/{header['date'][:10].replace('-', '/')}/{slug}/"
    assert site.path(url).is_file(), url
    return url


def reply_depth(slug, cid):
    depth, parent = 1, approved(slug)[cid].get("reply-to")
    while parent:
        depth, parent = depth + 1, approved(slug)[parent].get("reply-to")
    return depth


def busiest_post():
    return Counter(slug for slug, _ in FILES).most_common(1)[0][0]


def test_examples_cover_the_cases_the_issue_asks_for():
    slug = busiest_post()
    assert max(reply_depth(slug, cid) for cid in approved(slug)) >= 6
    statuses = {header.get("status", "approved") for header, _ in FILES.values()}
    assert {"approved", "pending", "spam"} <= statuses
    assert any("url" in header for header, _ in FILES.values())
    assert slug_with("closed") and slug_with("off")


def test_thread_nests_replies_under_parents_up_to_five_levels(site):
    slug = busiest_post()
    soup = site.soup(post_url(site, slug))
    shown = approved(slug)
    for cid, header in shown.items():
        item = soup.select_one(f"li#li-comment-{cid}")
        assert item is not None, cid
        depth = min(reply_depth(slug, cid), 5)
        assert f"depth-{depth}" in item["class"]
        assert len(item.find_parents("li", class_="comment")) == depth - 1
        if header.get("reply-to") and reply_depth(slug, cid) <= 5:
            assert item.find_parent("li", class_="comment")["id"] == f"li-comment-{header['reply-to']}"
    assert not soup.select("li.depth-6")
    # The last level holds the replies that would have gone deeper, oldest first.
    level_five = [li["id"] for li in soup.select("li.depth-5")]
    assert len(level_five) >= 2
    assert level_five == sorted(level_five, key=lambda i: shown[i.removeprefix("li-comment-")]["date"])


def test_top_level_comments_are_oldest_first(site):
    slug = busiest_post()
    soup = site.soup(post_url(site, slug))
    ids = [li["id"].removeprefix("li-comment-") for li in soup.select("ol.comment-list > li")]
    dates = [approved(slug)[cid]["date"] for cid in ids]
    assert ids and dates == sorted(dates)


def test_comment_parts(site):
    slug = busiest_post()
    soup = site.soup(post_url(site, slug))
    for cid, header in approved(slug).items():
        body = soup.select_one(f"article#comment-{cid}")
        assert body.select_one(".comment-author svg.avatar[aria-hidden=true]")
        assert body.select_one(".fn").get_text(strip=True) == header["author"]
        date_link = body.select_one(f'.comment-metadata a[href="#comment-{cid}"]')
        assert date_link.select_one("time[datetime]")["datetime"].startswith(header["date"][:10])
        reply = body.select_one("a.comment-reply-link")
        assert reply["href"] == "#respond"
        assert (reply["data-reply-to"], reply["data-reply-author"]) == (cid, header["author"])
        link = body.select_one(".fn a")
        if "url" in header:
            assert link["href"] == header["url"]
            assert {"nofollow", "ugc"} <= set(link["rel"])
        else:
            assert link is None


def _heading(soup):
    return soup.select_one("#comments .comments-title").get_text(" ", strip=True)


def test_heading_counts_approved_comments(site):
    for slug in {slug for slug, _ in FILES} - {slug_with("off")}:
        if POST_HEADERS[slug].get("status", "published") != "published" or not approved(slug):
            continue
        soup = site.soup(post_url(site, slug))
        count, title = len(approved(slug)), POST_HEADERS[slug]["title"]
        expected = "One thought" if count == 1 else f"{count} thoughts"
        heading = " ".join(_heading(soup).split())
        assert heading.startswith(f"{expected} on “"), heading
        assert heading.endswith("”") and title.split()[0] in heading
    assert any(len(approved(slug)) == 1 for slug in POST_HEADERS), "no single-comment example"


def _listing_pages(site):
    pages = ["/"]
    while (site.root / pages[-1].lstrip("/") / "page" / str(len(pages) + 1)).exists():
        pages.append(f"/page/{len(pages) + 1}/")
    return pages


def test_post_meta_counts_on_front_page_and_post(site):
    seen = 0
    for page in _listing_pages(site):
        soup = site.soup(page)
        for entry in soup.select("main article.post"):
            slug = entry["aria-labelledby"].removeprefix("title-")
            link = entry.select_one(".entry-meta .comments-link a")
            count = len(approved(slug))
            if POST_HEADERS[slug].get("comments") == "off":
                assert link is None
                continue
            if POST_HEADERS[slug].get("comments") == "closed" and not count:
                assert link is None
                continue
            visible = link.find(string=True, recursive=False).strip()
            expected = {0: "Leave a comment", 1: "1 Comment"}.get(count, f"{count} Comments")
            assert visible == expected
            target = urljoin(f"http://x{page}", link["href"])
            assert urlsplit(target).fragment == "comments"
            assert site.path(urlsplit(target).path).is_file()
            seen += 1
    assert seen >= 5
    slug = busiest_post()
    meta = site.soup(post_url(site, slug)).select_one(".entry-header .comments-link a")
    assert meta.get_text(strip=True).startswith(f"{len(approved(slug))} Comments")


def test_closed_post_keeps_thread_without_form(site):
    slug = slug_with("closed")
    soup = site.soup(post_url(site, slug))
    assert len(soup.select("#comments li.comment")) == len(approved(slug)) > 0
    assert soup.select_one("#comments p.comments-closed").get_text(strip=True) == ("Comments are closed.")
    assert not soup.select("#comments .comment-reply-link")
    assert soup.select_one("#respond") is None and soup.select_one("#comments form") is None


def test_open_post_has_form_slot_and_no_closed_notice(site):
    soup = site.soup(post_url(site, busiest_post()))
    assert soup.select_one("#comments .comments-closed") is None


def _all_output_text(site):
    for file in site.root.rglob("*"):
        if file.suffix in {".html", ".xml", ".json", ".txt"}:
            yield file, file.read_text(encoding="utf-8", errors="replace")


def test_off_post_shows_no_comments_anywhere(site):
    slug = slug_with("off")
    soup = site.soup(post_url(site, slug))
    assert soup.select_one("#comments") is None
    assert soup.select_one(".comments-link") is None
    assert soup.select_one('link[rel=alternate][href*="feed/atom.xml"][title*="Comments"]') is None
    hidden_authors = {h["author"] for (s, _), (h, _) in FILES.items() if s == slug}
    assert hidden_authors
    for file, text in _all_output_text(site):
        for author in hidden_authors:
            assert author not in text, f"{author} from a comments-off post leaks into {file}"


def test_pending_spam_and_emails_never_published(site):
    secrets = set()
    for header, body in FILES.values():
        if "email" in header:
            secrets.add(header["email"])
        if header.get("status", "approved") != "approved":
            secrets |= {header["author"], body.splitlines()[0]}
    assert len(secrets) >= 4
    for file, text in _all_output_text(site):
        for secret in secrets:
            assert secret not in text, f"{secret!r} published in {file}"


def _newest_comments():
    rows = []
    for (slug, cid), (header, _) in FILES.items():
        post = POST_HEADERS[slug]
        if (
            header.get("status", "approved") == "approved"
            and post.get("status", "published") == "published"
            and post.get("comments") != "off"
        ):
            rows.append((header["date"], cid, slug, header["author"]))
    return sorted(rows, reverse=True)


def test_recent_comments_widget(site):
    soup = site.soup("/")
    items = soup.select(".widget-recent-comments li")
    expected = _newest_comments()[:5]
    assert soup.select_one(".widget-recent-comments h2").get_text(strip=True) == "Recent Comments"
    assert len(items) == len(expected) == 5
    for item, (_, cid, slug, author) in zip(items, expected, strict=True):
        assert item.get_text(" ", strip=True).startswith(f"{author} on ")
        link = item.select_one("a")
        path, fragment = link["href"].split("#")
        assert fragment == f"comment-{cid}"
        assert site.soup(urljoin("/", path)).select_one(f"#comment-{cid}")
        assert slug in path


def test_widget_is_on_every_sidebar(site):
    for url in ["/", "/archives/", post_url(site, slug_with("off"))]:
        assert site.soup(url).select(".sidebar .widget-recent-comments li")


def _feed(site, url_path):
    parsed = feedparser.parse(site.path(url_path).read_bytes())
    assert not parsed.bozo, parsed.bozo_exception
    return parsed


def test_site_comments_feed(site):
    meta_link = site.soup("/").select_one(".widget-meta a[href$='comments/feed/atom.xml']")
    assert meta_link is not None
    feed = _feed(site, "/comments/feed/atom.xml")
    expected = _newest_comments()
    assert len(feed.entries) == len(expected)
    for entry, (_, cid, slug, author) in zip(feed.entries, expected, strict=True):
        assert entry.link.startswith("http://127.0.0.1:8000/")
        assert entry.link.endswith(f"/{slug}/#comment-{cid}")
        assert entry.author == author
        assert entry.content[0].value


def test_per_post_comments_feed(site):
    slug = busiest_post()
    url = post_url(site, slug)
    link = site.soup(url).select_one('head link[rel=alternate][title*="Comments on"]')
    assert link["type"] == "application/atom+xml"
    feed_path = urlsplit(urljoin(f"http://x{url}", link["href"])).path
    feed = _feed(site, feed_path)
    assert {e.link.rsplit("#comment-", 1)[1] for e in feed.entries} == set(approved(slug))
    assert POST_HEADERS[slug]["title"] in feed.feed.title


def test_closed_post_still_has_a_feed(site):
    link = site.soup(post_url(site, slug_with("closed"))).select_one('head link[title*="Comments on"]')
    assert link is not None


def test_published_feeds_use_the_public_address(published_site):
    site_url = "https://pressless.example/"
    feed = _feed(published_site, "/comments/feed/atom.xml")
    assert feed.entries and all(entry.link.startswith(site_url) for entry in feed.entries)
    head_link = published_site.soup(post_url(published_site, busiest_post())).select_one(
        'head link[title*="Comments on"]'
    )
    assert head_link["href"].startswith(site_url) and head_link["href"].endswith("/feed/atom.xml")


def test_comment_files_are_not_read_or_copied(site):
    comments_folder = site.root / "comments"
    written = {f.relative_to(comments_folder).as_posix() for f in comments_folder.rglob("*")}
    assert written == {"feed", "feed/atom.xml"}
    slugs = {slug for slug, _ in FILES}
    for file in site.root.rglob("*.md"):
        assert file.parent.name not in slugs, file
