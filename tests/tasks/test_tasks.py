"""Point 6: the invoke tasks, run for real in a copy of the project."""

import os
import shutil
import subprocess
import sys
import time
import urllib.request
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pelican.settings import read_settings

from pressless.core.header import read_header
from pressless.tools.new_post import slugify, write_new_post
from tests.fixtures.blog import CONTENT
from tests.fixtures.blog.metadata import ROOT
from tests.processes import free_port

INVOKE = [sys.executable, "-m", "invoke"]
PROJECT_PARTS = ["theme", "plugins", "pressless", "tasks.py", "pelicanconf.py", "publishconf.py"]


def copy_project(target, content=CONTENT):
    """The project's code and settings with the test blog as its content/."""
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)
    shutil.copytree(content, target / "content")
    return target


def invoke(project, *args, check=True):
    result = subprocess.run(
        [*INVOKE, *args], cwd=project, capture_output=True, text=True, check=False,
        env={**os.environ, "COLUMNS": "200"},
    )
    if check:
        assert result.returncode == 0, result.stdout + result.stderr
    return result


def wait_for(url, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return response.read().decode()
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"{url} did not answer within {timeout}s")


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return copy_project(tmp_path_factory.mktemp("project"))


def test_every_task_is_listed(project):
    listed = invoke(project, "--list").stdout
    for name in ("build", "rebuild", "clean", "serve", "livereload", "preview", "publish", "new-post"):
        assert f"  {name}" in listed, name


def test_slugify_is_pelicans_own():
    settings = read_settings(str(ROOT / "pelicanconf.py"))
    assert slugify("Café & Crème: “Part 2”!", settings) == "cafe-creme-part-2"
    assert slugify("Über Straße", settings) == "uber-strasse"
    assert slugify("Привет, мир", settings) == "privet-mir"
    assert slugify("🚆", settings) == "post"


def test_new_post_is_dated_on_the_sites_clock_and_has_no_empty_summary(tmp_path):
    # Kiritimati is 14 hours ahead of UTC: for most of the day its date is not the machine's.
    settings = {"TIMEZONE": "Pacific/Kiritimati"}
    path = write_new_post(tmp_path, "Far East", settings=settings)
    header = read_header(path.read_text())
    kiritimati = ZoneInfo("Pacific/Kiritimati")
    before = datetime.now(kiritimati) - timedelta(minutes=2)
    written = datetime.strptime(header.get("date"), "%Y-%m-%d %H:%M").replace(tzinfo=kiritimati)
    assert before <= written <= before + timedelta(minutes=4)
    assert "summary" not in header and "category" not in header
    assert header.get("status") == "draft" and header.get("slug") == "far-east"


def test_new_post_writes_a_dated_draft_and_never_overwrites(project):
    result = invoke(project, "new-post", "Notes from Zürich", "--category", "Travel", "--tags", "a, b")
    path = project / "content" / "posts" / "notes-from-zurich.md"
    assert "notes-from-zurich.md" in result.stdout
    text = path.read_text()
    assert text.startswith("Title: Notes from Zürich\n")
    site_clock = ZoneInfo(read_settings(str(project / "pelicanconf.py"))["TIMEZONE"])
    assert f"Date: {datetime.now(site_clock):%Y-%m-%d}" in text
    assert "Status: draft" in text and "Category: Travel" in text and "Tags: a, b" in text
    path.write_text(text + "\nMy words.\n")
    again = invoke(project, "new-post", "Notes from Zürich", check=False)
    assert again.returncode != 0
    assert "already exists" in again.stdout + again.stderr
    assert path.read_text().endswith("My words.\n")


def test_new_post_function_refuses_empty_title(tmp_path):
    with pytest.raises(ValueError):
        write_new_post(tmp_path, "   ")


def test_build_clean_rebuild_preview(project):
    invoke(project, "build")
    output = project / "output"
    assert (output / "index.html").is_file()
    assert (output / "drafts").is_dir(), "preview builds show drafts"
    (output / "stale.html").write_text("old")
    invoke(project, "rebuild")
    assert not (output / "stale.html").exists()
    invoke(project, "clean")
    assert not output.exists()
    invoke(project, "build")
    invoke(project, "preview")
    public = project / "public"
    assert (public / "index.html").is_file()
    assert not (public / "drafts").exists(), "publish builds leave drafts out"
    assert "https://pressless.example/" in (public / "index.html").read_text()
    # The publish build goes to public/: the preview in output/ is left as it was.
    assert "https://pressless.example/" not in (output / "index.html").read_text()
    assert (output / "drafts").is_dir()


def test_a_failed_build_exits_nonzero_and_keeps_output(project):
    invoke(project, "build")
    before = (project / "output" / "index.html").read_text()
    broken = project / "content" / "posts" / "broken.md"
    broken.write_text("Title: Broken\nDate: not a date\n\nBody\n")
    try:
        result = invoke(project, "build", check=False)
    finally:
        broken.unlink()
    assert result.returncode != 0
    assert "broken.md:2: unparseable Date" in result.stdout + result.stderr
    assert (project / "output" / "index.html").read_text() == before


def _start(project, *args):
    return subprocess.Popen(
        [*INVOKE, *args], cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def _stop(process):
    os.killpg(process.pid, 15)
    process.wait(timeout=10)


def test_serve(project):
    invoke(project, "build")
    port = free_port()
    server = _start(project, "serve", "--port", str(port))
    try:
        assert "Pressless Notes" in wait_for(f"http://127.0.0.1:{port}/")
    finally:
        _stop(server)


@pytest.mark.browser
def test_livereload_rebuilds_and_refreshes_the_browser(tmp_path, page):
    project = copy_project(tmp_path)
    port, live_port = free_port(), free_port()
    server = _start(project, "livereload", "--port", str(port), "--live-port", str(live_port))
    try:
        wait_for(f"http://127.0.0.1:{port}/about/")
        page.goto(f"http://127.0.0.1:{port}/about/")
        heading = page.locator("h1.entry-title")
        assert heading.inner_text() == "About"
        about = Path(project / "content" / "pages" / "about.md")
        about.write_text(about.read_text().replace("Title: About", "Title: About Us Now", 1))
        # No reload by the test: livereload must rebuild and refresh the page itself.
        page.wait_for_function(
            # Typogrify joins the last two words with a no-break space.
            "document.querySelector('h1.entry-title').textContent.replace(/\\u00a0/g, ' ')"
            " === 'About Us Now'",
            timeout=45000,
        )
    finally:
        _stop(server)
