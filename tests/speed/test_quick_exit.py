"""plugins/quick_exit: a one-shot `pelican` run leaves its site model to the kernel, nothing else does."""

import subprocess
import sys
from types import SimpleNamespace

import pytest

from plugins.quick_exit import builds_once_and_exits
from tests.fixtures.blog import CONTENT, ROOT

PYTHON_M_PELICAN = SimpleNamespace(__spec__=SimpleNamespace(name="pelican.__main__"))
A_SCRIPT = SimpleNamespace(__spec__=None)
PYTEST = SimpleNamespace(__spec__=SimpleNamespace(name="pytest.__main__"))
MAIN_FILE = "/venv/lib/python3.11/site-packages/pelican/__main__.py"


@pytest.mark.parametrize(
    ("main_module", "argv", "expected"),
    [
        (PYTHON_M_PELICAN, [MAIN_FILE, "content", "-s", "publishconf.py"], True),
        (A_SCRIPT, ["/venv/bin/pelican", "content", "-o", "output"], True),
        (PYTHON_M_PELICAN, [MAIN_FILE, "content", "--autoreload"], False),
        (A_SCRIPT, ["/venv/bin/pelican", "content", "-rl"], False),
        (A_SCRIPT, ["/venv/bin/pelican", "--listen"], False),
        (PYTEST, ["/venv/bin/pytest", "tests"], False),
        (A_SCRIPT, ["/venv/bin/invoke", "livereload"], False),
    ],
)
def test_only_pelican_building_once_leaves_its_model(main_module, argv, expected):
    assert builds_once_and_exits(main_module, argv) is expected


SETTINGS = """import sys
sys.path.insert(0, {root!r})
from pelicanconf import *  # noqa
PATH = {content!r}
CACHE_PATH = {cache!r}
PLUGIN_PATHS = [{plugins!r}]
PLUGINS = [*PLUGINS, "note_frozen_at_exit"]
NOTE_FROZEN_AT_EXIT_TO = {note!r}
{extra}
"""


@pytest.mark.parametrize("with_quick_exit", [True, False])
def test_a_build_exits_with_its_model_frozen(tmp_path, with_quick_exit):
    note = tmp_path / "frozen.txt"
    extra = "" if with_quick_exit else 'PLUGINS.remove("plugins.quick_exit")'
    settings = tmp_path / "settings.py"
    settings.write_text(SETTINGS.format(
        root=str(ROOT), content=str(CONTENT), cache=str(tmp_path / "cache"), note=str(note),
        plugins=str(ROOT / "tests" / "speed" / "fixtures" / "plugins"), extra=extra), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "pelican", str(CONTENT), "-s", str(settings), "-o", str(tmp_path / "site")],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert (tmp_path / "site" / "index.html").is_file()
    frozen = int(note.read_text(encoding="utf-8"))
    if with_quick_exit:
        assert frozen > 10_000, "the site model is left to the kernel"
    else:
        assert frozen == 0
