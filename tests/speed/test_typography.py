"""pressless.core.typography gives the same text as Typogrify and smartypants themselves.

The quick path skips a conversion on a run of text that lacks what it looks
for; these tests feed both generated HTML full of the characters and tags
that matter (quotes split by tags, escapes, dashes, dots, backticks,
entities, <pre> and <code>, comments, ignored tags) under every option.
"""

import random

import pytest
import smartypants
from smartypants import Attr
from typogrify import filters
from typogrify.filters import typogrify

from plugins.reader_cache import check_settings
from pressless.core.config import SettingsError
from pressless.core.typography import FILTER_ORDER, smart_punctuation, typogrifier, widont

PIECES = [
    "word", "Isn't", "'80s", "rock 'n' roll", '"quoted"', "'single'", '"', "'", "``", "''", "`", "--", "---",
    "...", ". . .", ".", "\\\\", '\\"', "\\'", "\\.", "\\-", "\\`", "&quot;", "&nbsp;", "&#8211;", "&#8220;",
    "&amp;", "&mdash;", " ", "  ", "\n", "\t", "(", ")", "[", "-", "!", "?", ";", "2024", "NASA", "A & B",
    "<p>", "</p>", "<em>", "</em>", "<a href=\"x'y\">", "</a>", "<pre>", "</pre>", "<code>", "</code>",
    "<PRE>", "</PRE>", "<kbd>", "</kbd>", "<script>", "</script>", "<!-- a -- b -->", "<br/>", "<h2>",
    "</h2>", "<li>", "</li>", "<span class=\"test\">", "</span>", "<div>", "</div>",
]
ATTRS = [
    Attr.set0, Attr.set1, Attr.set2, Attr.set3, Attr.set1 | Attr.w, Attr.set2 | Attr.w,
    Attr.q | Attr.B | Attr.d, Attr.set1 | Attr.u, Attr.set2 | Attr.h | Attr.w, Attr.set3 | Attr.s,
    Attr.q, Attr.e, Attr.B, Attr.D | Attr.w,
]


def generated_html(seed, count):
    rng = random.Random(seed)
    return ["".join(rng.choice(PIECES) for _ in range(rng.randint(1, 40))) for _ in range(count)]


@pytest.mark.parametrize("attr", ATTRS)
def test_smart_punctuation_equals_smartypants(attr):
    for text in generated_html(attr, 600):
        assert smart_punctuation(text, attr) == smartypants.smartypants(text, attr), text


@pytest.mark.parametrize(
    ("ignore_tags", "omitted"),
    [
        (["pre", "code", "kbd", "samp", "script", "style", "title"], ["amp", "caps", "initial_quotes"]),
        ([], []),
        (["h2", "span.test"], ["widont"]),
        (["p"], ["smartypants", "caps"]),
    ],
)
def test_typogrifier_equals_typogrify(ignore_tags, omitted, monkeypatch):
    attr = Attr.set2 | Attr.w
    # typogrify's own filter reads smartypants' module-wide default.
    monkeypatch.setattr(Attr, "default", attr)
    apply = typogrifier(ignore_tags, omitted, attr)
    expected_options = dict.fromkeys(omitted, False)
    for text in generated_html(len(omitted), 400):
        assert apply(text) == typogrify(text, ignore_tags, **expected_options), text


# What widont's pattern turns on: the closing tags of blocks and of inline
# elements, every kind of space (a no-break space is one to it), tags whose
# names only start like an inline one, a "<" inside an attribute, stray "<"
# and ">", and lines ending the text.
WIDONT_PIECES = [
    "word", "x", "é", "!", ".", "--", " ", "  ", "\n", "\t", "\xa0", "\u2003", "<", ">", "&nbsp;",
    "<p>", "</p>", "</P>", "<h2>", "</h2>", "</h6>", "<li>", "</li>", "</li >", "</dt>", "</dd>", "<div>",
    "</div>", "<em>", "</em>", '<a href="x">', "</a>", '<span class="s">', "</span>", "<strong>", "</strong>",
    "<i>", "</i>", "<b>", "</b>", "<br>", "<br/>", '<img src="a<b" alt="y z">', '<abbr title="t">', "</abbr>",
    "<blockquote>", "</blockquote>", '<a title="1 < 2">', "</pre>", "<aside>", "</article>",
]


def test_widont_equals_typogrifys():
    rng = random.Random(7)
    texts = ["".join(rng.choice(WIDONT_PIECES) for _ in range(rng.randint(0, 30))) for _ in range(30000)]
    texts += generated_html("widont", 2000)
    for text in texts:
        assert widont(text) == filters.widont(text), text


def test_an_unknown_filter_is_refused():
    with pytest.raises(ValueError, match="smartquotes"):
        typogrifier([], ["smartquotes"], Attr.set1)
    assert "smartypants" in FILTER_ORDER


def test_the_reader_cache_names_an_unknown_filter_in_the_settings():
    with pytest.raises(SettingsError, match=r"TYPOGRIFY_OMIT_FILTERS.*'smartquotes'"):
        check_settings({"TYPOGRIFY": True, "TYPOGRIFY_OMIT_FILTERS": ["caps", "smartquotes"]})
    # Typogrify off: the list is not read.
    check_settings({"TYPOGRIFY": False, "TYPOGRIFY_OMIT_FILTERS": ["smartquotes"]})
