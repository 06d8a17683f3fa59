"""WordPress dates: the blog's local time, with its offset when the export gives GMT too."""

from datetime import datetime

_FORMAT = "%Y-%m-%d %H:%M:%S"


def _parse(value):
    try:
        return datetime.strptime((value or "").strip(), _FORMAT)
    except ValueError:  # '0000-00-00 00:00:00' for never-published drafts
        return None


def wordpress_date(local, gmt=""):
    """'2012-01-03T10:11:37-07:00', or the local time alone, or None.

    The local time is what WordPress put in the permalink (/2012/01/03/),
    so it is kept as it is; the offset comes from the GMT copy.
    """
    local_time = _parse(local)
    if local_time is None:
        return None
    gmt_time = _parse(gmt)
    if gmt_time is None:
        return local_time.strftime("%Y-%m-%d %H:%M:%S")
    minutes = round((local_time - gmt_time).total_seconds() / 60)
    if abs(minutes) > 14 * 60:  # not a real offset: a hand-edited export
        return local_time.strftime("%Y-%m-%d %H:%M:%S")
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"{local_time.strftime('%Y-%m-%dT%H:%M:%S')}{sign}{hours:02d}:{rest:02d}"


def date_path(local):
    """'YYYY/MM/DD' of a local WordPress date, or None."""
    local_time = _parse(local)
    return local_time.strftime("%Y/%m/%d") if local_time else None
