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

`typogrifier` is typogrify.filters.typogrify with that smartypants in place
of its own: the same ignored tags, the same filters in the same order.
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


def _filter(name, attr):
    if name == "smartypants":
        return lambda text: smart_punctuation(text, attr)
    return getattr(filters, name)
