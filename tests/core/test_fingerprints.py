"""pressless.core.fingerprints: what makes the build memo and the reader cache start afresh."""

import os
import sys

from pressless.core.fingerprints import files_digest, packages_digest


def test_installing_upgrading_or_removing_a_package_changes_the_digest(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "path", [*sys.path, str(tmp_path)])
    before = packages_digest()
    (tmp_path / "somepackage-1.0.dist-info").mkdir()
    installed = packages_digest()
    (tmp_path / "somepackage-1.0.dist-info").rename(tmp_path / "somepackage-1.1.dist-info")
    upgraded = packages_digest()
    (tmp_path / "somepackage-1.1.dist-info").rmdir()
    assert len({before, installed, upgraded}) == 3
    assert packages_digest() == before
    # A file or folder that is no package's metadata changes nothing.
    (tmp_path / "somepackage").mkdir()
    assert packages_digest() == before


def write(path, text, mtime=1_700_000_000):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    os.utime(path, (mtime, mtime))


def test_files_digest_follows_paths_bytes_and_stamps_and_skips_what_it_is_told(tmp_path):
    content = tmp_path / "content"
    write(content / "posts" / "a.md", "A")
    write(content / "comments" / "a" / "1.md", "one")
    first = files_digest([content], skip=[content / "output"])
    # Output and cache folders inside the content are left out.
    write(content / "output" / "index.html", "<p>")
    write(content / "__pycache__" / "x.pyc", "b")
    assert files_digest([content], skip=[content / "output"]) == first
    assert files_digest([content]) != first
    write(content / "comments" / "a" / "1.md", "One")
    assert files_digest([content], skip=[content / "output"]) != first
    write(content / "comments" / "a" / "1.md", "one")
    assert files_digest([content], skip=[content / "output"]) == first
    # A move is a change, even with the same bytes; a new mtime is one only with stamps.
    (content / "comments" / "a" / "1.md").rename(content / "comments" / "a" / "2.md")
    assert files_digest([content], skip=[content / "output"]) != first
    (content / "comments" / "a" / "2.md").rename(content / "comments" / "a" / "1.md")
    unstamped = files_digest([content], skip=[content / "output"], stamps=False)
    os.utime(content / "posts" / "a.md", (1_800_000_000, 1_800_000_000))
    assert files_digest([content], skip=[content / "output"]) != first
    assert files_digest([content], skip=[content / "output"], stamps=False) == unstamped


def test_a_skipped_folder_is_found_through_a_symlinked_root(tmp_path):
    real = tmp_path / "real"
    write(real / "posts" / "a.md", "A")
    (tmp_path / "link").symlink_to(real)
    bare = files_digest([tmp_path / "link"], skip=[real / "output"])
    write(real / "output" / "index.html", "<p>")
    # The output is named by its real path; the walk starts at the link.
    assert files_digest([tmp_path / "link"], skip=[real / "output"]) == bare
