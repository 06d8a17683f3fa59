"""Per-post values with a fixed set of words: `Sticky: yes`, `Comments: closed`.

Every plugin reads its yes/no headers with the same words, so an author
learns them once. A value outside them is an error the caller reports with
the file and line (see entries.entry_flag).
"""

YES_WORDS = ("true", "yes", "on", "1")
NO_WORDS = ("false", "no", "off", "0")


class FlagValueError(ValueError):
    """A header value outside the words its key accepts."""

    def __init__(self, value, allowed):
        super().__init__(f"{value!r} is not one of: {', '.join(allowed)}")
        self.value = value
        self.allowed = allowed


def parse_flag(value, default=False):
    """A yes/no header value as a bool; None or '' is `default`."""
    if value is None or isinstance(value, bool):
        return default if value is None else value
    word = str(value).strip().lower()
    if not word:
        return default
    if word in YES_WORDS:
        return True
    if word in NO_WORDS:
        return False
    raise FlagValueError(value, (*YES_WORDS, *NO_WORDS))


def parse_choice(value, choices, default):
    """A header value that must be one of `choices` (lower case); None or '' is `default`."""
    if value is None or not str(value).strip():
        return default
    word = str(value).strip().lower()
    if word in choices:
        return word
    raise FlagValueError(value, choices)
