"""pressless.core.forked: the same list as a plain loop, worked out by forked processes."""

import os

from pressless.core.forked import map_forked


def square_and_pid(number):
    return number * number, os.getpid()


def test_the_results_come_back_in_order_from_other_processes():
    results = map_forked(square_and_pid, range(400), processes=2, least=1)
    assert [square for square, _ in results] == [number * number for number in range(400)]
    assert {pid for _, pid in results} - {os.getpid()}, "worked out by forked copies"


def test_one_process_or_few_items_work_here():
    assert {pid for _, pid in map_forked(square_and_pid, range(400), processes=1)} == {os.getpid()}
    assert {pid for _, pid in map_forked(square_and_pid, range(5), processes=2)} == {os.getpid()}
