"""The preview's worker: one thread that rebuilds, renders, writes and indexes.

Everything that touches the site model runs on this thread, in this order of
priority: a page a browser is waiting for (after any save that came first,
while the model must settle); files that changed (a quick update, or a new
model); settling after a quick update (incremental.py); collecting what the
last model left (the cyclic garbage collector is paused while a model is
made); pages still to be written; the search index, once every page is
written. The first model is made before the worker starts (read_site).
Other threads talk to it through `files_changed` and `render_now`.

While the model settles, the edited posts' pages (already written, and sent
as the reload) and files that no page job makes (styles, scripts, images)
are served straight from disk; a request for any other page waits for the
settled model, so what is served is always what a full build writes. A save
that comes while the model settles stops it between two steps, is taken as
quickly as if nothing were pending, and settling starts again after it.
"""

import gc
import shutil
import subprocess
import sys
import threading
import time
from collections import deque
from concurrent.futures import Future
from pathlib import Path

from pelican.contents import Article

from pressless.core.config import CONFIG_KEY
from pressless.core.pagefind import (
    BUNDLE_LIST,
    PAGES_PER_INDEX,
    PagefindOptions,
    bundle_batches,
    bundle_list_text,
    failure_of,
    link_tree,
    pagefind_command,
    site_glob,
)

from .incremental import quick_update
from .model import Interrupted, theme_static_output
from .output import SEARCH_FOLDER, remove_stale, swap_in, write_if_changed
from .problems import ErrorCollector, one_line, problems_of_failure
from .static_files import static_file_edit
from .watch import quick_theme_part


def say(line):
    # Printed, not logged: Pelican's loggers drop a message equal to an
    # earlier one, and "rebuilt in 0.07 s" is often said twice.
    print(f"preview: {line}", file=sys.stderr, flush=True)

# How long after a reload message the worker waits for the browser's request
# before it goes on writing the other pages (a reload takes the browser well
# under this on 127.0.0.1).
REQUEST_GRACE_SECONDS = 0.5
# How long after answering a request the garbage collection waits, which
# holds the interpreter lock for up to 0.6 s at 5,000 posts: the server's
# thread sends the page first.
ANSWER_SENT_SECONDS = 0.25


class SearchIndexer:
    """Pagefind in its own process over the entry pages, in the same batches as the search
    plugin runs it in a build, one batch after another, into a staging folder swapped in
    when the last is done."""

    def __init__(self, output):
        self.output = Path(output)
        self.staging = self.output.with_name(f".{self.output.name}.pagefind-staging")
        self.source = self.output.with_name(f".{self.output.name}.pagefind-source")
        self.process = None
        self.batches = []  # (bundle sub-folder, paths) still to index
        self.bundle_list = ""
        self.options = PagefindOptions()
        self.pages = 0  # in the batch being indexed

    def start(self, files, settings):
        self.stop()
        # Pagefind adds to a folder without emptying it: a stopped run's files must go.
        shutil.rmtree(self.staging, ignore_errors=True)
        # As the search plugin checked them for the build; its defaults when it is not loaded.
        config = settings.get(CONFIG_KEY, {}).get("search")
        self.options = config.pagefind if config else PagefindOptions()
        batches = bundle_batches(files, config.pages_per_index if config else PAGES_PER_INDEX)
        self.bundle_list = bundle_list_text(batches)
        self.batches = list(batches)
        self._start_next()

    def _start_next(self):
        folder, files = self.batches.pop(0)
        shutil.rmtree(self.source, ignore_errors=True)
        # Pagefind reads the pages in the output itself when a glob can name
        # them (pages are replaced whole, never written in place); else a tree
        # of links, as a build does.
        glob = site_glob(self.output, files)
        if glob is None:
            link_tree(self.output, files, self.source)
        command = pagefind_command(self.source if glob is None else self.output, self.staging / folder,
                                   self.options, glob=glob)
        self.pages = len(files)
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.process = None
        self.batches = []

    def finished(self):
        """None while running; else True when the new index is in place."""
        if self.process is None or self.process.poll() is None:
            return None
        process, self.process = self.process, None
        shutil.rmtree(self.source, ignore_errors=True)
        reason = failure_of(process.returncode, process.stdout.read().decode(), self.pages, self.options)
        if reason:
            self.batches = []
            say(f"search index: Pagefind failed: {one_line(reason)}")
            return False
        if self.batches:
            self._start_next()
            return None
        self.staging.mkdir(parents=True, exist_ok=True)
        (self.staging / BUNDLE_LIST).write_text(self.bundle_list, encoding="utf-8")
        swap_in(self.output, SEARCH_FOLDER, self.staging)
        return True


