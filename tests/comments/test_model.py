"""The plugin's pure functions: reading files, threading, closing, avatars."""

from dataclasses import FrozenInstanceError, replace
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest

from plugins.comments import ahead
from plugins.comments.avatars import avatar_colour, avatar_svg, initials
from plugins.comments.loader import load_comments, load_post_comments
from plugins.comments.model import COMMENT_MODES, comment_face, post_comments
from plugins.comments.sanitize import render_comment_body
from plugins.comments.settings import check_settings
from pressless.core.comments import Comment, parse_comment
from pressless.core.config import SettingsError
from pressless.core.entries import entry_choice
from pressless.core.errors import AuthorError
from pressless.core.header import read_header
from pressless.core.threads import thread, walk

BERLIN = ZoneInfo("Europe/Berlin")
START = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)


def make(comment_id, reply_to="", minutes=0, status="approved"):
    return Comment(
        id=comment_id,
        post_slug="post",
        author=f"Reader {comment_id}",
        date=START + timedelta(minutes=minutes),
        body="Hello",
        source=f"comments/post/{comment_id}.md",
        reply_to=reply_to,
        status=status,
    )


def chain(length):
    """c1 <- c2 <- ... each replying to the one before."""
    return [make(f"c{i}", f"c{i - 1}" if i > 1 else "", minutes=i) for i in range(1, length + 1)]


def test_header_and_body_split():
    header = read_header("Author: Ana\nDate: 2026-01-02 10:00\nReply-To: 7\n\nHi *there*\n")
    assert (header.line("author"), header.get("author")) == (1, "Ana")
    assert (header.line("reply-to"), header.get("reply-to")) == (3, "7")
    assert header.body == "Hi *there*"


def test_parse_comment_reads_every_field_and_localises_naive_dates():
    text = (
        "Author: Ana Lima\nDate: 2026-01-02 10:00\nEmail: ana@example.org\n"
        "URL: https://ana.example/\nReply-To: 4\nStatus: Pending\n\nBody"
    )
    comment, problem = parse_comment(text, comment_id="9", post_slug="p", source="x.md", timezone=BERLIN)
    assert problem is None
    assert (comment.author, comment.email, comment.url) == (
        "Ana Lima",
        "ana@example.org",
        "https://ana.example/",
    )
    assert (comment.reply_to, comment.status) == ("4", "pending")
    assert comment.date == datetime(2026, 1, 2, 10, 0, tzinfo=BERLIN)


def test_status_defaults_to_approved_and_unknown_status_is_held():
    ok, _ = parse_comment(
        "Author: A\nDate: 2026-01-01\n\nx", comment_id="1", post_slug="p", source="a.md", timezone=BERLIN
    )
    assert ok.status == "approved"
    odd, problem = parse_comment(
        "Author: A\nDate: 2026-01-01\nStatus: maybe\n\nx",
        comment_id="1",
        post_slug="p",
        source="a.md",
        timezone=BERLIN,
    )
    assert odd.status == "pending"
    assert "a.md:3" in problem and "maybe" in problem


def test_bad_input_is_reported_with_file_and_line():
    cases = {
        "Date: 2026-01-01\n\nx": "missing Author",
        "Author: A\n\nx": "missing Date",
        "Author: A\nDate: yesterday-ish\n\nx": "a.md:2: unparseable Date",
    }
    for text, expected in cases.items():
        comment, problem = parse_comment(text, comment_id="1", post_slug="p", source="a.md", timezone=BERLIN)
        assert comment is None
        assert expected in problem
    comment, problem = parse_comment(
        "Author: A\nDate: 2026-01-01\n\nx", comment_id="bad id", post_slug="p", source="a.md", timezone=BERLIN
    )
    assert comment is None and "a.md" in problem


def test_load_comments_skips_unknown_post_folders(tmp_path):
    root = tmp_path / "comments"
    (root / "known").mkdir(parents=True)
    (root / "gone").mkdir()
    (root / "known" / "1.md").write_text("Author: A\nDate: 2026-01-01\n\nHi")
    (root / "gone" / "2.md").write_text("Author: B\nDate: 2026-01-01\n\nHi")
    comments, problems = load_comments(root, {"known"}, BERLIN)
    assert [c.id for c in comments] == ["1"]
    assert problems == ["comments/gone/2.md: no post has the slug 'gone'; comment ignored"]


