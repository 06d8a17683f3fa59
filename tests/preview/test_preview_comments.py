"""A comment file saved during the preview: the post's page first, a bad file named like a build names it."""

from bs4 import BeautifulSoup

from .helpers import previewed_fixture_site, save, wait_for_settling

QUICK_UPDATE = "page updated (the rest follows)"
POST_URL = "/2024/04/20/rye-bread-week/"


def comment_authors(preview):
    status, body = preview.get(POST_URL)
    assert status == 200
    page = BeautifulSoup(body, "lxml")
    return [name.get_text(strip=True) for name in page.select(".comment-author .fn")]


def test_a_comment_shows_on_its_post_at_once_and_a_broken_one_is_named(tmp_path):
    with previewed_fixture_site(tmp_path) as (_, content, preview, listener):
        folder = content / "comments" / "rye-bread-week"
        assert comment_authors(preview) == ["Lena"]

        listener.drain()
        save(folder / "c2.md", "Author: Jonas\nDate: 2024-04-22 09:00\n\nMore caraway next time.\n")
        _, message = listener.wait_for("reload")
        assert message["path"] == POST_URL
        assert comment_authors(preview) == ["Lena", "Jonas"]
        assert preview.log.read_text().count(QUICK_UPDATE) == 1

        # A comment file with a problem takes the whole rebuild, which warns
        # naming the file and line, as a build does; the comment is left out.
        listener.drain()
        save(folder / "c3.md", "Author: Ida\nDate: someday\n\nLovely.\n")
        listener.wait_for("reload")
        assert comment_authors(preview) == ["Lena", "Jonas"]
        log = preview.log.read_text()
        assert "comments/rye-bread-week/c3.md:2" in log
        assert log.count(QUICK_UPDATE) == 1

        listener.drain()
        (folder / "c2.md").unlink()
        (folder / "c3.md").unlink()
        listener.wait_for("reload")
        assert comment_authors(preview) == ["Lena"]


def comment_texts(preview, url_path):
    status, body = preview.get(url_path)
    assert status == 200
    return [text.get_text(" ", strip=True) for text in BeautifulSoup(body, "lxml").select(".comment-content")]


def test_an_edited_comment_stays_edited_once_the_site_settles(tmp_path):
    # The settled model reads only the comment files saved since the last one:
    # an edited file must be among them, on the post and in the recent comments.
    with previewed_fixture_site(tmp_path) as (_, content, preview, listener):
        assert comment_texts(preview, POST_URL) == ["Thanks for the recipe ."]
        settled = preview.log.read_text().count("settled in")
        save(content / "comments" / "rye-bread-week" / "c1.md",
             "Author: Lena\nDate: 2024-04-21 08:00\n\nThanks for the *caraway* tip.\n")
        listener.wait_for("reload")
        wait_for_settling(preview, settled)
        assert comment_texts(preview, POST_URL) == ["Thanks for the caraway tip."]
        assert "changed again once the site settled" not in preview.log.read_text()
