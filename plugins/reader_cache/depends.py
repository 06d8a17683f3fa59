"""What a cached entry can depend on besides its file: which settings, which code.

Reading a Markdown file (Pelican's MarkdownReader, then reading.py) consults
only READING_SETTINGS, and runs only the core, this plugin, and the Markdown
extensions MARKDOWN names. With nothing but this project's plugins loaded,
the fingerprint holds just those. Editing anything else — SITENAME, the
menu, a plugin's option, the share buttons' code — keeps every entry: the
preview and the next build read each post from the cache, not through
Markdown again (1.2 s instead of 5.0 s at 1,000 posts in the preview).

A plugin from anywhere else may read its own settings while reading, or
install a reader of its own (readers_init). With such a plugin loaded, or a
readers_init receiver other than this plugin's, every setting (but how a run
goes) and all of our code count, as they did before.
"""

import importlib.util
import inspect
import os
import site
import sys
import weakref
from pathlib import Path
from types import ModuleType

from pelican.plugins import signals

from pressless.core.fingerprints import PROJECT, code_folders

# MARKDOWN: extensions and their options (a formatter class too); FORMATTED_FIELDS:
# the header fields Markdown converts; TYPOGRIFY*: reading.py's Typogrify;
# READERS: which reader reads which file; PLUGINS, PLUGIN_PATHS: which code runs.
READING_SETTINGS = frozenset({
    "MARKDOWN", "FORMATTED_FIELDS", "TYPOGRIFY", "TYPOGRIFY_IGNORE_TAGS", "TYPOGRIFY_DASHES",
    "TYPOGRIFY_OMIT_FILTERS", "READERS", "PLUGINS", "PLUGIN_PATHS",
})
THIS_PLUGIN = Path(__file__).resolve().parent
PROJECT_PLUGINS = PROJECT / "plugins"
CORE = PROJECT / "pressless" / "core"


def module_file(module):
    """The source file of a module (object or dotted name) or None when it has none."""
    if isinstance(module, ModuleType):
        name = module.__name__
        file = getattr(module, "__file__", None)
    else:
        name = module
        file = getattr(sys.modules.get(name), "__file__", None)
    if file is None:
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            return None
        file = spec.origin if spec is not None else None
    return Path(file).resolve() if file and os.path.isfile(file) else None


def _receivers(signal):
    for held in list(signal.receivers.values()):
        receiver = held() if isinstance(held, weakref.ref) else held
        if receiver is not None:
            yield receiver


def only_our_plugins(settings):
    """True when every plugin is one of this project's and none but this one installs readers."""
    plugins = settings.get("PLUGINS")
    if plugins is None:  # Pelican then loads every namespace plugin installed
        return False
    for plugin in plugins:
        file = module_file(plugin)
        if file is None or PROJECT_PLUGINS not in file.parents:
            return False
    for receiver in _receivers(signals.readers_init):
        file = module_file(getattr(receiver, "__module__", "") or "")
        if file is None or THIS_PLUGIN not in file.parents:
            return False
    return True


def _named_in(value):
    """Every module name and every class or function in a MARKDOWN setting."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _named_in(key)
            yield from _named_in(item)
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            yield from _named_in(item)
    elif isinstance(value, str):
        name = value.partition(":")[0]  # Markdown's "package.module:ClassName"
        if name and all(part.isidentifier() for part in name.split(".")):
            yield name
    elif callable(value):
        yield value


def _source_of(named):
    if isinstance(named, str):
        return module_file(named)
    try:
        source = inspect.getsourcefile(named)
    except TypeError:
        return None
    return Path(source).resolve() if source and os.path.isfile(source) else None


def _installed(file):
    """In the standard library or an installed package: its version is in the packages' digest."""
    folders = {sys.prefix, sys.base_prefix, *site.getsitepackages(), site.getusersitepackages()}
    return any(Path(folder).resolve() in file.parents for folder in folders)


def extension_sources(markdown_settings):
    """The code MARKDOWN names that no package version covers: a module of a package as its
    package's folder, a lone module as its file."""
    sources = set()
    for named in _named_in(markdown_settings):
        file = _source_of(named)
        if file is not None and not _installed(file):
            sources.add(file.parent if (file.parent / "__init__.py").is_file() else file)
    return sources


def reading_code(settings):
    """Folders and files of the code an entry depends on: the Markdown extensions MARKDOWN
    names, and all of ours, or with only our plugins loaded, the core and this plugin."""
    extensions = sorted(extension_sources(settings.get("MARKDOWN", {})))
    if not only_our_plugins(settings):
        return [*code_folders(settings), *extensions]
    return [*settings.get("PLUGIN_PATHS", []), CORE, THIS_PLUGIN, *extensions]


def settings_left_out(settings, run_settings):
    """Settings the fingerprint leaves out: how a run goes, and with only our plugins loaded,
    every setting reading does not consult."""
    if not only_our_plugins(settings):
        return set(run_settings)
    return {key for key in settings if key not in READING_SETTINGS}
