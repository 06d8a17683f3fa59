"""Search: the Pagefind index, written inside the Pelican run.

`pelican content -s publishconf.py` alone gives a working /search/ page: on
`finalized` every entry page written by this build (posts and pages; drafts
only where the settings say) is indexed into OUTPUT/pagefind/. The theme
marks what is indexed (the title and the entry's content, with
data-pagefind-body), so bylines, labels, tags and share rows never reach
the index or a result's excerpt. A Pagefind failure fails the build.
"""

import logging
from pathlib import Path

from pelican import signals

from pressless.core.errors import AuthorError, show_author_errors_without_traceback
from pressless.core.pagefind import PagefindError, entry_files, index_pages, indexes_drafts

log = logging.getLogger(__name__)

DEFAULTS = {
    "SEARCH_INDEX": True,
    # None: drafts are indexed exactly when the build shows them (SHOW_DRAFTS),
    # so a publish build never indexes one.
    "SEARCH_INDEX_DRAFTS": None,
    "SEARCH_EXCLUDE_SELECTORS": [],
    "SEARCH_FORCE_LANGUAGE": None,
}
# Where this build's entries are noted between the two signals: the build's
# own settings dict, so nothing outlives the build.
ENTRIES_KEY = "_SEARCH_ENTRY_FILES"


def check_settings(pelican):
    settings = pelican.settings
    for name, value in DEFAULTS.items():
        settings.setdefault(name, value)
    show_author_errors_without_traceback()
    if not isinstance(settings["SEARCH_INDEX"], bool):
        raise AuthorError("search: SEARCH_INDEX must be True or False")
    if settings["SEARCH_INDEX_DRAFTS"] not in (None, True, False):
        raise AuthorError("search: SEARCH_INDEX_DRAFTS must be None, True or False")
    selectors = settings["SEARCH_EXCLUDE_SELECTORS"]
    if not isinstance(selectors, list | tuple) or not all(isinstance(s, str) for s in selectors):
        raise AuthorError('search: SEARCH_EXCLUDE_SELECTORS must be a list of CSS selectors, e.g. [".aside"]')
    language = settings["SEARCH_FORCE_LANGUAGE"]
    if language is not None and not (isinstance(language, str) and language.isalpha()):
        raise AuthorError('search: SEARCH_FORCE_LANGUAGE must be None or a language code such as "en"')


def note_entries(generators):
    settings = generators[0].settings
    if settings["SEARCH_INDEX"]:
        settings[ENTRIES_KEY] = entry_files(generators, indexes_drafts(settings))


def write_index(pelican):
    settings = pelican.settings
    files = settings.pop(ENTRIES_KEY, None)
    if not settings["SEARCH_INDEX"] or files is None:
        return
    site = Path(pelican.output_path)
    # Every entry noted was written (an entry Pelican could not write stops
    # the build before this), so a missing one is Pagefind's to report.
    written = [name for name in files if (site / name).exists() or (site / name).is_symlink()]
    try:
        index_pages(
            site,
            written,
            exclude_selectors=settings["SEARCH_EXCLUDE_SELECTORS"],
            force_language=settings["SEARCH_FORCE_LANGUAGE"],
        )
    except PagefindError as error:
        raise AuthorError(f"search: Pagefind could not index the site: {error}") from None
    log.info("search: indexed %d pages into %s", len(written), site / "pagefind")


def register():
    signals.initialized.connect(check_settings)
    signals.all_generators_finalized.connect(note_entries)
    signals.finalized.connect(write_index)
