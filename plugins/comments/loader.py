"""Read comment files: content/comments/<post-slug>/<id>.md.

Loading is pure: it returns the comments it could read (core Comment
records) and a list of problems (one line each, naming the file) for the
caller to log; a bad comment file never stops the build.
"""

from pathlib import Path

from pressless.core.characters import first_unwritable_character
from pressless.core.comments import parse_comment
from pressless.core.forked import map_forked


def comment_files(comments_root):
    """Every *.md file under the comments folder, in a stable order."""
    root = Path(comments_root)
    if not root.is_dir():
        return []
    return sorted(root.rglob("*.md"))


def load_comments(comments_root, known_slugs, timezone, display_root=None, processes=1, already_read=None,
                  remember=None):
    """Read every comment file; return (comments, problems).

    `known_slugs` holds the slugs of the posts comments may belong to; a file
    in a folder named for no post is reported and skipped. `display_root` is
    the folder paths in messages are made relative to. With `processes` > 1
    the files are read and parsed by that many forked processes (same result).
    `already_read` is what read_post_folders returned earlier: a file in it
    that has not changed since (same size and modification time) is not
    read again. `remember`, a dict, is left holding the same of every file
    read or kept here: the live preview's next model passes it back.
    """
    already_read = already_read or {}
    root = Path(comments_root)
    display_root = Path(display_root) if display_root else root.parent
    # In file order: a problem found from the path alone, or the file to read.
    plan = []
    for path in comment_files(root):
        reading = _reading_of(path, root, display_root, timezone)
        if reading is None:
            plan.append(f"{_display_path(path, display_root)}: comment files belong in "
                        f"{root.name}/<post-slug>/<id>.md; file ignored")
        elif reading[1] not in known_slugs:
            plan.append(f"{reading[2]}: no post has the slug {reading[1]!r}; comment ignored")
        else:
            plan.append(reading)
    to_read, read, stamps = [], {}, {}
    for step in plan:
        if isinstance(step, tuple):
            # Taken before reading: a save during the reading shows as a change next time.
            stamps[step[0]] = _stamp(step[0])
            stamp, result = already_read.get(step[0], (None, None))
            if result is not None and stamps[step[0]] == stamp:
                read[step[0]] = result
            else:
                to_read.append(step)
    read.update(zip((step[0] for step in to_read), map_forked(_read_one, to_read, processes), strict=True))
    if remember is not None:
        remember.clear()
        remember.update((path, (stamps[path], result)) for path, result in read.items())
    comments, problems = [], []
    for step in plan:
        if isinstance(step, str):
            problems.append(step)
            continue
        file_comments, file_problems = read[step[0]]
        comments += file_comments
        problems += file_problems
    return comments, problems


def read_post_folders(comments_root, timezone, display_root=None):
    """{path: (its size and time, ([the comment] or [], [problems]))} of every file in a
    post's folder (<root>/<slug>/<id>.md), whether or not a post has that slug
    (load_comments decides, and reads again a file changed since)."""
    root = Path(comments_root)
    display_root = Path(display_root) if display_root else root.parent
    read = {}
    for path in comment_files(root):
        reading = _reading_of(path, root, display_root, timezone)
        if reading is not None:
            stamp = _stamp(path)  # before reading: a save during the reading shows as a change
            read[path] = stamp, _read_one(reading)
    return read


def _reading_of(path, root, display_root, timezone):
    """_read_one's arguments for a file in a post's folder (<root>/<slug>/<id>.md); None for any other."""
    relative = path.relative_to(root)
    if len(relative.parts) != 2:
        return None
    return path, relative.parts[0], _display_path(path, display_root), timezone


def _stamp(path):
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_size, status.st_mtime_ns


def _read_one(arguments):
    """([the comment] or [], [problems]) of one comment file."""
    comments, problems = [], []
    _read_comment(*arguments, comments, problems)
    return comments, problems


def load_post_comments(comments_root, post_slug, timezone, display_root=None):
    """Read the comment files of one post; return (comments, problems) as load_comments does."""
    root = Path(comments_root)
    display_root = Path(display_root) if display_root else root.parent
    folder = root / post_slug
    comments, problems = [], []
    for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
        _read_comment(path, post_slug, _display_path(path, display_root), timezone, comments, problems)
    return comments, problems


def _read_comment(path, post_slug, source, timezone, comments, problems):
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        problems.append(f"{source}: cannot be read ({error}); comment ignored")
        return
    unwritable = first_unwritable_character(text)
    if unwritable:
        problems.append(f"{source}:{unwritable[0]}: holds the control character {unwritable[1]}, "
                        "which no page or feed can carry; comment ignored")
        return
    comment, problem = parse_comment(
        text, comment_id=path.stem, post_slug=post_slug, source=source, timezone=timezone
    )
    if problem:
        problems.append(problem)
    if comment:
        comments.append(comment)


def _display_path(path, display_root):
    try:
        return path.relative_to(display_root).as_posix()
    except ValueError:
        return path.as_posix()
