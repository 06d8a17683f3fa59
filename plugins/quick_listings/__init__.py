"""Quick listings: each tag's, category's and author's posts answer `in` by a set lookup.

Pelican writes each of those pages with `[post for post in dates if post in
posts_of_it]` (generators.py, generate_tags and friends): a scan of a list
for every post of the site, for every tag, category and author. That is
quadratic: at 5,000 posts it took 1 s of every process that walks the pages
(each writer of plugins.parallel_writer does). Once the model is complete,
the lists are made pressless.core.members.Members, which hold the same
posts in the same order and answer `in` from a set, so Pelican's line is
linear and its result the same.
"""

from pelican import signals
from pelican.generators import ArticlesGenerator

from pressless.core.members import Members

# No settings.
DEFAULTS = {}


def quick_membership(generators):
    for generator in generators:
        if isinstance(generator, ArticlesGenerator):
            _convert(generator)


def _convert(generator):
    for tag, posts in generator.tags.items():
        generator.tags[tag] = Members(posts)
    # Pelican's context holds the tags as (tag, posts) pairs made from that dict: the same lists again.
    listed = generator.context.get("tags")
    if isinstance(listed, list):
        listed[:] = [(tag, generator.tags.get(tag, posts)) for tag, posts in listed]
    # Categories and authors are lists of pairs, the very lists the context holds.
    for pairs in (generator.categories, generator.authors):
        if isinstance(pairs, list):
            pairs[:] = [(key, Members(posts)) for key, posts in pairs]


def register():
    signals.all_generators_finalized.connect(quick_membership)
