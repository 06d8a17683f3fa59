"""Pure checks of post and page headers, run before Pelican reads anything."""

import os
from pathlib import Path

from pelican.utils import get_date

from pressless.core.errors import AuthorError, Problem
from pressless.core.header import read_header

VALID_STATUSES = ("published", "draft", "hidden")
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mkd", ".mdown")


class ContentError(AuthorError):
    """A content file that cannot be published as written."""


def check_header(path, header, *, needs_date):
    """Return the problems with one file's header, as a list of Problem."""
    problems = [
        Problem(
            path,
            duplicate.lines[1],
            f"{duplicate.key.title()} is given twice (lines {duplicate.lines[0]} and "
            f"{duplicate.lines[1]}); keep one",
        )
        for duplicate in header.duplicates
    ]
    if not header.get("title"):
        problems.append(Problem(path, 1, "missing Title"))
    status = header.get("status", "published")
    if status.lower() not in VALID_STATUSES:
        problems.append(
            Problem(
                path,
                header.line("status"),
                f"unknown Status {status!r} (use one of: {', '.join(VALID_STATUSES)})",
            )
        )
    for key in ("date", "modified"):
        if key in header:
            value = header.get(key)
            try:
                get_date(value.replace("_", " "))
            except (ValueError, OverflowError):
                problems.append(
                    Problem(path, header.line(key), f"unparseable {key.title()} {value!r}")
                )
    is_draft = status.lower() == "draft"
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
                text = path.read_text(encoding="utf-8-sig")
            except UnicodeDecodeError as error:
                problems.append(Problem(shown, 1, f"not UTF-8 text ({error.reason})"))
                continue
            problems.extend(check_header(shown, read_header(text), needs_date=needs_date))
    return problems
