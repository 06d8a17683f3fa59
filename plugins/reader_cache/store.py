"""The persistent reader cache: one SQLite file of entries, one per source file version.

A cached entry is what reading a Markdown file produced after Typogrify:
the HTML body, the raw header values (before Pelican turns them into dates
and categories, which are rebuilt on load), and the typogrified title and
summary. Its key is a hash of the file's bytes, its path, and a
fingerprint of everything else that could change the result: the settings,
our plugins' and core's source, and every installed package's version.

The entries live in one SQLite file (entries.sqlite): a file per entry made
a cold build of 5,000 posts create 5,000 files in 256 folders, and a warm
one open them all. Entries read or made in a build are kept in memory; the
new ones are written in one transaction (`flush`), when the reading is
done. SQLite lets builds share the cache (one writes while others read); a
cache file that cannot be read is set aside and the cache starts empty.
"""

import contextlib
import hashlib
import json
import sqlite3
import threading
import time
from pathlib import Path

from pressless.core.fingerprints import files_digest, packages_digest, settings_digest
from pressless.core.unchanged import LIVE_OUTPUT_SETTING

from .depends import reading_code, settings_left_out

# 2: settings digested as the build memo digests them (a function or class
# setting by its source, a set by its members), with every file of our code.
# 3: with only our plugins, just the settings and code reading depends on (depends.py).
FORMAT_VERSION = "3"
# How a run goes, never what a file reads as: the folders it writes into (a
# fresh staging folder each build), the processes that do the work (every
# *_PROCESSES), what the live preview switches for itself, and `pelican
# --debug`. Left out, a build and a preview of the same settings share every entry.
RUN_SETTINGS = {"OUTPUT_PATH", LIVE_OUTPUT_SETTING, "DELETE_OUTPUT_DIRECTORY", "READER_CACHE", "SEARCH_INDEX",
                "BUILD_MEMO", "DEBUG"}


def run_settings(settings):
    return RUN_SETTINGS | {key for key in settings if key.endswith("_PROCESSES")}


def fingerprint(settings):
    """What every entry's key holds besides its file: the settings and code reading depends
    on (depends.py), and installed packages."""
    parts = [
        FORMAT_VERSION,
        settings_digest(settings, leave_out=settings_left_out(settings, run_settings(settings))),
        files_digest(reading_code(settings), stamps=False),
        packages_digest(),
    ]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def entry_key(fingerprint_hex, source_path, data):
    digest = hashlib.sha256(fingerprint_hex.encode())
    digest.update(str(source_path).encode() + b"\0")
    digest.update(data)
    return digest.hexdigest()


class ReaderStore:
    """Entries in `folder`/entries.sqlite, and those of this build in memory.

    Any thread may call any method (the reading ahead's thread puts, the live
    preview reads from its worker): the database is used under a lock.
    """

    FILE = "entries.sqlite"
    # Another build writing: wait for it rather than fail (a build's write is one transaction).
    BUSY_SECONDS = 60

    def __init__(self, folder):
        self.folder = Path(folder)
        self.memory = {}
        self.unsaved = {}
        self._database = None
        self._lock = threading.Lock()

    def _connection(self):
        if self._database is None:
            self._database = self._open()
        return self._database

    def _open(self):
        path = self.folder / self.FILE
        self.folder.mkdir(parents=True, exist_ok=True)
        deadline = time.monotonic() + self.BUSY_SECONDS
        started_again = False
        while True:
            database = sqlite3.connect(path, timeout=self.BUSY_SECONDS, isolation_level=None,
                                       check_same_thread=False)
            try:
                database.execute("PRAGMA journal_mode=WAL")
                database.execute("CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, entry TEXT)")
                return database
            except sqlite3.DatabaseError as error:
                database.close()
                if getattr(error, "sqlite_errorname", None) in ("SQLITE_BUSY", "SQLITE_LOCKED"):
                    # Another build writing the file it has just made: switching it to
                    # WAL does not wait for that. Wait here; the file is in use, not bad.
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.01)
                    continue
                if started_again:
                    raise
                started_again = True
                # Not a database (cut short, or something else): the cache starts again.
                for suffix in ("", "-wal", "-shm"):
                    with contextlib.suppress(OSError):
                        path.with_name(path.name + suffix).unlink()

    def get(self, key):
        if key in self.memory:
            return self.memory[key]
        try:
            with self._lock:
                row = self._connection().execute("SELECT entry FROM entries WHERE key = ?", (key,)).fetchone()
            entry = json.loads(row[0]) if row else None
        except (sqlite3.Error, OSError, ValueError):
            return None  # a cache that cannot be read only costs time
        if entry is not None:
            self.memory[key] = entry
        return entry

    def put(self, key, entry):
        self.memory[key] = entry
        self.unsaved[key] = entry

    def flush(self):
        """Write the entries made since the last flush, in one transaction."""
        if not self.unsaved:
            return
        rows = [(key, json.dumps(entry)) for key, entry in list(self.unsaved.items())]
        try:
            with self._lock:
                database = self._connection()
                with database:  # one transaction, committed on leaving
                    database.execute("BEGIN IMMEDIATE")
                    database.executemany("INSERT OR REPLACE INTO entries (key, entry) VALUES (?, ?)", rows)
        except (sqlite3.Error, OSError):
            return  # not kept: the next build reads those files again
        for key, _ in rows:
            self.unsaved.pop(key, None)

    def close(self):
        self.flush()
        with self._lock:
            if self._database is not None:
                self._database.close()
                self._database = None
