"""Posts dated in the future: held back from a publish build until their date."""


def split_scheduled(articles, now):
    """(published, scheduled): posts dated up to `now`, and those after it."""
    published = [a for a in articles if a.date <= now]
    scheduled = [a for a in articles if a.date > now]
    return published, scheduled
