"""Pelican's lists of categories, tags and authors, grouped again after a post was filed anew.

ArticlesGenerator.generate_context groups its published posts by category,
tag and author once, after reading. When a saved post changed only its
tags, category or author, the preview groups the posts it already holds the
same way (same post order, same sorting) instead of reading the site again.
"""

from collections import defaultdict

from pelican.utils import order_content


def regroup_terms(generator):
    """Give `generator` and its context the term lists generate_context would make now."""
    categories, tags, authors = defaultdict(list), defaultdict(list), defaultdict(list)
    # Pelican groups in ARTICLE_ORDER_BY order, before any plugin reorders
    # the front page (sticky posts first).
    for article in order_content(list(generator.articles), generator.settings["ARTICLE_ORDER_BY"]):
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
