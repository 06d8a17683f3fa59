"""Issue 13, point 7: text is set in the reader's system font, never a Times-like fallback.

Chromium tells which installed font it really drew each node with
(CSS.getPlatformFontsForNode); no page downloads a font.
"""

import pytest

pytestmark = pytest.mark.browser

POST = "/2026/03/14/why-we-left-wordpress/"
# What a missing Georgia / Arial ends up as on Linux.
FALLBACK_LOOKALIKES = {"Liberation Serif", "DejaVu Serif", "Times New Roman", "Nimbus Roman",
                       "Liberation Sans", "Arial"}
SELECTORS = [".entry-content p", ".entry-title", ".entry-meta", ".comment-content p", ".widget-title",
             ".site-title a"]


def _used_fonts(page, client, selector):
    node = page.locator(selector).first
    node.evaluate("e => e.setAttribute('data-font-probe', '')")
    document = client.send("DOM.getDocument", {"depth": 0})
    found = client.send("DOM.querySelector", {"nodeId": document["root"]["nodeId"],
                                              "selector": "[data-font-probe]"})
    fonts = client.send("CSS.getPlatformFontsForNode", {"nodeId": found["nodeId"]})["fonts"]
    node.evaluate("e => e.removeAttribute('data-font-probe')")
    return {font["familyName"] for font in fonts}


def test_text_uses_the_system_font_stack(page, site_url):
    fonts_requested = []
    page.on("request", lambda r: r.resource_type == "font" and fonts_requested.append(r.url))
    page.goto(site_url + POST, wait_until="networkidle")
    client = page.context.new_cdp_session(page)
    client.send("DOM.enable")
    client.send("CSS.enable")
    for selector in SELECTORS:
        used = _used_fonts(page, client, selector)
        assert used and not used & FALLBACK_LOOKALIKES, (selector, used)
    stack = page.evaluate("getComputedStyle(document.querySelector('.entry-content p')).fontFamily")
    for family in ("-apple-system", "Segoe UI", "Roboto", "Ubuntu", "Cantarell"):
        assert family in stack, stack
    assert stack.endswith("sans-serif")
    assert fonts_requested == []
