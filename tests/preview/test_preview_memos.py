"""What the preview's next model takes from the last one instead of working it out again.

A title edit makes the model settle: every plugin runs again over every post.
Work whose inputs did not change is not done again: related posts are
chosen again only after a post's tags, category or date changed.
"""

from pressless.tools.build import build_site

from ..speed.helpers import with_fixture_plugin
from .helpers import (
    LiveListener,
    PreviewProcess,
    post_text,
    save,
    site_files,
    wait_for_settling,
    write_fixture_site,
)

POSTS = 6  # write_fixture_site's


def test_related_posts_are_chosen_again_only_when_what_they_depend_on_changed(tmp_path):
    settings, content = write_fixture_site(tmp_path / "blog")
    note = tmp_path / "chosen.txt"
    with_fixture_plugin(settings, "note_related_choices", to=note)
    preview = PreviewProcess(settings, tmp_path / "output")

    def chosen():
        return int(note.read_text(encoding="utf-8"))

    def edit(**headers):
        settled = preview.log.read_text().count("settled in")
        save(post, post_text(**{**fields, **headers}))
        listener.wait_for("reload")
        wait_for_settling(preview, settled)
        fields.update(headers)

    post = content / "posts" / "rye-bread-week.md"
    fields = {"title": "Rye Bread Week", "date": "2024-04-20 12:00", "category": "Kitchen",
              "tags": ["bread", "rye"], "body": "Rye bread begins here.", "summary": "All about rye bread."}
    try:
        preview.wait_until_serving()
        listener = LiveListener(preview.live_port)
        assert chosen() == POSTS
        # The quick update chooses the edited post's list (one); the settled model none.
        edit(title="Rye Bread, Week Two")
        assert chosen() == POSTS + 1
        # A new tag: every post may list other posts now, so the settled model chooses them all.
        edit(tags=["bread", "rye", "winter"])
        assert chosen() >= 2 * POSTS + 2
        build_site(settings, tmp_path / "built")
        served = site_files(preview.output)
        built = site_files(tmp_path / "built")
        for relative in built:
            if relative.endswith("/index.html") and relative[:4].isdigit():
                assert preview.without_client(served[relative]) == built[relative], relative
    finally:
        preview.stop()
