"""A change to the theme, a plugin or the settings rebuilds everything, in the same process."""

import shutil

import pytest

from .helpers import (
    ROOT,
    LiveListener,
    PreviewProcess,
    assert_index_kept,
    previewed_fixture_site,
    save,
    wait_for_the_live_client,
    write_fixture_site,
)
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
    theme, plugins, overrides = tmp_path / "theme", tmp_path / "extra_plugins", tmp_path / "overrides"
    shutil.copytree(ROOT / "theme", theme)
    overrides.mkdir()
    save(plugins / "fixture_motto" / "__init__.py", PLUGIN.format(motto="Seeds and loaves"))
    settings.write_text(
        settings.read_text()
        + f"THEME = {str(theme)!r}\nPLUGIN_PATHS = [{str(plugins)!r}]\n"
        + f"THEME_TEMPLATES_OVERRIDES = [{str(overrides)!r}]\n"
        + "PLUGINS = [*PLUGINS, 'fixture_motto']\n"
    )
    preview = PreviewProcess(settings, tmp_path / "output")
    preview.wait_until_serving()
    listener = LiveListener(preview.live_port)
    listener.wait_for("pressless-search-updated")
    yield tmp_path, settings, theme, plugins, preview, listener
    preview.stop()


def appended(path, old, new):
    return lambda: save(path, path.read_text().replace(old, new + old, 1))


def test_theme_plugin_and_settings_changes(site_with_own_theme_and_plugin):
    tmp_path, settings, theme, plugins, preview, listener = site_with_own_theme_and_plugin
    assert b"Seeds and loaves" in preview.get("/")[1]
    templates = theme / "templates"
    # (name, edit, URL and text that show it, whether the model is kept). A
    # template or a style sheet changes no entry: the preview keeps its model
    # and renders every page again; a catalog, a plugin or the settings make it anew.
    edits = [
        ("template", appended(templates / "partials" / "footer.html", "</footer>", "<p>Hand-made.</p>"),
         "/", b"Hand-made.", True),
        # The front page's own template: the page job recorded it, and must render the new one.
        ("page template", appended(templates / "index.html", "{% endblock %}\n{% block body_class %}",
                                   "<!-- front page edited -->"),
         "/", b"<!-- front page edited -->", True),
        # The sidebar's widgets are rendered once per build and reused (template_tags' render_once).
        ("widget", appended(templates / "partials" / "widgets" / "recent-posts.html", "</h2>", " (fresh)"),
         "/", b" (fresh)</h2>", True),
        # A new file among the overrides hides the theme's own of that name.
        ("override", lambda: save(tmp_path / "overrides" / "partials" / "footer.html",
                                  "<footer>Overridden footer.</footer>\n"),
         "/", b"Overridden footer.", True),
        ("override gone", lambda: (tmp_path / "overrides" / "partials" / "footer.html").unlink(),
         "/", b"Hand-made.", True),
        ("style sheet", lambda: save(theme / "static" / "css" / "style.css",
                                     (theme / "static" / "css" / "style.css").read_text() + "/* tuned */\n"),
         "/theme/css/style.css", b"/* tuned */", True),
        ("catalog", appended(theme / "translations" / "de" / "LC_MESSAGES" / "messages.po", "", "# edited\n"),
         "/", b"Hand-made.", False),
        ("plugin", lambda: save(plugins / "fixture_motto" / "__init__.py",
                                PLUGIN.format(motto="Roots and crusts")),
         "/", b"Roots and crusts", False),
        ("settings", lambda: save(settings, settings.read_text() + "SITENAME = 'Plot and Oven'\n"),
         "/", b"Plot and Oven", False),
    ]
    for name, make_edit, url, shown, kept in edits:
        quick_before = preview.log.read_text().count("preview: theme updated in")
        listener.drain()
        make_edit()
        listener.wait_for("reload")
        status, page = preview.get(url)
        assert status == 200 and shown in page, name
        expected = full_build(tmp_path, settings, name.replace(" ", "-"))
        assert_served_like(expected, preview)
        if name == "style sheet":  # no page changed: the search index stays
            assert_index_kept(preview, listener)
        else:
            listener.wait_for("pressless-search-updated")
        assert_written_like(expected, preview)
        quick = preview.log.read_text().count("preview: theme updated in") - quick_before
        assert quick == (1 if kept else 0), name
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


@pytest.mark.browser
def test_a_saved_style_sheet_is_loaded_again_without_reloading_the_page(tmp_path, page):
    settings, _ = write_fixture_site(tmp_path / "blog")
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    settings.write_text(settings.read_text() + f"THEME = {str(theme)!r}\n")
    preview = PreviewProcess(settings, tmp_path / "output")
    try:
        preview.wait_until_serving()
        wait_for_the_live_client(page, f"http://127.0.0.1:{preview.port}/")
        page.evaluate("window.stillTheSamePage = true")
        style = theme / "static" / "css" / "style.css"
        save(style, style.read_text() + "body { outline: 3px solid rgb(1, 2, 3); }\n")
        page.wait_for_function("getComputedStyle(document.body).outlineColor === 'rgb(1, 2, 3)'",
                               timeout=20000)
        assert page.evaluate("window.stillTheSamePage === true"), "the page was reloaded"
        # A template is no style sheet: the page reloads to show it.
        footer = theme / "templates" / "partials" / "footer.html"
        save(footer, footer.read_text().replace("</footer>", "<p>Hand-made.</p></footer>"))
        page.wait_for_function("document.body.textContent.includes('Hand-made.')", timeout=20000)
        assert page.evaluate("window.stillTheSamePage === undefined")
    finally:
        preview.stop()
