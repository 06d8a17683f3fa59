"""Point 3: Markdown extensions, Pygments highlighting, Typogrify outside code."""

import re
from pathlib import Path

from tests.fixtures.blog import POSTS
from tests.fixtures.blog.metadata import ROOT, published_posts

STYLESHEETS = ROOT / "theme" / "static" / "css"


def _post_url(header):
    date = header["date"]
    return f"/{date[:4]}/{date[5:7]}/{date[8:10]}/{header['slug']}/"


def _posts_containing(marker):
    posts = published_posts()
    for stem, header in posts.items():
        if marker in (Path(POSTS / f"{stem}.md")).read_text():
            yield header


def _first_post_with(marker):
    header = next(_posts_containing(marker), None)
    assert header, f"no example post uses {marker!r}"
    return header


def test_fenced_code_is_highlighted_with_css_classes(site):
    soup = site.soup(_post_url(_first_post_with("```python")))
    blocks = soup.select("div.highlight pre")
    assert blocks
    tokens = [span for block in blocks for span in block.select("span[class]")]
    assert tokens, "Pygments marks tokens with classes"
    assert not soup.select("div.highlight [style]"), "no inline colours: class-based CSS only"


def test_pygments_css_has_light_and_dark_rules():
    # The code colours live in the one stylesheet, between the markers `invoke pygments-css` rewrites.
    stylesheet = (STYLESHEETS / "style.css").read_text()
    _, start, rest = stylesheet.partition("/* == code colours: written by `invoke pygments-css`")
    css, end, _ = rest.partition("/* == end of code colours == */")
    assert start and end
    assert ".highlight .k " in css or ".highlight .k{" in css
    light, _, dark = css.partition("@media (prefers-color-scheme: dark)")
    assert dark, "a dark palette under prefers-color-scheme"
    assert re.search(r"\.highlight \.k \{[^}]*color", light)
    assert re.search(r"\.highlight \.k \{[^}]*color", dark)


def test_table_alignment_is_a_class_not_a_style(site):
    soup = site.soup(_post_url(_first_post_with("--:|")))
    assert soup.select(".entry-content td.align-right")
    assert not soup.select(".entry-content [style]")


def test_tables_footnotes_toc_attr_lists_admonitions(site):
    table = site.soup(_post_url(_first_post_with("---|")))
    assert table.select(".entry-content table th")
    footnotes = site.soup(_post_url(_first_post_with("[^1]")))
    assert footnotes.select(".entry-content .footnote li[id^=fn]")
    assert footnotes.select(".entry-content sup[id^=fnref] a[href^='#fn']")
    toc = site.soup(_post_url(_first_post_with("[TOC]")))
    links = toc.select(".entry-content .toc a[href^='#']")
    assert len(links) >= 2
    for link in links:
        assert toc.find(id=link["href"][1:]), link["href"]
    attrs = site.soup(_post_url(_first_post_with("{: .lead }")))
    assert attrs.select_one(".entry-content p.lead")
    admonition = site.soup(_post_url(_first_post_with("!!! note")))
    assert admonition.select_one(".entry-content .admonition.note .admonition-title")


def test_typogrify_in_prose_never_in_code(site):
    header = _first_post_with("```python")
    soup = site.soup(_post_url(header))
    prose = " ".join(p.get_text() for p in soup.select(".entry-content > p"))
    assert "’" in prose or "“" in prose, "smart quotes in prose"
    assert "'" not in prose.replace("’", "")
    for code in soup.select(".entry-content pre, .entry-content code"):
        text = code.get_text()
        assert not re.search("[‘’“”–—…]", text), f"typography inside code: {text[:60]}"
    # Typogrify's widont: the last two words of a paragraph do not part.
    paragraphs = [p.get_text() for p in soup.select(".entry-content > p") if " " in p.get_text()]
    assert any("\xa0" in text.rstrip()[-30:] for text in paragraphs)
