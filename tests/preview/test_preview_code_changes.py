"""A change to the theme, a plugin or the settings rebuilds everything, in the same process."""

import shutil

import pytest

from .helpers import ROOT, LiveListener, PreviewProcess, previewed_fixture_site, save, write_fixture_site
from .test_preview_matches_build import assert_served_like, assert_written_like, full_build

PLUGIN = '''from pelican import signals


def motto(pelican):
    pelican.settings["SITESUBTITLE"] = "{motto}"


def register():
    signals.initialized.connect(motto)
'''


@pytest.fixture
def site_with_own_theme_and_plugin(tmp_path):
    settings, _ = write_fixture_site(tmp_path / "blog")
    theme, plugins = tmp_path / "theme", tmp_path / "extra_plugins"
    shutil.copytree(ROOT / "theme", theme)
    save(plugins / "fixture_motto" / "__init__.py", PLUGIN.format(motto="Seeds and loaves"))
    settings.write_text(
        settings.read_text()
        + f"THEME = {str(theme)!r}\nPLUGIN_PATHS = [{str(plugins)!r}]\n"
        + "PLUGINS = [*PLUGINS, 'fixture_motto']\n"
    )
    preview = PreviewProcess(settings, tmp_path / "output")
    preview.wait_until_serving()
    listener = LiveListener(preview.live_port)
    listener.wait_for("pressless-search-updated")
    yield tmp_path, settings, theme, plugins, preview, listener
    preview.stop()


def test_theme_plugin_and_settings_changes(site_with_own_theme_and_plugin):
    tmp_path, settings, theme, plugins, preview, listener = site_with_own_theme_and_plugin
    assert b"Seeds and loaves" in preview.get("/")[1]
    footer = theme / "templates" / "partials" / "footer.html"
    edits = [
        ("theme", lambda: save(footer, footer.read_text().replace("</footer>",
                                                                  "<p>Hand-made.</p></footer>"))),
        ("plugin", lambda: save(plugins / "fixture_motto" / "__init__.py",
                                PLUGIN.format(motto="Roots and crusts"))),
        ("settings", lambda: save(settings, settings.read_text() + "SITENAME = 'Plot and Oven'\n")),
    ]
    shown = {"theme": b"Hand-made.", "plugin": b"Roots and crusts", "settings": b"Plot and Oven"}
    for name, make_edit in edits:
        listener.drain()
        make_edit()
        listener.wait_for("reload")
        status, front = preview.get("/")
        assert status == 200 and shown[name] in front, name
        expected = full_build(tmp_path, settings, name)
        assert_served_like(expected, preview)
        listener.wait_for("pressless-search-updated")
        assert_written_like(expected, preview)
    assert preview.process.poll() is None, "the same process serves after every change"


def test_a_settings_file_that_cannot_load_is_reported_and_watched(tmp_path):
    with previewed_fixture_site(tmp_path) as (settings, _, preview, listener):
        good = settings.read_text()
        save(settings, good + "SITENAME = 'Unclosed\n")
        _, message = listener.wait_for("pressless-error")
        problem = message["problems"][0]
        assert problem["path"] == str(settings) and problem["line"] == good.count("\n") + 1
        assert "SyntaxError" in problem["message"]
        assert b"Pressless Notes" in preview.get("/")[1], "the last good site is still served"
        save(settings, good + "SITENAME = 'Closed Again'\n")
        listener.wait_for("reload")
        assert b"Closed Again" in preview.get("/")[1]
