"""The reader cache's store: one SQLite file that builds share and that survives a bad file."""

import json
import sqlite3
import threading

from plugins.reader_cache.store import ReaderStore

ENTRY = {"content": "<p>Caf\u00e9</p>", "raw": [["title", "Caf\u00e9"]], "title": "Caf\u00e9",
         "summary": None}


def test_entries_reach_the_next_build_only_once_flushed(tmp_path):
    store = ReaderStore(tmp_path)
    assert store.get("a" * 64) is None
    store.put("a" * 64, ENTRY)
    assert store.get("a" * 64) == ENTRY  # this build's, from memory
    assert ReaderStore(tmp_path).get("a" * 64) is None  # not on disk yet
    store.close()
    assert ReaderStore(tmp_path).get("a" * 64) == ENTRY


def test_two_builds_write_the_same_cache(tmp_path):
    stores = [ReaderStore(tmp_path) for _ in range(2)]
    keys = [[f"{index}{number:063x}" for number in range(200)] for index in range(2)]

    def build(store, own_keys):
        for key in own_keys:
            store.put(key, ENTRY)
        store.close()

    threads = [threading.Thread(target=build, args=pair) for pair in zip(stores, keys, strict=True)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    later = ReaderStore(tmp_path)
    assert all(later.get(key) == ENTRY for own_keys in keys for key in own_keys)


def test_a_cache_file_that_is_no_database_is_started_again(tmp_path):
    (tmp_path / ReaderStore.FILE).write_bytes(b"half a file, cut short" * 100)
    store = ReaderStore(tmp_path)
    assert store.get("b" * 64) is None
    store.put("b" * 64, ENTRY)
    store.close()
    assert ReaderStore(tmp_path).get("b" * 64) == ENTRY


def test_a_build_opening_the_cache_while_another_writes_it_waits_and_deletes_nothing(tmp_path):
    # Two builds starting at once: the first is writing the file it has just
    # made, not yet in WAL mode, and switching modes does not wait for it
    # ("database is locked"). That file is in use, not bad: nothing of it may go.
    other = sqlite3.connect(tmp_path / ReaderStore.FILE, isolation_level=None, check_same_thread=False)
    other.execute("CREATE TABLE entries (key TEXT PRIMARY KEY, entry TEXT)")
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO entries VALUES (?, ?)", ("b" * 64, json.dumps(ENTRY)))
    commit = threading.Timer(0.5, lambda: other.execute("COMMIT"))
    commit.start()
    store = ReaderStore(tmp_path)
    store.put("a" * 64, ENTRY)
    store.close()
    commit.join()
    other.close()
    later = ReaderStore(tmp_path)
    assert later.get("a" * 64) == ENTRY
    assert later.get("b" * 64) == ENTRY
