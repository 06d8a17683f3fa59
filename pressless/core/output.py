"""Writing a file a plugin makes (a feed, a sitemap) into the output folder, and nowhere else."""

import os
from pathlib import Path

from .errors import AuthorError


def climbs_out(relative_path):
    """Whether a normalised relative path leads above its folder ('..', '../x'), read from the
    text alone: a writer asks it of every file, and only such a path needs output_file's check."""
    return relative_path == os.pardir or relative_path.startswith(os.pardir + os.sep)


def output_file(output_path, relative_path):
    """The file `relative_path` names inside `output_path`; refuse a path that leaves it."""
    root = Path(output_path).resolve()
    target = (root / str(relative_path).lstrip("/")).resolve()
    if target == root or not target.is_relative_to(root):
        raise AuthorError(f"refusing to write {relative_path!r}: it is not a file inside the output folder")
    return target


def write_output_file(output_path, relative_path, text):
    """Write `text` (UTF-8) to `relative_path` inside the output folder; return the path."""
    target = output_file(output_path, relative_path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target
