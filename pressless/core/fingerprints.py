"""Stable digests of what a build depends on: settings, files, installed packages.

Each function returns a hex digest that changes exactly when its input does,
and is the same in every process and every run (no object addresses, no
dict order, no hash seed).
"""

import hashlib
import inspect
import json
import os
import sys
from datetime import date, datetime, time, timedelta
from pathlib import Path

# Folders that hold no input: byte code and tool caches.
SKIPPED_FOLDERS = {"__pycache__", ".pytest_cache", ".ruff_cache"}
# The project's folder (this file is pressless/core/fingerprints.py in it).
PROJECT = Path(__file__).resolve().parents[2]


def _callable_text(value):
    """A function or class by name and by the source file it is defined in."""
    name = f"{getattr(value, '__module__', '?')}.{getattr(value, '__qualname__', type(value).__name__)}"
    try:
        source = inspect.getsourcefile(value)
    except TypeError:
        source = None
    if source and os.path.isfile(source):
        return f"<{name} {hashlib.sha256(Path(source).read_bytes()).hexdigest()}>"
    return f"<{name}>"


def plain(value):
    """A value reduced to JSON-able data with a stable text form."""
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    if isinstance(value, set | frozenset):
        return sorted((plain(item) for item in value), key=repr)
    if isinstance(value, dict):
        return {repr(key): plain(item) for key, item in sorted(value.items(), key=lambda kv: repr(kv[0]))}
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, timedelta):
        return value.total_seconds()
    if callable(value):
        return _callable_text(value)
    text = repr(value)
    # A repr naming an address differs in every process; the type is all we can keep.
    return f"<{type(value).__name__}>" if " at 0x" in text else text


def settings_digest(settings, leave_out=()):
    """Every upper-case setting; keys with a leading underscore are per-build state."""
    chosen = {
        key: value
        for key, value in settings.items()
        if key.isupper() and not key.startswith("_") and key not in leave_out
    }
    return hashlib.sha256(json.dumps(plain(chosen), sort_keys=True).encode()).hexdigest()


def file_stamp(path):
    """A file's modification time, size and inode: it changes when the file is saved, in
    place or by an editor's rename over it. Raises OSError for a file that is not there."""
    status = os.stat(path)
    return (status.st_mtime_ns, status.st_size, status.st_ino)


def files_digest(folders, skip=(), stamps=True):
    """Every file under the folders: its path, bytes and (with `stamps`) size and mtime.
    A file given among the folders stands for itself.

    `skip` holds folders to leave out (an output or cache folder inside them).
    Plain strings and os calls, not pathlib: this runs over every content
    file at the start of every build (20,000 files at 5,000 posts).
    """
    digest = hashlib.sha256()
    skipped = {os.path.realpath(folder) for folder in skip}
    for folder in folders:
        folder = str(Path(folder))
        digest.update(f"folder {folder}\0".encode())
        if os.path.isfile(folder):
            files = [(os.path.basename(folder), folder)]
        elif os.path.isdir(folder):
            files = sorted(_files_under(folder, skipped))
        else:
            continue
        for relative, path in files:
            digest.update(f"{relative}\0".encode())
            with open(path, "rb") as file:
                if stamps:
                    status = os.fstat(file.fileno())
                    digest.update(f"{status.st_size} {status.st_mtime_ns}\0".encode())
                digest.update(hashlib.sha256(file.read()).digest())
    return digest.hexdigest()


def _files_under(folder, skipped):
    """(path relative to folder with "/", path) of each file to digest under folder."""
    # os.walk does not enter symlinked folders, so every folder it walks is
    # the real root's path plus the same tail: one realpath call, not one a folder.
    real_root = os.path.realpath(folder)
    for parent, folders, files in os.walk(folder):
        tail = parent[len(folder):]
        folders[:] = [
            name for name in folders
            if name not in SKIPPED_FOLDERS and f"{real_root}{tail}{os.sep}{name}" not in skipped
        ]
        prefix = tail.lstrip(os.sep).replace(os.sep, "/")
        for name in files:
            if not name.endswith(".pyc"):
                yield (f"{prefix}/{name}" if prefix else name), os.path.join(parent, name)


def code_folders(settings):
    """The code a build runs besides Pelican's: our plugins (loaded by dotted name from
    PROJECT/plugins, the Markdown extensions too), the core, and any PLUGIN_PATHS."""
    return [*settings.get("PLUGIN_PATHS", []), PROJECT / "plugins", PROJECT / "pressless"]


def code_digest(settings):
    """Every file of code_folders: a change to any of them can change any page."""
    return files_digest(code_folders(settings), stamps=False)


def packages_digest():
    """The Python version and every installed distribution's name and version.

    Read from the names of the distributions' metadata folders on sys.path
    ("Markdown-3.7.dist-info"), as importlib.metadata finds them: an install,
    upgrade or removal renames, adds or deletes one. Parsing each METADATA
    file instead took 0.05-0.1 s, at the start of every build.
    """
    names = set()
    for folder in sys.path:
        try:
            entries = os.listdir(folder or os.curdir)
        except OSError:  # a zip file, a folder that is gone
            continue
        names.update(name for name in entries if name.endswith((".dist-info", ".egg-info")))
    return hashlib.sha256("\n".join([sys.version, *sorted(names)]).encode()).hexdigest()