def test_one_posts_comments_read_as_the_whole_folder_reads_them(tmp_path):
    # The live preview reads one post's folder after a comment file is saved.
    root = tmp_path / "comments"
    for slug, name, text in [
        ("soup", "b.md", "Author: B\nDate: 2026-01-02\n\nSecond"),
        ("soup", "a.md", "Author: A\nDate: 2026-01-01\n\nFirst"),
        ("soup", "bad.md", "Author: C\nDate: someday\n\nBroken"),
        ("bread", "c.md", "Author: D\nDate: 2026-01-03\n\nOther post"),
    ]:
        (root / slug).mkdir(parents=True, exist_ok=True)
        (root / slug / name).write_text(text)
    everything, all_problems = load_comments(root, {"soup", "bread"}, BERLIN)
    comments, problems = load_post_comments(root, "soup", BERLIN)
    assert comments == [c for c in everything if c.post_slug == "soup"]
    assert [c.id for c in comments] == ["a", "b"]
    assert problems == all_problems and "comments/soup/bad.md" in problems[0]
    assert load_post_comments(root, "no-such-post", BERLIN) == ([], [])


def comment_tree(root, count, undated_every):
    """`count` comments on two posts (every `undated_every`-th one without a readable date)
    and one in the folder of a post that does not exist."""
    for number in range(count):
        folder = root / ("soup" if number % 3 else "bread")
        folder.mkdir(parents=True, exist_ok=True)
        date = "someday" if number % undated_every == 0 else f"2026-01-{number % 28 + 1:02d} 10:00"
        (folder / f"c{number:02d}.md").write_text(f"Author: A{number}\nDate: {date}\n\nComment *{number}*")
    (root / "gone").mkdir()
    (root / "gone" / "x.md").write_text("Author: B\nDate: 2026-01-01\n\nHi")


def test_comments_read_by_several_processes_read_as_by_one(tmp_path, monkeypatch):
    root = tmp_path / "comments"
    comment_tree(root, 60, undated_every=17)
    # Few files: let them be split all the same.
    monkeypatch.setattr("pressless.core.forked.LEAST_ITEMS", 1)
    one = load_comments(root, {"soup", "bread"}, BERLIN)
    several = load_comments(root, {"soup", "bread"}, BERLIN, processes=2)
    assert several == one
    comments, problems = one
    assert len(comments) == 56 and len(problems) == 5  # four undated comments and the unknown post


def ids(nodes):
    return [node.comment.id for node in nodes]


def test_thread_is_oldest_first_and_nested():
    comments = [
        make("b", minutes=5),
        make("a", minutes=1),
        make("r", "a", minutes=9),
        make("q", "a", minutes=7),
    ]
    top, problems = thread(comments)
    assert problems == []
    assert ids(top) == ["a", "b"]
    assert ids(top[0].replies) == ["q", "r"]
    assert [node.depth for node in walk(top)] == [1, 2, 2, 1]


def test_threading_changes_no_comment():
    comments = chain(6)
    before = [replace(comment) for comment in comments]
    thread(comments, max_depth=2)
    assert comments == before
    with pytest.raises(FrozenInstanceError):
        comments[0].author = "Someone else"


def test_depth_cap_attaches_deeper_replies_at_the_last_level():
    top, _ = thread(chain(8), max_depth=5)
    depths = {node.comment.id: node.depth for node in walk(top)}
    assert depths == {"c1": 1, "c2": 2, "c3": 3, "c4": 4, "c5": 5, "c6": 5, "c7": 5, "c8": 5}
    level_four = top[0].replies[0].replies[0].replies[0]
    assert ids(level_four.replies) == ["c5", "c6", "c7", "c8"]
    assert all(not node.replies for node in level_four.replies)


def test_depth_cap_of_one_flattens_everything():
    top, _ = thread(chain(4), max_depth=1)
    assert ids(top) == ["c1", "c2", "c3", "c4"]
    assert {node.depth for node in top} == {1}


