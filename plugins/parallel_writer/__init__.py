"""Parallel writer: pages and feeds rendered and written by one process per core.

Once the site model is complete, Pelican's first page generator forks the
writer processes; each renders and writes only the pages and feeds whose
output path hashes to it (shares.py), then its share of the files of the
plugin generators marked shared (pressless.core.writing: the comment
feeds). Pelican's own process writes share 0 and everything
else (the other plugin generators: redirects, hosting files, sitemap;
static files). Every process writes its share of the entry pages first,
then the listings, archives and feeds (passes.py); once every process has
written its entries, Pelican's process sends
pressless.core.writing.ENTRIES_WRITTEN, and the search index starts beside
the writing still going on. When its own share is written, Pelican's
process waits for every writer: a writer that failed fails the build with
its message, naming the page.
"""

import atexit
import contextlib
import logging
import os
import signal
import traceback
from dataclasses import dataclass

import blinker
from pelican import signals
from pelican.generators import ArticlesGenerator, PagesGenerator, TemplatePagesGenerator

from pressless.core.child_process import die_with_parent, log_plainly
from pressless.core.config import config_of, setting, store_config, whole_number
from pressless.core.errors import AuthorError, show_author_errors_without_traceback
from pressless.core.forked import processes_for
from pressless.core.writing import ENTRIES_WRITTEN, is_shared

from .passes import write_in_two_passes
from .shares import WriteError, write_share_only

log = logging.getLogger(__name__)

PLUGIN = "parallel_writer"
DEFAULTS = {
    # Processes rendering pages: None = one per core, at most
    # pressless.core.forked.MOST_PROCESSES (4); 1 = all in Pelican's process.
    "PARALLEL_WRITER_PROCESSES": None,
}
# The generators whose pages are split; the others run in Pelican's process only.
PAGE_GENERATORS = (ArticlesGenerator, PagesGenerator, TemplatePagesGenerator)
STATE_KEY = "_PARALLEL_WRITER_CHILDREN"
MESSAGE_LIMIT = 8000


class WriterFailed(AuthorError):
    """A writer process could not write its share; its message names the page."""


@dataclass(frozen=True)
class ParallelWriterConfig:
    processes: int


def check_settings(settings):
    processes = setting(settings, DEFAULTS, "PARALLEL_WRITER_PROCESSES")
    # One per core, but few: every writer walks every page with a forked copy of the model.
    processes = processes_for(processes)
    return ParallelWriterConfig(processes=whole_number(PLUGIN, "PARALLEL_WRITER_PROCESSES", processes))


def check(pelican):
    store_config(pelican.settings, PLUGIN, check_settings(pelican.settings))


def _write_share_and_exit(generators, sharing, writer, index, processes, report, entries_written):
    """In a forked writer: render this share of every page generator's pages, then of the shared
    plugin generators' files (`sharing`: their own generate_output methods), then leave.

    A byte on `entries_written` tells Pelican's process that this share of
    the entry pages is on disk; `report` carries a failure's message.
    """
    code = 0
    try:
        die_with_parent(os.getppid())()
        log_plainly()
        write_share_only(writer, index, processes)
        write_in_two_passes(generators, writer, between=lambda: _say_done(entries_written))
        for generate_output in sharing:
            generate_output(writer)
    except BaseException as error:  # everything must reach the parent
        code = 1
        message = str(error) if isinstance(error, WriteError | AuthorError) else traceback.format_exc()
        os.write(report, message[-MESSAGE_LIMIT:].encode("utf-8", "replace"))
    finally:
        os._exit(code)


def _say_done(fd):
    os.write(fd, b"1")
    os.close(fd)


def _start_writers(settings, generators, sharing, writer, processes):
    children = settings[STATE_KEY] = []
    for index in range(1, processes):
        read_end, write_end = os.pipe()
        entries_read, entries_write = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read_end)
            os.close(entries_read)
            _write_share_and_exit(generators, sharing, writer, index, processes, write_end, entries_write)
        os.close(write_end)
        os.close(entries_write)
        children.append((pid, read_end, entries_read))
    # Pelican failing in its own share must not leave writers behind.
    atexit.register(_stop_writers, children)
    return write_share_only(writer, 0, processes)


def _wait_for_entries(settings):
    """Until every writer has written its entry pages; a writer that failed first fails the build."""
    for _pid, _report, entries_read in list(settings.get(STATE_KEY) or []):
        if not os.read(entries_read, 1):  # it ended without saying so: it failed
            _wait_for_children(settings)  # raises WriterFailed with its message
            return


def _stop_writers(children):
    for pid, read_end, entries_read in children:
        with contextlib.suppress(OSError):
            os.close(entries_read)
        with contextlib.suppress(ProcessLookupError, ChildProcessError):
            os.kill(pid, signal.SIGTERM)
            os.waitpid(pid, 0)
        with contextlib.suppress(OSError):
            os.close(read_end)
    children.clear()


def _read_all(fd):
    chunks = []
    while chunk := os.read(fd, 65536):
        chunks.append(chunk)
    os.close(fd)
    return b"".join(chunks).decode("utf-8", "replace")


def split_writing(generators):
    settings = generators[0].settings
    processes = config_of(settings, PLUGIN).processes
    page_generators = [g for g in generators if isinstance(g, PAGE_GENERATORS)]
    if not page_generators:
        return
    shared = [g for g in generators if is_shared(g) and not isinstance(g, PAGE_GENERATORS)]
    # Each generator's own method, before they are replaced below.
    writing = [generator.generate_output for generator in page_generators]
    sharing = [generator.generate_output for generator in shared]

    def write_alone(writer):
        for generate_output in writing:
            generate_output(writer)
        _entries_written(settings)

    def fork_then_write(writer):
        # Forked here, after refresh_metadata_intersite_links, with the writer
        # Pelican chose (content_guard's): every process writes the same way.
        restore = _start_writers(settings, page_generators, sharing, writer, processes)
        try:
            write_in_two_passes(page_generators, writer, between=lambda: _entries_written(settings))
            for generate_output in sharing:
                generate_output(writer)
        finally:
            # The other plugin generators write whole, in this process only.
            restore()
        _wait_for_children(settings)

    if processes == 1:
        page_generators[0].generate_output = write_alone
        written_here = page_generators[1:]
    else:
        # The shared plugin generators run right after the page generators,
        # in every process, instead of in their place in Pelican's order.
        page_generators[0].generate_output = fork_then_write
        written_here = page_generators[1:] + shared
    for generator in written_here:
        generator.generate_output = _written_already


def _entries_written(settings):
    # Every entry page is on disk once every writer has said so: what only
    # reads them (the search index) can start now, beside the writing still to do.
    _wait_for_entries(settings)
    blinker.signal(ENTRIES_WRITTEN).send(settings)


def _written_already(writer):
    return None


def wait_for_writers(pelican):
    # Done already once the pages were written, unless Pelican's process failed first.
    _wait_for_children(pelican.settings)


def _wait_for_children(settings):
    children = settings.pop(STATE_KEY, None)
    if not children:
        return
    failures = []
    for pid, read_end, entries_read in children:
        os.close(entries_read)
        message = _read_all(read_end)
        _, status = os.waitpid(pid, 0)
        if status != 0:
            failures.append(message.strip() or f"a writer process ended with status {status}")
    children.clear()
    if failures:
        for failure in failures[1:]:
            log.error("%s", failure)
        raise WriterFailed(failures[0])


def register():
    show_author_errors_without_traceback()
    signals.initialized.connect(check)
    signals.all_generators_finalized.connect(split_writing)
    signals.finalized.connect(wait_for_writers)
