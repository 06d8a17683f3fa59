"""The comments section in Chromium: accessible and readable on a phone."""

import pytest

from pressless.tools.quality.accessibility import violations_in_page

from .test_example_site import busiest_post, post_url, slug_with

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("which", ["busiest", "closed"])
def test_comments_pass_axe(page, site, site_url, which):
    slug = busiest_post() if which == "busiest" else slug_with("closed")
    page.goto(site_url + post_url(site, slug))
    for scope in ("#comments", ".widget-recent-comments", ".entry-meta"):
        violations = violations_in_page(page, scope)
        assert violations == [], [(v["id"], v["targets"]) for v in violations]


def test_deep_thread_fits_a_320px_screen(page, site, site_url):
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(site_url + post_url(site, busiest_post()))
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    deepest = page.locator("#comments li.depth-5 .comment-content").first
    box = deepest.bounding_box()
    # The deepest replies still get most of the narrow screen for their text.
    assert box["width"] >= 180
    avatar = page.locator("#comments .avatar").first.bounding_box()
    assert (round(avatar["width"]), round(avatar["height"])) == (40, 40)


def test_date_link_jumps_to_the_comment(page, site, site_url):
    page.goto(site_url + post_url(site, busiest_post()))
    date_link = page.locator("#comments li.depth-3 .comment-metadata a").first
    target = date_link.get_attribute("href")
    date_link.click()
    assert page.url.endswith(target)
    assert page.locator(target).is_visible()
