"""Issue 13, point 8: the smaller things a WordPress reader notices.

A reply form deep in a thread keeps a usable width at 320 px; comment times
follow TIME_FORMAT with WordPress's default ("11:42 am"); the feed link under
a category title is set like the title; the site's feed links appear once.
"""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from plugins.comments.settings import check_settings
from pressless.core.language import strftime_with_ampm

POST = "/2026/03/14/why-we-left-wordpress/"
DEEP_THREAD = "/2026/04/05/keeping-comments-on-a-static-blog/"


@pytest.mark.browser
def test_deepest_reply_form_keeps_its_width_at_320_pixels(page, site_url):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(site_url + DEEP_THREAD)
    depths = page.eval_on_selector_all(
        "#comments li.comment", "items => items.map(i => Number(/depth-(\\d+)/.exec(i.className)[1]))")
    assert max(depths) >= 4, "the test blog has a deep thread"
    page.locator(f"li.depth-{max(depths)} > article .comment-reply-link").first.click()
    form = page.locator("#respond").bounding_box()
    field = page.locator("#comment").bounding_box()
    assert form["width"] >= 240, form
    assert field["width"] >= 210, field
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def test_comment_times_follow_wordpress_default(site):
    times = [t.get_text() for t in site.soup(POST).select("#comments .comment-metadata time")]
    for expected in ("March 14, 2026 at 11:42 am", "March 14, 2026 at 1:05 pm", "March 16, 2026 at 9:30 pm"):
        assert expected in times, times
    assert all(re.fullmatch(r"[A-Z][a-z]+ \d{1,2}, \d{4} at \d{1,2}:\d\d [ap]m", t) for t in times), times


def comment_date(config, moment):
    """The comment's date as comment.html prints it."""
    if config.date_format:
        return strftime_with_ampm(moment, config.date_format)
    return f"{config.dates.date(moment)} at {config.dates.time(moment)}"


@pytest.mark.parametrize(("settings", "expected"), [
    ({}, "March 14, 2026 at 12:01 pm"),
    ({"TIME_FORMAT": "%H:%M"}, "March 14, 2026 at 12:01"),
    ({"TIME_FORMAT": "%-I:%M %P", "DEFAULT_DATE_FORMAT": "%d/%m/%Y"}, "14/03/2026 at 12:01 pm"),
    ({"COMMENTS_DATE_FORMAT": "%Y-%m-%d %H:%M"}, "2026-03-14 12:01"),
    ({"DEFAULT_LANG": "de"}, "14. März 2026 at 12:01"),
])
def test_time_format_setting(settings, expected):
    config = check_settings(settings)
    moment = datetime(2026, 3, 14, 12, 1, tzinfo=ZoneInfo("Europe/Berlin"))
    assert comment_date(config, moment) == expected
    assert comment_date(config, moment.replace(hour=0)).endswith(("12:01 am", "00:01"))


@pytest.mark.browser
def test_category_feed_link_is_set_like_the_title(page, site_url):
    page.goto(site_url + "/category/typography/")
    font = "e => getComputedStyle(e).fontFamily"
    assert page.locator(".archive-feed a").evaluate(font) == page.locator(".page-title").evaluate(font)


def test_the_entries_feed_is_linked_once(site):
    for path in (POST, "/", "/about/"):
        body = site.soup(path).body
        links = [a for a in body.find_all("a", href=True) if a["href"].endswith("feed/atom.xml")
                 and "category" not in a["href"] and "comments" not in a["href"] and "/20" not in a["href"]]
        assert len(links) == 1, (path, links)
        assert links[0].find_parent(class_="widget-meta")
