"""A cold start of the preview reads the posts on every core; every later reading stays in its process;
Ctrl-C during the first model stops it.

The first model is made before the preview starts a thread, so the reader
cache's pool may fork as it does in a build; later models are made beside
the servers' threads, where nothing forks. A Markdown extension of the
test's own notes which process converted each post.
"""

import signal

from ..build.helpers import children_of, wait_until
from .helpers import LiveListener, PreviewProcess, post_text, save, wait_for_settling, write_fixture_site

NOTE_PID_EXTENSION = '''
import os

from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor


class NotePid(Preprocessor):
    def __init__(self, md, to):
        super().__init__(md)
        self.to = to

    def run(self, lines):
        with open(self.to, "a", encoding="utf-8") as note:
            note.write(f"{os.getpid()}\\n")
        return lines


class NotePidExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {"to": ["", "the file each process id is added to"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        md.preprocessors.register(NotePid(md, self.getConfig("to")), "note_pid", 0)


def makeExtension(**kwargs):
    return NotePidExtension(**kwargs)
'''


# A plugin of the test's own: every os.fork in the preview's process adds a line.
NOTE_FORKS_PLUGIN = '''
import os

from pelican import signals

_fork = os.fork
_to = []


def noting_fork():
    if _to:
        with open(_to[0], "a", encoding="utf-8") as note:
            note.write("fork\\n")
    return _fork()


def remember(pelican):
    _to[:] = [pelican.settings["NOTE_FORKS_TO"]]


def register():
    os.fork = noting_fork
    signals.initialized.connect(remember)
'''


def readers(note):
    return [int(line) for line in note.read_text(encoding="utf-8").split()]


def test_a_cold_start_reads_on_every_core_and_later_readings_stay_in_the_preview(tmp_path):
    settings, content = write_fixture_site(tmp_path / "blog")
    (tmp_path / "extensions").mkdir()
    (tmp_path / "extensions" / "note_pid.py").write_text(NOTE_PID_EXTENSION, encoding="utf-8")
    (tmp_path / "extensions" / "note_forks.py").write_text(NOTE_FORKS_PLUGIN, encoding="utf-8")
    note, forks = tmp_path / "read-by.txt", tmp_path / "forks.txt"
    settings.write_text(
        settings.read_text(encoding="utf-8")
        + f"sys.path.insert(0, {str(tmp_path / 'extensions')!r})\n"
        + f"PLUGIN_PATHS = [{str(tmp_path / 'extensions')!r}]\nPLUGINS = ['note_forks', *PLUGINS]\n"
        + f"NOTE_FORKS_TO = {str(forks)!r}\n"
        + f"MARKDOWN['extension_configs']['note_pid'] = {{'to': {str(note)!r}}}\n"
        + f"CACHE_PATH = {str(tmp_path / 'cache')!r}\n",
        encoding="utf-8",
    )
    preview = PreviewProcess(settings, tmp_path / "output")
    try:
        preview.wait_until_serving()
        listener = LiveListener(preview.live_port)
        at_start = readers(note)
        assert len(at_start) >= 7  # six posts and a page, each at least once
        assert set(at_start) - {preview.process.pid}, "every post was read in the preview's own process"
        # The pool is gone before the preview starts its threads' work.
        assert children_of(preview.process.pid) == []
        forks_at_start = forks.read_text(encoding="utf-8").count("fork")
        assert forks_at_start >= 2  # the reader cache's pool, the comments' copy
        save(content / "posts" / "rye-bread-week.md",
             post_text("Rye Bread Week", "2024-04-20 12:00", "Kitchen", ["bread", "rye"], "A new body."))
        listener.wait_for("reload")
        assert readers(note)[len(at_start):] and set(readers(note)[len(at_start):]) == {preview.process.pid}
        # A new title: the whole model is made again beside the threads, and nothing forks.
        settled = preview.log.read_text().count("settled in")
        save(content / "posts" / "rye-bread-week.md",
             post_text("Rye Bread, Again", "2024-04-20 12:00", "Kitchen", ["bread", "rye"], "A new body."))
        listener.wait_for("reload")
        wait_for_settling(preview, settled)
        assert forks.read_text(encoding="utf-8").count("fork") == forks_at_start
    finally:
        preview.stop()


# A plugin of the test's own: the first model takes as long as it takes a big
# blog's, unless Ctrl-C comes first; a file says whether it ran to its end.
SLOW_FIRST_MODEL_PLUGIN = '''
import pathlib
import time

from pelican import signals

_to = []


def remember(pelican):
    _to[:] = [pathlib.Path(pelican.settings["SLOW_FIRST_MODEL_TO"])]


def slow(generators):
    _to[0].write_text("started", encoding="utf-8")
    time.sleep(60)
    _to[0].write_text("ran to its end", encoding="utf-8")


def register():
    signals.initialized.connect(remember)
    signals.all_generators_finalized.connect(slow)
'''


def test_ctrl_c_during_the_first_model_stops_the_preview_at_once(tmp_path):
    settings, _ = write_fixture_site(tmp_path / "blog")
    (tmp_path / "plugins").mkdir()
    (tmp_path / "plugins" / "slow_first_model.py").write_text(SLOW_FIRST_MODEL_PLUGIN, encoding="utf-8")
    marker = tmp_path / "slow.txt"
    settings.write_text(
        settings.read_text(encoding="utf-8")
        + f"PLUGIN_PATHS = [{str(tmp_path / 'plugins')!r}]\nPLUGINS = [*PLUGINS, 'slow_first_model']\n"
        + f"SLOW_FIRST_MODEL_TO = {str(marker)!r}\n",
        encoding="utf-8",
    )
    preview = PreviewProcess(settings, tmp_path / "output")
    try:
        wait_until(lambda: marker.exists() or preview.process.poll() is not None)
        assert marker.exists(), preview.log.read_text()
        preview.process.send_signal(signal.SIGINT)
        preview.process.wait(timeout=50)
    finally:
        if preview.process.poll() is None:
            preview.process.kill()
    # It stopped in the middle of the first model, not after it (the worker used
    # to be waited for), and said nothing more than a user needs.
    assert marker.read_text(encoding="utf-8") == "started"
    assert "Traceback" not in preview.log.read_text()
    assert children_of(preview.process.pid) == []
