"""Search: the Pagefind index, written inside the Pelican run.

`pelican content -s publishconf.py` alone gives a working /search/ page: on
`finalized` every entry page written by this build (posts and pages; drafts
only where the settings say) is indexed into OUTPUT/pagefind/. The theme
marks what is indexed (the title and the entry's content, with
data-pagefind-body), so bylines, labels, tags and share rows never reach
the index or a result's excerpt. A Pagefind failure fails the build.

Pagefind's memory grows with the words it indexes, so the entries are
indexed SEARCH_PAGES_PER_INDEX at a time, each batch its own bundle inside
OUTPUT/pagefind/, merged by the search page (see pressless/core/pagefind.py).
"""

import logging
import os
from dataclasses import dataclass
from pathlib import Path

import blinker
from pelican import signals

from pressless.core.config import (
    SettingsError,
    config_of,
    list_of_text,
    setting,
    store_config,
    text,
    whole_number,
    yes_or_no,
)
from pressless.core.errors import AuthorError, show_author_errors_without_traceback
from pressless.core.pagefind import (
    PAGES_PER_INDEX,
    ROOT_SELECTOR,
    RUNS_AT_ONCE,
    PagefindError,
    PagefindOptions,
    entry_files,
    indexes_drafts,
    start_indexing,
)
from pressless.core.unchanged import nothing_changed
from pressless.core.writing import ENTRIES_WRITTEN

log = logging.getLogger(__name__)

PLUGIN = "search"
DEFAULTS = {
    "SEARCH_INDEX": True,
    # None: drafts are indexed exactly when the build shows them (SHOW_DRAFTS),
    # so a publish build never indexes one.
    "SEARCH_INDEX_DRAFTS": None,
    "SEARCH_EXCLUDE_SELECTORS": [],
    "SEARCH_FORCE_LANGUAGE": None,
    # The element of each entry page Pagefind reads; the theme's <main> holds
    # the data-pagefind-body elements. None: the whole page (slower).
    "SEARCH_ROOT_SELECTOR": ROOT_SELECTOR,
    # Entries per Pagefind run (and per bundle): Pagefind's peak memory grows
    # with the words of the pages one run indexes (~170 kB a 700-word post).
    "SEARCH_PAGES_PER_INDEX": PAGES_PER_INDEX,
    # Pagefind starts on the entry pages while the listings are still being
    # written only on a site with at most this many entry pages: on a bigger
    # one it would hold its batch in memory beside every writer process
    # (572 MB against 428 MB for a whole 5,000-post build, and no sooner
    # done), so it runs after them. 0: always after them.
    "SEARCH_EARLY_START_MAX_PAGES": 2000,
    # Pagefind runs at a time over a site of several batches. A run spends
    # most of its time on one core, so two on two cores end the index in
    # about 60% of the time; each holds its batch's words in memory.
    # None: one per core, at most two.
    "SEARCH_PROCESSES": None,
}
# Where this build's entries are noted between the two signals: the build's
# own settings dict, so nothing outlives the build.
ENTRIES_KEY = "_SEARCH_ENTRY_FILES"
# The indexing started once every entry page was written (see start_index).
INDEXING_KEY = "_SEARCH_INDEXING"


@dataclass(frozen=True)
class SearchConfig:
    index: bool
    index_drafts: bool | None  # None: exactly when the build shows drafts
    pagefind: PagefindOptions
    pages_per_index: int
    early_start_max_pages: int
    processes: int


