"""The plugin's settings, their defaults, and the checks run on them."""

COMMENTS_DEFAULTS = {
    # Folder under PATH holding <post-slug>/<id>.md comment files.
    "COMMENTS_PATH": "comments",
    # Replies nest this many levels deep; deeper ones join the last level.
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
    # Per-post comments feed, formatted with the post's {url} and {slug}.
    "COMMENTS_POST_FEED_ATOM": "{url}feed/atom.xml",
    # How many comments the site-wide feed holds.
    "COMMENTS_FEED_MAX_ITEMS": 50,
    # How a comment's date is printed (strftime).
    "COMMENTS_DATE_FORMAT": "%B %-d, %Y at %H:%M",
}

_POSITIVE_INTS = ("COMMENTS_MAX_DEPTH", "COMMENTS_RECENT_COUNT", "COMMENTS_FEED_MAX_ITEMS")


def apply_defaults(settings):
    """Fill in missing settings and fix bad ones; return the problems found."""
    problems = []
    for key, default in COMMENTS_DEFAULTS.items():
        settings.setdefault(key, default)
    for key in _POSITIVE_INTS:
        value = settings[key]
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            problems.append(
                f"{key} must be a whole number of at least 1, not {value!r}; using {COMMENTS_DEFAULTS[key]}"
            )
            settings[key] = COMMENTS_DEFAULTS[key]
    days = settings["COMMENTS_CLOSE_AFTER_DAYS"]
    if days is not None and (not isinstance(days, int) or isinstance(days, bool) or days < 0):
        problems.append(
            f"COMMENTS_CLOSE_AFTER_DAYS must be None or a whole number of days, not {days!r}; "
            "comments stay open"
        )
        settings["COMMENTS_CLOSE_AFTER_DAYS"] = None
    return problems
