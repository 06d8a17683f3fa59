"""Typogrify runs once per file, whoever reads it.

Pelican's Readers applies Typogrify after a reader returns. A reader that
applies it itself (the reader cache keeps Markdown and Typogrify output
together) marks its class, and any Readers object holding such a reader must
then read with TYPOGRIFY off, or the HTML is typogrified twice. A build's
generators and the live preview's own Readers both follow this rule.
"""

MARK = "_typogrifies"


def mark_typogrifying(reader_class):
    """Mark a reader class that applies Typogrify itself; return it."""
    setattr(reader_class, MARK, True)
    return reader_class


def typogrify_once(readers):
    """Give a Readers object settings with TYPOGRIFY off when its readers typogrify themselves."""
    if any(getattr(reader, MARK, False) for reader in readers.readers.values()):
        readers.settings = {**readers.settings, "TYPOGRIFY": False}
