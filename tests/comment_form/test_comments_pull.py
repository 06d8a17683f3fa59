"""comments-pull: isso's approved comments become comment files, never overwriting one."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from plugins.comments.loader import parse_comment
from pressless.tools.comments_pull import (
    PullError,
    PullReport,
    comment_file_text,
    comments_in_thread,
    files_for_thread,
    pull_for_site,
    write_new_files,
)
from tests.fixtures.blog import PREVIEW_SETTINGS

from .helpers import copy_content, free_port, isso_post, post_urls, running_isso


def isso_item(id, parent=None, mode=1, replies=(), **extra):
    """One comment as isso's GET /?uri= returns it."""
    return {
        "id": id,
        "parent": parent,
        "created": 1_790_000_000.5 + id,
        "mode": mode,
        "text": extra.get("text", f"Comment {id}"),
        "author": extra.get("author", f"Author {id}"),
        "website": extra.get("website"),
        "replies": list(replies),
    }


def read_back(text, name="isso-1", slug="a-post"):
    comment, problem = parse_comment(
        text, comment_id=name, post_slug=slug, source=f"{slug}/{name}.md",
        timezone=ZoneInfo("Europe/Berlin"),
    )
    assert problem is None, problem
    return comment


def test_thread_is_flattened_parents_first():
    payload = {"replies": [isso_item(1, replies=[isso_item(2, 1), isso_item(3, 1)]), isso_item(4)]}
    assert [(c.id, c.parent) for c in comments_in_thread(payload)] == [
        (1, None), (4, None), (2, 1), (3, 1)
    ]


def test_not_a_thread_is_an_error():
    with pytest.raises(PullError):
        comments_in_thread({"error": "nope"})


def test_only_approved_comments_get_files_and_deleted_parents_drop_out():
    payload = {
        "replies": [
            isso_item(1, replies=[isso_item(2, 1)]),
            isso_item(5, mode=4, text="", author=None, replies=[isso_item(6, 5)]),
            isso_item(7, mode=2),
        ]
    }
    files = files_for_thread(comments_in_thread(payload))
    assert sorted(files) == ["isso-1.md", "isso-2.md", "isso-6.md"]
    assert read_back(files["isso-2.md"], "isso-2").reply_to == "isso-1"
    assert read_back(files["isso-6.md"], "isso-6").reply_to == ""
    # A parent deleted in isso but kept as a file here still anchors its reply.
    kept = files_for_thread(comments_in_thread(payload), existing_ids={"isso-5"})
    assert read_back(kept["isso-6.md"], "isso-6").reply_to == "isso-5"


def test_comment_file_reads_back_as_written():
    item = isso_item(
        9, text="Line one\r\n\r\n> quoted *bit*", author="Zoë\nStatus: spam",
        website="https://zoe.example/",
    )
    (comment,) = comments_in_thread({"replies": [item]})
    parsed = read_back(comment_file_text(comment, "isso-3"), "isso-9")
    assert parsed.author == "Zoë Status: spam"  # a newline cannot forge a header line
    assert parsed.status == "approved"
    assert parsed.url == "https://zoe.example/"
    assert parsed.reply_to == "isso-3"
    assert parsed.body == "Line one\n\n> quoted *bit*"
    assert parsed.date == datetime.fromtimestamp(item["created"], UTC).replace(microsecond=0)


def test_existing_files_are_never_replaced(tmp_path):
    (tmp_path / "isso-1.md").write_text("edited here\n")
    (tmp_path / "isso-2.md").write_text("same\n")
    report = write_new_files(
        tmp_path, {"isso-1.md": "from isso\n", "isso-2.md": "same\n", "isso-3.md": "new\n"},
        PullReport(),
    )
    assert (tmp_path / "isso-1.md").read_text() == "edited here\n"
    assert (tmp_path / "isso-3.md").read_text() == "new\n"
    assert [p.name for p in report.written] == ["isso-3.md"]
    assert [p.name for p in report.already_present] == ["isso-2.md"]
    assert [p.name for p in report.kept_local_edits] == ["isso-1.md"]


def test_unreachable_isso_is_a_clear_error(tmp_path):
    with pytest.raises(PullError, match="cannot reach isso"):
        pull_for_site(PREVIEW_SETTINGS, copy_content(tmp_path),
                      f"http://127.0.0.1:{free_port()}")


def test_every_post_thread_is_the_path_its_page_is_built_at(site):
    for slug, uri in post_urls().items():
        soup = site.soup(uri)
        respond = soup.find(id="respond")
        if respond is not None:
            assert respond["data-thread-uri"] == uri
            assert respond["data-post-slug"] == slug


def test_pull_from_a_real_isso(tmp_path):
    content = copy_content(tmp_path)
    first, second = sorted(post_urls(content).items())[:2]
    with running_isso(tmp_path / "isso") as isso_url:
        person = {"email": "reader@example.org", "title": "A post"}
        isso_post(isso_url, first[1], text="Top *one*\n\n- a\n- b", author="Ann",
                  website="https://ann.example/", **person)
        isso_post(isso_url, first[1], text="A reply", author="Bo", parent=1, **person)
        isso_post(isso_url, first[1], text="Reply to the reply", author="Cy", parent=2, **person)
        isso_post(isso_url, second[1], text="Elsewhere", author="Di", **person)

        report = pull_for_site(PREVIEW_SETTINGS, content, isso_url)
        folder = content / "comments" / first[0]
        assert sorted(p.relative_to(content / "comments").as_posix() for p in report.written) == [
            f"{first[0]}/isso-1.md", f"{first[0]}/isso-2.md", f"{first[0]}/isso-3.md",
            f"{second[0]}/isso-4.md",
        ]
        top = read_back((folder / "isso-1.md").read_text(), "isso-1", first[0])
        assert (top.author, top.url, top.reply_to) == ("Ann", "https://ann.example/", "")
        assert top.body == "Top *one*\n\n- a\n- b"  # as typed, not isso's HTML
        assert read_back((folder / "isso-2.md").read_text(), "isso-2").reply_to == "isso-1"
        # isso nests one level: a reply to a reply is stored under the top comment.
        assert read_back((folder / "isso-3.md").read_text(), "isso-3").reply_to == "isso-1"

        (folder / "isso-2.md").write_text("Author: Bo\nDate: 2026-01-01\nStatus: spam\n\nA reply\n")
        again = pull_for_site(PREVIEW_SETTINGS, content, isso_url)
        assert again.written == []
        assert [p.name for p in again.kept_local_edits] == ["isso-2.md"]
        assert "Status: spam" in (folder / "isso-2.md").read_text()


def test_comments_awaiting_moderation_are_not_pulled(tmp_path):
    content = copy_content(tmp_path)
    uri = next(iter(post_urls(content).values()))
    with running_isso(tmp_path / "isso", moderation=True) as isso_url:
        status, _ = isso_post(isso_url, uri, text="Wait for me", author="Ed",
                              email="ed@example.org", title="A post")
        assert status == 202
        report = pull_for_site(PREVIEW_SETTINGS, content, isso_url)
    assert report.written == []


def test_no_isso_url_is_a_clear_error(tmp_path):
    with pytest.raises(PullError, match="pass --isso-url or set COMMENTS_ISSO_URL"):
        pull_for_site(PREVIEW_SETTINGS, copy_content(tmp_path))
