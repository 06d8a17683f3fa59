"""The record of the last successful build into an output folder.

One JSON file per live output folder in CACHE_PATH/build-memo/: the build's
fingerprint and every file it left in the folder with its size and mtime
(nanoseconds). A folder whose files differ in any way (one deleted, added,
rewritten or touched) no longer matches its record.
"""

import hashlib
import json
import os
import tempfile
from pathlib import Path


def record_path(cache_path, live):
    name = hashlib.sha256(str(Path(live).absolute()).encode()).hexdigest()[:32]
    return Path(cache_path) / "build-memo" / f"{name}.json"


def output_files(folder):
    """{relative path: [size, mtime_ns]} of every file under folder; {} if it is missing."""
    found = {}
    folder = str(folder)
    for parent, _, files in os.walk(folder):
        for name in files:
            path = os.path.join(parent, name)
            status = os.lstat(path)
            found[os.path.relpath(path, folder)] = [status.st_size, status.st_mtime_ns]
    return found


def load_record(path):
    try:
        record = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return record if isinstance(record, dict) else None


def save_record(path, fingerprint, files):
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    # Written then renamed: a build killed here leaves the old record or the new one.
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".part")
    with os.fdopen(handle, "w", encoding="utf-8") as file:
        json.dump({"fingerprint": fingerprint, "files": files}, file)
    os.replace(temporary, path)


def forget_record(path):
    Path(path).unlink(missing_ok=True)


def unchanged(record, fingerprint, live):
    """The last build had this fingerprint and its files are all still there, untouched."""
    return (
        record is not None
        and record.get("fingerprint") == fingerprint
        and bool(record.get("files"))
        and output_files(live) == record["files"]
    )
