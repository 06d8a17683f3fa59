"""Sticky posts: `Sticky: true` puts a post at the top of the front page.

Like WordPress, a sticky post leads page 1 of the blog and leaves its place
by date, so it is listed once. Feeds, archives and category pages keep date
order (Pelican sorts those itself). The theme shows a "Featured" label.
A `Sticky:` value that is neither yes nor no stops the build, naming the file
and line.
"""

from pelican import signals

from pressless.core.entries import entry_flag
from pressless.core.errors import show_author_errors_without_traceback

from .sticky import sticky_first


def mark_sticky(generator):
    for article in (*generator.articles, *generator.translations, *generator.drafts,
                    *generator.drafts_translations, *generator.hidden_articles,
                    *generator.hidden_translations):
        article.sticky = entry_flag(article, "sticky")


def order_front_page(generators):
    # Reorder in place: the context holds this same list. Every other plugin
    # takes date order from the dates, not from this list's order.
    for generator in generators:
        if hasattr(generator, "articles") and hasattr(generator, "drafts"):
            generator.articles[:] = sticky_first(generator.articles)


def register():
    show_author_errors_without_traceback()
    signals.article_generator_pretaxonomy.connect(mark_sticky)
    signals.all_generators_finalized.connect(order_front_page)
