"""Comment HTML kept between builds: the same safe HTML, rendered once per version of a body."""

import json

from plugins.comments.html_cache import CACHE_FILE, RenderedComments
from plugins.comments.sanitize import render_comment_body

BODY = "Thanks for the *recipe*!\n\n<script>alert(1)</script> [link](javascript:alert(1))"


def test_a_body_is_rendered_once_and_read_back_the_same(tmp_path):
    first = RenderedComments(tmp_path)
    html = first.html(BODY)
    assert html == render_comment_body(BODY)
    assert "<script" not in html and "javascript:" not in html
    first.save()

    second = RenderedComments(tmp_path)
    assert second.html(BODY) == html
    assert second.render is None  # served from the file: no Markdown converter was even made


def test_only_the_bodies_of_this_build_are_kept(tmp_path):
    first = RenderedComments(tmp_path)
    first.html("old comment")
    first.html(BODY)
    first.save()
    second = RenderedComments(tmp_path)
    second.html(BODY)
    second.save()
    kept = json.loads((tmp_path / CACHE_FILE).read_text())["html"]
    assert list(kept.values()) == [str(render_comment_body(BODY))]


def test_another_renderer_version_or_a_broken_file_renders_again(tmp_path):
    (tmp_path / CACHE_FILE).write_text(json.dumps({"version": "older", "html": {"x": "stale"}}))
    assert RenderedComments(tmp_path).known == {}
    (tmp_path / CACHE_FILE).write_text('{"version": "cut sh')
    rendered = RenderedComments(tmp_path)
    assert rendered.html(BODY) == render_comment_body(BODY)


def test_a_cache_entry_is_only_used_for_its_own_text(tmp_path):
    first = RenderedComments(tmp_path)
    first.html("one")
    first.save()
    assert RenderedComments(tmp_path).html("two") == render_comment_body("two")


def test_bodies_rendered_ahead_in_other_processes_are_the_ones_rendered_here(tmp_path):
    bodies = [f"Comment *{number}* with <b>bold</b> and <script>x()</script>" for number in range(300)]
    ahead = RenderedComments(tmp_path)
    ahead.render_ahead(bodies, processes=2)
    assert len(ahead.rendered_ahead) == len(bodies)
    assert [ahead.html(body) for body in bodies] == [render_comment_body(body) for body in bodies]
    assert ahead.render is None  # nothing was left to render here
    ahead.save()
    assert RenderedComments(tmp_path).known == {key: str(html) for key, html in ahead.used.items()}
