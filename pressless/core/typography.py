"""Typogrify as Pelican runs it, without the passes that cannot change a word.

smartypants (Typogrify's quotes, dashes and ellipses filter) splits the HTML
into tags and runs of text, and puts every run through some twenty
regular-expression substitutions. Nearly all of them look for a character
most runs do not hold: a quote, a backslash, two hyphens, a dot, a
backtick. At 1,000 posts this came to 2 of the 2.5 seconds Typogrify took.
`smart_punctuation` walks the same tokens the same way and calls
smartypants' own conversions, but only on a run that holds what a
conversion looks for; the result is the same text (tests/speed compares the
two on generated HTML for every option).

`widont` gives typogrify's own widont only the few characters around each
place where it can put its no-break space (it took half of Typogrify's
remaining time, trying its pattern at every character).

`typogrifier` is typogrify.filters.typogrify with these two in place of its
own: the same ignored tags, the same filters in the same order.
"""

import re

import smartypants
from smartypants import Attr
from typogrify import filters

# typogrify.filters.applyfilters's order.
FILTER_ORDER = ("amp", "smartypants", "caps", "initial_quotes", "widont")
DASHES = {
    Attr.d: smartypants.convert_dashes,
    Attr.D: smartypants.convert_dashes_oldschool,
    Attr.i: smartypants.convert_dashes_oldschool_inverted,
}
ENTITY_MODES = {Attr.u: 0, Attr.h: 1, Attr.s: 2}
NOT_SPACE = re.compile(r"\S")


def smart_punctuation(text, attr):
    """smartypants.smartypants(text, attr), converting only the runs of text that need it."""
    skipped_tags = smartypants._tags_to_skip_regex()
    open_skipped = []
    last_char_before = ""
    out = []
    for kind, token in smartypants._tokenize(text):
        if kind == "tag":
            out.append(token)
            skipped = skipped_tags.match(token)
            if skipped:
                _follow_skipped(skipped, open_skipped)
            continue
        last_char = token[-1:]
        if not open_skipped:
            token = _convert_run(token, attr, last_char_before)
        last_char_before = last_char
        out.append(token)
    return "".join(out)


def _follow_skipped(match, open_skipped):
    """Keep the stack of open tags whose text smartypants leaves alone (<pre>, <code>...)."""
    closing, name = match.group(1), match.group(2).lower()
    if not closing:
        open_skipped.append(name)
    elif open_skipped and open_skipped[-1] == name:
        open_skipped.pop()


def _convert_run(run, attr, last_char_before):
    """One run of text between tags, through the conversions `attr` asks for, in smartypants' order."""
    if "\\" in run:
        run = smartypants.process_escapes(run)
    if attr & Attr.w and "&quot;" in run:
        run = run.replace("&quot;", '"')
    dashes = attr & Attr.mask_d
    if dashes in DASHES and "--" in run:
        run = DASHES[dashes](run)
    if attr & Attr.e and "." in run:
        run = smartypants.convert_ellipses(run)
    backticks = attr & Attr.mask_b
    if backticks == Attr.b and ("``" in run or "''" in run):
        run = smartypants.convert_backticks(run)
    elif backticks == Attr.B and ("`" in run or "'" in run):
        run = smartypants.convert_single_backticks(run)
    if attr & Attr.q:
        run = _curl_quotes(run, last_char_before)
    entities = attr & Attr.mask_o
    if entities:
        # Turns entities already in the text into characters too: every run, as smartypants does.
        run = smartypants.convert_entities(run, ENTITY_MODES[entities])
    return run


def _curl_quotes(run, last_char_before):
    # A run that is a lone quote (text split by a tag) curls by what came before it.
    after_text = bool(NOT_SPACE.match(last_char_before))
    if run == "'":
        return "&#8217;" if after_text else "&#8216;"
    if run == '"':
        return "&#8221;" if after_text else "&#8220;"
    if "'" in run or '"' in run:
        return smartypants.convert_quotes(run)
    return run


def typogrifier(ignore_tags, omitted_filters, attr):
    """A text -> text function equal to typogrify.filters.typogrify(text, ignore_tags, ...).

    `omitted_filters` are the names Pelican's TYPOGRIFY_OMIT_FILTERS lists;
    `attr` the smartypants attributes (Pelican's TYPOGRIFY_DASHES choice).
    """
    unknown = set(omitted_filters) - set(FILTER_ORDER)
    if unknown:
        raise ValueError(f"unknown Typogrify filters: {', '.join(sorted(unknown))}")
    steps = [_filter(name, attr) for name in FILTER_ORDER if name not in omitted_filters]

    def apply(text):
        out = []
        for section, process in filters.process_ignores(text, ignore_tags):
            if process:
                for step in steps:
                    section = step(section)
            out.append(section)
        return "".join(out)

    return apply


# Where typogrify's widont may put its &nbsp;: before the closing tag of a
# paragraph, heading, list item or definition, or the end of the text.
BLOCK_CLOSE = re.compile(r"</(?:p|h[1-6]|li|dt|dd)>")
INLINE_CLOSES = ("</a>", "</em>", "</span>", "</strong>", "</i>", "</b>")


def widont(text):
    """typogrify.filters.widont(text), with its pattern tried only where a match can be.

    widont's pattern is tried at every character of the text (about 30 ns
    each: two thirds of Typogrify's time on a post). A match always ends
    with the closing tag of a block (or at the end of the text) and starts
    just before the last run of spaces ahead of it: at the character before
    those spaces, or at the inline tag ending there, which holds no ">" of
    its own. So for each such end this looks back over the inline closing
    tags, the last word and the spaces, and gives widont itself only the
    text from the ">" before that point to the end. The pattern looks at
    nothing before where it starts, and cannot end a match right after a
    block's closing tag (its `$`), so each window changes as it would
    inside the whole text.
    """
    out, done = [], 0
    ends = [match.span() for match in BLOCK_CLOSE.finditer(text)]
    ends.append((len(text), len(text)))
    for close_start, end in ends:
        start = _widont_window(text, done, close_start)
        if start is not None:
            out += [text[done:start], filters.widont(text[start:end])]
            done = end
    out.append(text[done:])
    return "".join(out)


def _widont_window(text, floor, position):
    """Where widont's pattern may start a match ending with the block closed at `position` (or the
    text's end), not before `floor`; None where no match can end there."""
    # Back over the spaces and inline closing tags that may follow the last word.
    while True:
        # str.isspace() is what the pattern calls \s: no-break and other Unicode spaces too.
        while position > floor and text[position - 1].isspace():
            position -= 1
        tag = next((tag for tag in INLINE_CLOSES if text.endswith(tag, floor, position)), None)
        if tag is None:
            break
        position -= len(tag)
    word_start = position
    while word_start > floor and not (text[word_start - 1] in "<>" or text[word_start - 1].isspace()):
        word_start -= 1
    spaces_start = word_start
    while spaces_start > floor and text[spaces_start - 1].isspace():
        spaces_start -= 1
    if word_start == position or spaces_start in (word_start, floor):
        return None
    before = spaces_start - 1
    if text[before] != ">":
        return before
    # An inline tag ends there: it starts after the ">" before it.
    return max(floor, text.rfind(">", floor, before) + 1)


def _filter(name, attr):
    if name == "smartypants":
        return lambda text: smart_punctuation(text, attr)
    if name == "widont":
        return widont
    return getattr(filters, name)
