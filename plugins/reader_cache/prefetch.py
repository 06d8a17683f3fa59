"""Reading ahead: Markdown files missing from the cache, read by a pool of processes.

The pool starts at `initialized`, before Pelican makes its generators, and
the Pelican process goes on meanwhile (the checks of the plugins listed
after this one, Pelican's set-up, then its own loop over the files). A thread of the Pelican process
stores each entry as it comes back; when Pelican asks for a file still being
read, its reader waits for that one file. Files are handed to the pool in
the order Pelican will ask for them, so Pelican's loop follows the pool
instead of waiting for all of it.
"""

import fnmatch
import logging
import multiprocessing
import os
import signal
import threading

from pressless.core.child_process import log_plainly

from .reading import read_entry

log = logging.getLogger(__name__)
CHUNK = 8  # files per task: few round trips, little idle time at the end

_worker = {}  # in each pool process only: the reader and settings it inherited


def _start_worker(reader, settings, keys, key_now):
    # Ctrl-C reaches the whole process group: it is the parent's to act on (it
    # ends the build or the preview, and the pool with it). Each worker would
    # only print a KeyboardInterrupt traceback of its own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    log_plainly()
    _worker.update(reader=reader, settings=settings, keys=keys, key_now=key_now)


def _read_in_worker(path):
    try:
        entry = read_entry(_worker["reader"], path, _worker["settings"])
    except Exception:  # Pelican reads it again and reports it properly
        return path, None
    # The keys were made from the bytes before the pool started: a file saved
    # since then was read as it is now, and must not be stored under the old
    # bytes' key. Pelican's process reads it again.
    if _worker["key_now"](path) != _worker["keys"][path]:
        return path, None
    return path, entry


def _pelican_files(settings, paths, excludes, extensions):
    """The files a Pelican generator lists for `paths`, as it lists them.

    Pelican's `Generator.get_files` returns a set of paths relative to PATH,
    and reads in that set's order; a set of the same strings built the same
    way in the same process iterates in the same order.
    """
    content = settings["PATH"]
    ignores = settings.get("IGNORE_FILES", [])
    excluded = {}
    for exclude in excludes:
        parent, name = os.path.split(os.path.join(content, exclude))
        excluded.setdefault(parent, set()).add(name)
    found = set()
    for path in paths:
        root = os.path.join(content, path) if path else content
        for folder, subfolders, files in os.walk(root, topdown=True, followlinks=True):
            subfolders[:] = [
                name for name in subfolders
                if name not in excluded.get(folder, ()) and not any(fnmatch.fnmatch(name, i) for i in ignores)
            ]
            relative = os.path.relpath(folder, content)
            for name in files:
                if name.endswith(extensions) and not any(fnmatch.fnmatch(name, i) for i in ignores):
                    found.add(os.path.join(relative, name))
    return [os.path.join(content, path) for path in found]


def reading_order(settings, extensions):
    """Markdown posts, then pages, in the order Pelican's generators read them."""
    suffixes = tuple(f".{extension}" for extension in extensions)
    ordered = {}
    for kind in ("ARTICLE", "PAGE"):
        for path in _pelican_files(settings, settings.get(f"{kind}_PATHS", []),
                                   settings.get(f"{kind}_EXCLUDES", []), suffixes):
            ordered.setdefault(os.path.abspath(path), None)
    return list(ordered)


class Prefetch:
    """The files being read ahead by a pool; `wait_for(path)` until one is in the store."""

    def __init__(self, store, keys, paths, reader, settings, processes, key_now):
        """`keys`: each path's key, from its bytes before the pool starts; `key_now(path)`:
        its key from its bytes on disk now (a file whose key changed is not stored)."""
        self._waiting = {path: threading.Event() for path in paths}
        context = multiprocessing.get_context("fork")
        # fork: the pool inherits the configured reader and the plugins Pelican
        # loaded; nothing needs pickling but paths and results.
        pool = context.Pool(processes, initializer=_start_worker, initargs=(reader, settings, keys, key_now))
        results = pool.imap_unordered(_read_in_worker, paths, chunksize=CHUNK)
        self._thread = threading.Thread(
            target=self._collect, args=(pool, results, store, keys, processes),
            name="reader_cache prefetch", daemon=True,
        )
        self._thread.start()

    def _collect(self, pool, results, store, keys, processes):
        count = 0
        try:
            for path, entry in results:
                if entry is not None:
                    store.put(keys[path], entry)
                count += 1
                self._waiting[path].set()
            log.info("reader_cache: read %d files in %d processes", count, processes)
        except Exception as error:  # what is not in the store is read by Pelican's process
            log.warning("reader_cache: reading ahead stopped (%s); the rest is read one by one", error)
        finally:
            pool.terminate()
            pool.join()
            for event in self._waiting.values():
                event.set()

    def wait_for(self, path):
        event = self._waiting.get(path)
        if event is not None:
            event.wait()

    def finish(self):
        """Wait for the pool and its thread to end (before anything else forks)."""
        self._thread.join()

