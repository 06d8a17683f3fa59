"""A real isso server on 127.0.0.1, and site builds with comment-form settings.

isso runs from its own virtualenv (.venv-isso, made by `scripts/install.sh --test`
from requirements-isso.txt). Each server gets a temporary database and config
and is stopped by its PID when the test or module is done.
"""

import functools
import json
import os
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.fixtures.blog import CONTENT, PREVIEW_SETTINGS
from tests.processes import free_port, stop

ROOT = Path(__file__).resolve().parents[2]
ISSO = ROOT / ".venv-isso" / "bin" / "isso"

ISSO_CONFIG = """\
[general]
dbpath = {db}
host =
{hosts}
notify = stdout
[moderation]
enabled = {moderation}
[server]
listen = http://127.0.0.1:{port}/
[guard]
enabled = true
ratelimit = 1000
direct-reply = 1000
reply-to-self = true
require-author = true
require-email = true
"""


def _wait_until_up(process, url, log_file, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"isso exited with {process.returncode}:\n{log_file.read_text()}")
        try:
            with urllib.request.urlopen(f"{url}/config", timeout=2):
                return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.2)
    raise RuntimeError(f"isso did not answer within {timeout}s:\n{log_file.read_text()}")


@contextmanager
def running_isso(folder, allowed_origins=(), moderation=False):
    """Start isso with a fresh database in `folder`; yield its base URL."""
    if not ISSO.exists():
        pytest.fail(f"{ISSO} is missing: run `bash scripts/install.sh --test`")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    port = free_port()
    config = folder / "isso.cfg"
    hosts = "\n".join(f"    {origin}" for origin in allowed_origins) or "    http://127.0.0.1/"
    config.write_text(
        ISSO_CONFIG.format(
            db=folder / "comments.db",
            hosts=hosts,
            moderation="true" if moderation else "false",
            port=port,
        )
    )
    log_file = folder / "isso.log"
    url = f"http://127.0.0.1:{port}"
    with log_file.open("w") as log:
        process = subprocess.Popen(
            [str(ISSO), "-c", str(config), "run"], stdout=log, stderr=subprocess.STDOUT
        )
    try:
        _wait_until_up(process, url, log_file)
        yield url
    finally:
        stop(process)


def isso_post(isso_url, uri, **fields):
    """Post a comment through isso's API as a browser would; returns (status, json)."""
    request = urllib.request.Request(
        f"{isso_url}/new?uri={urllib.parse.quote(uri)}",
        data=json.dumps(fields).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, json.loads(response.read())


def build_with(content, output, **settings):
    """Build the site from `content` with settings overridden (pelican -e)."""
    extra = [f"{key}={json.dumps(value)}" for key, value in settings.items()]
    command = [
        sys.executable, "-m", "pelican", str(content),
        "--settings", str(PREVIEW_SETTINGS),
        "--output", str(output),
        "--delete-output-directory",
    ]
    if extra:
        command += ["--extra-settings", *extra]
    # A wide "terminal", so Pelican's log lines are not wrapped mid-message.
    env = {**os.environ, "COLUMNS": "400"}
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False, env=env)


def copy_content(tmp_path):
    """A copy of the test blog's content, so tests never write into the fixture."""
    content = Path(tmp_path) / "content"
    shutil.copytree(CONTENT, content)
    return content


def post_urls(content=CONTENT, settings_file=PREVIEW_SETTINGS):
    """{post slug: URL path} as the preview build writes them."""
    return dict(_post_urls(str(Path(content).resolve()), str(settings_file)))


@functools.cache
def _post_urls(content, settings_file):
    from pelican.settings import read_settings

    from pressless.tools.comments_pull import post_threads

    settings = read_settings(settings_file, override={"PATH": content})
    return tuple((slug, uri) for uri, slug in post_threads(settings).items())
