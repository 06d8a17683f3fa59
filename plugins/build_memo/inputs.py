"""What a build's output is made from, as one digest per build.

Two parts. `input_digest` (taken at `initialized`, before anything is read)
covers every file and value a build reads: the settings, every file under
the content folder (bytes, size and mtime: the sitemap dates undated pages
by their mtime), the theme, our plugins' and core's code and every installed
package. `clock_view` (taken once the site model is complete) covers what
the build decided from the clock: which posts are published or held back as
scheduled, and each post's comment section (comments shown, held back as
future-dated, open or closed by COMMENTS_CLOSE_AFTER_DAYS).
"""

import hashlib
import json
from datetime import UTC, datetime

from pelican.generators import ArticlesGenerator, PagesGenerator

from pressless.core.fingerprints import code_digest, files_digest, packages_digest, settings_digest
from pressless.core.unchanged import LIVE_OUTPUT_SETTING, live_output

FORMAT_VERSION = "1"

# Every list of entries a generator keeps; an entry moving between them
# (a scheduled post going live) changes the view.
ENTRY_LISTS = {
    ArticlesGenerator: ("articles", "translations", "hidden_articles", "hidden_translations",
                        "drafts", "drafts_translations"),
    PagesGenerator: ("pages", "translations", "hidden_pages", "hidden_translations",
                     "draft_pages", "draft_translations"),
}


def theme_folders(settings):
    return [settings["THEME"], *settings.get("THEME_TEMPLATES_OVERRIDES", [])]


def input_digest(settings):
    # The output folders change from build to build (a fresh staging folder
    # each time) and never change what is written into them.
    volatile = {"OUTPUT_PATH", LIVE_OUTPUT_SETTING}
    not_inputs = [settings["OUTPUT_PATH"], live_output(settings), settings.get("CACHE_PATH", "cache")]
    parts = [
        FORMAT_VERSION,
        settings_digest(settings, leave_out=volatile),
        files_digest([settings["PATH"]], skip=not_inputs),
        files_digest(theme_folders(settings), skip=not_inputs, stamps=False),
        code_digest(settings),
        packages_digest(),
    ]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _shown_ids(thread):
    return [[comment.id, _shown_ids(comment.replies)] for comment in thread or ()]


def _comment_section(entry):
    """What the comments plugin decided for a post, partly from the clock."""
    return [
        getattr(entry, "comment_count", None),
        getattr(entry, "comments_enabled", None),
        getattr(entry, "comments_open", None),
        getattr(entry, "comments_feed", None),
        _shown_ids(getattr(entry, "comments", None)),
    ]


def clock_view(generators):
    """Every entry's place, status and scheduled mark, and its comment section."""
    view = []
    for generator in generators:
        for kind, lists in ENTRY_LISTS.items():
            if not isinstance(generator, kind):
                continue
            for name in lists:
                for entry in getattr(generator, name, ()):
                    view.append([kind.__name__, name, str(entry.source_path), getattr(entry, "status", None),
                                 getattr(entry, "scheduled", None), _comment_section(entry)])
    return view


def has_published_posts(generators):
    return any(isinstance(g, ArticlesGenerator) and g.articles for g in generators)


def build_fingerprint(input_hex, generators):
    """The whole fingerprint; a site with no published post gets one no other build has.

    With no published post, the feeds and the sitemap's listing pages have no
    date to show and show the moment of the build (feedgenerator, plugins/seo):
    such a site is never "unchanged".
    """
    view = clock_view(generators)
    if not has_published_posts(generators):
        view.append(["built at", datetime.now(UTC).isoformat()])
    text = json.dumps([input_hex, view], sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()
