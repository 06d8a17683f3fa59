"""Pelican's writer, stopping with one line when two things write one file.

The checks before writing (outputs.py) catch the collisions we can foresee.
Anything else that writes a file twice (a page of another plugin, a theme
template) would end in Pelican's FileOverwriteFailedError and its traceback;
this writer names both writers instead.
"""

import os

from pelican.writers import Writer

from pressless.core.entries import source_of

from .checks import ContentError


def _writer_name(template, kwargs):
    # Pelican passes the post or page as `article` / `page`; our plugins pass `entry`.
    entry = kwargs.get("article") or kwargs.get("page") or kwargs.get("entry")
    if entry is not None:
        return source_of(entry)
    return f"the {getattr(template, 'name', template)} template"


_A_FEED = (None, {})


class OneWriterPerFile(Writer):
    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        # What wrote each file, as (template, keyword arguments): named only
        # when two collide (naming an entry resolves its source path, which
        # every page written would otherwise pay for).
        self._writer_of = {}
        self._writing = _A_FEED

    def write_feed(self, *args, **kwargs):
        self._writing = _A_FEED
        return super().write_feed(*args, **kwargs)

    def write_file(self, name, template, context, *args, **kwargs):
        self._writing = (template, kwargs)
        return super().write_file(name, template, context, *args, **kwargs)

    def _open_w(self, filename, encoding, override=False):
        first = self._writer_of.setdefault(filename, self._writing)
        overriding = override or filename in self._overridden_files
        if filename in self._written_files and not overriding:
            shown = os.path.relpath(filename, self.output_path)
            raise ContentError(
                f"{_named(self._writing)} and {_named(first)} are both written to {shown}; "
                "give one of them another Slug"
            )
        return super()._open_w(filename, encoding, override=override)


def _named(writing):
    template, kwargs = writing
    return "a feed" if writing is _A_FEED else _writer_name(template, kwargs)
