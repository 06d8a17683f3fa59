"""pressless.core.forked: the same list as a plain loop, worked out by forked processes."""

import os

import pytest

from pressless.core.forked import Ahead, ForkedWorkFailed, map_forked


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


def big_result(size):
    # More than a pipe holds: the copy waits, writing, until its result is read.
    return os.getpid(), "x" * size


def is_running(pid):
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] not in ("Z", "X")
    except FileNotFoundError:
        return False


def test_an_ahead_copy_gives_its_result_or_is_stopped_and_gone():
    ahead = Ahead(big_result, 1_000_000)
    pid, text = ahead.result()
    assert pid != os.getpid() and len(text) == 1_000_000
    ahead.stop()  # nothing left to stop

    waiting = Ahead(big_result, 1_000_000)  # a build that failed never asks for this one
    pid = waiting._pid
    assert is_running(pid)
    waiting.stop()
    assert not is_running(pid)
    waiting.stop()
