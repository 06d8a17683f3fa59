"""Errors in what the author wrote or set, which stop a build without a traceback.

Pelican prints the exception that ends a build with its full traceback. For
a misspelt setting or a post with a bad header that is noise around the one
line the author needs, so plugins raise an AuthorError and a logging filter
on Pelican's logger prints its message alone. Pelican's command line exits
with the error's `exitcode`.
"""

import logging
from dataclasses import dataclass


class AuthorError(Exception):
    """Something the author must fix in content or settings; the build stops.

    The message reads `plugin: what is wrong, how to fix it`, or for content
    `path:line: what is wrong`.
    """

    exitcode = 1


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one file, at one line (1 when the line is unknown)."""

    path: str
    line: int
    message: str

    def __str__(self):
        return f"{self.path}:{self.line}: {self.message}"


class _HideAuthorErrorTraceback(logging.Filter):
    def filter(self, record):
        if record.exc_info and isinstance(record.exc_info[1], AuthorError):
            record.exc_info = None
            record.exc_text = None
        return True


def show_author_errors_without_traceback():
    """Install the filter on Pelican's logger, once however many plugins ask."""
    pelican_logger = logging.getLogger("pelican")
    if not any(isinstance(f, _HideAuthorErrorTraceback) for f in pelican_logger.filters):
        pelican_logger.addFilter(_HideAuthorErrorTraceback())
