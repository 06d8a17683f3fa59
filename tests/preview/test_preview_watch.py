"""The watcher is watching when it says it is: a save right after start is seen."""

import threading
import time
from types import SimpleNamespace

import watchfiles

from pressless.tools.preview.watch import Watcher


def test_a_save_right_after_start_is_reported(tmp_path, monkeypatch):
    real_watch = watchfiles.watch

    def late_watch(*args, **kwargs):
        time.sleep(0.5)  # as on a busy machine: the watching thread gets going late
        yield from real_watch(*args, **kwargs)

    monkeypatch.setattr(watchfiles, "watch", late_watch)
    content, theme = tmp_path / "content", tmp_path / "theme"
    content.mkdir()
    theme.mkdir()
    settings_file = tmp_path / "settings.py"
    settings_file.write_text("SITENAME = 'x'\n")
    model = SimpleNamespace(
        settings={"PATH": str(content), "THEME": str(theme), "THEME_TEMPLATES_OVERRIDES": [],
                  "PLUGIN_PATHS": []},
        settings_file=settings_file,
        output=tmp_path / "output",
    )
    reported = []
    seen = threading.Event()

    def on_change(kinds):
        reported.append(kinds)
        seen.set()

    watcher = Watcher(model, on_change)
    watcher.start()
    try:
        # Straight after start(): no sleep, as a test or an author saving at once would.
        (content / "post.md").write_text("Title: New\n\nText.\n")
        assert seen.wait(timeout=10), "the save right after start was not reported"
        assert reported[0] == {str(content / "post.md"): "content"}
    finally:
        watcher.stop()
