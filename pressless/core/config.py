"""The shape every plugin's settings take.

A plugin has `DEFAULTS` (every setting it reads, with its default) and one
check, run at `initialized`, that turns the settings into a frozen config or
raises an AuthorError reading `plugin: what is wrong, how to fix it`. The
config is kept in the settings under CONFIG_KEY, so Pelican copies it into
every build's context: handlers read it from there and templates print
`pressless.<plugin>.<field>`, never a raw setting or a restated default.
"""

from .errors import AuthorError

CONFIG_KEY = "pressless"
PLUGIN_PACKAGE = "plugins"


class SettingsError(AuthorError):
    """A setting a plugin cannot work with; the build stops before reading."""


def setting(settings, defaults, name):
    """The value in effect: the author's, else the documented default."""
    return settings.get(name, defaults[name])


def store_config(settings, plugin, config):
    settings.setdefault(CONFIG_KEY, {})[plugin] = config
    return config


def config_of(holder, plugin):
    """A plugin's checked config from the settings or a build's context."""
    try:
        return holder[CONFIG_KEY][plugin]
    except KeyError:
        raise SettingsError(
            f"{plugin}: its settings were never checked; add '{PLUGIN_PACKAGE}.{plugin}' to PLUGINS"
        ) from None


def require_plugins(settings, plugin, needed):
    """Stop the build when a plugin another one relies on is not loaded."""
    loaded = {str(name).rsplit(".", 1)[-1] for name in settings.get("PLUGINS") or []}
    missing = [name for name in needed if name not in loaded]
    if missing:
        names = ", ".join(f"'{PLUGIN_PACKAGE}.{name}'" for name in missing)
        raise SettingsError(f"{plugin}: needs {names} in PLUGINS")


def whole_number(plugin, name, value, minimum=1, maximum=None, *, optional=False):
    """An int within bounds (True/False are not numbers here), or with `optional` None."""
    if optional and value is None:
        return None
    ok = isinstance(value, int) and not isinstance(value, bool) and value >= minimum
    if ok and (maximum is None or value <= maximum):
        return value
    bound = f"from {minimum} to {maximum}" if maximum is not None else f"of at least {minimum}"
    raise SettingsError(f"{plugin}: {name} must be a whole number {bound}, not {value!r}")


def yes_or_no(plugin, name, value):
    if isinstance(value, bool):
        return value
    raise SettingsError(f"{plugin}: {name} must be True or False, not {value!r}")


def one_of(plugin, name, value, choices):
    if value in choices:
        return value
    listed = ", ".join(repr(choice) for choice in choices)
    raise SettingsError(f"{plugin}: {name} must be one of {listed}, not {value!r}")


def text(plugin, name, value, *, optional=False):
    if isinstance(value, str) or (optional and value is None):
        return value
    kind = "text or None" if optional else "text"
    raise SettingsError(f"{plugin}: {name} must be {kind}, not {value!r}")


def list_of_text(plugin, name, value):
    if isinstance(value, list | tuple) and all(isinstance(item, str) for item in value):
        return tuple(value)
    raise SettingsError(f"{plugin}: {name} must be a list of text values, not {value!r}")


def renamed(plugin, settings, old_to_new):
    """Stop on a setting that was renamed, naming the new one."""
    for old, new in old_to_new.items():
        if old in settings:
            raise SettingsError(f"{plugin}: {old} was renamed; set {new} instead")
