"""The install script does nothing when everything is already installed."""

import os
import subprocess

from tests.fixtures.blog.metadata import ROOT


def test_install_is_a_no_op_when_everything_is_there(tmp_path):
    # By the time tests run, scripts/test.sh has installed everything. A second
    # run must not reach for apt, npm or pip: fakes that fail prove it.
    fakes = tmp_path / "bin"
    fakes.mkdir()
    for tool in ("apt-get", "npm"):
        fake = fakes / tool
        fake.write_text(f"#!/bin/sh\necho 'unexpected {tool} call' >&2\nexit 99\n")
        fake.chmod(0o755)
    stamps = sorted(ROOT.glob(".venv*/.installed-*"))
    assert stamps, "install.sh records what it installed"
    before = {stamp: stamp.stat().st_mtime_ns for stamp in stamps}
    result = subprocess.run(
        ["bash", "scripts/install.sh", "--test"], cwd=ROOT, capture_output=True, text=True,
        env={**os.environ, "PATH": f"{fakes}:{os.environ['PATH']}"}, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "unexpected" not in result.stderr
    assert {stamp: stamp.stat().st_mtime_ns for stamp in stamps} == before
