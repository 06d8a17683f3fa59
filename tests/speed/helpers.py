"""Helpers of the speed tests: test plugins (tests/speed/fixtures/plugins) added to a settings file."""

from tests.fixtures.blog import ROOT

FIXTURE_PLUGINS = ROOT / "tests" / "speed" / "fixtures" / "plugins"


def with_fixture_plugin(settings, plugin, **values):
    """Add a test plugin of tests/speed/fixtures/plugins to `settings`, with its settings
    (each named after the plugin, upper case, + _ + the keyword, upper case)."""
    lines = [f"PLUGIN_PATHS = [{str(FIXTURE_PLUGINS)!r}]", f"PLUGINS = [*PLUGINS, {plugin!r}]"]
    lines += [f"{plugin.upper()}_{key.upper()} = {str(value)!r}" for key, value in values.items()]
    settings.write_text(settings.read_text(encoding="utf-8") + "\n".join(lines) + "\n", encoding="utf-8")
    return settings
