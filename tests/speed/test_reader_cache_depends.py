"""Which settings and code the reader cache's entries depend on (plugins/reader_cache/depends.py).

With only this project's plugins, an entry depends on the settings reading
consults and the code that reads; with a plugin from elsewhere, on every
setting and all of our code.
"""

import copy
import sys

import pytest
from pelican.plugins import signals

from plugins.reader_cache.depends import CORE, THIS_PLUGIN, only_our_plugins, reading_code
from plugins.reader_cache.store import fingerprint
from pressless.core.fingerprints import PROJECT

OUR_PLUGINS = ["plugins.site_settings", "plugins.reader_cache", "plugins.share_buttons", "plugins.seo"]
MARKDOWN = {
    "extension_configs": {"markdown.extensions.extra": {}, "plugins.markdown_extras.table_align": {}},
    "output_format": "html5",
}


def site_settings(**changes):
    settings = {
        "PLUGINS": list(OUR_PLUGINS), "PLUGIN_PATHS": [], "MARKDOWN": copy.deepcopy(MARKDOWN),
        "TYPOGRIFY": True, "TYPOGRIFY_DASHES": "oldschool", "SITENAME": "Plot and Oven",
        "SITESUBTITLE": "Notes", "MENUITEMS": [("Home", "/")], "SHARE_BUTTONS": ["mastodon"],
        "OUTPUT_PATH": "output",
    }
    settings.update(changes)
    return settings


@pytest.fixture
def foreign_plugin(tmp_path, monkeypatch):
    """A plugin module from outside the project, on PLUGIN_PATHS, as Pelican loads one."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    (folder / "foreign_reading.py").write_text("WORDS = 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(folder))
    yield folder
    sys.modules.pop("foreign_reading", None)


def test_a_setting_reading_does_not_consult_keeps_the_fingerprint():
    before = fingerprint(site_settings())
    for change in ({"SITENAME": "Another"}, {"SITESUBTITLE": "Other notes"}, {"MENUITEMS": []},
                   {"SHARE_BUTTONS": []}, {"OUTPUT_PATH": "elsewhere"}, {"NEW_THEME_OPTION": 3}):
        assert fingerprint(site_settings(**change)) == before, change


def test_a_setting_reading_consults_changes_it():
    before = fingerprint(site_settings())
    markdown = copy.deepcopy(MARKDOWN)
    markdown["extension_configs"]["markdown.extensions.toc"] = {"permalink": True}
    for change in ({"TYPOGRIFY": False}, {"TYPOGRIFY_DASHES": "default"}, {"MARKDOWN": markdown},
                   {"FORMATTED_FIELDS": ["summary", "note"]}, {"PLUGINS": OUR_PLUGINS[:-1]}):
        assert fingerprint(site_settings(**change)) != before, change


def test_our_plugins_alone_are_recognised(foreign_plugin):
    assert only_our_plugins(site_settings())
    assert not only_our_plugins(site_settings(PLUGINS=None)), "Pelican then loads every namespace plugin"
    settings = site_settings(PLUGINS=[*OUR_PLUGINS, "foreign_reading"], PLUGIN_PATHS=[str(foreign_plugin)])
    assert not only_our_plugins(settings)


def test_with_a_plugin_from_elsewhere_every_setting_counts(foreign_plugin):
    plugins = [*OUR_PLUGINS, "foreign_reading"]
    before = fingerprint(site_settings(PLUGINS=plugins))
    # Such a plugin may read its own settings, or any other, while it reads.
    assert fingerprint(site_settings(PLUGINS=plugins, NEW_THEME_OPTION=3)) != before
    assert fingerprint(site_settings(PLUGINS=plugins, SITENAME="Another")) != before
    # How a run goes still never counts.
    assert fingerprint(site_settings(PLUGINS=plugins, OUTPUT_PATH="elsewhere")) == before


def foreign_install(readers):
    """A readers_init receiver that is not the reader cache's own."""


def test_a_reader_installed_by_anything_else_makes_every_setting_count():
    before = fingerprint(site_settings())
    signals.readers_init.connect(foreign_install)
    try:
        assert not only_our_plugins(site_settings())
        assert fingerprint(site_settings(SITENAME="Another")) != before
        assert PROJECT / "plugins" in reading_code(site_settings())
    finally:
        signals.readers_init.disconnect(foreign_install)
    assert only_our_plugins(site_settings())


def test_the_code_that_reads_is_the_core_this_plugin_and_the_markdown_extensions():
    code = reading_code(site_settings())
    assert set(code) == {CORE, THIS_PLUGIN, PROJECT / "plugins" / "markdown_extras"}


@pytest.fixture
def extension_folder(tmp_path, monkeypatch):
    monkeypatch.syspath_prepend(str(tmp_path))
    yield tmp_path
    for name in ("lone_extension", "packaged_extension", "packaged_extension.main"):
        sys.modules.pop(name, None)


def test_an_edited_markdown_extension_changes_the_fingerprint(extension_folder):
    # A lone module and a package, named by MARKDOWN from outside the project.
    tmp_path = extension_folder
    lone = tmp_path / "lone_extension.py"
    lone.write_text("VALUE = 1\n", encoding="utf-8")
    package = tmp_path / "packaged_extension"
    package.mkdir()
    (package / "__init__.py").write_text("", encoding="utf-8")
    helper = package / "helper.py"
    helper.write_text("VALUE = 1\n", encoding="utf-8")
    markdown = copy.deepcopy(MARKDOWN)
    markdown["extension_configs"].update({"lone_extension": {}, "packaged_extension.main:Extension": {}})
    (package / "main.py").write_text("from .helper import VALUE\n", encoding="utf-8")
    settings = site_settings(MARKDOWN=markdown)
    assert {lone, package} <= set(reading_code(settings))
    before = fingerprint(settings)
    lone.write_text("VALUE = 2\n", encoding="utf-8")
    after_lone = fingerprint(settings)
    assert after_lone != before
    helper.write_text("VALUE = 2\n", encoding="utf-8")  # a file the extension imports
    assert fingerprint(settings) != after_lone
