"""The `Key: value` header that posts, pages and comment files start with.

It follows Python-Markdown's meta extension, which Pelican uses: the header
is the run of `Key: value` lines at the top and ends at the first blank
line (or the first line that is not one); indented lines continue the
previous value. Keys are compared in lower case.
"""

import re

_HEADER_LINE = re.compile(r"^(?P<key>[A-Za-z][A-Za-z0-9_-]*):\s*(?P<value>.*)$")


def split_header(text):
    """({lower-case key: (line number, value)}, body) of a Markdown file's text."""
    lines = text.splitlines()
    header = {}
    last_key = None
    body_start = len(lines)
    for index, line in enumerate(lines):
        if not line.strip():
            body_start = index + 1
            break
        if last_key and line.startswith((" ", "\t")):
            number, value = header[last_key]
            header[last_key] = (number, f"{value} {line.strip()}")
            continue
        match = _HEADER_LINE.match(line)
        if not match:
            body_start = index
            break
        last_key = match["key"].lower()
        header[last_key] = (index + 1, match["value"].strip())
    return header, "\n".join(lines[body_start:]).strip()
