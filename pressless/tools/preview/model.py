"""The site held in memory: settings read once, generators run in-process.

`SiteModel.generation()` runs what `pelican` runs (Pelican.run, step by
step) with two differences: readers remember files that did not change
(readers.py), and pages and feeds become jobs instead of files (jobs.py).
Plugins that write files themselves (comment feeds, the sitemap) write into
a scratch folder; those files are collected into the Generation so the
preview can put them in place with the rendered pages.
"""

import copy
import os
import shutil
import threading
import time
import weakref
from dataclasses import dataclass, field
from pathlib import Path

import blinker
from pelican import Pelican
from pelican.contents import Article, Content
from pelican.generators import ArticlesGenerator, PagesGenerator, StaticGenerator
from pelican.plugins import signals

from pressless.core.config import CONFIG_KEY
from pressless.core.pagefind import entry_files, indexes_drafts
from pressless.core.refresh import CONTENT_FILE_CHANGED, ENTRY_REFRESHED, THEME_TEMPLATES_CHANGED
from pressless.tools.settings_file import read_site_settings

from .jobs import RecordingWriter
from .readers import MemoReaders


@dataclass
class Generation:
    """One rebuilt site model: what every output file is and how to make it."""

    number: int
    jobs: dict  # relative path -> Job
    direct_files: dict  # relative path -> bytes (written by plugins themselves)
    static_files: set  # relative paths copied by the static generator
    entries: dict = field(default_factory=dict)  # source path -> Content object
    articles_generator: object = None
    generators: list = field(default_factory=list)
    search_files: list = field(default_factory=list)  # the entry pages search indexes
    seconds: float = 0.0
    timings: dict = field(default_factory=dict)

    def generator_of(self, kind):
        """The generator that reads entries of this kind (Article or Page)."""
        wanted = ArticlesGenerator if kind is Article else PagesGenerator
        return next(generator for generator in self.generators if isinstance(generator, wanted))

    def all_paths(self):
        return set(self.jobs) | set(self.direct_files) | self.static_files

    def jobs_showing_content_of(self, entries):
        """The pages and feeds that print these entries' content."""
        wanted = {id(entry) for entry in entries}
        return [relative for relative, job in self.jobs.items()
                if (job.entry is not None and id(job.entry) in wanted)
                or wanted.intersection(job.content_ids)]


class Interrupted(Exception):
    """A rebuild stopped between two of its steps because its caller asked it to."""


# Settings with which plugins fork processes (reading posts, comments, related
# posts). The preview's first model may be made before any of its threads
# start, where forking is as safe as in a build: they stay as the site sets
# them, and a cold start reads on every core. Every other model is made on
# the worker thread, beside the servers' threads, where a forked child could
# wait for ever on a lock another thread held: one process there.
FORKING_SETTINGS = ("READER_CACHE_PROCESSES", "COMMENTS_PROCESSES", "RELATED_POSTS_PROCESSES")


def load_settings(settings_file, scratch, forking=False):
    """Pelican's settings from a settings file, with the preview's scratch folder as output;
    plugins may fork with `forking` (see FORKING_SETTINGS)."""
    settings = read_site_settings(settings_file, override={"OUTPUT_PATH": str(scratch)})
    # Pelican's Markdown reader adds to settings["MARKDOWN"] in place. A settings
    # file that imports another (`from pelicanconf import *`) holds that module's
    # dict, which Python keeps for the process: read again after an edit, it
    # would no longer be what the file says (and the reader cache would miss).
    settings["MARKDOWN"] = copy.deepcopy(settings["MARKDOWN"])
    # The preview writes the output itself; Pelican must not delete a folder.
    settings["DELETE_OUTPUT_DIRECTORY"] = False
    # The search plugin would index inside every rebuild, before the page is
    # refreshed; the preview runs Pagefind itself, after the refresh.
    settings["SEARCH_INDEX"] = False
    # The reader cache (Markdown and Typogrify output on disk) serves the
    # first reading after a start or a change of code or settings; the preview
    # then keeps each file's reading in memory itself (readers.py).
    if not forking:
        settings.update(dict.fromkeys(FORKING_SETTINGS, 1))
    # The preview decides itself what to render again; a no-op build would skip its rendering.
    settings["BUILD_MEMO"] = False
    # Rendering in forked processes would happen outside the preview's own renderer.
    settings["PARALLEL_WRITER_PROCESSES"] = 1
    return settings


