"""The moment a build treats as "now", one for the whole build.

Scheduled posts wait for their date and so do future-dated comments; both
must ask the same clock, or a post and its comments would appear on
different builds. SCHEDULED_POSTS_NOW pins the moment (tests, "what will
the site look like on ..."); otherwise the clock is read once per build and
kept in the build's context.
"""

from datetime import UTC, datetime

from .config import SettingsError

NOW_SETTING = "SCHEDULED_POSTS_NOW"
_CONTEXT_KEY = "pressless_build_now"


def resolve_now(value=None):
    """The clock, or a pinned ISO time; a time without an offset is UTC."""
    if value is None:
        return datetime.now(UTC)
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def pinned_now(settings, plugin):
    """SCHEDULED_POSTS_NOW as a datetime, or None; a bad value is a SettingsError of `plugin`."""
    value = settings.get(NOW_SETTING)
    if value is None:
        return None
    try:
        return resolve_now(value)
    except (ValueError, TypeError):
        raise SettingsError(
            f"{plugin}: {NOW_SETTING} {value!r} is not an ISO time like '2026-03-14T09:30:00+01:00'"
        ) from None


def build_now(context, plugin="scheduled_posts"):
    """This build's "now": pinned, or the clock read the first time any plugin asks."""
    if _CONTEXT_KEY not in context:
        context[_CONTEXT_KEY] = pinned_now(context, plugin) or resolve_now()
    return context[_CONTEXT_KEY]
