"""Feeds carry whole posts by default, or only summaries by one setting.

Pelican's Atom feeds always carry the full post and its RSS feeds carry only
the summary unless RSS_FEED_SUMMARY_ONLY is off; FEEDS_SUMMARY_ONLY sets
both kinds at once. Links to a part of the post (`#heading`) get the post's
address in front, as a feed reader shows the entry outside the post's page.
"""

from feedgenerator import Atom1Feed
from pelican import signals

from pressless.core.config import config_of, setting, store_config, yes_or_no
from pressless.core.errors import show_author_errors_without_traceback

from .summary import summary_only, tidy_entry

PLUGIN = "feeds"
DEFAULTS = {
    # True: Atom and RSS feeds carry summaries only; False: whole posts.
    "FEEDS_SUMMARY_ONLY": False,
}


def check(pelican):
    value = setting(pelican.settings, DEFAULTS, "FEEDS_SUMMARY_ONLY")
    summary = yes_or_no(PLUGIN, "FEEDS_SUMMARY_ONLY", value)
    store_config(pelican.settings, PLUGIN, summary)
    # Pelican's own RSS writer reads this setting; keep it in step.
    pelican.settings["RSS_FEED_SUMMARY_ONLY"] = summary


def adjust_entries(context, feed):
    feed.items[:] = [tidy_entry(item) for item in feed.items]
    if config_of(context, PLUGIN) and isinstance(feed, Atom1Feed):
        feed.items[:] = [summary_only(item) for item in feed.items]


def register():
    show_author_errors_without_traceback()
    signals.initialized.connect(check)
    signals.feed_generated.connect(adjust_entries)
