"""The `Key: value` header of posts, pages and comment files: read and write.

Reading follows Python-Markdown's `meta` extension, which Pelican's Markdown
reader uses, line for line: an optional `---` line first; `Key: value` lines
(up to three spaces before the key); lines indented four spaces or more
continue the key above; the header ends at the first blank line, a `---` or
`...` line, or the first line that is none of these. A UTF-8 byte order mark
is dropped, as Pelican reads files as `utf-8-sig`. Keys are compared in lower
case.

Pelican keeps the first value of a key given twice (and, for most keys, turns
a continued value into a list nobody expects), so `Header.duplicates` names
every key given on more than one line for the caller to report.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

_KEY_LINE = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
_MORE_LINE = re.compile(r"^[ ]{4,}(?P<value>.*)")
_BEGIN = re.compile(r"^-{3}(\s.*)?")
_END = re.compile(r"^(-{3}|\.{3})(\s.*)?")
BOM = "\ufeff"
# Values Pelican joins across continuation lines instead of keeping the first.
MULTILINE_KEYS = frozenset({"summary"})


@dataclass(frozen=True)
class Field:
    """One key as the file gives it: every line it is given on, every value."""

    key: str
    lines: tuple[int, ...]
    values: tuple[str, ...]

    @property
    def line(self):
        return self.lines[0]

    @property
    def value(self):
        """What Pelican reads: the first value, or all lines joined for a summary."""
        if self.key in MULTILINE_KEYS:
            return "\n".join(self.values)
        return self.values[0]


@dataclass(frozen=True)
class Header:
    fields: dict = field(default_factory=dict)  # lower-case key -> Field, in file order
    body: str = ""
    body_line: int = 1  # the 1-based line the body starts on

    def __contains__(self, key):
        return key.lower() in self.fields

    def get(self, key, default=None):
        found = self.fields.get(key.lower())
        return found.value if found else default

    def line(self, key, default=1):
        found = self.fields.get(key.lower())
        return found.line if found else default

    @property
    def duplicates(self):
        """Fields given on more than one `Key:` line."""
        return [f for f in self.fields.values() if len(f.lines) > 1]


def read_header(text):
    """Split a Markdown file's text into its Header (with the body)."""
    if text.startswith(BOM):
        text = text[len(BOM):]
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    index = 1 if lines and _BEGIN.match(lines[0]) else 0
    lines_of, values_of, key = {}, {}, None
    while index < len(lines):
        line = lines[index]
        if not line.strip() or _END.match(line):
            index += 1
            break
        match = _KEY_LINE.match(line)
        if match:
            key = match["key"].lower()
            lines_of.setdefault(key, []).append(index + 1)
            values_of.setdefault(key, []).append(match["value"].strip())
        else:
            more = _MORE_LINE.match(line)
            if not (more and key):
                break
            values_of[key].append(more["value"].strip())
        index += 1
    fields = {k: Field(k, tuple(lines_of[k]), tuple(values_of[k])) for k in lines_of}
    return Header(fields, "\n".join(lines[index:]).strip("\n"), index + 1)


def read_header_file(path):
    """The Header of a file, read as Pelican reads it (UTF-8, BOM dropped)."""
    return read_header(Path(path).read_text(encoding="utf-8-sig"))


def one_line(value):
    """A value squeezed onto one line: a line break would end the header."""
    return " ".join(str(value).split())


def write_header(fields, body):
    """A file's text from (Key, value) pairs and a Markdown body.

    Pairs whose value is None are left out; every value is put on one line.
    The result reads back with `read_header` to the same keys and values.
    """
    lines = [f"{key}: {one_line(value)}" for key, value in fields if value is not None]
    return "\n".join(lines) + "\n\n" + body.strip("\n") + "\n"
