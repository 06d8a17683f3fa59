"""Reader cache: Markdown and Typogrify run once per version of a file, in parallel.

Pelican's own cache (LOAD_CONTENT_CACHE) keeps only Markdown's output and
runs Typogrify again on every build; this plugin keeps both, in
CACHE_PATH/reader-cache/entries.sqlite, keyed by the file's bytes and a fingerprint of the
settings and code reading depends on (depends.py) and installed package
versions (any change there reads everything again). Files not in the cache are read up front by
a pool of processes, one per core, before Pelican asks for them.

Everything after reading (metadata processing, plugins, templates) is
untouched: a build with the cache, cold or warm, writes the same bytes as
one without it (tests/speed checks this).
"""

import copy
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from pelican import signals
from pelican.readers import BaseReader, MarkdownReader

from pressless.core.config import config_of, one_of, setting, store_config, whole_number, yes_or_no
from pressless.core.errors import show_author_errors_without_traceback
from pressless.core.typography import FILTER_ORDER
from pressless.core.typogrify_once import mark_typogrifying, typogrify_once

from .markdown_reuse import ReusingMarkdownReader
from .prefetch import Prefetch, reading_order
from .reading import metadata_from, read_entry, typogrified
from .store import ReaderStore, entry_key, fingerprint

log = logging.getLogger(__name__)

PLUGIN = "reader_cache"
DEFAULTS = {
    "READER_CACHE": True,
    # None: one process per core; 1 reads in the Pelican process.
    "READER_CACHE_PROCESSES": None,
}
STATE_KEY = "_READER_CACHE_STATE"
ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class ReaderCacheConfig:
    enabled: bool
    processes: int | None  # None: one per core


def check_settings(settings):
    if settings.get("TYPOGRIFY"):
        # Pelican's setting, read here (reading.typogrifier): Pelican itself
        # would drop an unknown name and typogrify the text with every filter.
        for name in settings.get("TYPOGRIFY_OMIT_FILTERS") or []:
            one_of(PLUGIN, "each name in TYPOGRIFY_OMIT_FILTERS", name, FILTER_ORDER)
    processes = setting(settings, DEFAULTS, "READER_CACHE_PROCESSES")
    return ReaderCacheConfig(
        enabled=yes_or_no(PLUGIN, "READER_CACHE", setting(settings, DEFAULTS, "READER_CACHE")),
        processes=whole_number(PLUGIN, "READER_CACHE_PROCESSES", processes, optional=True),
    )


def check(pelican):
    settings = pelican.settings
    config = store_config(settings, PLUGIN, check_settings(settings))
    if config.enabled and will_read_markdown(settings):
        # As early as the settings are complete: the pool reads while this
        # process runs the later plugins' checks and sets Pelican up.
        start_prefetch(build_cache(settings), settings)


class BuildCache:
    """This build's view of the cache: where it lives and its fingerprint."""

    def __init__(self, settings):
        self.store = ReaderStore(Path(settings["CACHE_PATH"]) / "reader-cache")
        self.fingerprint = fingerprint(settings)
        self.prefetch_started = False
        self.prefetch = None  # a Prefetch while files are read ahead
        # Keys made when the reading ahead started, each used by Pelican's
        # first reading of its file: the bytes the pool read, not read again.
        self.first_keys = {}

    def key(self, path):
        known = self.first_keys.pop(path, None)
        if known is not None:
            return known
        return self.key_now(path)

    def key_now(self, path):
        """The key of the file as it is on disk now."""
        return entry_key(self.fingerprint, os.path.relpath(path, ROOT), Path(path).read_bytes())


def build_cache(settings):
    """This build's BuildCache, made on first use."""
    if settings.get(STATE_KEY) is None:
        settings[STATE_KEY] = BuildCache(settings)
    return settings[STATE_KEY]


def cached_reader_class(base, cache, settings):
    """A subclass of Pelican's Markdown reader whose output (after Typogrify) is cached."""

    class CachedReader(base):
        def read(self, path):
            if cache.prefetch is not None:
                cache.prefetch.wait_for(path)
            key = cache.key(path)
            entry = cache.store.get(key)
            if entry is None:
                entry = read_entry(self, path, settings, read=super().read)
                # The key may have been made before the reading started: a file
                # saved in between was read as it is now, and would be stored
                # under its old bytes' key. It is used this once, not stored.
                if cache.key_now(path) == key:
                    cache.store.put(key, entry)
            return entry["content"], metadata_from(entry, self)

    CachedReader.__name__ = base.__name__  # Pelican names metadata["reader"] after it
    return mark_typogrifying(CachedReader)


