"""Nothing is lost: re-imports, edits, files the importer did not write, dry runs, hostile files."""

import subprocess
import sys

import pytest

from pressless.tools.wordpress_import.run import import_wordpress
from pressless.tools.wordpress_import.writer import KEPT_EDITED, KEPT_FOREIGN, UPDATED

from .helpers import BLOG, FIXTURES, ROOT


def _snapshot(folder):
    files = (path for path in folder.rglob("*") if path.is_file())
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in files}


def test_a_second_import_changes_nothing(tmp_path):
    content = tmp_path / "content"
    first = import_wordpress(BLOG, content)
    before = _snapshot(content)
    second = import_wordpress(BLOG, content)
    assert _snapshot(content) == before
    assert dict(second.files) == {"unchanged": first.files["new"]}
    assert (content / ".wordpress-import.json").is_file()


def test_an_edited_file_is_kept(tmp_path):
    content = tmp_path / "content"
    import_wordpress(BLOG, content)
    post = content / "posts" / "shortcodes-tour.md"
    edited = post.read_text(encoding="utf-8").replace("Every shortcode", "Every single shortcode")
    post.write_text(edited, encoding="utf-8")
    report = import_wordpress(BLOG, content)
    assert post.read_text(encoding="utf-8") == edited
    assert ("posts/shortcodes-tour.md", KEPT_EDITED) in report.kept_files
    assert "  posts/shortcodes-tour.md: kept: edited since the last import" in report.lines()


def test_a_file_it_did_not_write_is_never_overwritten(tmp_path):
    content = tmp_path / "content"
    mine = content / "comments" / "shortcodes-tour" / "1.md"
    mine.parent.mkdir(parents=True)
    mine.write_text("Author: Me\nDate: 2020-01-01\n\nMy own file.\n", encoding="utf-8")
    report = import_wordpress(BLOG, content)
    assert mine.read_text(encoding="utf-8").endswith("My own file.\n")
    assert ("comments/shortcodes-tour/1.md", KEPT_FOREIGN) in report.kept_files


def test_a_changed_export_updates_what_the_importer_wrote(tmp_path):
    content = tmp_path / "content"
    import_wordpress(BLOG, content)
    changed = tmp_path / "changed.xml"
    changed.write_text(BLOG.read_text(encoding="utf-8").replace("We fly kites on Sundays.", "And Mondays."))
    report = import_wordpress(changed, content)
    assert (content / "pages" / "flyers.md").read_text(encoding="utf-8").endswith("And Mondays.\n")
    assert dict(report.files)[UPDATED] == 1


def _invoke(*arguments):
    return subprocess.run(
        [sys.executable, "-m", "invoke", "import-wordpress", *arguments],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
    )


def test_dry_run_shows_the_plan_and_writes_nothing(tmp_path):
    content = tmp_path / "content"
    run = _invoke(str(BLOG), "--dry-run", "--content", str(content))
    assert run.returncode == 0, run.stderr
    assert not content.exists()
    assert "new: posts/shortcodes-tour.md" in run.stdout
    assert "new: comments/shortcodes-tour/3.md" in run.stdout
    assert "Comments: 4 comments, 1 pending comments" in run.stdout


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        ("hostile-external-entity.xml", "declares XML entities (secret)"),
        ("hostile-billion-laughs.xml", "declares XML entities (lol)"),
        ("malformed.xml", "malformed.xml:8: not well-formed XML"),
        ("does-not-exist.xml", "cannot be read"),
    ],
)
def test_a_bad_export_gets_one_line_and_exit_1(tmp_path, fixture, expected):
    content = tmp_path / "content"
    run = _invoke(str(FIXTURES / fixture), "--content", str(content))
    assert run.returncode == 1
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and expected in lines[0] and fixture in lines[0], run.stderr
    assert "Traceback" not in run.stderr and "root:" not in run.stdout + run.stderr
    assert not content.exists()


def test_uploads_must_be_a_folder(tmp_path):
    run = _invoke(str(BLOG), "--uploads", str(tmp_path / "nowhere"), "--content", str(tmp_path / "c"))
    assert run.returncode == 1 and "--uploads must be a folder" in run.stderr
