"""Write content files without ever losing one.

The importer keeps a manifest (content/.wordpress-import.json) of every file
it wrote and the SHA-256 of what it wrote. A file is written when it is new;
rewritten only when the manifest says the importer wrote it and it has not
been changed since; otherwise it is kept as it is and the report says so.
A second import of the same export therefore changes nothing, and an author's
edit survives any number of imports. Each file is written to a temporary
name beside it and renamed, so a crash leaves no half-written file; a file
that already holds exactly what would be written is taken into the manifest
(that is how a run cut short is picked up again).
"""

import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path

MANIFEST_NAME = ".wordpress-import.json"
NEW, UPDATED, UNCHANGED = "new", "updated", "unchanged"
KEPT_EDITED = "kept: edited since the last import"
KEPT_FOREIGN = "kept: not written by the importer"
ACTIONS = (NEW, UPDATED, UNCHANGED, KEPT_EDITED, KEPT_FOREIGN)


def _digest_bytes(data):
    return hashlib.sha256(data).hexdigest()


def _digest_file(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


class ManifestError(Exception):
    pass


class SafeWriter:
    """Writes under `content_root`; with `dry_run` it only decides what it would do."""

    def __init__(self, content_root, dry_run=False):
        self.root = Path(content_root)
        self.dry_run = dry_run
        self.manifest_path = self.root / MANIFEST_NAME
        self.written = self._load_manifest()

    def _load_manifest(self):
        if not self.manifest_path.exists():
            return {}
        try:
            data = json.loads(self.manifest_path.read_text(encoding="utf-8"))
            files = data["files"]
            if not isinstance(files, dict):
                raise TypeError("files is not an object")
            return dict(files)
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise ManifestError(
                f"{self.manifest_path}: unreadable ({error}); move it away to import into this folder again"
            ) from None

    def _decide(self, relative, new_digest):
        target = self.root / relative
        if not target.exists():
            return NEW
        current = _digest_file(target)
        if current == new_digest:
            return UNCHANGED
        recorded = self.written.get(relative)
        if recorded is None:
            return KEPT_FOREIGN
        return UPDATED if recorded == current else KEPT_EDITED

    def write_text(self, relative, text):
        data = text.encode("utf-8")
        return self._put(relative, _digest_bytes(data), lambda handle: handle.write(data))

    def copy_file(self, relative, source):
        def copy(handle):
            with open(source, "rb") as source_handle:
                shutil.copyfileobj(source_handle, handle)

        return self._put(relative, _digest_file(source), copy)

    def _put(self, relative, digest, fill):
        action = self._decide(relative, digest)
        if action in (NEW, UPDATED) and not self.dry_run:
            target = self.root / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
            try:
                with os.fdopen(descriptor, "wb") as handle:
                    fill(handle)
                os.chmod(temporary, 0o644)  # mkstemp's 0600 would hide the file from a web server
                os.replace(temporary, target)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        if action in (NEW, UPDATED, UNCHANGED):
            self.written[relative] = digest
        return action

    def save_manifest(self):
        if self.dry_run:
            return
        self.root.mkdir(parents=True, exist_ok=True)
        text = json.dumps({"version": 1, "files": dict(sorted(self.written.items()))}, indent=1)
        temporary = self.manifest_path.with_name(self.manifest_path.name + ".tmp")
        temporary.write_text(text + "\n", encoding="utf-8")
        os.replace(temporary, self.manifest_path)