def _files_under(folder):
    for directory, _, files in os.walk(folder):
        for name in files:
            yield Path(directory) / name


def _theme_static_files(settings):
    """What Pelican's StaticGenerator copies from the theme, as output paths."""
    copied = set()
    for entry in settings["THEME_STATIC_PATHS"]:
        source = Path(settings["THEME"]) / entry
        files = _files_under(source) if source.is_dir() else [source] if source.is_file() else []
        copied |= {theme_static_output(file, settings) for file in files}
    return copied


def theme_static_output(path, settings):
    """The output path a file of the theme's static folders is copied to (as
    Pelican's StaticGenerator copies it), or None for any other file."""
    path = Path(path).resolve()
    target = settings["THEME_STATIC_DIR"]
    for entry in settings["THEME_STATIC_PATHS"]:
        source = (Path(settings["THEME"]) / entry).resolve()
        if path == source:
            return f"{target}/{source.name}"
        if source in path.parents:
            return f"{target}/{path.relative_to(source).as_posix()}"
    return None


def _static_outputs(generators, settings):
    """Every file the static generators copy (content and theme), as output paths."""
    copied = _theme_static_files(settings)
    for generator in generators:
        if isinstance(generator, StaticGenerator):
            copied |= {item.save_as for item in generator.staticfiles}
    return copied


def disconnect_plugins():
    """Forget every plugin's signal handlers, so reloaded plugins are not run twice."""
    ours = (ENTRY_REFRESHED, CONTENT_FILE_CHANGED, THEME_TEMPLATES_CHANGED)
    for signal in [*vars(signals).values(), *map(blinker.signal, ours)]:
        if isinstance(signal, blinker.Signal):
            for held in list(signal.receivers.values()):
                receiver = held() if isinstance(held, weakref.ref) else held
                if receiver is not None:
                    signal.disconnect(receiver)


def clear_memoized_content():
    # Content.get_content and get_summary are memoized on (object, siteurl)
    # in one dict for the process; without this every rebuild's objects
    # would be kept alive for ever.
    for name in ("get_content", "get_summary"):
        getattr(Content, name).cache.clear()


