"""pressless.core.forked: the same list as a plain loop, worked out by forked processes."""

import os

import pytest

from pressless.core.forked import ForkedWorkFailed, map_forked


def square_and_pid(number):
    return number * number, os.getpid()


def test_the_results_come_back_in_order_from_other_processes():
    results = map_forked(square_and_pid, range(400), processes=2, least=1)
    assert [square for square, _ in results] == [number * number for number in range(400)]
    assert {pid for _, pid in results} - {os.getpid()}, "worked out by forked copies"


def test_one_process_or_few_items_work_here():
    assert {pid for _, pid in map_forked(square_and_pid, range(400), processes=1)} == {os.getpid()}
    assert {pid for _, pid in map_forked(square_and_pid, range(5), processes=2)} == {os.getpid()}


def fails_on_seven(number):
    if number == 7:
        raise ValueError("seven")
    return number


def test_a_failure_in_a_copy_reaches_this_process_with_its_traceback():
    # Item 7 is in the second share of two: a forked copy's.
    with pytest.raises(ForkedWorkFailed, match="ValueError: seven"):
        map_forked(fails_on_seven, range(20), processes=2, least=1)
