"""A control character no feed can carry: one line naming the file and line, never a traceback.

Found by the fuzz test: a title holding ESC (U+001B) built every page and then
ended in feedgenerator's UnserializableContentError while writing the feeds.
"""

from pressless.core.characters import first_unwritable_character
from tests.comments.helpers import comment_text, post_text
from tests.site_model.helpers import assert_one_line_error, post, run_build


def test_a_post_with_a_control_character_is_refused_before_reading(tmp_path):
    files = {"posts/ok.md": post("Fine"), "posts/esc.md": post("Bad \x1b title")}
    code, log, _ = run_build(tmp_path, files)
    assert_one_line_error(code, log, "content/posts/esc.md:1: holds the control character U+001B")
    assert not (tmp_path / "output").exists()


def test_a_comment_with_one_is_left_out_with_a_warning(tmp_path):
    files = {
        "posts/why.md": post_text("why", "Why"),
        "comments/why/1.md": comment_text("Ana", "2026-01-11 10:00", "Fine words."),
        "comments/why/2.md": comment_text("Bo", "2026-01-11 11:00", "A form feed \x0c here."),
    }
    code, log, site = run_build(tmp_path, files)
    assert code == 0, log
    assert "content/comments/why/2.md:4: holds the control character U+000C" in log
    assert [b.get_text() for b in site.soup("/2026/01/10/why/").select(".comment .fn")] == ["Ana"]


def test_tab_and_line_breaks_are_fine():
    assert first_unwritable_character("a\tb\r\nc\n") is None
    assert first_unwritable_character("one\ntwo \x00") == (2, "U+0000")
