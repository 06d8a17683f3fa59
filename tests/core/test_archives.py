"""pressless.core.archives: the grouping of posts by period is Pelican's, made in one pass."""

import random
from datetime import datetime, timedelta
from operator import attrgetter
from types import SimpleNamespace

from pelican.generators import ArticlesGenerator
from pelican.settings import DEFAULT_CONFIG

from pressless.core.archives import period_archives


def test_period_archives_are_the_ones_pelican_makes():
    rng = random.Random(3)
    start = datetime(2019, 12, 30, 8, 0)
    # Several posts on one day, months with none, and a year boundary.
    posts = [
        SimpleNamespace(name=f"p{n}", date=start + timedelta(days=rng.randrange(500), hours=rng.randrange(3)))
        for n in range(120)
    ]
    articles = rng.sample(posts, len(posts))  # the generator's order is not date order
    dates = sorted(posts, key=attrgetter("date"), reverse=True)
    settings = {
        **DEFAULT_CONFIG,
        "YEAR_ARCHIVE_SAVE_AS": "{date:%Y}/index.html", "YEAR_ARCHIVE_URL": "{date:%Y}/",
        "MONTH_ARCHIVE_SAVE_AS": "{date:%Y}/{date:%m}/index.html",
        "MONTH_ARCHIVE_URL": "{date:%Y}/{date:%m}/",
        "DAY_ARCHIVE_SAVE_AS": "{date:%Y}/{date:%m}/{date:%d}/index.html", "DAY_ARCHIVE_URL": "",
    }
    # Pelican's method uses nothing of its generator.
    expected = ArticlesGenerator._build_period_archives(None, dates, articles, settings)
    made = period_archives(dates, articles, settings)
    assert set(made) == set(expected) == {"year", "month", "day"}
    for granularity in expected:
        assert made[granularity] == expected[granularity], granularity
    assert len(made["day"]) > len(made["month"]) > len(made["year"]) == 2
