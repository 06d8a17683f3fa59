"""The fixture exports imported and built with the project's plugins, read as HTML."""

from urllib.parse import urljoin

from pressless.core.header import read_header_file
from pressless.tools.quality.links import check_links

POST = "/2020/05/02/shortcodes-tour/"


def _url_of(header):
    if header.get("status") == "draft":
        return f"/drafts/{header.get('slug')}/"
    date = header.get("date")
    return f"/{date[:4]}/{date[5:7]}/{date[8:10]}/{header.get('slug')}/"


def test_every_imported_post_and_page_builds(imported):
    site, content = imported["site"], imported["content"]
    posts = sorted((content / "posts").glob("*.md"))
    assert len(posts) == 9  # 6 + 2 + 1 posts in the three exports
    for path in posts:
        header = read_header_file(path)
        page = site.soup(_url_of(header))
        assert page.select_one("h1.entry-title").get_text(" ", strip=True), path
    assert site.path("/flyers/").exists()


def test_approved_comments_show_in_their_threads(imported):
    page = imported["site"].soup(POST)
    comments = page.select_one("#comments")
    one = comments.select_one("ol.comment-list > li#li-comment-1")
    two = one.select_one(":scope > ol.children > li#li-comment-2")
    assert two.select_one(":scope > ol.children > li#li-comment-3") is not None
    # A reply to a spam comment that was left out hangs from the post.
    assert comments.select_one("ol.comment-list > li#li-comment-8") is not None
    for missing in (4, 5, 6, 7):  # pending, spam, trash, pingback
        assert comments.select_one(f"#li-comment-{missing}") is None
    text = page.get_text(" ")
    for never_shown in ("SPAM SPAM", "TRASHED COMMENT", "PINGBACK TEXT", "Still waiting"):
        assert never_shown not in text
    # Entities in the author's name are decoded once: "Bea &amp; Co" shows as "Bea & Co".
    assert one.select_one(".fn").get_text(strip=True) == "Bea & Co"


def test_comments_of_older_exports_thread_too(imported):
    site = imported["site"]
    garlic = site.soup("/2019/10/05/planting-garlic/").select_one("#comments")
    assert garlic.select_one("li#li-comment-31 > ol.children > li#li-comment-32") is not None
    assert "TRACKBACK" not in garlic.get_text()
    diary = site.soup("/2008/02/03/first-entry/").select_one("#comments")
    assert diary.select_one("li#li-comment-2 .fn").get_text(strip=True) == "Jörg"


def _code_blocks(page):
    return [pre.get_text().rstrip("\n") for pre in page.select(".entry-content pre")]


def test_code_survives_byte_for_byte(imported):
    site = imported["site"]
    assert _code_blocks(site.soup(POST)) == [
        'if (a < b && b > c) { return a && c; }\nstd::cout << "<tag>" << std::endl;',
        'def angle(x):\n    return x if x > 0 and x < 90 else "<none>"',
    ]
    assert _code_blocks(site.soup("/2021/03/04/cafe-blocks/")) == ["while (n > 0 && n < 10) { n--; }"]
    assert _code_blocks(site.soup("/2019/10/05/planting-garlic/")) == ["rows = 4\ncloves = rows * 12 # <= 48"]
    assert _code_blocks(site.soup("/2008/02/03/first-entry/")) == ["x = 1 && y = 2"]
    highlighted = site.soup(POST).select(".entry-content .highlight")
    assert len(highlighted) == 2  # cpp and python, through Pygments


def _redirect_target(site, old_path):
    page = site.soup(old_path)
    refresh = page.select_one('meta[http-equiv="refresh"]')["content"]
    target = urljoin(f"http://site.invalid{old_path}", refresh.split("url=", 1)[1])
    link = urljoin(f"http://site.invalid{old_path}", page.select_one("a.redirect-target")["href"])
    canonical = page.select_one('link[rel="canonical"]')["href"]
    assert target == link
    return target.removeprefix("http://site.invalid"), canonical


def test_old_addresses_answer(imported):
    site = imported["site"]
    for old, new in (
        ("/kites/shortcodes-tour/", POST),
        ("/kites/only-for-me/", "/2021/05/01/only-for-me/"),
        ("/archives/12/", "/2019/10/05/planting-garlic/"),
        ("/archives/13/", "/2019/11/02/watering/"),
        ("/about/flyers/", "/flyers/"),
    ):
        target, canonical = _redirect_target(site, old)
        assert target == new
        assert canonical.endswith(new) and canonical.startswith("http")
        assert site.path(target).exists()
    header = read_header_file(imported["content"] / "posts" / "shortcodes-tour.md")
    assert header.get("redirect_from") == "/kites/shortcodes-tour/, /?p=101"


