"""The page generators' files in two passes: every entry page first, then the rest.

The search index (plugins/search) reads only the entry pages: posts, pages,
their translations, hidden ones and drafts. With the entries written first
by every writer process, Pagefind can start while the listings, archives
and feeds are still being written, instead of after them.

Pelican's ArticlesGenerator writes its posts (`generate_articles`) and
drafts (`generate_drafts`) among its listings; the first pass calls just
those two, the second runs its whole `generate_output` with the two made
to write nothing. PagesGenerator writes only entries: it runs whole in the
first pass. Any other page generator (template pages) runs in the second.
"""

import contextlib
from functools import partial

from pelican.generators import ArticlesGenerator, PagesGenerator

ENTRY_METHODS = ("generate_articles", "generate_drafts")


def write_entries(generator, writer):
    """First pass: the entry pages `generator` writes."""
    if isinstance(generator, ArticlesGenerator):
        write = partial(writer.write_file, relative_urls=generator.settings["RELATIVE_URLS"])
        for name in ENTRY_METHODS:
            getattr(generator, name)(write)
    elif isinstance(generator, PagesGenerator):
        type(generator).generate_output(generator, writer)


def write_the_rest(generator, writer):
    """Second pass: everything else `generator` writes (its feeds, listings, archives)."""
    if isinstance(generator, PagesGenerator):
        return
    with _entries_written_already(generator):
        type(generator).generate_output(generator, writer)


@contextlib.contextmanager
def _entries_written_already(generator):
    if not isinstance(generator, ArticlesGenerator):
        yield
        return
    for name in ENTRY_METHODS:
        setattr(generator, name, _nothing)
    try:
        yield
    finally:
        for name in ENTRY_METHODS:
            generator.__dict__.pop(name, None)


def _nothing(write):
    return None


def write_in_two_passes(generators, writer, between):
    """Every entry page of `generators`, then `between()`, then the rest."""
    for generator in generators:
        write_entries(generator, writer)
    between()
    for generator in generators:
        write_the_rest(generator, writer)
