"""Related posts: up to RELATED_POSTS_LIMIT posts under each post, by shared tags, then category."""

from pelican import signals

from pressless.core.config import config_of, setting, store_config, whole_number
from pressless.core.entries import entry_sets
from pressless.core.errors import show_author_errors_without_traceback

from .related import RelatedIndex

PLUGIN = "related_posts"
DEFAULTS = {
    # How many related posts each post lists (0 lists none).
    "RELATED_POSTS_LIMIT": 3,
}


def check(pelican):
    limit = setting(pelican.settings, DEFAULTS, "RELATED_POSTS_LIMIT")
    store_config(pelican.settings, PLUGIN, whole_number(PLUGIN, "RELATED_POSTS_LIMIT", limit, minimum=0))


def add_related_posts(generators):
    limit = config_of(generators[0].context, PLUGIN)
    sets = entry_sets(generators)
    # Only listed, published posts are suggested: a link to a draft or a
    # held-back scheduled post would be broken on the public site.
    # Newest first, whatever order the front page uses (sticky posts lead it):
    # among equally related posts the newer one wins.
    index = RelatedIndex(sorted(sets.listed_articles, key=lambda post: post.date, reverse=True))
    for article in sets.articles:
        article.related_posts = index.related_to(article, limit) if limit else []


def register():
    show_author_errors_without_traceback()
    signals.initialized.connect(check)
    signals.all_generators_finalized.connect(add_related_posts)
