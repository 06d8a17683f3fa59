"""Every feed of the site parses with feedparser, with no `bozo` flag."""

from pathlib import Path

import feedparser
from lxml import etree

from .result import CheckResult

FEED_ROOTS = {"rss", "feed", "RDF"}  # RSS 2.0, Atom, RSS 1.0


def is_feed(path):
    """True for an XML file whose root element is a feed's (not a sitemap's)."""
    try:
        for _, element in etree.iterparse(str(path), events=("start",)):
            return etree.QName(element).localname in FEED_ROOTS
    except etree.XMLSyntaxError:
        return True  # Broken XML named like a feed: let feedparser report it.
    return False


def feed_problem(path):
    """None for a good feed, else why it is not."""
    parsed = feedparser.parse(Path(path).read_bytes())
    if parsed.bozo:
        return f"not well-formed: {parsed.bozo_exception}"
    if not parsed.version:
        return "feedparser does not recognise it as RSS or Atom"
    return None


def check_feeds(site):
    site = Path(site)
    feeds = [path for path in sorted(site.rglob("*.xml")) if is_feed(path)]
    failures = []
    for path in feeds:
        problem = feed_problem(path)
        if problem:
            failures.append(f"{path.relative_to(site).as_posix()}: {problem}")
    if not feeds:
        failures.append(f"no feed found under {site}")
    return CheckResult(
        name="Feeds (feedparser)",
        summary=f"{len(feeds)} feeds, {len(failures)} broken",
        failures=failures,
        data={"feeds": [path.relative_to(site).as_posix() for path in feeds]},
    )
