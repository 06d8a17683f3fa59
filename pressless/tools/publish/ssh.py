"""ssh://user@host[:port]/folder: rsync over SSH into a new release, then one switch.

The same layout as file:// (releases.py) on the server: rsync writes
`releases/<id>.partial/`, hard-linking files that did not change to the live
release (--link-dest), and one ssh command renames it, points `current` at
it and removes old releases. Until that command runs the live site is not
touched, so a connection dropped during the upload leaves it as it was.
"""

import shlex
import subprocess

from . import releases
from .errors import PublishError
from .plan import compare, manifest

# rsync compares by content (--checksum): a build rewrites every file, so
# times say nothing. No -t: files linked to the live release must match it
# in every attribute rsync keeps, and times never would.
RSYNC_OPTIONS = ["--recursive", "--links", "--perms", "--chmod=D755,F644", "--checksum"]


class SshHost:
    def __init__(self, target, ssh_command="ssh", rsync_options=(), keep=releases.DEFAULT_KEEP):
        self.target = target
        self.destination = f"{target.user}@{target.host}" if target.user else target.host
        self.folder = target.path
        self.releases = f"{target.path}/{releases.RELEASES}"
        port = ["-p", str(target.port)] if target.port else []
        # BatchMode: fail at once instead of waiting for a password nobody types.
        self.ssh = [*shlex.split(ssh_command), "-o", "BatchMode=yes", *port]
        self.rsync_options = list(rsync_options)
        self.keep = keep

    def __str__(self):
        return str(self.target)

    def run(self, script, what):
        result = subprocess.run(
            [*self.ssh, self.destination, script], capture_output=True, text=True, check=False
        )
        if result.returncode != 0:
            raise PublishError(f"{self}: {what} failed: {_last_line(result.stderr) or result.returncode}")
        return result.stdout

    def state(self):
        """(names in releases/, the live release id or None)."""
        q = shlex.quote
        output = self.run(
            f"mkdir -p {q(self.releases)} && ls -1A {q(self.releases)} && echo /// "
            f"&& (readlink {q(self.folder + '/' + releases.CURRENT)} || true)",
            "reading the releases",
        )
        listing, _, link = output.partition("///\n")
        live = link.strip().rsplit("/", 1)[-1] or None
        return listing.split(), live

    def live_manifest(self):
        current = shlex.quote(f"{self.folder}/{releases.CURRENT}/")
        output = self.run(
            f"[ -d {current} ] || exit 0; cd {current} && find . -type f -print0 | xargs -0 -r sha256sum",
            "listing the live files",
        )
        files = {}
        for line in output.splitlines():
            digest, _, name = line.partition("  ")
            files[name.removeprefix("./")] = digest
        return files

    def plan(self, site):
        return compare(manifest(site), self.live_manifest())

    def publish(self, site, plan):
        names, live = self.state()
        release = releases.new_release_id(existing=names)
        partial = f"{self.releases}/{release}{releases.PARTIAL_SUFFIX}"
        link_dest = [f"--link-dest={self.releases}/{live}"] if live else []
        command = [
            "rsync", *RSYNC_OPTIONS, *link_dest, *self.rsync_options,
            "--rsh", shlex.join(self.ssh), f"{site}/", f"{self.destination}:{partial}/",
        ]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise PublishError(
                f"{self}: rsync stopped (exit {result.returncode}: {_last_line(result.stderr)}); "
                "the live site was not changed"
            )
        old = releases.to_delete([*names, release], release, self.keep)
        self.run(self._switch_script(release, partial, old), "switching to the new release")
        return release

    def _switch_script(self, release, partial=None, old=()):
        q = shlex.quote
        staged = f".{releases.CURRENT}.{release}"
        steps = [f"cd {q(self.folder)}"]
        if partial:
            steps.append(f"mv {q(partial)} {q(releases.RELEASES + '/' + release)}")
        # `mv -T` renames the new link over the old one: rename(2), atomic.
        steps.append(f"ln -sfn {q(releases.RELEASES + '/' + release)} {q(staged)}")
        steps.append(f"mv -T {q(staged)} {releases.CURRENT}")
        if old:
            steps.append("rm -rf -- " + " ".join(q(f"{releases.RELEASES}/{name}") for name in old))
        return " && ".join(steps)

    def rollback(self):
        names, live = self.state()
        before = releases.previous(names, live)
        if before is None:
            raise PublishError(f"{self}: no release older than {live or 'none'} is kept to go back to")
        self.run(self._switch_script(before), "switching back")
        return before


def _last_line(text):
    lines = [line for line in (text or "").strip().splitlines() if line.strip()]
    return lines[-1] if lines else ""
