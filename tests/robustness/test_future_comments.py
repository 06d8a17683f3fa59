"""A comment dated in the future waits for its date, like a scheduled post (issue 15, defect 10)."""

import feedparser

from plugins.comments.model import hold_future_comments
from tests.comments.helpers import comment_text, post_text
from tests.site_model.helpers import run_build

POST = {"posts/why.md": post_text("why", "Why static", date="2026-03-01 10:00")}
COMMENTS = {
    "comments/why/1.md": comment_text("Ana Past", "2026-03-02 09:00", "Written before the build."),
    "comments/why/2.md": comment_text("Zed Future", "2026-06-01 09:00", "Dated after the build."),
    "comments/why/3.md": comment_text("Ivo Reply", "2026-06-02 09:00", "A reply to the future one.",
                                      reply_to="2"),
}


def build_as_of(folder, now):
    code, log, site = run_build(folder, {**POST, **COMMENTS}, settings=[f'SCHEDULED_POSTS_NOW="{now}"'])
    assert code == 0, log
    return site, log


def shown_authors(site):
    return [a.get_text(strip=True) for a in site.soup("/2026/03/01/why/").select(".comment .fn")]


def test_a_future_comment_is_nowhere_until_its_date(tmp_path):
    site, log = build_as_of(tmp_path, "2026-04-01T00:00:00+00:00")
    assert shown_authors(site) == ["Ana Past"]
    soup = site.soup("/2026/03/01/why/")
    assert soup.select_one(".comments-link").get_text().startswith("1 Comment")
    recent = [li.get_text(" ", strip=True) for li in soup.select(".recent-comments-list li")]
    assert recent == ["Ana Past on Why static"]
    site_feed = feedparser.parse(site.text("/comments/feed/atom.xml"))
    post_feed = feedparser.parse(site.text("/2026/03/01/why/feed/atom.xml"))
    assert [e.author for e in site_feed.entries] == [e.author for e in post_feed.entries] == ["Ana Past"]
    assert "Zed Future" not in "".join(p.read_text() for p in site.root.rglob("*.html"))
    # Held quietly, as a scheduled post is: the reply to the held comment is not "orphaned".
    assert "WARNING" not in log, log


def test_the_build_on_its_date_shows_it(tmp_path):
    site, _ = build_as_of(tmp_path, "2026-06-03T00:00:00+00:00")
    assert shown_authors(site) == ["Ana Past", "Zed Future", "Ivo Reply"]
    reply = site.soup("/2026/03/01/why/").select_one("#li-comment-3")
    assert reply.find_parent(id="li-comment-2") is not None, "the reply is threaded under its parent"


def test_hold_future_comments_keeps_records_and_marks_the_future_ones():
    from datetime import UTC, datetime

    from pressless.core.comments import parse_comment

    def comment(cid, date):
        text = comment_text("A", date, "x")
        return parse_comment(text, comment_id=cid, post_slug="p", source=cid, timezone=UTC)[0]

    now = datetime(2026, 4, 1, tzinfo=UTC)
    kept, held = hold_future_comments([comment("1", "2026-03-01"), comment("2", "2026-05-01")], now)
    assert [c.id for c in kept] == ["1", "2"] and [c.id for c in held] == ["2"]
    assert [c.is_visible for c in kept] == [True, False]
