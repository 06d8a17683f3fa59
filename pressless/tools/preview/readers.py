"""Pelican's readers with a memory: a file is read again only when it changed.

Reading (Markdown, then Typogrify) is most of a build's time. The preview
keeps, for every source file, what the reader made of it (HTML and metadata,
after Typogrify) and builds a fresh Content object from that on every
rebuild. Fresh objects matter: Pelican resolves `{filename}` links and
summaries into the object the first time they are read, so an object kept
from the last rebuild could show a neighbour's old URL.
"""

import copy
import os
from dataclasses import dataclass

from pelican.contents import Page
from pelican.readers import Readers

from pressless.core.fingerprints import file_stamp
from pressless.core.typogrify_once import typogrify_once


@dataclass(frozen=True)
class ReadResult:
    stamp: tuple
    content: str
    metadata: dict


class _Captured:
    """Stands in for a Content class to take what the reader produced."""

    def __init__(self, content, metadata, **_):
        self.content = content
        self.metadata = metadata


def fresh_metadata(metadata):
    # Content objects and plugins change metadata in place (summaries get
    # their links resolved); give each object its own copy. Tag, Category and
    # Author objects are values, so they can be shared.
    return {key: copy.copy(value) if isinstance(value, (list, dict)) else value
            for key, value in metadata.items()}


class MemoReaders(Readers):
    """Readers whose read_file reuses `memo[path]` while the file's stamp holds."""

    def __init__(self, settings, memo):
        super().__init__(settings, cache_name="")  # readers_init: the reader cache may install
        typogrify_once(self)
        self.memo = memo

    def read_file(self, base_path, path, content_class=Page, fmt=None, context=None,
                  preread_signal=None, preread_sender=None, context_signal=None, context_sender=None):
        full_path = os.path.abspath(os.path.join(base_path, path))
        try:
            stamp = file_stamp(full_path)
        except FileNotFoundError:
            # Pelican makes a static file of a {static} link to a file that is not
            # there; the content checks then name the link. Nothing to remember.
            stamp = None
        known = self.memo.get(full_path)
        if stamp is None or known is None or known.stamp != stamp:
            captured = super().read_file(
                base_path, path, content_class=_Captured, fmt=fmt, context=context,
                preread_signal=preread_signal, preread_sender=preread_sender,
            )
            known = ReadResult(stamp, captured.content, captured.metadata)
            if stamp is None:
                self.memo.pop(full_path, None)
            else:
                self.memo[full_path] = known
        elif preread_signal:
            preread_signal.send(preread_sender)
        metadata = fresh_metadata(known.metadata)
        if context_signal:
            context_signal.send(context_sender, metadata=metadata)
        return content_class(content=known.content, metadata=metadata, settings=self.settings,
                             source_path=full_path, context=context)
