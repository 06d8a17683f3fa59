"""Issue 13, point 1: a post reads in one column, as in Twenty Sixteen.

Title, body, share row, comments and form share their left and right edges;
heavy rules sit above "N thoughts on ..." and "Leave a Reply"; previous/next
come after the form, labelled "Previous Post" / "Next Post" with the titles.
"""

import pytest

pytestmark = pytest.mark.browser

POST = "/2026/03/14/why-we-left-wordpress/"
COLUMN_PARTS = [".entry-title", ".entry-content", ".share-buttons", ".comments-title",
                ".comment-list", "#respond", ".post-navigation"]


def _edges(page, selector):
    box = page.locator(selector).first.bounding_box()
    assert box, f"{selector} is not shown"
    return round(box["x"]), round(box["x"] + box["width"])


@pytest.mark.parametrize("width", [1280, 390])
def test_title_body_share_comments_and_form_share_one_column(page, site_url, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site_url + POST)
    edges = {selector: _edges(page, selector) for selector in COLUMN_PARTS}
    assert len({left for left, _ in edges.values()}) == 1, edges
    # Blocks that fill the column end where it ends (the title's own text may be shorter).
    full = [edges[s][1] for s in (".entry-content", ".comment-list", "#respond", ".post-navigation")]
    assert len(set(full)) == 1, edges


def test_heavy_rules_above_the_thread_and_the_form_and_none_under_the_entry(page, site_url):
    page.goto(site_url + POST)

    def border(selector, side):
        return page.locator(selector).first.evaluate(f"e => getComputedStyle(e).border{side}Width")

    assert border(".comments-title", "Top") == "4px"
    assert border("#respond", "Top") == "4px"
    assert border("article.entry", "Bottom") == "0px"
    # The comments sit on the page itself, not in an inset box.
    padding = page.locator("#comments").evaluate("e => getComputedStyle(e).paddingLeft")
    assert padding == "0px"


def test_previous_and_next_post_follow_the_form(page, site_url):
    page.goto(site_url + POST)
    order = page.evaluate(
        """() => {
            const form = document.getElementById('respond');
            const nav = document.querySelector('nav.post-navigation');
            return form.compareDocumentPosition(nav) & Node.DOCUMENT_POSITION_FOLLOWING;
        }"""
    )
    assert order, "post navigation comes after the comment form"
    previous = page.locator(".post-navigation .nav-previous a")
    following = page.locator(".post-navigation .nav-next a")
    assert previous.locator(".meta-nav").inner_text().strip().lower() == "previous post"
    assert following.locator(".meta-nav").inner_text().strip().lower() == "next post"
    assert previous.locator(".meta-nav").evaluate("e => e.textContent") == "Previous Post"
    assert following.locator(".meta-nav").evaluate("e => e.textContent") == "Next Post"
    assert previous.locator(".post-title").inner_text().strip()
    assert following.locator(".post-title").inner_text().strip()
