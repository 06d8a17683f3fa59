"""A failed rebuild as problems an author can act on: file, line, message."""

import logging
import re

from pressless.core.errors import Problem

# "content/posts/x.md:3: unparseable Date 'soon'": how content_guard and the
# comments plugin name a place in a file.
_PLACED = re.compile(
    r"^(?:[a-z_]+: )?(?P<path>[^\s:][^:]*\.[A-Za-z0-9]+):(?P<line>\d+): (?P<message>.+)$", re.S
)
_PELICAN_UNREADABLE = re.compile(r"^Could not process (?P<path>\S+)\s*(?P<message>.*)$", re.S)


def one_line(text):
    return " ".join(str(text).split())


def problem_from_text(text, default_path=""):
    text = one_line(text)
    placed = _PLACED.match(text)
    if placed:
        return Problem(placed["path"], int(placed["line"]), placed["message"])
    unreadable = _PELICAN_UNREADABLE.match(text)
    if unreadable:
        return Problem(unreadable["path"], 1, unreadable["message"] or "could not be read")
    return Problem(default_path, 0, text)


class ErrorCollector(logging.Handler):
    """Keeps the error lines logged during one rebuild: `with ErrorCollector() as collector:`."""

    def __init__(self):
        super().__init__(level=logging.ERROR)
        self.messages = []

    def __enter__(self):
        logging.getLogger().addHandler(self)
        return self

    def __exit__(self, *exc_info):
        logging.getLogger().removeHandler(self)

    def emit(self, record):
        message = record.getMessage()
        if record.exc_info and record.exc_info[1] is not None:
            message = f"{message} {record.exc_info[1]}"
        self.messages.append(message)


def _template_place(error):
    """(template file, line) of the innermost template frame in the traceback."""
    if getattr(error, "filename", None) and getattr(error, "lineno", None):
        return error.filename, error.lineno  # a TemplateSyntaxError
    place, frame = None, error.__traceback__
    while frame is not None:
        filename = frame.tb_frame.f_code.co_filename
        if filename.endswith((".html", ".xml", ".jinja", ".j2")):
            place = (filename, frame.tb_lineno)
        frame = frame.tb_next
    return place


def problems_of_failure(error, logged, settings_file):
    """Problems for a rebuild that raised `error` after logging `logged`."""
    place = _template_place(error)
    if place:
        message = getattr(error, "message", None) or str(error)
        return [Problem(place[0], place[1], f"{type(error).__name__}: {one_line(message)}")]
    problems = [problem_from_text(message) for message in logged]
    placed = [problem for problem in problems if problem.path]
    if not placed:
        # Nothing logged names a file: the error itself is all there is
        # (a setting, a plugin or a template).
        problems.append(problem_from_text(f"{type(error).__name__}: {error}", str(settings_file)))
    return [problem for problem in problems if problem.path] or problems
