"""Code blocks highlighted with StyleOnceHtmlFormatter come out as with Pygments' own.

The formatter shares one style map between the formatters codehilite makes
for each block. Blocks in several languages, with two styles and two class
prefixes taking turns, must give exactly Pygments' "html" formatter's HTML.
"""

import markdown
import pytest
from pygments.formatters.html import HtmlFormatter

from plugins.markdown_extras.highlight import StyleOnceHtmlFormatter

BLOCKS = {
    "python": 'def greet(name):\n    """Say hello."""\n    return f"Hello, {name}!"  # done\n',
    "javascript": "const total = items.reduce((sum, x) => sum + x.price, 0);\nconsole.log(`${total}`);\n",
    "bash": 'for f in *.md; do\n  echo "$f" | sed -e "s/a/b/"\ndone\n',
    "css": "main > p:first-child { color: #333; margin: 0 auto !important; }\n",
    "html": '<a href="/x?a=1&amp;b=2" class="c">Link</a>\n<!-- note -->\n',
    "text": "Plain text with <angle> & ampersand.\n",
}
DOCUMENT = "\n".join(f"```{language}\n{code}```\n" for language, code in BLOCKS.items())
OPTIONS = [
    {"css_class": "highlight", "guess_lang": False},
    {"css_class": "highlight", "guess_lang": False, "pygments_style": "monokai"},
    {"css_class": "code", "guess_lang": False, "linenums": True},
    {"css_class": "highlight", "guess_lang": False, "noclasses": True, "pygments_style": "emacs"},
    {"css_class": "highlight", "guess_lang": False, "noclasses": True, "pygments_style": "monokai"},
    {"css_class": "highlight", "guess_lang": False, "noclasses": True, "classprefix": "pg-"},
    {"css_class": "highlight", "guess_lang": False, "classprefix": "pg-"},
]


def html(options, formatter=None):
    config = dict(options, **({"pygments_formatter": formatter} if formatter else {}))
    converter = markdown.Markdown(
        extensions=["fenced_code", "codehilite"], extension_configs={"codehilite": config})
    return converter.convert(DOCUMENT)


@pytest.mark.parametrize("rounds", [1, 3])
def test_same_html_as_pygments_whatever_style_comes_first(rounds):
    for _round in range(rounds):
        for options in OPTIONS:
            assert html(options, StyleOnceHtmlFormatter) == html(options)


def test_highlighting_is_there_to_compare():
    # The comparison means something only if the blocks are highlighted.
    assert html(OPTIONS[0], StyleOnceHtmlFormatter).count('<span class="k">') >= 2
    assert "style=\"color:" in html(OPTIONS[3], StyleOnceHtmlFormatter)


def test_style_sheets_are_pygments_own_for_each_prefix():
    for options in [{}, {"classprefix": "pg-"}, {"style": "monokai"}, {"classprefix": "pg-"}]:
        ours = StyleOnceHtmlFormatter(**options).get_style_defs(".highlight")
        assert ours == HtmlFormatter(**options).get_style_defs(".highlight")
