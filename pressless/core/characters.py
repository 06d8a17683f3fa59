"""Characters no page or feed can carry.

XML 1.0 (Atom feeds, the sitemap) has no way to write the C0 control
characters other than tab, line feed and carriage return, nor U+FFFE and
U+FFFF; feedgenerator stops the build with a traceback on the first one.
They are never meant: a stray escape from a terminal, a form feed from a
paste. Posts with one are refused naming the line; comments are left out.
"""

import re

_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def first_unwritable_character(text):
    """(line, 'U+001B') of the first character XML cannot hold, or None."""
    match = _NOT_IN_XML.search(text)
    if match is None:
        return None
    line = text.count("\n", 0, match.start()) + 1
    return line, f"U+{ord(match.group()):04X}"
