"""Which saved files matter, and what kind of rebuild each asks for."""

import os
import sys
import threading
import time
from pathlib import Path

import watchfiles

import pressless.core

# Editors' swap and backup files are not content.
_IGNORED_PREFIXES = (".#", ".~")
_IGNORED_SUFFIXES = ("~", ".swp", ".swx", ".tmp", ".part")
# A file saved in place is first emptied, then written: how long an empty
# content file is given to be written before it is read as it is.
EMPTY_FILE_GRACE_SECONDS = 0.5
# How often an idle watcher wakes up: its first wake-up says it is watching.
IDLE_WAKE_MS = 200
READY_TIMEOUT_SECONDS = 10


def wait_while_empty(paths, grace=EMPTY_FILE_GRACE_SECONDS):
    """Give files just truncated by a save in place the moment their text takes to arrive."""
    deadline = time.monotonic() + grace
    for path in paths:
        while time.monotonic() < deadline:
            try:
                if os.path.getsize(path) > 0:
                    break
            except OSError:
                break  # deleted: nothing to wait for
            time.sleep(0.01)


def code_roots(settings):
    """Folders whose Python code is loaded into the preview: plugins and core."""
    return [*map(Path, settings["PLUGIN_PATHS"]), Path(pressless.core.__file__).parent]


def settings_files(settings_file):
    """The settings file and the settings files beside it that it may import."""
    folder = settings_file.parent
    return sorted({settings_file, *(p for p in (folder / "pelicanconf.py",) if p.is_file())})


def _under(path, roots):
    return any(path == root or root in path.parents for root in roots)


def is_editor_file(path):
    """An editor's swap, backup or temporary file: never content."""
    name = Path(path).name
    return name.startswith(_IGNORED_PREFIXES) or name.endswith(_IGNORED_SUFFIXES)


def classify(path, settings, settings_file, output):
    """'content', 'theme', 'code' or None (not something the site is built from)."""
    path = Path(path).resolve()
    if is_editor_file(path) or "__pycache__" in path.parts:
        return None
    code = [Path(p).resolve() for p in code_roots(settings)]
    if _under(path, code) or path in settings_files(settings_file):
        return "code"
    theme_roots = [Path(settings["THEME"]), *map(Path, settings["THEME_TEMPLATES_OVERRIDES"])]
    if _under(path, [p.resolve() for p in theme_roots]):
        return "theme"
    if _under(path, [Path(settings["PATH"]).resolve()]) and not _under(path, [output]):
        return "content"
    return None


# Theme files the preview takes without making its model again: what pages
# link to and nothing reads while the model is made. An image may be the
# DEFAULT_IMAGE (its size is in every page's meta tags); a catalog holds the
# theme's words.
QUICK_STATIC_SUFFIXES = (".css", ".js", ".map", ".woff", ".woff2", ".ttf", ".otf", ".eot")


def quick_theme_part(path, settings):
    """'templates' for a template of the theme or its overrides that is there (or a folder for
    one), or whose name another of those folders still gives; 'static' for a style sheet,
    script or font of the theme's static files; None for anything else."""
    path = Path(path).resolve()
    templates = [Path(settings["THEME"]) / "templates", *map(Path, settings["THEME_TEMPLATES_OVERRIDES"])]
    templates = [folder.resolve() for folder in templates]
    root = next((folder for folder in templates if _under(path, [folder])), None)
    if root is not None:
        # A name no folder gives any more may be a sidebar widget the settings
        # name (checked when the model is made): the model is made again.
        name = path.relative_to(root)
        return "templates" if path.exists() or any((f / name).is_file() for f in templates) else None
    static = [Path(settings["THEME"]) / entry for entry in settings["THEME_STATIC_PATHS"]]
    if _under(path, [folder.resolve() for folder in static]) and path.suffix.lower() in QUICK_STATIC_SUFFIXES:
        return "static"
    return None


def forget_code(roots, files):
    """Drop loaded modules from these folders, so the next import reads them anew."""
    roots = [Path(root).resolve() for root in roots]
    files = {Path(file).resolve() for file in files}
    for name, module in list(sys.modules.items()):
        origin = getattr(module, "__file__", None)
        if origin and (Path(origin).resolve() in files or _under(Path(origin).resolve(), roots)):
            del sys.modules[name]


class Watcher:
    """Watches content, theme and code; hands changes to `on_change`.

    Settings files are watched through their folder, not recursively (the
    folder holds output/ and the virtualenv): an editor that saves by
    renaming a new file over the old one replaces the file being watched.
    """

    def __init__(self, model, on_change):
        self.model = model
        # The settings the watched folders come from: kept while a broken
        # settings file cannot be read, so that saving it fixed is noticed.
        self.settings = model.settings
        self.on_change = on_change
        self.stop_event = threading.Event()
        self.watching = [threading.Event(), threading.Event()]
        self.threads = [
            threading.Thread(target=self._run, args=(self.tree_roots(), True, self.watching[0]), daemon=True),
            threading.Thread(target=self._run, args=(self.settings_folders(), False, self.watching[1]),
                             daemon=True),
        ]

    def tree_roots(self):
        settings = self.settings
        roots = [settings["PATH"], settings["THEME"], *settings["THEME_TEMPLATES_OVERRIDES"],
                 *code_roots(settings)]
        return sorted({str(Path(root).resolve()) for root in roots if os.path.exists(root)})

    def settings_folders(self):
        return sorted({str(path.parent) for path in settings_files(self.model.settings_file)})

    def start(self):
        """Start watching; return once the file system watches are in place, so that
        a save right after "Serving" is seen."""
        for thread in self.threads:
            thread.start()
        for watching in self.watching:
            watching.wait(timeout=READY_TIMEOUT_SECONDS)

    def stop(self):
        self.stop_event.set()

    def _run(self, roots, recursive, watching):
        # A short step: a save is reported about 20 ms after it happens. The
        # watches exist once the generator yields anything, an idle wake-up
        # (an empty batch) included.
        for batch in watchfiles.watch(*roots, debounce=200, step=20, stop_event=self.stop_event,
                                      recursive=recursive, raise_interrupt=False,
                                      rust_timeout=IDLE_WAKE_MS, yield_on_timeout=True):
            watching.set()
            if not batch:
                continue
            kinds = {}
            self.settings = self.model.settings or self.settings
            for _, path in batch:
                kind = classify(path, self.settings, self.model.settings_file, self.model.output)
                if kind:
                    kinds[path] = kind
            if kinds:
                wait_while_empty([path for path, kind in kinds.items() if kind == "content"])
                self.on_change(kinds)
