"""The preview's output folder: files replaced only when their bytes change."""

import os
import shutil
from pathlib import Path

SEARCH_FOLDER = "pagefind"


def write_if_changed(root, relative, data):
    """Write bytes to root/relative atomically; return True if the file changed."""
    target = Path(root) / relative
    try:
        if target.read_bytes() == data:
            return False
    except OSError:
        pass
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.preview-tmp")
    temporary.write_bytes(data)
    os.replace(temporary, target)
    return True


def remove_stale(root, expected):
    """Delete files under root that the current site does not have; return them."""
    root = Path(root)
    removed = []
    for directory, _subdirs, files in os.walk(root, topdown=False):
        relative_dir = Path(directory).relative_to(root).as_posix()
        if relative_dir == SEARCH_FOLDER or relative_dir.startswith(SEARCH_FOLDER + "/"):
            continue
        for name in files:
            relative = name if relative_dir == "." else f"{relative_dir}/{name}"
            if relative not in expected:
                os.unlink(Path(directory) / name)
                removed.append(relative)
        if relative_dir != "." and not os.listdir(directory):
            os.rmdir(directory)
    return removed


def swap_in(root, folder_name, staging):
    """Replace root/folder_name by the staging folder (two renames)."""
    target = Path(root) / folder_name
    retired = Path(staging).with_name(Path(staging).name + ".old")
    shutil.rmtree(retired, ignore_errors=True)
    if target.exists():
        target.rename(retired)
    Path(staging).rename(target)
    shutil.rmtree(retired, ignore_errors=True)
