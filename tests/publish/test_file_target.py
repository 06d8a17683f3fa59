"""file:// publishing: release folders, the atomic switch, dry runs, rollback, refusals."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pressless.tools.publish.errors import PublishError
from pressless.tools.publish.run import publish

from .fixture_site import ROOT, change_post, write_content, write_settings


def release_of(deploy):
    return os.readlink(deploy / "current")


def files_of(folder):
    folder = Path(folder)
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def blog(tmp_path):
    content = write_content(tmp_path / "content")
    settings = write_settings(tmp_path, content, PUBLISH_KEEP_RELEASES=2)
    return content, settings, tmp_path / "public", tmp_path / "deploy"


def run(blog, **options):
    _content, settings, public, deploy = blog
    lines = []
    outcome = publish(settings, public, target=f"file://{deploy}", log=lines.append, **options)
    return outcome, lines


def test_publish_switches_releases_keeps_a_few_and_rolls_back(blog):
    content, _, public, deploy = blog
    first, _ = run(blog)
    live = release_of(deploy)
    assert live == f"releases/{first.release}"
    assert files_of(deploy / "current") == files_of(public), "the live site is the build, file for file"
    assert (deploy / "current" / "2025" / "03" / "02" / "first-light" / "index.html").is_file()

    change_post(content, "the-shed", "A new closing line about the roof.")
    second, _ = run(blog)
    assert set(second.plan.changed) >= {"2025/05/17/the-shed/index.html"}
    assert "2025/03/02/first-light/index.html" not in second.plan.changed
    assert release_of(deploy) == f"releases/{second.release}"
    # Unchanged files are hard links to the previous release's: a release costs what changed.
    old, new = deploy / "releases" / first.release, deploy / "releases" / second.release
    page = "2025/03/02/first-light/index.html"
    assert (old / page).stat().st_ino == (new / page).stat().st_ino
    changed = "2025/05/17/the-shed/index.html"
    assert (old / changed).stat().st_ino != (new / changed).stat().st_ino
    assert "roof" in (deploy / "current" / changed).read_text()

    third, _ = run(blog)
    assert third.plan.is_empty()
    kept = sorted(os.listdir(deploy / "releases"))
    assert kept == [second.release, third.release], "PUBLISH_KEEP_RELEASES = 2"

    back, lines = run(blog, rollback=True)
    assert back.release == second.release
    assert release_of(deploy) == f"releases/{second.release}"
    assert "Rolled" in lines[-1]
    with pytest.raises(PublishError, match="oldest release"):
        run(blog, rollback=True)


def test_dry_run_lists_changes_and_changes_nothing(blog):
    content, _, _, deploy = blog
    first, _ = run(blog)
    change_post(content, "seed-swap", "Beans, mostly.")
    (content / "posts" / "winter-bread.md").unlink()
    before = files_of(deploy)
    outcome, lines = run(blog, dry_run=True)
    assert outcome.dry_run
    assert "~ 2025/08/09/seed-swap/index.html" in lines
    assert "- 2025/12/01/winter-bread/index.html" in lines
    # Only the search index gains files: Pagefind names them by their content.
    assert all(line.startswith("+ pagefind/") for line in lines if line.startswith("+ ")), lines
    assert lines[-2] == outcome.plan.summary() and "deleted" in lines[-2]
    assert files_of(deploy) == before
    assert release_of(deploy) == f"releases/{first.release}"
    assert os.listdir(deploy / "releases") == [first.release]


@pytest.mark.parametrize(
    "site_url, reason",
    [
        ("", "SITEURL is empty"),
        ("http://127.0.0.1:8000", "only opens on this machine"),
        ("http://localhost:8000", "only opens on this machine"),
        ("https://pressless.example", "example address"),
    ],
)
def test_refuses_a_site_built_for_the_wrong_address(tmp_path, site_url, reason):
    content = write_content(tmp_path / "content")
    settings = write_settings(tmp_path, content, site_url=site_url)
    with pytest.raises(PublishError, match=reason):
        publish(settings, tmp_path / "public", target=f"file://{tmp_path / 'deploy'}", log=print)
    assert not (tmp_path / "deploy").exists()
    assert not (tmp_path / "public").exists(), "it refuses before building"


def test_a_failing_build_publishes_nothing(blog):
    content, _, _, deploy = blog
    first, _ = run(blog)
    before = files_of(deploy)
    (content / "posts" / "broken.md").write_text("Title: Broken\nDate: not a date\n\nBody\n")
    with pytest.raises(PublishError, match=r"the build failed.*nothing was published"):
        run(blog)
    assert files_of(deploy) == before
    assert os.listdir(deploy / "releases") == [first.release]


def test_a_broken_internal_link_publishes_nothing(blog):
    content, _, _, deploy = blog
    change_post(content, "first-light", "See [the gallery](/gallery/).")
    with pytest.raises(PublishError, match=r"1 broken internal link.*/gallery/.*nothing was published"):
        run(blog)
    assert not deploy.exists()


def test_invoke_publish_says_why_in_one_line_and_exits_nonzero(tmp_path):
    content = write_content(tmp_path / "content")
    settings = write_settings(tmp_path, content, site_url="https://pressless.example")
    result = subprocess.run(
        [sys.executable, "-m", "invoke", "--search-root", str(ROOT), "publish", "--settings", str(settings),
         "--output", str(tmp_path / "public"), "--target", f"file://{tmp_path / 'deploy'}"],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 1
    lines = (result.stdout + result.stderr).strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("publish: ") and "example address" in lines[0], lines
    assert "Traceback" not in result.stderr


def test_invoke_publish_without_a_target_says_how_to_set_one(tmp_path):
    content = write_content(tmp_path / "content")
    settings = write_settings(tmp_path, content)
    with pytest.raises(PublishError, match=r"set PUBLISH_TARGET in publishconf\.py or pass --target"):
        publish(settings, tmp_path / "public", log=print)
