"""Started with every Python the test suite runs (tests/conftest.py puts this folder on PYTHONPATH).

No test may read the blog's own content/: the suite builds its own blog
(tests/fixtures/blog), so a blogger who replaces every example post still
gets a green run. An audit hook turns any open or listing of that folder
into an error naming the path, in the test process and in every Pelican,
invoke or helper process it starts.
"""

import os
import sys

_FORBIDDEN = os.environ.get("PRESSLESS_TESTS_FORBIDDEN_FOLDER")
_EVENTS = {"open", "os.listdir", "os.scandir"}


def _inside_forbidden(path):
    if isinstance(path, int) or path is None:
        return False
    try:
        resolved = os.path.realpath(os.fsdecode(path))
    except (TypeError, ValueError):
        return False
    return resolved == _FORBIDDEN or resolved.startswith(_FORBIDDEN + os.sep)


def _refuse_the_blogs_content(event, args):
    if event in _EVENTS and args and _inside_forbidden(args[0]):
        raise PermissionError(f"a test read the blog's own content folder: {args[0]}")


if _FORBIDDEN:
    sys.addaudithook(_refuse_the_blogs_content)