def typogrifying_reader_class(base, settings):
    """Any other reader: not cached, but it applies Typogrify itself as Pelican would."""

    class TypogrifyingReader(base):
        def read(self, path):
            return typogrified(*super().read(path), settings)

    TypogrifyingReader.__name__ = base.__name__
    return mark_typogrifying(TypogrifyingReader)


# -- reading ahead in a pool of processes --------------------------------------


def will_read_markdown(settings):
    """Will Pelican's Readers use its Markdown reader (which install() replaces)?"""
    overridden = settings.get("READERS", {})
    return MarkdownReader.enabled and not any(ext in overridden for ext in MarkdownReader.file_extensions)


def start_prefetch(cache, settings):
    """Start reading every file missing from the cache, across the cores (once per build)."""
    if cache.prefetch_started:
        return
    cache.prefetch_started = True
    processes = config_of(settings, PLUGIN).processes or os.cpu_count() or 1
    if processes < 2:
        return
    # Pelican's MarkdownReader adds to settings["MARKDOWN"]; at `initialized`
    # the later plugins (build_memo's digest) must still see the settings as given.
    reader = ReusingMarkdownReader({**settings, "MARKDOWN": copy.deepcopy(settings["MARKDOWN"])})
    sources = reading_order(settings, reader.file_extensions)
    keys = {path: cache.key(path) for path in sources}
    # Pelican's first reading of each file takes its key from here, until
    # the reading is over (finish_prefetch): each file is hashed once.
    cache.first_keys = dict(keys)
    missing = [path for path in sources if cache.store.get(keys[path]) is None]
    if len(missing) < 2 * processes:
        return
    # The pool is forked: no open database may be carried into it (reopened on next use).
    cache.store.close()
    cache.prefetch = Prefetch(cache.store, keys, missing, reader, settings, processes, key_now=cache.key_now)


def finish_prefetch(generators):
    """Once every generator has read its files: the pool and its thread are gone before
    anything forks again (the comments' processes, parallel_writer's writers).

    At page_generator_finalized (the posts and pages, all the pool reads, are
    read then), before any plugin's all_generators_finalized work; again at
    all_generators_finalized, which does nothing the second time.
    """
    if not isinstance(generators, list | tuple):
        generators = [generators]  # page_generator_finalized sends the generator itself
    cache = generators[0].settings.get(STATE_KEY) if generators else None
    if cache is not None and cache.prefetch is not None:
        cache.prefetch.finish()
    if cache is not None:
        # A file read again later (the live preview) is hashed as it is then.
        cache.first_keys = {}
        # Every file is read: this build's new entries go to disk in one write,
        # before the writers fork (a fork must not inherit an open database).
        cache.store.close()


def install(readers):
    """At readers_init, before Pelican makes its readers: cached ones instead."""
    settings = readers.settings
    if not config_of(settings, PLUGIN).enabled:
        return
    cache = build_cache(settings)
    for extension, reader_class in list(readers.reader_classes.items()):
        if reader_class is MarkdownReader:
            start_prefetch(cache, settings)  # started at initialized in a build
            readers.reader_classes[extension] = cached_reader_class(ReusingMarkdownReader, cache, settings)
        elif reader_class and reader_class is not BaseReader:
            # Not BaseReader itself (it "reads" static files, with no text to
            # typogrify): a subclass of it would be found by every later
            # Readers in this process (Pelican lists BaseReader's subclasses)
            # and switch Typogrify off there.
            readers.reader_classes[extension] = typogrifying_reader_class(reader_class, settings)


def no_second_typogrify(generator):
    """At generator_init, once its Readers exists: Readers must not typogrify again.

    Every reader of a Readers object with our readers typogrifies itself
    (cached for Markdown, each time for the others), so the Readers object
    reads with a copy of the settings that has TYPOGRIFY off.
    """
    readers = getattr(generator, "readers", None)
    if readers is not None:
        typogrify_once(readers)


def forget_state(pelican):
    cache = pelican.settings.pop(STATE_KEY, None)
    if cache is not None:
        cache.store.close()


def register():
    show_author_errors_without_traceback()
    signals.initialized.connect(check)
    signals.readers_init.connect(install)
    signals.generator_init.connect(no_second_typogrify)
    signals.page_generator_finalized.connect(finish_prefetch)
    signals.all_generators_finalized.connect(finish_prefetch)
    signals.finalized.connect(forget_state)
