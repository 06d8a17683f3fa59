"""Import the fixture exports into a fresh content folder and build it."""

from pathlib import Path

from PIL import Image

from pressless.tools.wordpress_import.run import import_wordpress

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).parent / "fixtures"
BLOG = FIXTURES / "blog-wxr-1.2.xml"
ARCHIVES = FIXTURES / "archives-wxr-1.1.xml"
MINIMAL = FIXTURES / "minimal-wxr-1.0.xml"


def make_uploads(folder):
    """The old blog's wp-content/uploads, as far as the fixtures use it."""
    folder = Path(folder)
    month = folder / "2020" / "05"
    month.mkdir(parents=True)
    Image.new("RGB", (300, 200), (200, 30, 30)).save(month / "kite.png")
    Image.new("RGB", (120, 80), (30, 120, 30)).save(month / "tail.png")
    (month / "wind.mp3").write_bytes(b"ID3 not really audio")
    (month / "launch.mp4").write_bytes(b"not really a video")
    (month / "unused.png").write_bytes(b"never linked")
    return folder


def settings_file(folder, content):
    path = Path(folder) / "settings.py"
    path.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\n"
        f"from pelicanconf import *\nPATH = {str(content)!r}\n",
        encoding="utf-8",
    )
    return path


def import_all(content, uploads):
    return {
        "blog": import_wordpress(BLOG, content, uploads_dir=uploads),
        "archives": import_wordpress(ARCHIVES, content),
        "minimal": import_wordpress(MINIMAL, content),
    }
