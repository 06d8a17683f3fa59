"""Posts dated in the future: held back from a publish build until their date."""

from datetime import UTC, datetime


def resolve_now(value=None):
    """The moment a build treats as "now": the clock, or a pinned ISO time.

    A pinned time lets tests (and "what will the site look like on ...")
    build the site as of a given date. A time without an offset is UTC.
    """
    if value is None:
        return datetime.now(UTC)
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def split_scheduled(articles, now):
    """(published, scheduled): posts dated up to `now`, and those after it."""
    published = [a for a in articles if a.date <= now]
    scheduled = [a for a in articles if a.date > now]
    return published, scheduled
