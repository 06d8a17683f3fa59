"""Which process writes which output file, and a writer that writes only its share.

Every process walks through every page and feed Pelican writes, in the same
order, so signals (`content_written`: the sitemap's list of pages) fire
everywhere as in a one-process build; only the owner of a file renders and
writes it. The owner is a stable hash of the file's path inside the output
folder, so a file written twice (a collision Pelican's writer refuses) is
written twice by one process and refused there.
"""

import os
import zlib

from pelican.utils import sanitised_join

from pressless.core.output import climbs_out
from pressless.core.writing import SHARE_ATTRIBUTE


class WriteError(Exception):
    """A page that could not be rendered, named."""


def owner_of(relative_path, processes):
    """The index (0 = Pelican's own process) of the process writing `relative_path`."""
    return zlib.crc32(os.path.normpath(str(relative_path)).encode("utf-8")) % processes


class ShareTemplate:
    """A template that renders only the pages of one share (and names a page it cannot render)."""

    def __init__(self, template, is_mine, who):
        self._template = template
        self._is_mine = is_mine
        self._who = who

    def __getattr__(self, name):
        return getattr(self._template, name)

    def render(self, context):
        name = context.get("output_file", "")
        if not self._is_mine(name):
            return ""  # written to os.devnull by the writer below
        try:
            return self._template.render(context)
        except Exception as error:
            raise WriteError(
                f"parallel_writer: {self._who} could not write {name} "
                f"(template {getattr(self._template, 'name', '?')}): {type(error).__name__}: {error}"
            ) from error


def write_share_only(writer, index, processes):
    """Make `writer` (any Pelican Writer, on this instance only) render and write only share `index`.

    Returns a function that makes it write everything again.
    """
    output = writer.output_path
    who = "Pelican" if index == 0 else f"writer process {index + 1} of {processes}"

    def is_mine(name):
        relative = os.path.normpath(name)
        # What sanitised_join and relpath would make of it, without their two
        # absolute paths (10 us a file, every file in every process): only a
        # name that is absolute or climbs out goes the long way (and is refused there).
        if os.path.isabs(relative) or climbs_out(relative):
            relative = os.path.relpath(sanitised_join(output, name), output)
        return owner_of(relative, processes) == index

    write_file, open_for_writing, write_feed = writer.write_file, writer._open_w, writer.write_feed

    def write_file_share(name, template, context, *args, **kwargs):
        return write_file(name, ShareTemplate(template, is_mine, who), context, *args, **kwargs)

    def open_share(filename, encoding, override=False):
        if not is_mine(os.path.relpath(filename, output)):
            return open(os.devnull, "w", encoding=encoding)
        return open_for_writing(filename, encoding, override=override)

    def write_feed_share(elements, context, path=None, *args, **kwargs):
        if path and not is_mine(path):
            return None
        return write_feed(elements, context, path, *args, **kwargs)

    writer.write_file = write_file_share
    writer._open_w = open_share
    writer.write_feed = write_feed_share
    # For shared plugin generators that make files of their own (core.writing.writes_here).
    setattr(writer, SHARE_ATTRIBUTE, is_mine)

    def write_everything_again():
        for name in ("write_file", "_open_w", "write_feed", SHARE_ATTRIBUTE):
            writer.__dict__.pop(name, None)

    return write_everything_again
