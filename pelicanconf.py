"""Preview settings: what `invoke build`, `invoke livereload` and the tests use.

publishconf.py starts from these and changes only what a public build needs.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
# Pelican imports plugins by name; keep our own package folder importable even
# when Pelican is started from another directory.
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

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
PLUGIN_PATHS = [str(ROOT / "plugins")]
PLUGINS = ["content_guard", "template_tags"]

TIMEZONE = "Europe/Berlin"
DEFAULT_LANG = "en"
DEFAULT_DATE_FORMAT = "%B %-d, %Y"
# WordPress shows 10 posts per listing page by default.
DEFAULT_PAGINATION = 10
# Keep the last good site in place until a build has read every file: a bad
# post must not leave a wiped output/ behind (tasks.py swaps folders whole).
DELETE_OUTPUT_DIRECTORY = False
LOAD_CONTENT_CACHE = False

# WordPress's default permalink structure, so old links keep working.
ARTICLE_URL = "{date:%Y}/{date:%m}/{date:%d}/{slug}/"
ARTICLE_SAVE_AS = ARTICLE_URL + "index.html"
DRAFT_URL = "drafts/{slug}/"
DRAFT_SAVE_AS = DRAFT_URL + "index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = PAGE_URL + "index.html"
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
        "markdown.extensions.codehilite": {"css_class": "highlight", "guess_lang": False},
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
SIDEBAR_RECENT_POSTS = 5

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

# A preview shows drafts under /drafts/ so authors can read them.
SHOW_DRAFTS = True

# Sidebar widgets in order; each is theme/templates/partials/widgets/NAME.html.
SIDEBAR_WIDGETS = [
    "search",
    "recent-posts",
    "recent-comments",
    "archives",
    "categories",
    "tag-cloud",
    "meta",
]
TAG_CLOUD_STEPS = 4

# == comments (plugins/comments/README.md lists every COMMENTS_* setting) ==
PLUGINS += ["comments"]

# == comment form (plugins/comment_form/README.md: the "Leave a Reply" form) ==
PLUGINS += ["comment_form"]
# "mailto" (default): the form composes an email to COMMENTS_EMAIL.
# "isso": it posts to the isso server at COMMENTS_ISSO_URL. "none": no form.
COMMENTS_BACKEND = "mailto"
COMMENTS_EMAIL = "comments@pressless.example"
COMMENTS_ISSO_URL = None

# == blog features: feeds, search, SEO, sticky/scheduled/related posts ==
PLUGINS += ["feeds", "seo", "sticky_posts", "scheduled_posts", "related_posts"]
# Feeds carry whole posts; True sends summaries only (Atom and RSS alike).
FEEDS_SUMMARY_ONLY = False
# The search page (/search/, Pagefind) and the "not found" page (/404.html).
DIRECT_TEMPLATES = ["index", "tags", "categories", "authors", "archives", "search", "404"]
SEARCH_URL = "search/"
SEARCH_SAVE_AS = SEARCH_URL + "index.html"
# Pagination URLs: change PAGINATION_PATTERNS above, e.g. "{base_name}/p/{number}/".
RELATED_POSTS_LIMIT = 3
# Scheduled (future-dated) posts show, labelled, wherever drafts do.
SCHEDULED_POSTS_PREVIEW = None
SEO_DEFAULT_IMAGE = None

# == share buttons (plugins/share_buttons/README.md) ==
PLUGINS += ["share_buttons"]
# Networks and their order; see the README for every valid name.
SHARE_BUTTONS = ["x", "facebook", "linkedin", "reddit", "bluesky", "mastodon", "email", "copy-link"]
SHARE_BUTTONS_LABEL = "Share this:"
SHARE_BUTTONS_X_VIA = None
SHARE_BUTTONS_ON_PAGES = False
# og:image for posts without an Image (site-relative; theme static files live under theme/).
SHARE_BUTTONS_DEFAULT_IMAGE = "theme/img/og-default.png"
SHARE_BUTTONS_DEFAULT_IMAGE_ALT = SITENAME
# Pages the sitemap leaves out: the seo plugin's defaults, plus the share
# plugin's Mastodon help pages (share/mastodon/...), which are noindex.
SEO_SITEMAP_EXCLUDE = ["404.html", "search/index.html", "drafts/*", "share/*"]

# == search: the Pagefind index, written inside the Pelican run (plugins/search/README.md) ==
PLUGINS += ["search"]

# == speed: reader cache (Markdown + Typogrify, parallel on a cold build) and URLs computed once ==
# plugins/reader_cache/README.md and plugins/url_memo/README.md; keep these last in PLUGINS.
PLUGINS += ["reader_cache", "url_memo"]
