"""Sticky posts: `Sticky: true` puts a post at the top of the front page.

Like WordPress, a sticky post leads page 1 of the blog and leaves its place
by date, so it is listed once. Feeds, archives and category pages keep date
order (Pelican sorts those itself). The theme shows a "Featured" label.
"""

import logging

from pelican import signals

from .sticky import StickyValueError, parse_sticky, sticky_first

log = logging.getLogger(__name__)


def mark_sticky(generator):
    for article in (*generator.articles, *generator.drafts, *generator.hidden_articles):
        try:
            article.sticky = parse_sticky(article.metadata.get("sticky"))
        except StickyValueError as error:
            log.error("sticky_posts: %s: %s", article.source_path, error)
            article.sticky = False


def order_front_page(generators):
    # After every generator has read the model (template_tags has taken its
    # date-ordered "recent posts") and before anything is written; reorder
    # in place, as the context holds this same list.
    for generator in generators:
        if hasattr(generator, "articles") and hasattr(generator, "drafts"):
            generator.articles[:] = sticky_first(generator.articles)


def register():
    signals.article_generator_pretaxonomy.connect(mark_sticky)
    signals.all_generators_finalized.connect(order_front_page)
