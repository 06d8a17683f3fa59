"""pressless.core.entries: which entries are public, and which are listed."""

from types import SimpleNamespace

import pytest

from pressless.core.entries import is_listed, is_public


@pytest.mark.parametrize(("status", "public", "listed"), [
    ("published", True, True),
    ("hidden", True, False),
    ("draft", False, False),
    (None, True, True),  # an entry with no status is published, as Pelican's are by default
])
def test_public_and_listed_follow_the_status(status, public, listed):
    entry = SimpleNamespace() if status is None else SimpleNamespace(status=status)
    assert is_public(entry) is public
    assert is_listed(entry) is listed
