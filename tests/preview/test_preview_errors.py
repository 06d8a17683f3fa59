"""Point 3: a failed rebuild shows in the browser and on one terminal line; a busy port is one line."""

import contextlib
import socket
import subprocess
import sys

import pytest

from .helpers import ROOT, LiveListener, PreviewProcess, free_port, save, write_fixture_site

POST_URL = "/2024/02/10/sourdough-starter-notes/"


@contextlib.contextmanager
def previewing_a_post(tmp_path, page):
    """The fixture blog in a running preview with a post open: (settings, content, preview, listener)."""
    settings, content = write_fixture_site(tmp_path / "blog")
    preview = PreviewProcess(settings, tmp_path / "output")
    try:
        preview.wait_until_serving()
        listener = LiveListener(preview.live_port)
        page.goto(f"http://127.0.0.1:{preview.port}{POST_URL}")
        yield settings, content, preview, listener
    finally:
        preview.stop()


def overlay_after_the_error(page, listener):
    listener.wait_for("pressless-error")
    overlay = page.locator("#pressless-preview-error")
    overlay.wait_for(timeout=20000)
    return overlay


@pytest.mark.browser
def test_a_broken_post_shows_an_overlay_until_it_is_fixed(tmp_path, page):
    with previewing_a_post(tmp_path, page) as (_, content, preview, listener):
        assert page.locator("h1.entry-title").inner_text().replace("\u00a0", " ") == "Sourdough Starter Notes"
        post = content / "posts" / "sourdough-starter-notes.md"
        good = post.read_text()
        save(post, good.replace("Date: 2024-02-10 10:00", "Date: the tenth of Februrary"))
        overlay = overlay_after_the_error(page, listener)
        place = overlay.locator(".place").first.inner_text()
        assert place.endswith("posts/sourdough-starter-notes.md:2")
        assert "unparseable Date 'the tenth of Februrary'" in overlay.inner_text()
        # The terminal: one line naming the file, the line and the problem.
        log = preview.log.read_text().splitlines()
        lines = [line for line in log if "sourdough-starter-notes.md" in line]
        assert len(lines) == 1 and lines[0].startswith("preview: ") and ":2: unparseable Date" in lines[0]
        assert "Traceback" not in preview.log.read_text()

        save(post, good.replace("A second part.", "A second part, fixed."))
        page.wait_for_function(
            "!document.getElementById('pressless-preview-error')"
            " && document.body.textContent.includes('fixed')",
            timeout=20000,
        )


@pytest.mark.browser
def test_a_setting_pelican_cannot_read_shows_an_overlay_naming_it(tmp_path, page):
    # Pelican lower-cases DEFAULT_LANG while reading the file, before any plugin checks it.
    with previewing_a_post(tmp_path, page) as (settings, _, preview, listener):
        good = settings.read_text()
        save(settings, good + "DEFAULT_LANG = None\n")
        overlay = overlay_after_the_error(page, listener)
        message = "DEFAULT_LANG must be text, a language code such as 'en' or 'pt_BR', not None"
        assert message in overlay.inner_text()
        log = preview.log.read_text()
        lines = [line for line in log.splitlines() if "DEFAULT_LANG must be text" in line]
        assert len(lines) == 1 and lines[0].startswith("preview: ") and str(settings) in lines[0], log
        assert "Traceback" not in log

        save(settings, good)
        page.wait_for_function("!document.getElementById('pressless-preview-error')", timeout=30000)


@pytest.mark.browser
def test_a_broken_template_names_the_template_and_line(tmp_path, page):
    settings, _ = write_fixture_site(tmp_path / "blog")
    theme = tmp_path / "theme"
    subprocess.run(["cp", "-r", str(ROOT / "theme"), str(theme)], check=True)
    settings.write_text(settings.read_text() + f"THEME = {str(theme)!r}\n")
    preview = PreviewProcess(settings, tmp_path / "output")
    try:
        preview.wait_until_serving()
        listener = LiveListener(preview.live_port)
        page.goto(f"http://127.0.0.1:{preview.port}/")
        footer = theme / "templates" / "partials" / "footer.html"
        good = footer.read_text()
        assert "</footer>" in good
        save(footer, good.replace("</footer>", "{% if %}</footer>", 1))
        overlay = overlay_after_the_error(page, listener)
        assert "templates/partials/footer.html:" in overlay.locator(".place").first.inner_text()
        assert "TemplateSyntaxError" in overlay.inner_text()
        save(footer, good)
        page.wait_for_function("!document.getElementById('pressless-preview-error')", timeout=20000)
    finally:
        preview.stop()


@pytest.mark.parametrize("which", ["port", "live-port"])
def test_a_busy_port_is_one_line_and_exit_1(which):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        taken = busy.getsockname()[1]
        ports = {"port": free_port(), "live-port": free_port(), which: taken}
        result = subprocess.run(
            [sys.executable, "-m", "invoke", "livereload", "--port", str(ports["port"]),
             "--live-port", str(ports["live-port"])],
            cwd=ROOT, capture_output=True, text=True, timeout=60, check=False,
        )
    assert result.returncode == 1
    output = (result.stdout + result.stderr).strip()
    assert output == f"preview: port {taken} on 127.0.0.1 is already in use; " \
                     "stop what uses it or choose another port"
