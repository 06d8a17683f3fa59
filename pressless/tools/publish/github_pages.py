"""github-pages[:REMOTE]: the site as the gh-pages branch, pushed to REMOTE.

ghp-import writes the built folder as one new commit on gh-pages (with
.nojekyll, so GitHub serves folders starting with '_' as they are, and a
CNAME naming SITEURL's host for a custom domain); then it is pushed. The
local gh-pages first catches up with the remote's, so the push is a plain
fast-forward and the branch keeps its history.
"""

import os
import subprocess
import sys
from urllib.parse import urlsplit

from .errors import PublishError
from .plan import compare, git_blob_of, manifest

BRANCH = "gh-pages"
MESSAGE = "Publish the site"


def cname_for(site_url):
    """SITEURL's host for a CNAME file; None for a github.io address, which needs none."""
    host = urlsplit(site_url or "").hostname or ""
    return host if host and not host.endswith(".github.io") else None


class GithubPagesHost:
    def __init__(self, target, repo, site_url):
        self.remote = target.remote
        self.repo = repo
        self.cname = cname_for(site_url)

    def __str__(self):
        return f"github-pages:{self.remote} ({BRANCH})"

    def git(self, *args, what, check=True):
        result = subprocess.run(
            ["git", *args], cwd=self.repo, capture_output=True, text=True, check=False,
            env=_git_env(self.repo),
        )
        if check and result.returncode != 0:
            raise PublishError(f"{self}: {what} failed: {_git_problem(result)}")
        return result

    def fetch_live(self):
        """The remote's gh-pages commit, or None when it has none yet."""
        self.git("rev-parse", "--git-dir", what=f"finding the git repository in {self.repo}")
        found = self.git("ls-remote", "--exit-code", self.remote, f"refs/heads/{BRANCH}",
                         what="", check=False)
        if found.returncode == 2:  # the remote answered: it has no such branch
            return None
        if found.returncode:
            raise PublishError(f"{self}: cannot reach the remote: {_git_problem(found)}")
        self.git("fetch", "--quiet", self.remote, BRANCH, what=f"fetching {BRANCH}")
        return self.git("rev-parse", "FETCH_HEAD", what="reading FETCH_HEAD").stdout.strip()

    def tree(self, commit):
        """{path: blob id} of a commit."""
        listing = self.git("ls-tree", "-r", "-z", commit, what=f"listing {commit}").stdout
        files = {}
        for entry in filter(None, listing.split("\0")):
            meta, _, path = entry.partition("\t")
            files[path] = meta.split()[2]
        return files

    def expected(self, site):
        extra = {".nojekyll": b""}
        if self.cname:
            extra["CNAME"] = self.cname.encode()
        return manifest(site, git_blob_of, extra)

    def plan(self, site):
        live = self.fetch_live()
        return compare(self.expected(site), self.tree(live) if live else {})

    def publish(self, site, plan):
        live = self.fetch_live()
        if live:
            # Start from what is published, whatever the local branch holds.
            self.git("update-ref", f"refs/heads/{BRANCH}", live, what=f"updating the local {BRANCH}")
        command = [sys.executable, "-m", "ghp_import", "--no-jekyll", "--message", MESSAGE,
                   "--remote", self.remote, "--branch", BRANCH]
        if self.cname:
            command += ["--cname", self.cname]
        # Commit first, check the commit holds the site, then push.
        result = subprocess.run([*command, str(site)], cwd=self.repo, capture_output=True, text=True,
                                check=False, env=_git_env(self.repo))
        if result.returncode != 0 or "Failed" in result.stdout:
            detail = (result.stderr or result.stdout).strip()[-300:]
            raise PublishError(f"{self}: ghp-import failed: {detail}")
        if self.tree(BRANCH) != self.expected(site):
            raise PublishError(f"{self}: the new {BRANCH} commit lacks the built site; nothing was pushed")
        self.git("push", "--quiet", self.remote, f"refs/heads/{BRANCH}:refs/heads/{BRANCH}",
                 what=f"pushing {BRANCH}")
        return self.git("rev-parse", "--short", BRANCH, what="").stdout.strip()


def _git_problem(result):
    """The line of git's output that says what went wrong (not its hints)."""
    lines = [line.strip() for line in (result.stderr or result.stdout).splitlines() if line.strip()]
    telling = [line for line in lines if line.startswith(("error", "fatal", "!"))]
    return (telling or lines or [f"exit {result.returncode}"])[0]


def _git_env(repo):
    """Git's environment, with a committer name when none is configured (a CI checkout)."""
    env = dict(os.environ)
    for key, fallback in (("user.name", "Pressless"), ("user.email", "publish@pressless.invalid")):
        configured = subprocess.run(["git", "config", key], cwd=repo, capture_output=True, text=True,
                                    check=False).stdout.strip()
        variable = "GIT_COMMITTER_NAME" if key == "user.name" else "GIT_COMMITTER_EMAIL"
        if not configured:
            env.setdefault(variable, fallback)
    return env
