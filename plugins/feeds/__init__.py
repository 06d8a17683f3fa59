"""Feeds carry whole posts by default, or only summaries by one setting.

Pelican's Atom feeds always carry the full post and its RSS feeds carry only
the summary unless RSS_FEED_SUMMARY_ONLY is off; FEEDS_SUMMARY_ONLY sets
both kinds at once. Links to a part of the post (`#heading`) get the post's
address in front, as a feed reader shows the entry outside the post's page.
"""

from feedgenerator import Atom1Feed
from pelican import signals

from .summary import summary_only, tidy_entry


def align_rss_setting(pelican):
    pelican.settings["RSS_FEED_SUMMARY_ONLY"] = bool(pelican.settings.get("FEEDS_SUMMARY_ONLY"))


def adjust_entries(context, feed):
    feed.items[:] = [tidy_entry(item) for item in feed.items]
    if context.get("FEEDS_SUMMARY_ONLY") and isinstance(feed, Atom1Feed):
        feed.items[:] = [summary_only(item) for item in feed.items]


def register():
    signals.initialized.connect(align_rss_setting)
    signals.feed_generated.connect(adjust_entries)
