"""Sidebar widgets computed from the site model."""

from dataclasses import dataclass
from itertools import groupby


@dataclass(frozen=True)
class MonthArchive:
    date: object
    url: str
    count: int
    # "March 2026", formatted once here rather than by every page that lists it.
    label: str


@dataclass(frozen=True)
class CloudTag:
    tag: object
    count: int
    step: int


def monthly_archives(articles, month_url_pattern):
    """Months with posts, newest first, with their URL and post count."""
    ordered = sorted(articles, key=lambda a: a.date, reverse=True)
    months = []
    for _, group in groupby(ordered, key=lambda a: (a.date.year, a.date.month)):
        group = list(group)
        first = group[0].date
        months.append(
            MonthArchive(
                first,
                month_url_pattern.format(date=first),
                len(group),
                first.strftime("%B %Y"),
            )
        )
    return months


def tag_cloud(tags, steps=4):
    """Tags sorted by name, each with a size step from 1 (rare) to `steps`."""
    counted = [(tag, len(articles)) for tag, articles in tags]
    if not counted:
        return []
    low = min(count for _, count in counted)
    high = max(count for _, count in counted)
    spread = max(high - low, 1)
    return [
        CloudTag(tag, count, 1 + round((count - low) * (steps - 1) / spread))
        for tag, count in sorted(counted, key=lambda item: item[0].name.lower())
    ]
