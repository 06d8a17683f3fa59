"""file:///folder: a folder on this machine that a web server serves.

The web server's root is `<folder>/current`, a symlink into `releases/`
(see releases.py). Files that did not change are hard links to the live
release's copies, so each release costs only what changed.
"""

import os
import shutil
from pathlib import Path

from . import releases
from .errors import PublishError
from .plan import compare, manifest


class FolderHost:
    def __init__(self, folder, keep=releases.DEFAULT_KEEP):
        self.folder = Path(folder)
        self.releases = self.folder / releases.RELEASES
        self.current = self.folder / releases.CURRENT
        self.keep = keep

    def __str__(self):
        return f"file://{self.folder}"

    def live_release(self):
        """The live release's id, or None before the first publish."""
        if self.current.is_symlink():
            return Path(os.readlink(self.current)).name
        if self.current.exists():
            raise PublishError(
                f"{self.current} is a folder, not a symlink to a release: move it away once "
                "(publish makes the symlink) and point the web server at it again"
            )
        return None

    def plan(self, site):
        live = self.live_release()
        live_files = manifest(self.releases / live) if live else {}
        return compare(manifest(site), live_files)

    def publish(self, site, plan):
        live = self.live_release()
        self.releases.mkdir(parents=True, exist_ok=True)
        names = os.listdir(self.releases)
        release = releases.new_release_id(existing=names)
        partial = self.releases / (release + releases.PARTIAL_SUFFIX)
        unchanged = _unchanged(plan, self.releases / live if live else None)
        shutil.copytree(site, partial, copy_function=_link_or_copy(site, unchanged))
        partial.rename(self.releases / release)
        self.switch(release)
        for name in releases.to_delete([*names, release], release, self.keep):
            shutil.rmtree(self.releases / name, ignore_errors=True)
        return release

    def switch(self, release):
        """Point `current` at a release in one rename: readers see one site or the other."""
        staged = self.folder / f".{releases.CURRENT}.{release}"
        staged.unlink(missing_ok=True)
        os.symlink(f"{releases.RELEASES}/{release}", staged)
        os.replace(staged, self.current)

    def rollback(self):
        if not self.releases.is_dir():
            raise PublishError(f"{self} has no releases yet: nothing to roll back to")
        live = self.live_release()
        before = releases.previous(os.listdir(self.releases), live)
        if before is None:
            raise PublishError(f"{self}: {live} is the oldest release kept; nothing older to roll back to")
        self.switch(before)
        return before


def _unchanged(plan, live_folder):
    if live_folder is None:
        return {}
    changed = set(plan.uploads)
    return {
        path.relative_to(live_folder).as_posix(): path
        for path in live_folder.rglob("*")
        if path.is_file() and path.relative_to(live_folder).as_posix() not in changed
    }


def _link_or_copy(site, unchanged):
    site = Path(site)

    def copy(source, destination):
        live_copy = unchanged.get(Path(source).relative_to(site).as_posix())
        if live_copy is not None:
            try:
                os.link(live_copy, destination)
                return destination
            except OSError:
                pass  # another file system, or links not allowed: copy instead
        return shutil.copy2(source, destination)

    return copy
