"""The one error publishing raises: its message is the single line the author sees."""


class PublishError(Exception):
    """Nothing (more) was published; the message says why and what to do."""
