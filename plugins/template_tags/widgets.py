"""Sidebar widgets computed from the site model."""

from dataclasses import dataclass


@dataclass(frozen=True)
class MonthArchive:
    url: str
    count: int
    label: str  # "March 2026"
    # (year, month): for a label in the site's language (the i18n plugin's `local_period` filter).
    period_num: tuple = ()


@dataclass(frozen=True)
class CloudTag:
    tag: object
    count: int
    step: int


def monthly_archives(period_archives):
    """Months with posts, newest first, from Pelican's own `period_archives`."""
    months = sorted(period_archives.get("month", []), key=lambda month: month["period_num"], reverse=True)
    return [
        MonthArchive(
            month["url"], len(month["dates"]), f"{month['period'][1]} {month['period'][0]}",
            tuple(month["period_num"]),
        )
        for month in months
    ]


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


def recent_posts(articles, count):
    """The newest `count` published posts, whatever order the front page uses."""
    return sorted(articles, key=lambda article: article.date, reverse=True)[:count]