class PreviewSession:
    """The site model, its pages on disk, and what browsers are told."""

    def __init__(self, model, notify, search=True):
        self.model = model
        self.notify = notify  # (message dict) -> None; called on this thread
        self.output = model.output
        self.generation = None
        self.dirty = {}  # relative path -> None, in the order to write
        self.changes = {}  # path -> kind ("content", "theme", "code")
        self.requests = deque()
        self.problems = []
        self.settle_due = False
        self.fresh_while_settling = set()  # pages already right before the model settles
        self.settling = False  # from a quick update until the whole model is rebuilt after it
        self.search = SearchIndexer(self.output) if search else None
        self.search_stale = False
        self.models_uncollected = 0  # models made since the garbage was last collected
        self.ready = threading.Event()
        self._requests_first_until = 0.0
        self._answered_until = 0.0
        self._wake = threading.Condition()
        self._stopping = False
        self.thread = threading.Thread(target=self._run, name="preview-worker", daemon=True)

    # -- called from other threads --------------------------------------
    def start(self):
        self.thread.start()

    def stop(self):
        with self._wake:
            self._stopping = True
            self._wake.notify()
        if self.thread.is_alive():  # not started when Ctrl-C came during the first model
            self.thread.join(timeout=30)
        if self.search:
            self.search.stop()

    def files_changed(self, kinds):
        with self._wake:
            self.changes.update(kinds)
            self._wake.notify()

    def render_now(self, relative):
        """A Future of the page's bytes once it is up to date (None: read the disk)."""
        future = Future()
        with self._wake:
            if self._on_disk_while_settling(relative):
                future.set_result(None)
                return future
            self.requests.append((relative, future))
            self._wake.notify()
        return future

    def _on_disk_while_settling(self, relative):
        if not self.settling:
            return False
        generation = self.generation
        return relative in self.fresh_while_settling or not (
            relative in generation.jobs or relative in generation.direct_files)

    # -- the worker -----------------------------------------------------
    def read_site(self):
        """The first model, on the calling thread. Called before any other thread starts
        (Preview.serve), it may fork: a cold start reads the posts on every core."""
        self._rebuild({}, first=True)
        self.ready.set()

    def _run(self):
        if not self.ready.is_set():
            self.read_site()
        while True:
            with self._wake:
                while not (self._stopping or self.requests or self.changes or self.settle_due
                           or self._background_due()):
                    self._wake.wait(timeout=self._next_check())
                if self._stopping:
                    return
                # A page waiting for the model to settle waits for a save made
                # meanwhile too: settling would only stop for it.
                saves_first = self.changes and (self.settle_due or not self.requests)
                request = self.requests.popleft() if self.requests and not saves_first else None
                changes, self.changes = (self.changes, {}) if not request else ({}, self.changes)
            if request:
                if self.settle_due and not self._settle():
                    # A save came while settling: it goes first, the request after.
                    with self._wake:
                        self.requests.appendleft(request)
                    continue
                self._answer(*request)
            elif changes:
                self._rebuild(changes)
            elif self.settle_due:
                self._settle()
            elif self._garbage_due():
                self._collect_garbage()
            elif self.dirty:
                self._write_next()
            else:
                self._index_search()

    def _background_due(self):
        # Right after a reload the browser's request is on its way: leave the
        # worker free for it rather than start a long job (a feed of every post).
        if time.monotonic() < self._requests_first_until:
            return False
        return bool(self.dirty) or self._search_due() or self._garbage_due()

    # Python's cyclic garbage collector walks every object it tracks, again
    # and again while a model of thousands of posts is made: at 5,000 posts
    # that was 1.2 s of a 4.4 s model. It is off while a model is made and
    # collects once (0.6 s) what the last model left, as the first thing the
    # worker does in the background: after the page asked for, before the
    # other pages. A model made before that is made after a collection, so the
    # process holds no more models at once than with the collector on (at
    # 5,000 posts each is about 120 MB).
    def _garbage_due(self):
        # Not right after an answer: the collection holds the interpreter
        # lock, and the server's thread could not send the page meanwhile.
        return self.models_uncollected > 0 and time.monotonic() >= self._answered_until

    def _pause_collection(self):
        if self.models_uncollected:
            self._collect_garbage()
        gc.disable()
        self.models_uncollected += 1

    def _collect_garbage(self):
        gc.collect()
        gc.enable()
        self.models_uncollected = 0

    def _next_check(self):
        waits = [self._requests_first_until - time.monotonic()]
        if self.models_uncollected:
            waits.append(self._answered_until - time.monotonic())
        if self._search_running():
            waits.append(0.2)
        positive = [wait for wait in waits if wait > 0]
        return min(positive) if positive else None

    def _search_running(self):
        return self.search is not None and self.search.process is not None

    def _search_due(self):
        if self.search is None:
            return False
        # Settings that failed to load leave no model to index with: the
        # index waits for the rebuild that follows the fix.
        stale = self.search_stale and self.model.settings is not None
        return stale or self._search_running()

    def _answer(self, relative, future):
        self._answered_until = time.monotonic() + ANSWER_SENT_SECONDS
        try:
            future.set_result(self._write(relative) if relative in self.dirty else None)
        except Exception as error:  # a template error shows in the browser too
            self._fail(error, [])
            future.set_result(None)

    def _render_to_disk(self, relative):
        data = self.generation.jobs[relative].text().encode("utf-8")
        write_if_changed(self.output, relative, data)
        return data

    def _write(self, relative):
        data = self._render_to_disk(relative)
        self.dirty.pop(relative, None)
        return data

    def _write_next(self):
        relative = next(iter(self.dirty))
        try:
            self._write(relative)
        except Exception as error:
            self.dirty.pop(relative, None)
            self._fail(error, [])

    def _index_search(self):
        if self.search_stale and self.model.settings is not None:
            self.search_stale = False
            self.search.start(self.generation.search_files, self.model.settings)
            return
        done = self.search.finished()
        if done:
            self.notify({"command": "pressless-search-updated"})

    # -- rebuilding -----------------------------------------------------
    def _rebuild(self, changes, first=False):
        kinds = set(changes.values())
        # Pagefind must not read pages being written; an index it was making is made again.
        indexing = self.search_stale or self._search_running()
        if self.search:
            self.search.stop()
        started = time.monotonic()
        theme_parts = None if first else self._quick_theme_parts(changes)
        static_files = None
        with ErrorCollector() as collector:
            try:
                if first or "code" in kinds or self.model.pelican is None:
                    self.model.load(forking=first)
                elif "theme" in kinds and theme_parts is None:
                    self.model.forget_theme()
                edited = settle = None
                if kinds == {"content"} and self.generation is not None:
                    if self._model_is_whole():
                        static_files = static_file_edit(self.generation, list(changes))
                    if static_files is None:
                        edited, settle = quick_update(self.model, self.generation, list(changes))
                if theme_parts is not None:
                    self._refresh_theme(theme_parts)
                    changed_jobs = []
                elif static_files is not None:
                    changed_jobs = []
                elif settle is not None:
                    # Written before the reload goes out: the browser's request for
                    # it is then served from disk while the model settles.
                    for relative in settle:
                        self._render_to_disk(relative)
                    changed_jobs = settle
                elif edited is not None:
                    changed_jobs = edited
                else:
                    self._pause_collection()
                    self._install(self.model.generation())
                    changed_jobs = self._jobs_of_sources(changes)
                    self.settle_due, self.settling, self.fresh_while_settling = False, False, set()
            except Exception as error:
                self._fail(error, collector.messages)
                return
        if edited == [] and settle is None and not collector.messages:
            return  # an empty new folder: no page shows it
        if settle is not None:
            self.fresh_while_settling |= set(settle)
            self.settle_due = self.settling = True
        else:
            self._put_first(changed_jobs)
            # A copied image, style sheet or script changes no page: nothing to index again.
            pages_changed = static_files is None and theme_parts != {"static"}
            self.search_stale = self.search is not None and (pages_changed or indexing)
        for message in collector.messages:
            # Logged as an error, yet the site was built (a bad Sticky value).
            say(one_line(message))
        seconds = time.monotonic() - started
        if self.problems:
            say("fixed; the site is up to date again")
            self.problems = []
        done = "rebuilt" if settle is None else "page updated (the rest follows)"
        done = "theme updated" if theme_parts is not None else done
        done = "static files updated" if static_files is not None else done
        done = "site read" if first else done
        say(f"{done} in {seconds:.2f} s")
        self._requests_first_until = time.monotonic() + REQUEST_GRACE_SECONDS
        path = self._url_of(changed_jobs)
        if theme_parts == {"static"}:
            path = self._style_sheet_url(changes) or path
        if static_files:
            path = "/" + static_files[0]
        self.notify({"command": "reload", "path": path, "liveCSS": True, "liveImg": True})

    def _style_sheet_url(self, changes):
        """The URL of the one style sheet these changes are, if they are one: the live
        client then loads it again without reloading the page."""
        outputs = {theme_static_output(path, self.model.settings) for path in changes}
        if len(outputs) == 1 and (output := outputs.pop()) and output.endswith(".css"):
            return "/" + output
        return None

    def _model_is_whole(self):
        """A model made whole, without a problem: one a change can be taken into as it is."""
        return not (self.generation is None or self.problems or self.settle_due or self.settling)

    def _quick_theme_parts(self, changes):
        """{'templates', 'static'} as far as these changes touch them, when they touch nothing
        else and the model can be kept; None when the model must be made again."""
        if set(changes.values()) != {"theme"} or not self._model_is_whole():
            return None
        parts = {quick_theme_part(path, self.model.settings) for path in changes}
        return None if None in parts else parts

    def _refresh_theme(self, parts):
        # No entry changed: every page is rendered again from the jobs already recorded.
        if "templates" in parts:
            self.model.refresh_templates(self.generation)
            self.dirty = dict.fromkeys(sorted(self.generation.jobs))
        if "static" in parts:
            self.model.refresh_theme_static(self.generation)
            remove_stale(self.output, self.generation.all_paths())

    def _put_first(self, jobs):
        # The pages of the files that changed are written first, HTML before feeds.
        jobs = sorted(jobs, key=lambda relative: not relative.endswith(".html"))
        for relative in jobs:
            self.dirty.pop(relative, None)
        self.dirty = {**dict.fromkeys(jobs), **self.dirty}

    def _changes_waiting(self):
        return bool(self.changes)

    def _settle(self):
        """The whole model rebuilt after quick updates; pages that changed follow. False when a
        save came in the meantime (it is taken first, as quickly as it can be; settling follows)."""
        # (A quick page whose post was deleted since has no file any more.)
        served = {relative: path.read_bytes() for relative in self.fresh_while_settling
                  if (path := self.output / relative).is_file()}
        started = time.monotonic()
        with ErrorCollector() as collector:
            try:
                self._pause_collection()
                generation = self.model.generation(interrupted=self._changes_waiting)
            except Interrupted:
                return False
            except Exception as error:
                self.settle_due, self.settling, self.fresh_while_settling = False, False, set()
                self._fail(error, collector.messages)
                return True
            self.settle_due = False
            try:
                self._install(generation)
                for relative, data in served.items():
                    if relative in self.generation.jobs and self._write(relative) != data:
                        # Saved again while settling, or the quick update missed
                        # something: the browser shows what was served until told.
                        say(f"{relative} changed again once the site settled")
                        self.notify({"command": "reload", "path": self._url_of([relative]), "liveCSS": True})
            except Exception as error:
                self._fail(error, collector.messages)
                return True
            finally:
                # Until here the quick page was served from disk, even while
                # the rest of the site was being rebuilt.
                self.fresh_while_settling, self.settling = set(), False
        self.search_stale = self.search is not None
        for message in collector.messages:
            say(one_line(message))
        say(f"settled in {time.monotonic() - started:.2f} s")
        return True

    def _install(self, generation):
        self.generation = generation
        for relative, data in generation.direct_files.items():
            write_if_changed(self.output, relative, data)
        remove_stale(self.output, generation.all_paths())
        self.dirty = dict.fromkeys(sorted(generation.jobs))

    def _jobs_of_sources(self, changes):
        sources = {str(Path(path).resolve()) for path in changes}
        return [relative for relative, job in self.generation.jobs.items()
                if job.entry is not None and job.entry.source_path in sources]

    @staticmethod
    def _url_of(jobs):
        page = next((job for job in jobs if job.endswith(".html")), None)
        if page is None:
            return "/"
        return "/" + page.removesuffix("index.html")

    def _fail(self, error, logged):
        self.problems = problems_of_failure(error, logged, self.model.settings_file)
        for problem in self.problems:
            # One line each, whatever the message held.
            say(one_line(problem))
        self.notify(self.problem_message())

    def problem_message(self):
        if not self.problems:
            return {"command": "pressless-ok"}
        return {
            "command": "pressless-error",
            "problems": [{"path": p.path, "line": p.line, "message": p.message} for p in self.problems],
        }


def is_article(entry):
    return isinstance(entry, Article)
