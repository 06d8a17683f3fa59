"""Pure checks of post and page headers, run before Pelican reads anything."""

import os
from dataclasses import dataclass
from pathlib import Path

from pelican.utils import get_date

from pressless.author_errors import AuthorError
from pressless.metadata_header import split_header

VALID_STATUSES = ("published", "draft", "hidden")
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mkd", ".mdown")


class ContentError(AuthorError):
    """A content file that cannot be published as written."""


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    message: str

    def __str__(self):
        return f"{self.path}:{self.line}: {self.message}"


def read_header(text):
    """Return {lower-case key: (line number, value)} from a Markdown header."""
    return split_header(text)[0]


def check_header(path, header, *, needs_date):
    """Return the problems with one file's header, as a list of Problem."""
    problems = []
    if not header.get("title", (0, ""))[1]:
        problems.append(Problem(path, 1, "missing Title"))
    status = header.get("status", (0, "published"))
    if status[1].lower() not in VALID_STATUSES:
        problems.append(
            Problem(
                path,
                status[0],
                f"unknown Status {status[1]!r} (use one of: {', '.join(VALID_STATUSES)})",
            )
        )
    for key in ("date", "modified"):
        if key in header:
            lineno, value = header[key]
            try:
                get_date(value.replace("_", " "))
            except (ValueError, OverflowError):
                problems.append(
                    Problem(path, lineno, f"unparseable {key.title()} {value!r}")
                )
    is_draft = status[1].lower() == "draft"
    if needs_date and "date" not in header and not is_draft:
        problems.append(Problem(path, 1, "missing Date"))
    return problems


def _markdown_files(content_root, folders, excludes):
    for folder in folders:
        base = content_root / folder
        for directory, subdirs, files in os.walk(base):
            rel_dir = Path(directory).relative_to(content_root).as_posix()
            subdirs[:] = sorted(
                d for d in subdirs if f"{rel_dir}/{d}".lstrip("./") not in excludes
            )
            for name in sorted(files):
                if name.endswith(MARKDOWN_SUFFIXES):
                    yield Path(directory) / name


def check_content_tree(settings):
    """Check every Markdown post and page under PATH; return all problems."""
    content_root = Path(settings["PATH"])
    groups = (
        (settings["ARTICLE_PATHS"], settings.get("ARTICLE_EXCLUDES", []), True),
        (settings["PAGE_PATHS"], settings.get("PAGE_EXCLUDES", []), False),
    )
    problems = []
    for folders, excludes, needs_date in groups:
        for path in _markdown_files(content_root, folders, set(excludes)):
            shown = os.path.relpath(path)
            try:
                text = path.read_text(encoding="utf-8")
            except UnicodeDecodeError as error:
                problems.append(Problem(shown, 1, f"not UTF-8 text ({error.reason})"))
                continue
            problems.extend(check_header(shown, read_header(text), needs_date=needs_date))
    return problems
