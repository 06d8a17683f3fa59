"""Saves as editors make them: a file emptied first and written a moment later is read once written."""

import time

from .helpers import previewed_fixture_site

POST_URL = "/2024/02/10/sourdough-starter-notes/"


def test_a_save_in_place_is_read_when_its_text_has_arrived(tmp_path):
    with previewed_fixture_site(tmp_path) as (_, content, preview, listener):
        listener.wait_for("pressless-search-updated")
        post = content / "posts" / "sourdough-starter-notes.md"
        text = post.read_text(encoding="utf-8").replace("A second part.", "A second part, saved in place.")
        listener.drain()
        with post.open("w", encoding="utf-8") as file:
            file.flush()  # the file is empty on disk now, as while an editor writes it
            time.sleep(0.2)  # longer than the watcher takes to report a change
            file.write(text)
        # Read while empty, the post would have been an error (no title) first.
        first = listener.messages.get(timeout=60)[1]
        assert first["command"] == "reload" and first["path"] == POST_URL, first
        status, body = preview.get(POST_URL)
        assert status == 200 and b"A second part, saved in" in body  # Typogrify binds the last words
        assert "title" not in preview.log.read_text()
