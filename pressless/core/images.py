"""An image's pixel size, so <img> and og:image can say it.

Only files inside the folders an image may come from are opened, and only
their header is read (Pillow opens lazily): an `Image:` of `/dev/zero` or
`../../secret` never gets read.
"""

from pathlib import Path

from PIL import Image, UnidentifiedImageError


def inside(path, folders):
    """`path` resolved, when it lies in one of `folders`; else None."""
    resolved = Path(path).resolve()
    for folder in folders:
        if resolved.is_relative_to(Path(folder).resolve()):
            return resolved
    return None


def image_size(path):
    """(width, height) of an image file, or None when it is not one."""
    try:
        with Image.open(path) as image:
            return image.size
    except (OSError, UnidentifiedImageError, ValueError):
        return None
