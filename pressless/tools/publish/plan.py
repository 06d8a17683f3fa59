"""What a publish would change: files added, changed and deleted on the host.

A manifest maps each file's site-relative path ('theme/css/style.css') to a
hash of its content. Each host reports its live files in the hash it can give
cheaply (S3: MD5, the ETag of a single-part upload; git: blob ids; a folder:
SHA-256), and the new site is hashed the same way, so the plan compares like
with like.
"""

import hashlib
from dataclasses import dataclass, field
from pathlib import Path


def sha256_of(data):
    return hashlib.sha256(data).hexdigest()


def md5_of(data):
    return hashlib.md5(data, usedforsecurity=False).hexdigest()


def git_blob_of(data):
    """The id git gives a file with this content (`git hash-object`)."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()


def site_files(folder):
    """Every file under `folder`, by site-relative path, sorted."""
    root = Path(folder)
    return {
        path.relative_to(root).as_posix(): path
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def manifest(folder, hash_of=sha256_of, extra=None):
    """{relative path: hash} of a folder, plus `extra` {path: bytes} files the host adds."""
    hashes = {name: hash_of(path.read_bytes()) for name, path in site_files(folder).items()}
    for name, data in (extra or {}).items():
        hashes[name] = hash_of(data)
    return hashes


@dataclass
class Plan:
    added: list = field(default_factory=list)
    changed: list = field(default_factory=list)
    deleted: list = field(default_factory=list)
    unchanged: int = 0

    @property
    def uploads(self):
        return self.added + self.changed

    def is_empty(self):
        return not (self.added or self.changed or self.deleted)

    def summary(self):
        return (
            f"{len(self.added)} added, {len(self.changed)} changed, {len(self.deleted)} deleted, "
            f"{self.unchanged} unchanged"
        )

    def lines(self):
        """The plan as --dry-run prints it: one file a line, then the totals."""
        marked = (
            [f"+ {path}" for path in self.added]
            + [f"~ {path}" for path in self.changed]
            + [f"- {path}" for path in self.deleted]
        )
        return [*marked, self.summary()]


def compare(new, live):
    """The Plan that turns the `live` manifest into the `new` one."""
    plan = Plan()
    for path, digest in sorted(new.items()):
        if path not in live:
            plan.added.append(path)
        elif live[path] != digest:
            plan.changed.append(path)
        else:
            plan.unchanged += 1
    plan.deleted = sorted(set(live) - set(new))
    return plan
