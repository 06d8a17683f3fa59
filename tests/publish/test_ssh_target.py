"""ssh:// publishing against a real sshd and rsync on 127.0.0.1."""

import os
import threading
import time
from pathlib import Path

import pytest

from pressless.tools.publish.errors import PublishError
from pressless.tools.publish.run import publish

from .fixture_site import change_post, write_content, write_settings
from .servers import Sshd

BIG_FILE = "images/big.bin"  # a file large enough to be cut off half way


@pytest.fixture(scope="module")
def sshd(tmp_path_factory):
    with Sshd(tmp_path_factory.mktemp("sshd")).run() as server:
        yield server


@pytest.fixture(scope="module")
def blog(tmp_path_factory, sshd):
    folder = tmp_path_factory.mktemp("ssh-blog")
    content = write_content(folder / "content")
    (content / "images").mkdir()
    (content / "images" / "big.bin").write_bytes(os.urandom(1_500_000))
    settings = write_settings(folder, content, PUBLISH_SSH_COMMAND=sshd.ssh_command)
    return folder, content, settings


def live_files(deploy):
    current = deploy / "current"
    return {p.relative_to(current).as_posix(): p.read_bytes() for p in current.rglob("*") if p.is_file()}


def test_publish_over_ssh_then_a_dropped_connection_leaves_the_live_site(blog, sshd, tmp_path):
    folder, content, settings = blog
    deploy = tmp_path / "srv" / "blog"
    target = sshd.target(str(deploy))
    public = folder / "public"

    first = publish(settings, public, target=target, log=print)
    assert os.readlink(deploy / "current") == f"releases/{first.release}"
    assert live_files(deploy) == {p.relative_to(public).as_posix(): p.read_bytes()
                                  for p in public.rglob("*") if p.is_file()}

    # A dry run asks the server for its files' hashes and changes nothing.
    change_post(content, "first-light", "An afterword on film grain.")
    dry = publish(settings, public, target=target, dry_run=True, log=print)
    assert "2025/03/02/first-light/index.html" in dry.plan.changed
    assert BIG_FILE not in dry.plan.changed
    assert sorted(os.listdir(deploy / "releases")) == [first.release]

    second = publish(settings, public, target=target, log=print)
    releases = deploy / "releases"
    # --link-dest: the unchanged big file is the same inode in both releases.
    inodes = {(releases / release / BIG_FILE).stat().st_ino for release in (first.release, second.release)}
    assert len(inodes) == 1
    assert "afterword" in (deploy / "current" / "2025/03/02/first-light/index.html").read_text()
    live_before_drop = live_files(deploy)

    # Now a new big file, sent slowly, and the connection killed half way.
    (content / "images" / "big.bin").write_bytes(os.urandom(1_500_000))
    change_post(content, "the-shed", "This unpublishable change must not go live.")
    slow = write_settings(tmp_path, content, PUBLISH_SSH_COMMAND=sshd.ssh_command,
                          PUBLISH_RSYNC_OPTIONS=["--bwlimit=200"])
    failure = []

    def publish_slowly():
        try:
            publish(slow, tmp_path / "public", target=target, log=print)
        except PublishError as error:
            failure.append(str(error))

    worker = threading.Thread(target=publish_slowly)
    worker.start()
    partial = None
    deadline = time.monotonic() + 60
    while partial is None and time.monotonic() < deadline:
        partial = next((p for p in releases.glob("*.partial") if (p / "2025").is_dir()), None)
        time.sleep(0.05)
    assert partial is not None, "the upload never started"
    time.sleep(0.5)
    assert sshd.drop_connections(), "no ssh connection to drop"
    worker.join(60)

    assert failure and "rsync stopped" in failure[0] and "the live site was not changed" in failure[0]
    assert os.readlink(deploy / "current") == f"releases/{second.release}"
    assert live_files(deploy) == live_before_drop
    assert not (partial / BIG_FILE).is_file(), "the connection was dropped before the upload finished"

    # The next publish finishes the job and clears the half-written release away.
    third = publish(settings, public, target=target, log=print)
    assert "unpublishable" in (deploy / "current" / "2025/05/17/the-shed/index.html").read_text()
    assert sorted(os.listdir(releases)) == [first.release, second.release, third.release]

    back = publish(settings, public, target=target, rollback=True, log=print)
    assert back.release == second.release
    assert os.readlink(deploy / "current") == f"releases/{second.release}"


def test_a_wrong_key_fails_in_one_line_and_changes_nothing(blog, sshd, tmp_path):
    folder, content, _ = blog
    stranger = tmp_path / "stranger"
    os.system(f"ssh-keygen -q -t ed25519 -N '' -f {stranger}")
    settings = write_settings(tmp_path, content, PUBLISH_SSH_COMMAND=sshd.ssh_command.replace(
        str(sshd.key), str(stranger)))
    deploy = tmp_path / "deploy"
    with pytest.raises(PublishError, match=r"ssh://.*: listing the live files failed: .*Permission denied"):
        publish(settings, folder / "public-stranger", target=sshd.target(str(deploy)), log=print)
    assert not deploy.exists()
    assert Path(settings).is_file()