def test_deep_thread_is_linear_not_recursive():
    # Thousands of levels must neither hit the recursion limit nor go quadratic.
    top, _ = thread(chain(5000), max_depth=5)
    assert sum(1 for _ in walk(top)) == 5000


def test_orphans_go_to_top_level_with_one_problem_each():
    comments = [make("a"), make("lost", "nowhere", minutes=3)]
    top, problems = thread(comments)
    assert ids(top) == ["a", "lost"]
    assert len(problems) == 1 and "comments/post/lost.md" in problems[0]


def test_reply_loops_are_broken_and_reported():
    comments = [make("a", "b", minutes=1), make("b", "a", minutes=2)]
    top, problems = thread(comments)
    assert sorted(ids(walk(top))) == ["a", "b"]
    assert len(problems) == 1


def test_pending_and_spam_are_hidden_and_their_replies_move_up():
    comments = [
        make("a"),
        make("held", "a", minutes=1, status="pending"),
        make("junk", minutes=2, status="spam"),
        make("r", "held", minutes=3),
    ]
    top, problems = thread(comments)
    assert ids(walk(top)) == ["a", "r"] and problems == []
    assert top[0].replies[0].comment.id == "r"


def post(slug, comments_meta=None, days_old=1, status="published"):
    metadata = {} if comments_meta is None else {"comments": comments_meta}
    return SimpleNamespace(
        slug=slug,
        url=f"{slug}/",
        title=slug.title(),
        metadata=metadata,
        status=status,
        date=datetime.now(UTC) - timedelta(days=days_old),
        source_path=f"posts/{slug}.md",
    )


def test_post_comments_sets_counts_states_and_feed_paths():
    config = replace(check_settings({}), close_after_days=30)
    comments = [make("1"), make("2", "1", minutes=1), make("3", status="spam")]
    now = datetime.now(UTC)
    sections = {}
    cases = [("open", "open", 1), ("closed", "closed", 1), ("off", "off", 1), ("old", "open", 40)]
    for slug, mode, days in cases:
        entry = post(slug, days_old=days)
        section, problems = post_comments(entry, comments if slug == "open" else [], mode, config, now=now)
        assert problems == []
        sections[slug] = (entry, section)
    assert sections["open"][1].count == 2
    assert [(s.enabled, s.open) for _, s in sections.values()] == [
        (True, True),
        (True, False),
        (False, False),
        (True, False),
    ]
    assert sections["open"][1].feed == "open/feed/atom.xml"
    assert sections["off"][1].feed is None
    first = sections["open"][1].thread[0]
    assert first.permalink == "open/#comment-1"
    assert first.replies[0].id == "2" and first.replies[0].depth == 2


def test_unknown_comments_value_stops_the_build_naming_file_and_line(tmp_path):
    source = tmp_path / "x.md"
    source.write_text("Title: X\nDate: 2026-01-01\nComments: sometimes\n\nBody\n")
    entry = SimpleNamespace(metadata={"comments": "sometimes"}, source_path=str(source))
    with pytest.raises(AuthorError) as raised:
        entry_choice(entry, "comments", COMMENT_MODES, "open")
    assert str(raised.value).endswith("x.md:3: Comments: 'sometimes' is not one of: open, closed, off")


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"COMMENTS_MAX_DEPTH": 0}, "COMMENTS_MAX_DEPTH must be a whole number from 1 to 10, not 0"),
        ({"COMMENTS_MAX_DEPTH": 2000}, "COMMENTS_MAX_DEPTH must be a whole number from 1 to 10, not 2000"),
        ({"COMMENTS_CLOSE_AFTER_DAYS": "soon"}, "COMMENTS_CLOSE_AFTER_DAYS must be a whole number"),
        ({"COMMENTS_POST_FEED_ATOM": "feed.xml"}, "must contain {url} or {slug}"),
        ({"COMMENTS_PATH": "../elsewhere"}, "COMMENTS_PATH must be a folder under PATH"),
    ],
)
def test_bad_settings_stop_the_build_with_one_line(settings, message):
    with pytest.raises(SettingsError) as raised:
        check_settings(settings)
    assert str(raised.value).startswith("comments: ") and message in str(raised.value)


def test_settings_defaults():
    config = check_settings({})
    assert (config.path, config.max_depth, config.gravatar, config.close_after_days) == (
        "comments", 5, False, None
    )