def check_settings(settings):
    def value(name):
        return setting(settings, DEFAULTS, name)

    drafts = value("SEARCH_INDEX_DRAFTS")
    if drafts is not None:
        yes_or_no(PLUGIN, "SEARCH_INDEX_DRAFTS", drafts)
    selectors = value("SEARCH_EXCLUDE_SELECTORS")
    if isinstance(selectors, str):
        raise SettingsError(
            f'{PLUGIN}: SEARCH_EXCLUDE_SELECTORS must be a list of CSS selectors, e.g. [".aside"]'
        )
    language = text(PLUGIN, "SEARCH_FORCE_LANGUAGE", value("SEARCH_FORCE_LANGUAGE"), optional=True)
    if language is not None and not language.isalpha():
        raise SettingsError(f'{PLUGIN}: SEARCH_FORCE_LANGUAGE must be None or a language code such as "en"')
    root = text(PLUGIN, "SEARCH_ROOT_SELECTOR", value("SEARCH_ROOT_SELECTOR"), optional=True)
    if root is not None and not root.strip():
        raise SettingsError(f'{PLUGIN}: SEARCH_ROOT_SELECTOR must be a CSS selector such as "main", or None')
    return SearchConfig(
        index=yes_or_no(PLUGIN, "SEARCH_INDEX", value("SEARCH_INDEX")),
        index_drafts=drafts,
        pagefind=PagefindOptions(
            exclude_selectors=list_of_text(PLUGIN, "SEARCH_EXCLUDE_SELECTORS", selectors),
            force_language=language,
            root_selector=root,
        ),
        pages_per_index=whole_number(PLUGIN, "SEARCH_PAGES_PER_INDEX", value("SEARCH_PAGES_PER_INDEX")),
        early_start_max_pages=whole_number(
            PLUGIN, "SEARCH_EARLY_START_MAX_PAGES", value("SEARCH_EARLY_START_MAX_PAGES"), minimum=0),
        processes=_processes(value("SEARCH_PROCESSES")),
    )


def _processes(chosen):
    chosen = whole_number(PLUGIN, "SEARCH_PROCESSES", chosen, optional=True)
    return min(os.cpu_count() or 1, RUNS_AT_ONCE) if chosen is None else chosen


def check(pelican):
    store_config(pelican.settings, PLUGIN, check_settings(pelican.settings))


def note_entries(generators):
    settings = generators[0].settings
    config = config_of(settings, PLUGIN)
    if config.index:
        with_drafts = indexes_drafts(config.index_drafts, settings.get("SHOW_DRAFTS"))
        settings[ENTRIES_KEY] = entry_files(generators, with_drafts)


def start_index(settings):
    """Every entry page is on disk (pressless.core.writing): start indexing them now.

    Pagefind's first batches (SEARCH_PROCESSES of them) run while the
    writers go on with the listings, feeds and the plugin generators' files
    (the comment feeds); `write_index` waits for them on
    `finalized` and runs the other batches.
    """
    files = settings.get(ENTRIES_KEY)
    config = config_of(settings, PLUGIN)
    if files is None or nothing_changed(settings) or len(files) > config.early_start_max_pages:
        return  # write_index indexes on `finalized`, after the writers
    settings.pop(ENTRIES_KEY)
    settings[INDEXING_KEY] = start_entries(Path(settings["OUTPUT_PATH"]), files, config)


def start_entries(site, files, config):
    """(number of pages, finish()): Pagefind started over the entry pages `files` of `site`."""
    # Every entry noted was written (an entry Pelican could not write stops
    # the build before this), so a missing one is Pagefind's to report.
    written = [name for name in files if (site / name).exists() or (site / name).is_symlink()]
    finish = start_indexing(site, written, config.pagefind, pages_per_index=config.pages_per_index,
                            processes=config.processes)
    return len(written), finish


def write_index(pelican):
    settings = pelican.settings
    indexing = settings.pop(INDEXING_KEY, None)
    files = settings.pop(ENTRIES_KEY, None)
    config = config_of(settings, PLUGIN)
    site = Path(pelican.output_path)
    if indexing is None:
        # Nothing written this build (plugins/build_memo): the last build's index stands.
        if not config.index or files is None or nothing_changed(settings):
            return
        indexing = start_entries(site, files, config)
    indexed, finish = indexing
    try:
        finish()
    except PagefindError as error:
        raise AuthorError(f"search: Pagefind could not index the site: {error}") from None
    bundles = -(-indexed // config.pages_per_index) or 1
    log.info("search: indexed %d pages into %s (%d bundles)", indexed, site / "pagefind", bundles)


def register():
    show_author_errors_without_traceback()
    signals.initialized.connect(check)
    signals.all_generators_finalized.connect(note_entries)
    blinker.signal(ENTRIES_WRITTEN).connect(start_index)
    signals.finalized.connect(write_index)
