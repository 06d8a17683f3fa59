"""Related posts: up to three posts under each post, by shared tags, then category."""

from pelican import signals

from .related import RelatedIndex


def add_related_posts(generator):
    limit = generator.settings.get("RELATED_POSTS_LIMIT", 3)
    # Only listed, published posts are suggested: a link to a draft or a
    # held-back scheduled post would be broken on the public site.
    index = RelatedIndex(generator.articles)
    for article in (*generator.articles, *generator.drafts, *generator.hidden_articles):
        article.related_posts = index.related_to(article, limit)


def register():
    signals.article_generator_finalized.connect(add_related_posts)
