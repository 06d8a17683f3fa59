"""github-pages publishing: ghp-import into gh-pages, pushed to a bare repository on disk."""

import subprocess

import pytest

from pressless.tools.publish.errors import PublishError
from pressless.tools.publish.github_pages import cname_for
from pressless.tools.publish.plan import site_files
from pressless.tools.publish.run import publish

from .fixture_site import change_post, write_content, write_settings

IDENTITY = ["-c", "user.name=Test Author", "-c", "user.email=author@pressless.test"]


def git(*args, cwd=None):
    return subprocess.run(["git", *IDENTITY, *args], cwd=cwd, capture_output=True, text=True,
                          check=True).stdout


def clone_project(remote, folder):
    """A checkout of the blog's repository, as a CI job or a new laptop has it."""
    git("clone", "--quiet", str(remote), str(folder))
    return folder


@pytest.fixture
def project(tmp_path):
    remote = tmp_path / "remote.git"
    git("init", "--quiet", "--bare", "--initial-branch=main", str(remote))
    work = tmp_path / "work"
    git("init", "--quiet", "--initial-branch=main", str(work))
    (work / "README.md").write_text("A blog\n")
    git("add", "README.md", cwd=work)
    git("commit", "--quiet", "-m", "Start", cwd=work)
    git("remote", "add", "origin", str(remote), cwd=work)
    git("push", "--quiet", "origin", "main", cwd=work)
    content = write_content(tmp_path / "content")
    return remote, work, content


def published_tree(remote):
    listing = git("--git-dir", str(remote), "ls-tree", "-r", "--name-only", "gh-pages")
    return set(listing.split("\n")) - {""}


def history(remote):
    return git("--git-dir", str(remote), "rev-list", "gh-pages").split()


def test_publish_pushes_the_site_with_nojekyll_and_cname_and_keeps_history(project, tmp_path):
    remote, work, content = project
    settings = write_settings(work, content)
    publish(settings, tmp_path / "public", target="github-pages", log=print)
    assert published_tree(remote) == set(site_files(tmp_path / "public")) | {".nojekyll", "CNAME"}
    assert git("--git-dir", str(remote), "show", "gh-pages:CNAME") == "blog.pressless.test"
    page = "2025/03/02/first-light/index.html"
    shown = git("--git-dir", str(remote), "show", f"gh-pages:{page}")
    assert shown == (tmp_path / "public" / page).read_text()
    assert git("--git-dir", str(remote), "rev-parse", "main") == git("rev-parse", "main", cwd=work), \
        "main is untouched"

    change_post(content, "first-light", "An afterword.")
    dry = publish(settings, tmp_path / "public", target="github-pages", dry_run=True, log=print)
    assert page in dry.plan.changed and ".nojekyll" not in dry.plan.uploads
    assert len(history(remote)) == 1, "a dry run pushes nothing"

    # From a fresh clone with no local gh-pages (a CI job): still a fast-forward.
    other = clone_project(remote, tmp_path / "ci-checkout")
    ci_settings = write_settings(other, content)
    publish(ci_settings, tmp_path / "public-ci", target="github-pages:origin", log=print)
    commits = history(remote)
    assert len(commits) == 2
    assert "afterword" in git("--git-dir", str(remote), "show", f"gh-pages:{page}")

    # The first checkout's gh-pages is now behind; a remote given by path has no
    # tracking branch for ghp-import to catch up from: publish catches it up.
    again = publish(settings, tmp_path / "public", target=f"github-pages:{remote}", log=print)
    assert again.plan.is_empty()
    assert history(remote)[1:] == commits, "each publish adds one commit on top"


def test_a_failing_build_pushes_nothing(project, tmp_path):
    remote, work, content = project
    (content / "posts" / "broken.md").write_text("Title: Broken\nDate: someday\n\nBody\n")
    settings = write_settings(work, content)
    with pytest.raises(PublishError, match="the build failed"):
        publish(settings, tmp_path / "public", target="github-pages", log=print)
    assert "gh-pages" not in git("--git-dir", str(remote), "branch", "--list")


def test_a_missing_remote_fails_in_one_line(project, tmp_path):
    _, work, content = project
    settings = write_settings(work, content)
    with pytest.raises(PublishError, match=r"github-pages:upstream .*cannot reach the remote"):
        publish(settings, tmp_path / "public", target="github-pages:upstream", log=print)


def test_cname_comes_from_siteurl_except_on_github_io():
    assert cname_for("https://blog.example.org/") == "blog.example.org"
    assert cname_for("https://maren.github.io/blog") is None
    assert cname_for("") is None
