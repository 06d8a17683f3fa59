"""pressless.core.dates reads a header date exactly as Pelican's parser does."""

import pytest
from pelican.utils import get_date

from pressless.core.dates import header_date

SAMPLES = [
    "2026-03-14", "2026-03-14 10:42", "2026-03-14T10:42", "2026-03-14 10:42:07", "1999-12-31 23:59:59",
    "2024-02-29 00:00", "0001-01-01",
    # Not the plain form: Pelican's parser decides.
    "2026-03-14 10:42+02:00", "2026-03-14T10:42:07Z", "14 March 2026", "2026/03/14 10:42",
    "2026-03-14  10:42", "2026-3-14",
]
IMPOSSIBLE = ["2023-02-29 10:00", "2026-13-01", "2026-03-14 24:00", "2026-03-14 10:60", "not a date"]


@pytest.mark.parametrize("value", SAMPLES)
def test_the_same_moment_and_type_as_pelican(value):
    expected, got = get_date(value), header_date(value)
    assert got == expected
    assert type(got) is type(expected)
    assert got.tzinfo == expected.tzinfo


@pytest.mark.parametrize("value", IMPOSSIBLE)
def test_the_same_error_as_pelican(value):
    with pytest.raises(ValueError) as pelicans:
        get_date(value)
    with pytest.raises(ValueError) as ours:
        header_date(value)
    assert str(ours.value) == str(pelicans.value)
