"""Release folders, shared by the file:// and ssh:// targets.

The deploy folder holds `releases/<id>/` (one complete site each) and
`current`, a symlink to one of them: point the web server at
`<folder>/current`. A publish writes a new release beside the live one and
then replaces the symlink in one rename, so a reader gets the old site or
the new one, never a mix. Ids are UTC times, so they sort by age.
"""

from contextlib import suppress
from datetime import UTC, datetime, timedelta

RELEASES = "releases"
CURRENT = "current"
# A release still being written; a finished one is renamed to its id.
PARTIAL_SUFFIX = ".partial"
DEFAULT_KEEP = 5
ID_FORMAT = "%Y%m%dT%H%M%S.%fZ"


def new_release_id(now=None, existing=()):
    """A fresh id later than every existing one, e.g. '20261128T213000.123456Z'."""
    now = now or datetime.now(UTC)
    latest = max(finished(existing), default=None)
    if latest is not None:
        # A clock set back must not make the new release look older.
        # A name that is not one of ours is skipped: ours sort by time among themselves.
        with suppress(ValueError):
            latest_time = datetime.strptime(latest, ID_FORMAT).replace(tzinfo=UTC)
            after_latest = latest_time + timedelta(microseconds=1)
            now = max(now, after_latest)
    return now.strftime(ID_FORMAT)


def finished(names):
    """The finished release ids among folder names, oldest first."""
    return sorted(name for name in names if not name.endswith(PARTIAL_SUFFIX) and not name.startswith("."))


def to_delete(names, current, keep=DEFAULT_KEEP):
    """Releases beyond the newest `keep` (never the live one), and leftover partial ones."""
    releases = finished(names)
    old = [name for name in releases[: max(len(releases) - keep, 0)] if name != current]
    partial = [name for name in names if name.endswith(PARTIAL_SUFFIX)]
    return old + partial


def previous(names, current):
    """The release before the live one, or None when there is none."""
    older = [name for name in finished(names) if current is None or name < current]
    return older[-1] if older else None
