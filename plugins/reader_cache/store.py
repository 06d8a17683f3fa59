"""The persistent reader cache: one JSON file per source file version.

A cached entry is what reading a Markdown file produced after Typogrify:
the HTML body, the raw header values (before Pelican turns them into dates
and categories, which are rebuilt on load), and the typogrified title and
summary. Its key is a hash of the file's bytes, its path, and a
fingerprint of everything else that could change the result: the settings,
our plugins' and core's source, and every installed package's version.
"""

import hashlib
import importlib.metadata
import json
import os
import sys
import tempfile
from pathlib import Path

FORMAT_VERSION = "1"
VOLATILE_SETTINGS = {"OUTPUT_PATH"}


def _plain(value):
    """Settings reduced to what has a stable text form; the rest is left out."""
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in sorted(value.items(), key=lambda kv: str(kv[0]))}
    if isinstance(value, Path):
        return str(value)
    return f"<{type(value).__name__}>"


def source_digest(folders):
    """A hash of every .py file under the folders (our plugins and core)."""
    digest = hashlib.sha256()
    for folder in folders:
        for path in sorted(Path(folder).rglob("*.py")):
            digest.update(str(path).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def packages_digest():
    versions = []
    for dist in importlib.metadata.distributions():
        # One parse of each METADATA file (dist.version would parse it again):
        # this runs before the reading pool can start.
        metadata = dist.metadata
        versions.append(f"{metadata['Name']}=={metadata['Version']}")
    return hashlib.sha256("\n".join([sys.version, *sorted(versions)]).encode()).hexdigest()


def fingerprint(settings, code_folders):
    # Private keys (leading underscore) are per-build state, not settings;
    # the output folder changes every build (build.py stages in a fresh one)
    # and cannot change what a file reads as.
    chosen = {
        key: value
        for key, value in settings.items()
        if key.isupper() and not key.startswith("_") and key not in VOLATILE_SETTINGS
    }
    text = json.dumps(
        [FORMAT_VERSION, _plain(chosen), source_digest(code_folders), packages_digest()], sort_keys=True
    )
    return hashlib.sha256(text.encode()).hexdigest()


def entry_key(fingerprint_hex, source_path, data):
    digest = hashlib.sha256(fingerprint_hex.encode())
    digest.update(str(source_path).encode() + b"\0")
    digest.update(data)
    return digest.hexdigest()


class ReaderStore:
    """Entries on disk under `folder`, and those of this build in memory."""

    def __init__(self, folder):
        self.folder = Path(folder)
        self.memory = {}

    def _path(self, key):
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key):
        if key in self.memory:
            return self.memory[key]
        try:
            entry = json.loads(self._path(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        self.memory[key] = entry
        return entry

    def put(self, key, entry):
        self.memory[key] = entry
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        # Write then rename: two builds sharing the cache never read half a file.
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".part")
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            json.dump(entry, file)
        os.replace(temporary, path)
