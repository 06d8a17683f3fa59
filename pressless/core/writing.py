"""What plugins share with the writers while a site is written.

Three things:

- ENTRIES_WRITTEN, the one event a plugin hears in the middle of writing:
  every entry page is on disk. Entry pages are the posts and pages (their
  translations, hidden ones and drafts too). plugins/parallel_writer sends
  it in Pelican's process once every writer process has written them: with
  several writers, each writes its entries before its listings, archives and
  feeds; with one, after all of Pelican's page generators. So work that only
  reads the entry pages (the search index, plugins/search) can run on a core
  of its own while the rest is written. A plugin connects with
  `blinker.signal(ENTRIES_WRITTEN).connect(handler)`; the sender is the
  Pelican settings dict of the build. Without plugins/parallel_writer the
  event is never sent, and such work waits for `finalized`.

- Shared plugin generators. A plugin generator marked with
  `mark_shared` has its files split among the writer processes like
  Pelican's pages: each process runs it, right after the page generators,
  with a writer that writes only that process's share. Such a generator
  writes every file through `writer.write_file` (the share applies by
  itself), or asks `writes_here` before making a file of its own. An
  unmarked plugin generator runs once, in Pelican's process, after them.

- Files made on request. A plugin generator that makes a file's text
  itself (a feed) hands it over with `write_text_file`: a build writes it
  there and then; the live preview keeps the maker and calls it only when
  the file is asked for or its turn comes, as it does for Pelican's pages.
"""

from .output import write_output_file

ENTRIES_WRITTEN = "pressless.entries_written"

_SHARED = "_pressless_shared_among_writers"
# Set on a writer (by plugins/parallel_writer) that writes one share only:
# a function of a path inside the output folder, true when the file is this
# process's to write.
SHARE_ATTRIBUTE = "pressless_writes_here"
# Set on a writer that renders files on request (the live preview's): a
# function of a path inside the output folder and of a function making the
# file's text.
ON_REQUEST_ATTRIBUTE = "pressless_write_on_request"


def mark_shared(generator_class):
    """Let the parallel writer split `generator_class`'s files among its processes; return it."""
    setattr(generator_class, _SHARED, True)
    return generator_class


def is_shared(generator):
    return getattr(generator, _SHARED, False)


def writes_here(writer, relative_path):
    """Whether the file at `relative_path` (inside the output folder) is `writer`'s to write."""
    share = getattr(writer, SHARE_ATTRIBUTE, None)
    return share is None or share(relative_path)


def write_text_file(writer, relative_path, make_text):
    """The text `make_text()` returns, as the file at `relative_path` inside the output folder:
    written now, or made when asked for by a writer that renders on request."""
    on_request = getattr(writer, ON_REQUEST_ATTRIBUTE, None)
    if on_request is not None:
        on_request(relative_path, make_text)
    else:
        write_output_file(writer.output_path, relative_path, make_text())