class SiteModel:
    """A Pressless site kept in memory between rebuilds."""

    def __init__(self, settings_file, output):
        self.settings_file = Path(settings_file).resolve()
        self.output = Path(output).resolve()
        self.scratch = self.output.with_name(f".{self.output.name}.preview-scratch")
        self.memo = {}
        self.number = 0
        self.jinja_env = None
        self.pelican = None
        self.settings = None
        self._initialized_sent = False

    def load(self, forking=False):
        """(Re)read the settings and register the plugins; forget reader output. With
        `forking`, and no thread but this one, plugins may fork until the next model is made."""
        self.settings = self.pelican = None
        self.memo.clear()
        self.jinja_env = None
        disconnect_plugins()
        forking = forking and threading.active_count() == 1
        self.settings = load_settings(self.settings_file, self.scratch, forking)
        self.pelican = Pelican(self.settings)  # sends `initialized`
        self._initialized_sent = True

    def forget_theme(self):
        self.jinja_env = None

    def refresh_templates(self, generation):
        """After an edit of the theme's templates, with the model kept (no entry changed): every
        template is read again when next rendered, the pages' own are compiled now (a syntax
        error shows at once, as when the model is made), and rendered partials are forgotten."""
        if self.jinja_env.cache is not None:
            self.jinja_env.cache.clear()
        for name in sorted({job.template_name for job in generation.jobs.values() if job.template_name}):
            self.jinja_env.get_template(name)
        blinker.signal(THEME_TEMPLATES_CHANGED).send(generation.generators)

    def refresh_theme_static(self, generation):
        """After an edit of the theme's style sheets, scripts or fonts: copied again, the model kept."""
        for generator in generation.generators:
            if isinstance(generator, StaticGenerator):
                generator.generate_output(None)  # Pelican's static generator uses no writer
        generation.static_files = _static_outputs(generation.generators, self.settings)

    def watched_paths(self):
        settings = self.settings
        return {
            "content": [Path(settings["PATH"])],
            "theme": [Path(settings["THEME"]), *map(Path, settings["THEME_TEMPLATES_OVERRIDES"])],
            "code": [self.settings_file, *map(Path, settings["PLUGIN_PATHS"])],
        }

    def _search_drafts(self):
        """Whether the index holds drafts, as the search plugin decides it for a build."""
        config = self.settings.get(CONFIG_KEY, {}).get("search")
        return indexes_drafts(config.index_drafts if config else None, self.settings.get("SHOW_DRAFTS"))

    def _make_generators(self, context):
        pelican = self.pelican
        generators = []
        for cls in pelican._get_generator_classes():
            # Static files go straight to the real output folder: copying
            # them is Pelican's own up-to-date check, and they can be large.
            output_path = str(self.output) if cls is StaticGenerator else pelican.output_path
            generator = cls(context=context, settings=self.settings, path=pelican.path,
                            theme=pelican.theme, output_path=output_path)
            if hasattr(generator, "readers"):
                generator.readers = MemoReaders(self.settings, self.memo)
            # One Jinja environment for every generator and rebuild: templates
            # are compiled once until the theme changes.
            if self.jinja_env is None:
                self.jinja_env = generator.env
            generator.env = self.jinja_env
            generators.append(generator)
        return generators

    def _collect_scratch(self):
        files = {}
        for path in _files_under(self.scratch):
            files[path.relative_to(self.scratch).as_posix()] = path.read_bytes()
            path.unlink()
        return files

    def generation(self, interrupted=lambda: False):
        """Rebuild the model from the files as they are now; return the Generation.

        Raises whatever Pelican or a plugin raises for bad content, and
        Interrupted when `interrupted()` is true between two steps (nothing is
        kept of a stopped rebuild, as of a failed one).
        """
        try:
            return self._generation(interrupted)
        finally:
            # After a first model that could fork (load), made or failed: no more.
            if self.settings is not None:
                self.settings.update(dict.fromkeys(FORKING_SETTINGS, 1))

    def _generation(self, interrupted):

        def step_done():
            if interrupted():
                raise Interrupted

        started = time.perf_counter()
        timings = {}
        clear_memoized_content()
        self.scratch.mkdir(parents=True, exist_ok=True)
        self._collect_scratch()  # anything a failed rebuild left behind
        # Plugins check settings at `initialized` (content_guard reads every
        # header when the article generator is made, below): run them again on
        # each rebuild.
        if not self._initialized_sent:
            signals.initialized.send(self.pelican)
        self._initialized_sent = False
        timings["initialized"] = time.perf_counter() - started
        step_done()

        context = self.settings.copy()
        context["generated_content"] = {}
        context["static_links"] = set()
        context["static_content"] = {}
        context["localsiteurl"] = self.settings["SITEURL"]
        generators = self._make_generators(context)
        for generator in generators:
            mark = time.perf_counter()
            if hasattr(generator, "generate_context"):
                generator.generate_context()
            if hasattr(generator, "check_disabled_readers"):
                generator.check_disabled_readers()
            timings[f"context:{type(generator).__name__}"] = time.perf_counter() - mark
            step_done()
        mark = time.perf_counter()
        signals.all_generators_finalized.send(generators)
        for generator in generators:
            if hasattr(generator, "refresh_metadata_intersite_links"):
                generator.refresh_metadata_intersite_links()
        timings["all_generators_finalized"] = time.perf_counter() - mark
        step_done()

        mark = time.perf_counter()
        writer = RecordingWriter(self.pelican.output_path, self.settings)
        for generator in generators:
            if hasattr(generator, "generate_output"):
                generator.generate_output(writer)
            step_done()
        timings["record"] = time.perf_counter() - mark
        mark = time.perf_counter()
        signals.finalized.send(self.pelican)
        timings["finalized"] = time.perf_counter() - mark
        # Every file is in memory now; later rebuilds read only changed files,
        # and checking the disk cache for every file on each would cost more.
        self.settings["READER_CACHE"] = False
        static_files = _static_outputs(generators, self.settings)
        self.number += 1
        entries = {
            entry.source_path: entry
            for path, entry in context["generated_content"].items() if entry
        }
        return Generation(
            number=self.number,
            jobs=writer.jobs,
            direct_files=self._collect_scratch(),
            static_files=static_files,
            entries=entries,
            articles_generator=next(g for g in generators if isinstance(g, ArticlesGenerator)),
            generators=generators,
            search_files=entry_files(generators, self._search_drafts()),
            seconds=time.perf_counter() - started,
            timings=timings,
        )

    def close(self):
        shutil.rmtree(self.scratch, ignore_errors=True)
