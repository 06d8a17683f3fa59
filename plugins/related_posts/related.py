"""Choose related posts: most shared tags first, then the same category."""


def relatedness(article, other):
    """(shared tag count, same category): bigger is more related."""
    shared_tags = len(set(getattr(article, "tags", [])) & set(getattr(other, "tags", [])))
    same_category = getattr(article, "category", None) == getattr(other, "category", None)
    return shared_tags, int(same_category)


def related_posts(article, candidates, limit=3):
    """Up to `limit` posts sharing a tag or the category, newest first on ties."""
    scored = []
    for other in candidates:
        if other is article:
            continue
        score = relatedness(article, other)
        if score > (0, 0):
            scored.append((score, other.date, other))
    scored.sort(key=lambda item: (item[0], item[1]), reverse=True)
    return [other for _, _, other in scored[:limit]]
