"""WordPress shortcodes: found the way WordPress finds them, turned into HTML or code.

The pattern follows WordPress's own get_shortcode_regex: `[name attrs]`,
`[name attrs /]` or `[name attrs]content[/name]`, and `[[name]]` is the
escaped form that shows `[name]` as text. Attributes are parsed like
shortcode_parse_atts: `key="v"`, `key='v'`, `key=v` and bare values.
"""

import html
import re
from dataclasses import dataclass

CODE_SHORTCODES = ("sourcecode", "code")
_ATTRIBUTE = re.compile(
    r"""([\w-]+)\s*=\s*"([^"]*)"(?:\s|$)|([\w-]+)\s*=\s*'([^']*)'(?:\s|$)|([\w-]+)\s*=\s*([^\s'"]+)(?:\s|$)"""
    r"""|"([^"]*)"(?:\s|$)|'([^']*)'(?:\s|$)|(\S+)(?:\s|$)"""
)
# Anything that looks like a shortcode with a closing tag or attributes: what
# is left of these after the known ones are converted is listed as unknown.
_ANY_SHORTCODE = re.compile(
    r"(?<!\[)\[([a-zA-Z][\w-]*)(?:\s[^\]\[]*=[^\]\[]*)?\](?:(?:.*?)\[/\1\])?", re.DOTALL
)
_LANGUAGE = re.compile(r"[^A-Za-z0-9_+#.-]")


@dataclass(frozen=True)
class Shortcode:
    name: str
    attributes: dict  # lower-case key -> value; bare values under '0', '1'...
    content: str | None  # None for a shortcode with no closing tag
    text: str  # as written

    def get(self, *keys, default=""):
        for key in keys:
            if self.attributes.get(key):
                return self.attributes[key]
        return default


def pattern(names):
    alternation = "|".join(re.escape(name) for name in names)
    return re.compile(
        r"\[(?P<open>\[?)(?P<name>" + alternation + r")(?![\w-])"
        r"(?P<attrs>[^\]/]*(?:/(?!\])[^\]/]*)*?)"
        r"(?:(?P<selfclosing>/)\]|\](?:(?P<content>.*?)\[/(?P=name)\])?)"
        r"(?P<close>\]?)",
        re.DOTALL | re.IGNORECASE,
    )


def parse_attributes(text):
    """WordPress's attribute rules; entities in values decoded once."""
    text = text.replace("\xa0", " ").replace("\u200b", " ")
    attributes, position = {}, 0
    for match in _ATTRIBUTE.finditer(text):
        groups = match.groups()
        for key_index in (0, 2, 4):
            if groups[key_index]:
                attributes[groups[key_index].lower()] = html.unescape(groups[key_index + 1])
                break
        else:
            value = next(group for group in groups[6:] if group is not None)
            attributes[str(position)] = html.unescape(value)
            position += 1
    return attributes


def replace_shortcodes(text, names, convert):
    """Replace each shortcode named in `names` by convert(Shortcode); `[[x]]` becomes `[x]`."""

    def replace(match):
        if match["open"] and match["close"]:
            return match.group(0)[1:-1]
        shortcode = Shortcode(
            name=match["name"].lower(),
            attributes=parse_attributes(match["attrs"] or ""),
            content=match["content"],
            text=match.group(0),
        )
        return match["open"] + convert(shortcode) + match["close"]

    return pattern(names).sub(replace, text)


def remaining_shortcode_names(text):
    """Names of what still looks like a shortcode in `text` (for the report)."""
    return {match[1].lower() for match in _ANY_SHORTCODE.finditer(text)}


def language_of(shortcode):
    """The fence language of [code lang=x] / [sourcecode language=x] / [php] forms."""
    language = shortcode.get("language", "lang", "0")
    return _LANGUAGE.sub("", language).lower()[:30]


def code_text(content):
    """The code inside [code]...[/code], exactly as the reader saw it.

    WordPress keeps it either raw (`a < b && c`) or entity-encoded by the
    visual editor (`a &lt; b &amp;&amp; c`): decoding once gives the same
    characters for both, and `&amp;lt;` stays the visible text `&lt;`.
    """
    code = html.unescape(content or "")
    code = code.replace("\r\n", "\n").replace("\r", "\n")
    return code.strip("\n")


def fenced(code, language=""):
    """A fenced block that no run of backticks inside the code can end."""
    longest = max((len(run) for run in re.findall(r"`+", code)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{language}\n{code}\n{fence}"
