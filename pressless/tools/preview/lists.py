"""Pelican's lists of posts, made again after the preview changed the site's posts in place.

ArticlesGenerator.generate_context files its posts by status, then groups the
published ones by category, tag, author and date once, after reading. When a
saved post was filed anew, or a post was added, moved or deleted, the preview
changes the lists it already holds and groups them again the same way (same
post order, same sorting) instead of reading the site again.
"""

from collections import defaultdict
from operator import attrgetter

from pelican.utils import order_content

from pressless.core.archives import period_archives

# The generator's list for each status a post can have (translations aside).
STATUS_LISTS = {"published": "articles", "draft": "drafts", "hidden": "hidden_articles"}


def list_holding(generator, entry):
    """The name of the generator's list that holds `entry` (not a translation), or None."""
    for name in STATUS_LISTS.values():
        if any(held is entry for held in getattr(generator, name)):
            return name
    return None


def take_out(generator, entry):
    held = getattr(generator, list_holding(generator, entry))
    held[:] = [other for other in held if other is not entry]


def put_in(generator, entry):
    # Appended: no page rendered before the model settles depends on the
    # lists' order (listings, which do, wait for the settled model).
    getattr(generator, STATUS_LISTS[entry.status]).append(entry)


def regroup(generator):
    """Give `generator` and its context the groupings generate_context would make now."""
    settings = generator.settings
    ordered = in_pelicans_order(generator)
    regroup_terms(generator, ordered)
    # Sorted by date from Pelican's order, so posts of one moment keep it.
    newest_first = generator.context["NEWEST_FIRST_ARCHIVES"]
    generator.dates = sorted(ordered, key=attrgetter("date"), reverse=newest_first)
    generator.period_archives = period_archives(generator.dates, generator.articles, settings)
    generator.context["dates"] = generator.dates
    generator.context["period_archives"] = generator.period_archives


def in_pelicans_order(generator):
    """The published posts in ARTICLE_ORDER_BY order, the order Pelican groups them in, before any
    plugin reorders the front page (sticky posts first)."""
    return order_content(list(generator.articles), generator.settings["ARTICLE_ORDER_BY"])


def regroup_terms(generator, ordered=None):
    """Give `generator` and its context the term lists generate_context would make now
    (`ordered`: in_pelicans_order(generator), when the caller has it)."""
    categories, tags, authors = defaultdict(list), defaultdict(list), defaultdict(list)
    for article in ordered if ordered is not None else in_pelicans_order(generator):
        if hasattr(article, "category"):
            categories[article.category].append(article)
        for tag in getattr(article, "tags", []):
            tags[tag].append(article)
        for author in getattr(article, "authors", []):
            authors[author].append(article)
    generator.categories = sorted(categories.items(), reverse=generator.settings["REVERSE_CATEGORY_ORDER"])
    generator.authors = sorted(authors.items())
    generator.tags = tags
    generator.context["categories"] = generator.categories
    generator.context["authors"] = generator.authors
    generator.context["tags"] = list(tags.items())
