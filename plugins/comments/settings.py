"""The plugin's settings, their defaults, and the one check run at `initialized`."""

from dataclasses import dataclass

from pressless.core.config import SettingsError, setting, text, whole_number, yes_or_no
from pressless.core.language import DateStyle, date_style

PLUGIN = "comments"
DEFAULTS = {
    # Folder under PATH holding <post-slug>/<id>.md comment files.
    "COMMENTS_PATH": "comments",
    # Replies nest this many levels deep (WordPress allows 1 to 10); deeper ones join the last level.
    "COMMENTS_MAX_DEPTH": 5,
    # Close the form on posts older than this many days (None: never).
    "COMMENTS_CLOSE_AFTER_DAYS": None,
    # Fetch avatars from Gravatar (a request to another host) instead of
    # drawing initials locally.
    "COMMENTS_GRAVATAR": False,
    # How many comments the "Recent Comments" widget lists.
    "COMMENTS_RECENT_COUNT": 5,
    # Site-wide comments feed; None turns it off.
    "COMMENTS_FEED_ATOM": "comments/feed/atom.xml",
    # Per-post comments feed, formatted with the post's {url} and {slug}; None turns them off.
    "COMMENTS_POST_FEED_ATOM": "{url}feed/atom.xml",
    # How many comments the site-wide feed holds.
    "COMMENTS_FEED_MAX_ITEMS": 50,
    # How a comment's date and time are printed, as one strftime format; None: the site's
    # date and time (pressless.core.language: DEFAULT_DATE_FORMAT, TIME_FORMAT, the language's
    # own), joined as WordPress does: "March 14, 2026 at 11:42 am".
    "COMMENTS_DATE_FORMAT": None,
    # Processes reading and rendering the comments of a build: None = one per
    # core (at most 4), 1 = all in Pelican's process. Above 1, one of them
    # does it while the posts are read (ahead.py).
    "COMMENTS_PROCESSES": None,
}
MAX_DEPTH_LIMIT = 10


@dataclass(frozen=True)
class CommentsConfig:
    path: str
    max_depth: int
    close_after_days: int | None
    gravatar: bool
    recent_count: int
    feed_atom: str | None
    post_feed_atom: str | None
    feed_max_items: int
    date_format: str | None  # the author's strftime for date and time together
    dates: DateStyle  # the site's dates and times otherwise
    processes: int | None  # None: one per core


def check_settings(settings):
    """The checked CommentsConfig; raise SettingsError naming a bad setting."""

    def value(name):
        return setting(settings, DEFAULTS, name)

    days = value("COMMENTS_CLOSE_AFTER_DAYS")
    if days is not None:
        whole_number(PLUGIN, "COMMENTS_CLOSE_AFTER_DAYS", days, minimum=0)
    post_feed = text(PLUGIN, "COMMENTS_POST_FEED_ATOM", value("COMMENTS_POST_FEED_ATOM"), optional=True)
    if post_feed and "{url}" not in post_feed and "{slug}" not in post_feed:
        raise SettingsError(
            f"{PLUGIN}: COMMENTS_POST_FEED_ATOM {post_feed!r} must contain {{url}} or {{slug}}, "
            "or every post's feed would be written to one file"
        )
    path = text(PLUGIN, "COMMENTS_PATH", value("COMMENTS_PATH"))
    if not path.strip("/") or ".." in path.split("/"):
        raise SettingsError(f"{PLUGIN}: COMMENTS_PATH must be a folder under PATH, not {path!r}")
    return CommentsConfig(
        path=path.strip("/"),
        max_depth=whole_number(PLUGIN, "COMMENTS_MAX_DEPTH", value("COMMENTS_MAX_DEPTH"),
                               maximum=MAX_DEPTH_LIMIT),
        close_after_days=days,
        gravatar=yes_or_no(PLUGIN, "COMMENTS_GRAVATAR", value("COMMENTS_GRAVATAR")),
        recent_count=whole_number(PLUGIN, "COMMENTS_RECENT_COUNT", value("COMMENTS_RECENT_COUNT")),
        feed_atom=text(PLUGIN, "COMMENTS_FEED_ATOM", value("COMMENTS_FEED_ATOM"), optional=True),
        post_feed_atom=post_feed,
        feed_max_items=whole_number(PLUGIN, "COMMENTS_FEED_MAX_ITEMS", value("COMMENTS_FEED_MAX_ITEMS")),
        date_format=text(PLUGIN, "COMMENTS_DATE_FORMAT", value("COMMENTS_DATE_FORMAT"), optional=True),
        dates=date_style(settings),
        processes=whole_number(PLUGIN, "COMMENTS_PROCESSES", value("COMMENTS_PROCESSES"), optional=True),
    )
