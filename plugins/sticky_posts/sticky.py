"""The front page order that puts sticky posts first."""


def sticky_first(articles):
    """Sticky posts first (newest first), then the others in their given order."""
    stuck = sorted((a for a in articles if a.sticky), key=lambda a: a.date, reverse=True)
    return stuck + [a for a in articles if not a.sticky]
