"""Choose related posts: most shared tags first, then the same category.

Scoring every post against every other is O(n²) (a million comparisons at
1,000 posts). An inverted index (tag -> posts, category -> posts) visits only
the posts that share something with the one at hand; ties are broken exactly
as a full sort of all candidates would break them.
"""

import heapq
from collections import defaultdict


class RelatedIndex:
    """The candidates indexed by tag and by category, built once per build."""

    def __init__(self, candidates):
        self.candidates = list(candidates)
        # Posts are listed by their position in `candidates`, so a tie on
        # score and date keeps the candidates' own order (as a stable sort does).
        self.by_tag = defaultdict(list)
        self.by_category = defaultdict(list)
        for position, other in enumerate(self.candidates):
            # Tags and categories are keys as they are compared: by == and hash
            # (Pelican's Tag and Category compare by slug).
            for tag in set(getattr(other, "tags", [])):
                self.by_tag[tag].append(position)
            self.by_category[getattr(other, "category", None)].append(position)

    def related_to(self, article, limit=3):
        """Up to `limit` posts sharing a tag or the category, newest first on ties."""
        shared_tags = defaultdict(int)
        for tag in set(getattr(article, "tags", [])):
            for position in self.by_tag.get(tag, ()):
                shared_tags[position] += 1
        same_category = set(self.by_category.get(getattr(article, "category", None), ()))
        positions = sorted(shared_tags.keys() | same_category)
        candidates = self.candidates
        scored = (
            ((shared_tags.get(position, 0), int(position in same_category)), position)
            for position in positions
            if candidates[position] is not article
        )
        # nlargest is sorted(..., reverse=True)[:limit], ties in input order.
        best = heapq.nlargest(
            limit, scored, key=lambda item: (item[0], candidates[item[1]].date)
        )
        return [candidates[position] for _, position in best]


def related_posts(article, candidates, limit=3):
    """Up to `limit` posts sharing a tag or the category, newest first on ties.

    For one post; to find related posts for many, build one RelatedIndex.
    """
    return RelatedIndex(candidates).related_to(article, limit)
