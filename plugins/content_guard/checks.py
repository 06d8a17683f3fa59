"""Pure checks of post and page headers, run before Pelican reads anything."""

import os
import re
from pathlib import Path

from pelican.utils import slugify

from pressless.core.characters import first_unwritable_character
from pressless.core.dates import header_date
from pressless.core.errors import AuthorError, Problem
from pressless.core.fingerprints import file_stamp
from pressless.core.header import read_header
from pressless.core.slugs import language_problem, slug_advice, slug_problem

VALID_STATUSES = ("published", "draft", "hidden")
# One part of a path inside the site: no '..', no '.', nothing a URL must escape.
PATH_PART = re.compile(r"^(?!\.+$)[A-Za-z0-9._~-]+$")
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mkd", ".mdown")


class ContentError(AuthorError):
    """A content file that cannot be published as written."""


def check_header(path, header, *, needs_date, settings=None):
    """Return the problems with one file's header, as a list of Problem.

    With the build's `settings`, a slug Pelican would make from the title
    (or the file name) is checked as well.
    """
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
                header_date(value.replace("_", " "))
            except (ValueError, OverflowError):
                problems.append(
                    Problem(path, header.line(key), f"unparseable {key.title()} {value!r}")
                )
    is_draft = status.lower() == "draft"
    if needs_date and "date" not in header and not is_draft:
        problems.append(Problem(path, 1, "missing Date"))
    problems += address_problems(path, header)
    if settings is not None and "slug" not in header:
        problems += derived_slug_problems(path, header, settings)
    return problems


def derived_slug_problems(path, header, settings):
    """The slug Pelican makes when there is no `Slug:` (as contents.py does), checked."""
    if settings.get("SLUGIFY_SOURCE", "title") == "basename":
        source, line, what = Path(path).stem, 1, "file name"
    elif header.get("title"):
        source, line, what = header.get("title"), header.line("title"), "Title"
    else:
        return []
    slug = slugify(
        source,
        regex_subs=settings.get("SLUG_REGEX_SUBSTITUTIONS", []),
        preserve_case=settings.get("SLUGIFY_PRESERVE_CASE", False),
        use_unicode=settings.get("SLUGIFY_USE_UNICODE", False),
    )
    why = slug_problem(slug, plain=False)
    if not why:
        return []
    shown = repr(slug) if len(slug) <= 60 else repr(slug[:40]) + "…"
    return [Problem(path, line, f"the {what} makes the slug {shown}, which {why}; add a Slug: line")]


def address_problems(path, header):
    """Headers that become parts of the page's address and file name."""
    problems = []
    if "slug" in header:
        slug = header.get("slug")
        why = slug_problem(slug)
        if why:
            problems.append(Problem(path, header.line("slug"), f"Slug {slug!r} {why}; {slug_advice(slug)}"))
    if "lang" in header:
        lang = header.get("lang")
        why = language_problem(lang)
        if why:
            problems.append(Problem(path, header.line("lang"), f"Lang {lang!r} {why}"))
    for key in ("save_as", "url"):
        if key in header:
            value = header.get(key)
            why = path_problem(value, file_only=key == "save_as")
            if why:
                problems.append(Problem(path, header.line(key), f"{key.title()} {value!r} {why}"))
    return problems


def path_problem(value, *, file_only):
    """Why a `Save_as` / `Url` value cannot be a path inside the site, or None."""
    if not value:
        return "is empty; give a path like 'about/index.html', or leave the line out"
    parts = value.split("/")
    if value.startswith("/") or any(not PATH_PART.match(part) for part in parts[:-1]) or (
        parts[-1] and not PATH_PART.match(parts[-1])
    ):
        return ("is not a relative path of plain parts (letters, digits, '-', '_', '.', "
                "none of them only dots); it could leave the site's folder")
    if file_only and not parts[-1]:
        return "names a folder; end it with a file name like 'index.html'"
    return None


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


def check_content_tree(settings, known=None):
    """Check every Markdown post and page under PATH; return all problems.

    `known` ({path: (stamp, problems)}, kept by the caller between builds)
    spares a file whose stamp has not changed since it was last checked: the
    live preview checks every file each time it makes its model, and at 5,000
    posts reading them all again took 0.4 s. It is left holding the files of
    this check only.
    """
    content_root = Path(settings["PATH"])
    groups = (
        (settings["ARTICLE_PATHS"], settings.get("ARTICLE_EXCLUDES", []), True),
        (settings["PAGE_PATHS"], settings.get("PAGE_EXCLUDES", []), False),
    )
    earlier = dict(known or {})
    checked = {}
    problems = []
    for folders, excludes, needs_date in groups:
        for path in _markdown_files(content_root, folders, set(excludes)):
            stamp = file_stamp(path)
            found = earlier.get(path)
            if found is None or found[0] != stamp:
                found = (stamp, file_problems(path, needs_date, settings))
            checked[path] = found
            problems.extend(found[1])
    if known is not None:
        known.clear()
        known.update(checked)
    return problems


def file_problems(path, needs_date, settings):
    """The problems of one post (`needs_date`) or page file."""
    shown = os.path.relpath(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        return [Problem(shown, 1, f"not UTF-8 text ({error.reason})")]
    problems = []
    unwritable = first_unwritable_character(text)
    if unwritable:
        line, code = unwritable
        problems.append(Problem(shown, line, f"holds the control character {code}, which no page "
                                             "or feed can carry; remove it"))
    header = read_header(text)
    problems.extend(check_header(shown, header, needs_date=needs_date, settings=settings))
    return problems
