"""A static file saved, added or deleted beside the posts: taken with the model kept, unless the model
measured it or a post links to a deleted one."""

import io

import pytest
from PIL import Image

from .helpers import (
    LiveListener,
    PreviewProcess,
    assert_index_kept,
    save,
    wait_for_the_live_client,
    write_fixture_site,
)
from .test_preview_matches_build import assert_served_like, assert_written_like, full_build

POST = "content/posts/compost-in-spring.md"


def png(width, height, colour):
    data = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(data, "PNG")
    return data.getvalue()


@pytest.fixture
def site_with_images(tmp_path):
    settings, content = write_fixture_site(tmp_path / "blog")
    images = content / "images"
    images.mkdir()
    (images / "garden.png").write_bytes(png(40, 30, "green"))
    (images / "cover.png").write_bytes(png(60, 40, "brown"))
    (images / "old.png").write_bytes(png(20, 20, "grey"))
    post = tmp_path / "blog" / POST
    text = post.read_text(encoding="utf-8")
    # Shown in a post's text; a post's featured image (its size is in the meta tags); linked by none.
    shown = "![The garden]({static}/images/garden.png)"
    text = text.replace("\n\n", f"\nImage: images/cover.png\n\n{shown}\n\n", 1)
    post.write_text(text, encoding="utf-8")
    yield tmp_path, settings, images


def url_of_file(url):
    return url.lstrip("/") + ("index.html" if url.endswith("/") else "")


def static_updates(preview):
    return preview.log.read_text().count("preview: static files updated in")


def test_static_files_are_copied_with_the_model_kept_unless_it_measured_them(site_with_images):
    tmp_path, settings, images = site_with_images
    post = tmp_path / "blog" / POST
    preview = PreviewProcess(settings, tmp_path / "output")
    try:
        preview.wait_until_serving()
        listener = LiveListener(preview.live_port)
        listener.wait_for("pressless-search-updated")
        edits = [
            # (name, edit, URL served, whether the model is kept)
            ("new image", lambda: (images / "new.png").write_bytes(png(10, 10, "red")),
             "/images/new.png", True),
            # The new image is in the model: a post's {static} link to it resolves at once.
            ("post links it", lambda: save(post, post.read_text().replace(
                "begins here.", "begins here. ![New]({static}/images/new.png)")),
             "/2024/05/25/compost-in-spring/", False),
            ("shown image", lambda: (images / "garden.png").write_bytes(png(80, 60, "blue")),
             "/images/garden.png", True),
            ("featured image", lambda: (images / "cover.png").write_bytes(png(120, 90, "black")),
             "/images/cover.png", False),
            # Deleted, and linked to by no post: taken out with the model kept.
            ("image deleted", lambda: (images / "old.png").unlink(), "/images/old.png", True),
        ]
        for name, make_edit, url, kept in edits:
            updates_before = static_updates(preview)
            listener.drain()
            make_edit()
            _, message = listener.wait_for("reload")
            if kept:
                assert message["path"] == url and message["liveImg"] is True, name
            status, body = preview.get(url)
            expected = full_build(tmp_path, settings, name.replace(" ", "-"))
            if url_of_file(url) in expected:
                assert status == 200 and preview.without_client(body) == expected[url_of_file(url)], name
            else:
                assert status == 404, name
            assert_served_like(expected, preview)
            if kept:
                assert_index_kept(preview, listener)
            else:
                listener.wait_for("pressless-search-updated")
            assert_written_like(expected, preview)
            assert static_updates(preview) - updates_before == (1 if kept else 0), name
        # The featured image's new size reached the post's meta tags (the model was made again).
        status, page = preview.get("/2024/05/25/compost-in-spring/")
        assert b'<meta property="og:image:width" content="120">' in page
        # An image a post links to, deleted: the post and the link are named.
        (images / "new.png").unlink()
        _, message = listener.wait_for("pressless-error")
        assert [(problem["path"], problem["line"]) for problem in message["problems"]] == [(str(post), 10)]
        assert "links to {static}/images/new.png, which is not a file" in message["problems"][0]["message"]
    finally:
        preview.stop()


@pytest.mark.browser
def test_a_saved_image_is_loaded_again_in_the_open_page_without_a_reload(site_with_images, page):
    tmp_path, settings, images = site_with_images
    preview = PreviewProcess(settings, tmp_path / "output")
    try:
        preview.wait_until_serving()
        wait_for_the_live_client(page, f"http://127.0.0.1:{preview.port}/2024/05/25/compost-in-spring/")
        image = page.locator("img[alt='The garden']")
        assert image.evaluate("image => image.naturalWidth") == 40
        page.evaluate("window.stillTheSamePage = true")
        (images / "garden.png").write_bytes(png(80, 60, "blue"))
        page.wait_for_function("document.querySelector(\"img[alt='The garden']\").naturalWidth === 80",
                               timeout=20000)
        assert page.evaluate("window.stillTheSamePage === true"), "the page was reloaded"
    finally:
        preview.stop()
