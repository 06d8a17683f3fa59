"""The preview's worker makes models with Python's cyclic garbage collector paused, and collects once idle.

At 5,000 posts the collector walked the growing model again and again while
it was made (1.2 s of 4.4 s); the worker pauses it for each model and
collects before any other background work. A stand-in model records whether the
collector ran while it was made.
"""

import gc
import time
from concurrent.futures import Future

import pytest

from pressless.tools.preview import session as session_module
from pressless.tools.preview.model import Generation
from pressless.tools.preview.session import PreviewSession


class StandInModel:
    """What the session asks of a SiteModel, with no site: empty models, made on request."""

    def __init__(self, output):
        self.output = output
        self.settings = {}
        self.settings_file = output / "settings.py"
        self.pelican = None
        self.collector_on_while_made = []

    def load(self, forking=False):
        self.pelican = object()

    def generation(self, interrupted=lambda: False):
        self.collector_on_while_made.append(gc.isenabled())
        return Generation(number=len(self.collector_on_while_made), jobs={}, direct_files={},
                          static_files=set())


@pytest.fixture
def collector_restored():
    yield
    gc.enable()


def wait_until(condition, timeout=30):
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline
        time.sleep(0.01)


def test_models_are_made_with_the_collector_paused_and_their_garbage_collected_after(
        tmp_path, collector_restored):
    model = StandInModel(tmp_path)
    session = PreviewSession(model, notify=lambda message: None, search=False)
    session.start()
    try:
        session.ready.wait(30)
        wait_until(lambda: session.models_uncollected == 0)
        assert gc.isenabled(), "the collector is on again once the garbage is collected"
        session.files_changed({str(tmp_path / "settings.py"): "code"})
        wait_until(lambda: len(model.collector_on_while_made) == 2 and session.models_uncollected == 0)
        assert gc.isenabled()
    finally:
        session.stop()
    assert model.collector_on_while_made == [False, False]


def test_a_second_model_in_a_row_is_made_after_a_collection(tmp_path, collector_restored):
    session = PreviewSession(StandInModel(tmp_path), notify=lambda message: None, search=False)
    session._pause_collection()
    assert session.models_uncollected == 1 and not gc.isenabled()
    session._pause_collection()
    assert session.models_uncollected == 1, "the first model's garbage was collected first"


class StoppedClock:
    """time, as the session module uses it, at a moment the test moves."""

    def __init__(self, now):
        self.now = now

    def monotonic(self):
        return self.now


def test_the_collection_waits_until_an_answered_page_is_sent(tmp_path, monkeypatch, collector_restored):
    # The collection holds the interpreter lock: the server's thread must send the page first.
    clock = StoppedClock(100.0)
    monkeypatch.setattr(session_module, "time", clock)
    session = PreviewSession(StandInModel(tmp_path), notify=lambda message: None, search=False)
    session._pause_collection()
    assert session._garbage_due()
    session._answer("2024/04/20/rye-bread-week/index.html", Future())
    assert not session._garbage_due() and not session._background_due()
    clock.now += session_module.ANSWER_SENT_SECONDS
    assert session._garbage_due() and session._background_due()