def test_avatar_initials_colour_and_markup():
    assert initials("maren holt") == "MH"
    assert initials("Cher") == "C"
    assert initials("  ") == "?"
    assert initials("Jean-Luc de la Tour") == "JT"
    assert avatar_colour("Ana") == avatar_colour("ana ")
    assert avatar_colour("Ana") != avatar_colour("Bo")
    svg = str(avatar_svg("<b>Evil</b> Name"))
    assert svg.startswith("<svg") and 'aria-hidden="true"' in svg
    assert "<b>" not in svg


def _luminance(hex_colour):
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_avatar_colours_keep_white_initials_readable():
    for number in range(300):
        contrast = 1.05 / (_luminance(avatar_colour(f"reader {number}")) + 0.05)
        assert contrast >= 4.5


def test_comments_read_and_rendered_ahead_give_what_reading_them_then_gives(tmp_path, monkeypatch):
    # plugins/comments/ahead.py: a forked copy reads every post folder and
    # renders the bodies while the posts are read; load_comments then decides,
    # from those files, which comments belong to a post, and reads none again.
    root = tmp_path / "comments"
    comment_tree(root, 30, undated_every=7)
    (root / "stray.md").write_text("Author: B\nDate: 2026-01-01\n\nNot in a post's folder")
    reading = {"timezone": BERLIN, "display_root": tmp_path}
    config = check_settings({})
    files, rendered, faces = ahead.start(root, reading, tmp_path / "cache", config).result()
    then = load_comments(root, {"soup", "bread"}, **reading)

    def read_again(arguments):
        raise AssertionError(f"{arguments[0]} read again")

    monkeypatch.setattr("plugins.comments.loader._read_one", read_again)
    assert load_comments(root, {"soup", "bread"}, **reading, already_read=files) == then
    comments, problems = then
    assert len(comments) == 25 and len(problems) == 7  # five undated, the unknown post, the stray file
    # Every body in a post's folder is rendered (which posts exist is not known yet).
    visible = {comment.body for comment in comments if comment.is_visible} | {"Hi"}
    assert sorted(map(str, rendered.values())) == sorted(render_comment_body(body) for body in visible)
    # A file added or changed after the copy read its folder is read then.
    (root / "soup" / "new.md").write_text("Author: N\nDate: 2026-02-01\n\nLate")
    (root / "soup" / "c01.md").write_text("Author: A1\nDate: 2026-01-02 10:00\n\nComment edited since")
    monkeypatch.undo()
    late, _ = load_comments(root, {"soup", "bread"}, **reading, already_read=files)
    assert [c.id for c in late if c.id not in {c.id for c in comments}] == ["new"]
    assert next(c.body for c in late if c.id == "c01") == "Comment edited since"
    # Each shown comment's face, made ahead, is the one made then (the copy makes them for
    # every post folder, as it renders); an edited record has none.
    shown = [comment for comment in comments if comment.is_visible]
    assert len(shown) > 10 and all(faces[comment] == comment_face(comment, config) for comment in shown)
    assert next(c for c in late if c.id == "c01") not in faces


def test_a_face_made_ahead_is_the_one_shown_for_its_record_only():
    config = check_settings({})
    comments = [make("1"), make("2", "1", minutes=1)]
    entry = post("faces")
    plain, _ = post_comments(entry, comments, "open", config, now=datetime.now(UTC))
    made = {comment: comment_face(comment, config) for comment in comments}
    ahead_made, _ = post_comments(entry, comments, "open", config, now=datetime.now(UTC), faces=made)
    assert ahead_made == plain
    marked = {comments[1]: replace(made[comments[1]], author="Made ahead")}
    shown, _ = post_comments(entry, comments, "open", config, now=datetime.now(UTC), faces=marked)
    first = shown.thread[0]
    assert [first.author, first.replies[0].author] == [plain.thread[0].author, "Made ahead"]
    other = replace(comments[1], body="Another text")
    shown, _ = post_comments(entry, [comments[0], other], "open", config, now=datetime.now(UTC), faces=marked)
    assert shown.thread[0].replies[0].author == plain.thread[0].replies[0].author
