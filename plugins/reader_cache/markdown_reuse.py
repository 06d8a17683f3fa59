"""Pelican's Markdown reader, with its Markdown instances kept from file to file.

Pelican builds a new `markdown.Markdown` for every file it reads (about a
millisecond each: every extension registers its processors and compiles its
patterns again), then converts the header fields (Summary) with the same
instance after removing its "meta" preprocessor. This reader keeps two
instances per reader object, one for bodies and one for header fields, and
calls `reset()` before each conversion, which is how Python-Markdown
separates documents (Pelican relies on it already between a body and its
summary).

Reuse is only as safe as every extension's `reset()`. It is used only when
each registered extension is one whose per-document state we checked
(`REUSABLE_EXTENSIONS`); any other extension, or footnotes with UNIQUE_IDS
(its ids count resets), gets a new instance per file, as Pelican does.
tests/speed/test_markdown_reuse.py reads files one after another and
compares each with a fresh reader's output.
"""

from markdown import Markdown
from pelican.readers import MarkdownReader
from pelican.utils import pelican_open

# Modules of the extensions whose state reset() clears (or that keep none).
REUSABLE_EXTENSIONS = frozenset(
    f"markdown.extensions.{name}"
    for name in (
        "abbr", "admonition", "attr_list", "codehilite", "def_list", "extra", "fenced_code",
        "footnotes", "legacy_attrs", "legacy_em", "md_in_html", "meta", "nl2br", "sane_lists",
        "smarty", "tables", "toc", "wikilinks",
    )
) | {"plugins.markdown_extras.table_align"}
META = "meta"


def reusable(md):
    """Can this instance convert one document after another, with reset() between?"""
    for extension in md.registeredExtensions:
        if type(extension).__module__ not in REUSABLE_EXTENSIONS:
            return False
        if type(extension).__name__ == "FootnoteExtension" and extension.getConfig("UNIQUE_IDS"):
            return False
    return True


class ReusingMarkdownReader(MarkdownReader):
    """MarkdownReader that converts with kept instances when their extensions allow it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._body = None  # converts whole files, header lines included
        self._fields = None  # converts header fields; Pelican removes its "meta" preprocessor
        self._meta = None  # that preprocessor, put back before each file

    def _instances(self):
        if self._body is None:
            self._body = Markdown(**self.settings["MARKDOWN"])
            self._fields = Markdown(**self.settings["MARKDOWN"]) if reusable(self._body) else None
            if self._fields is not None:
                self._meta = self._fields.preprocessors[META]
        return self._body, self._fields

    def read(self, source_path):
        body, fields = self._instances()
        if fields is None:
            return super().read(source_path)
        self._source_path = source_path
        body.reset()
        with pelican_open(source_path) as text:
            content = body.convert(text)
        # Pelican's _parse_metadata removes "meta" from self._md (strictly:
        # it must be there), resets it and converts each formatted field; the
        # preprocessor is put back so the next file's removal finds it. Its
        # priority is irrelevant: it never runs on this instance.
        if META not in fields.preprocessors:
            fields.preprocessors.register(self._meta, META, 0)
        self._md = fields
        return content, self._parse_metadata(body.Meta)


# Pelican names metadata["reader"] after the class ("markdown"); templates may read it.
ReusingMarkdownReader.__name__ = MarkdownReader.__name__
