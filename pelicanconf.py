"""Preview settings: what `invoke build`, `invoke livereload` and the tests use.

publishconf.py starts from these and changes only what a public build needs.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
# Plugins (plugins.x) and the core (pressless.core) are packages of this
# folder; keep it importable, first, even when Pelican starts elsewhere.
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from plugins.markdown_extras.highlight import StyleOnceHtmlFormatter  # noqa: E402

AUTHOR = "Maren Holt"
SITENAME = "Pressless Notes"
SITESUBTITLE = "A WordPress-style blog with no server to keep alive"
# The preview server's address. Pages link relatively (RELATIVE_URLS), but
# share links, canonical URLs and feeds need an absolute one.
SITEURL = "http://127.0.0.1:8000"
RELATIVE_URLS = True

PATH = "content"
ARTICLE_PATHS = ["posts"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images", "extra"]
EXTRA_PATH_METADATA = {
    "extra/favicon.ico": {"path": "favicon.ico"},
}
# robots.txt is written by the seo plugin from SITEURL.
# Absolute, so a settings file elsewhere can start from these (tests, bench/).
THEME = str(ROOT / "theme")
# Each plugin's settings, with their defaults, are in plugins/<name>/README.md;
# this file sets only what differs from those defaults.
PLUGINS = [
    # First: Pelican's own settings the theme relies on (SITEURL, DEFAULT_PAGINATION, ...).
    "plugins.site_settings",
    # Entry URLs computed once, from the moment the model is complete: before
    # the plugins that ask for them thousands of times (content_guard, seo...).
    "plugins.url_memo",
    # Tag, category and author pages find their posts by a set lookup, not a
    # scan per post (plugins/quick_listings/__init__.py).
    "plugins.quick_listings",
    "plugins.content_guard",
    "plugins.i18n",
    "plugins.template_tags",
    "plugins.comments",
    "plugins.comment_form",
    "plugins.feeds",
    "plugins.sticky_posts",
    "plugins.scheduled_posts",
    "plugins.related_posts",
    "plugins.share_buttons",
    # Old addresses (Redirect_From:) answered by redirect pages.
    "plugins.redirects",
    # _headers and _redirects for Netlify and Cloudflare Pages.
    "plugins.hosting",
    # After every plugin that writes pages: the sitemap lists what was written before it.
    "plugins.seo",
    # Pages and feeds rendered by one process per core; before search, which
    # indexes once every writer is done (plugins/parallel_writer/README.md).
    "plugins.parallel_writer",
    # The Pagefind index, written inside the Pelican run once every page is.
    "plugins.search",
    # Speed: Markdown + Typogrify cached by content hash (read in parallel on a cold
    # build).
    "plugins.reader_cache",
    # A build with nothing changed writes nothing (plugins/build_memo/README.md):
    # last, so it sees every plugin's work and records after the search index.
    "plugins.build_memo",
    # A one-shot `pelican` run exits without freeing its site model object by
    # object (plugins/quick_exit/__init__.py).
    "plugins.quick_exit",
]

TIMEZONE = "Europe/Berlin"
# The theme's language (plugins/i18n/README.md): its messages, dates (through
# Babel, unless DEFAULT_DATE_FORMAT is set) and writing direction.
DEFAULT_LANG = "en"
# WordPress files a post without a category under "Uncategorized"; the folder
# a post sits in is not its category.
DEFAULT_CATEGORY = "Uncategorized"
USE_FOLDER_AS_CATEGORY = False
# WordPress shows 10 posts per listing page by default.
DEFAULT_PAGINATION = 10
# Keep the last good site in place until a build has read every file: a bad
# post must not leave a wiped output/ behind (tasks.py swaps folders whole).
DELETE_OUTPUT_DIRECTORY = False
LOAD_CONTENT_CACHE = False

# WordPress's default permalink structure, so old links keep working.
ARTICLE_URL = "{date:%Y}/{date:%m}/{date:%d}/{slug}/"
ARTICLE_SAVE_AS = ARTICLE_URL + "index.html"
# A translation lives under its language: /fr/2026/03/14/slug/ (as WordPress's multilingual plugins do).
ARTICLE_LANG_URL = "{lang}/" + ARTICLE_URL
ARTICLE_LANG_SAVE_AS = ARTICLE_LANG_URL + "index.html"
DRAFT_URL = "drafts/{slug}/"
DRAFT_SAVE_AS = DRAFT_URL + "index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = PAGE_URL + "index.html"
PAGE_LANG_URL = "{lang}/" + PAGE_URL
PAGE_LANG_SAVE_AS = PAGE_LANG_URL + "index.html"
CATEGORY_URL = "category/{slug}/"
CATEGORY_SAVE_AS = CATEGORY_URL + "index.html"
TAG_URL = "tag/{slug}/"
TAG_SAVE_AS = TAG_URL + "index.html"
AUTHOR_URL = "author/{slug}/"
AUTHOR_SAVE_AS = AUTHOR_URL + "index.html"
CATEGORIES_URL = "categories/"
CATEGORIES_SAVE_AS = CATEGORIES_URL + "index.html"
TAGS_URL = "tags/"
TAGS_SAVE_AS = TAGS_URL + "index.html"
AUTHORS_URL = "authors/"
AUTHORS_SAVE_AS = AUTHORS_URL + "index.html"
ARCHIVES_URL = "archives/"
ARCHIVES_SAVE_AS = ARCHIVES_URL + "index.html"
YEAR_ARCHIVE_URL = "{date:%Y}/"
YEAR_ARCHIVE_SAVE_AS = YEAR_ARCHIVE_URL + "index.html"
MONTH_ARCHIVE_URL = "{date:%Y}/{date:%m}/"
MONTH_ARCHIVE_SAVE_AS = MONTH_ARCHIVE_URL + "index.html"
# WordPress-style /page/2/ for every paginated listing.
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)
INDEX_SAVE_AS = "index.html"

MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.codehilite": {
            "css_class": "highlight",
            "guess_lang": False,
            # The same HTML as Pygments' "html" formatter, made faster per code block.
            "pygments_formatter": StyleOnceHtmlFormatter,
        },
        "markdown.extensions.extra": {},
        "markdown.extensions.meta": {},
        "markdown.extensions.toc": {"permalink": False, "toc_depth": "2-4"},
        "markdown.extensions.admonition": {},
        "markdown.extensions.sane_lists": {},
        # Table cell alignment as classes, not style="" (strict CSP, no inline style).
        "plugins.markdown_extras.table_align": {},
    },
    "output_format": "html5",
}

TYPOGRIFY = True
# Smart quotes and dashes belong in prose, never in code or math.
TYPOGRIFY_IGNORE_TAGS = ["pre", "code", "kbd", "samp", "script", "style", "title"]
TYPOGRIFY_DASHES = "oldschool"
# Only what changes the text: smart quotes, dashes and ellipses (smartypants)
# and no lone last word (widont). The theme styles none of the wrapper
# spans the other filters add (span.amp, span.caps, span.dquo/quo), and skipping
# them saves about a sixth of Typogrify's time (measured on bench/ posts).
TYPOGRIFY_OMIT_FILTERS = ["amp", "caps", "initial_quotes"]

# Escape by default: every value a template prints is escaped unless the
# template says `|safe` (content and typogrified titles, which we wrote).
# No auto_reload: every build (autoreload too) makes new Jinja environments,
# so checking each template file's mtime on every include only costs time.
JINJA_ENVIRONMENT = {
    "trim_blocks": True,
    "lstrip_blocks": True,
    "autoescape": True,
    "auto_reload": False,
}

DISPLAY_PAGES_ON_MENU = True
DISPLAY_CATEGORIES_ON_MENU = True

FEED_DOMAIN = SITEURL
FEED_ALL_ATOM = "feed/atom.xml"
FEED_ALL_RSS = "feed/index.xml"
CATEGORY_FEED_ATOM = "category/{slug}/feed/atom.xml"
CATEGORY_FEED_RSS = "category/{slug}/feed/index.xml"
TAG_FEED_ATOM = "tag/{slug}/feed/atom.xml"
TAG_FEED_RSS = "tag/{slug}/feed/index.xml"
AUTHOR_FEED_ATOM = "author/{slug}/feed/atom.xml"
AUTHOR_FEED_RSS = "author/{slug}/feed/index.xml"
TRANSLATION_FEED_ATOM = None
# The newest 10 posts in each feed: WordPress's default ("Syndication feeds
# show the most recent 10 items"). Pelican's 100 whole posts made every feed
# ten times the size, for readers that poll it every hour.
FEED_MAX_ITEMS = 10

# A preview shows drafts under /drafts/ so authors can read them.
SHOW_DRAFTS = True

# The search page (/search/, Pagefind) and the "not found" page (/404.html).
DIRECT_TEMPLATES = ["index", "tags", "categories", "authors", "archives", "search", "404"]
SEARCH_URL = "search/"
SEARCH_SAVE_AS = SEARCH_URL + "index.html"

# == comment form (plugins/comment_form/README.md) ==
# The default "mailto" backend composes an email to this address.
COMMENTS_EMAIL = "comments@pressless.example"
