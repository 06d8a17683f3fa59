"""Which posts are sticky, and the front page order that puts them first."""

TRUE_WORDS = {"true", "yes", "on", "1"}
FALSE_WORDS = {"false", "no", "off", "0", ""}


class StickyValueError(ValueError):
    """A `Sticky:` value that is neither yes nor no."""


def parse_sticky(value):
    """A `Sticky:` metadata value as a bool; None (no metadata) is False."""
    if value is None or isinstance(value, bool):
        return bool(value)
    word = str(value).strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise StickyValueError(f"Sticky must be true or false, not {value!r}")


def sticky_first(articles):
    """Sticky posts first (newest first), then the others in their given order."""
    stuck = sorted((a for a in articles if a.sticky), key=lambda a: a.date, reverse=True)
    return stuck + [a for a in articles if not a.sticky]
