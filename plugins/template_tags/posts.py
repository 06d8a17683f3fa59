"""Relations between posts."""


def link_neighbours(articles):
    """Give each post `previous_post` (older) and `next_post` (newer)."""
    by_date = sorted(articles, key=lambda a: a.date)
    for index, article in enumerate(by_date):
        article.previous_post = by_date[index - 1] if index > 0 else None
        article.next_post = by_date[index + 1] if index + 1 < len(by_date) else None