def test_no_broken_internal_links(imported):
    result = check_links(imported["site"].root)
    assert result.failures == []


def test_images_are_copied_and_links_rewritten(imported):
    site, content = imported["site"], imported["content"]
    assert (content / "images/2020/05/kite.png").is_file()
    assert not (content / "images/2020/05/unused.png").exists()
    page = site.soup(POST)
    featured = page.select_one("figure.post-thumbnail img")
    assert featured["alt"] == "A red kite over a green hill"
    figure = page.select_one(".entry-content figure.wp-caption")
    assert figure.select_one("figcaption").get_text(strip=True) == "The kite on its first flight"
    assert figure.select_one("img")["alt"] == "A red kite over a green hill"
    sources = [figure.select_one("img")["src"], page.select_one("audio source")["src"],
               page.select_one("video source")["src"]]
    sources += [a["href"] for a in page.select(".entry-content li a") if "png" in a["href"]]
    assert len(sources) == 5
    for source in sources:
        resolved = urljoin(f"http://site.invalid{POST}", source).removeprefix("http://site.invalid")
        assert resolved.startswith("/images/2020/05/") and site.path(resolved).is_file()
    assert "old.example.org/wp-content" not in site.text(POST)


def test_embeds_become_plain_links(imported):
    site = imported["site"]
    page = site.soup(POST)
    for url in ("https://vimeo.com/76979871", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"):
        assert page.select_one(f'.entry-content a[href="{url}"]') is not None
    blocks = site.soup("/2021/03/04/cafe-blocks/")
    assert blocks.select_one('.entry-content a[href="https://www.youtube.com/watch?v=abc123"]') is not None
    assert blocks.select_one(".entry-content figcaption").get_text(strip=True) == "Ribbons make the tail"
    for built in (site.text(POST), site.text("/2021/03/04/cafe-blocks/")):
        assert "<iframe" not in built and "wp:" not in built


def test_unknown_shortcodes_stay_visible_and_listed(imported):
    text = imported["site"].soup(POST).select_one(".entry-content").get_text()
    assert "[contact-form to=" in text and "[/contact-form]" in text
    assert "[caption] is how you write" in text
    assert imported["reports"]["blog"].unknown_shortcodes == {"contact-form": 1}


def test_statuses_sticky_and_summary(imported):
    site, content = imported["site"], imported["content"]
    assert site.path("/drafts/unfinished-thoughts/").exists()
    assert site.path("/drafts/members-only/").exists()  # password-protected: never published
    assert site.path("/2021/05/01/only-for-me/").exists()  # private: built, listed nowhere
    front = site.soup("/")
    assert "Only for Me" not in front.get_text()
    scheduled = site.soup("/2099/07/01/kite-festival/").select_one(".entry-label-scheduled")
    assert scheduled is not None
    featured = front.select_one("article .entry-label-featured")
    assert "Shortcodes" in featured.find_parent("article").get_text()
    header = read_header_file(content / "posts" / "shortcodes-tour.md")
    assert header.get("summary") == (
        "Every shortcode this blog used, in a classic-editor post. Kites & code live together here."
    )
    assert header.get("category") == "Kites" and header.get("tags") == "shortcodes, Code"
    assert header.get("modified") == "2020-06-01T12:00:00+02:00"
    blocks = read_header_file(content / "posts" / "cafe-blocks.md")
    assert blocks.get("summary") == "Blocks: the *new* editor."


def test_report_counts(imported):
    blog = imported["reports"]["blog"]
    assert blog.imported["posts"] == 6 and blog.imported["pages"] == 1
    assert blog.imported["drafts"] == 2 and blog.imported["private (hidden)"] == 1
    assert blog.imported["comments"] == 4 and blog.imported["pending comments"] == 1
    assert dict(blog.skipped_comments) == {"spam": 1, "trash": 1, "pingback or trackback": 1}
    assert blog.skipped_items["trash"] == 1
    assert blog.imported["images copied"] == 4
    lines = "\n".join(blog.lines())
    assert "Comments skipped: 1 pingback or trackback, 1 spam, 1 trash" in lines
