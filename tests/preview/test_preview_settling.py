"""A save that comes while the model settles is not kept waiting for the whole rebuild."""

import time

import pytest

from pressless.tools.build import build_site

from .helpers import LiveListener, PreviewProcess, post_text, save, site_files, url_of, write_fixture_site

# A plugin of the test's own: while `slow-once` exists, every rebuild spends
# STEP_SECONDS in all_generators_finalized and the first one to get as far as
# `finalized` spends LAST_STEP_SECONDS there and takes the file away: a
# rebuild slow in several steps, as on a blog of thousands of posts.
SLOW_PLUGIN = '''
import pathlib
import time

from pelican import signals

FLAG = pathlib.Path({flag!r})


def slow_step(generators):
    if FLAG.exists():
        time.sleep({step})


def slow_last_step(pelican):
    if FLAG.exists():
        FLAG.unlink()
        time.sleep({last})


def register():
    signals.all_generators_finalized.connect(slow_step)
    signals.finalized.connect(slow_last_step)
'''
STEP_SECONDS, LAST_STEP_SECONDS = 2, 5


@pytest.fixture
def slow_settling_site(tmp_path):
    """(content folder, the flag that makes the next settling slow, preview, listener)."""
    settings, content = write_fixture_site(tmp_path / "blog")
    flag = tmp_path / "slow-once"
    (tmp_path / "test_plugins").mkdir()
    (tmp_path / "test_plugins" / "slow_settle.py").write_text(
        SLOW_PLUGIN.format(flag=str(flag), step=STEP_SECONDS, last=LAST_STEP_SECONDS))
    plugin_path = str(tmp_path / "test_plugins")
    settings.write_text(settings.read_text() + f"PLUGIN_PATHS = [{plugin_path!r}]\n"
                        "PLUGINS = [*PLUGINS, 'slow_settle']\n")
    preview = PreviewProcess(settings, tmp_path / "preview-output")
    try:
        preview.wait_until_serving()
        listener = LiveListener(preview.live_port)
        listener.wait_for("pressless-search-updated")
        yield settings, content, flag, preview, listener
    finally:
        preview.stop()


def assert_served_as_built(settings, preview, folder):
    expected = site_files(build_site(settings, folder))
    for relative, data in expected.items():
        if relative.startswith("pagefind/"):
            continue
        status, body = preview.get(url_of(relative))
        assert status == 200 and preview.without_client(body) == data, relative


def test_a_save_while_settling_stops_the_settling_and_is_quick(slow_settling_site, tmp_path):
    settings, content, flag, preview, listener = slow_settling_site
    posts = content / "posts"
    flag.write_text("")
    listener.drain()
    text = (posts / "rye-bread-week.md").read_text()
    save(posts / "rye-bread-week.md", text.replace("Summary: All", "Summary: Nearly all"))
    listener.wait_for("reload")
    time.sleep(0.5)  # settling has started and is in the slow step
    saved = time.monotonic()
    text = (posts / "mulch-before-frost.md").read_text()
    save(posts / "mulch-before-frost.md", text.replace("Tags: soil, winter, trees", "Tags: soil, mulch"))
    when, _ = listener.wait_for("reload")
    listener.wait_for("pressless-search-updated")
    log = preview.log.read_text()
    # Both saves were quick updates, and one settling served both: the
    # first stopped after its slow step for the second save, which
    # never waited for the last step.
    assert log.count("page updated (the rest follows)") == 2, log
    assert log.count("settled in") == 1, log
    assert when - saved < STEP_SECONDS + 3  # the last step would add LAST_STEP_SECONDS more
    assert_served_as_built(settings, preview, tmp_path / "full" / "output")


def test_a_new_post_deleted_before_the_site_settles(slow_settling_site, tmp_path):
    settings, content, flag, preview, listener = slow_settling_site
    new_post = content / "posts" / "seed-catalogue.md"
    flag.write_text("")
    listener.drain()
    save(new_post, post_text("Seed Catalogue", "2024-08-01 08:00", "Garden", ["winter"], "What to order."))
    listener.wait_for("reload")
    status, _ = preview.get("/2024/08/01/seed-catalogue/")
    assert status == 200
    time.sleep(0.5)  # settling has started and is in the slow step
    new_post.unlink()
    listener.wait_for("reload")
    assert preview.get("/2024/08/01/seed-catalogue/")[0] == 404
    listener.wait_for("pressless-search-updated")
    log = preview.log.read_text()
    assert log.count("page updated (the rest follows)") == 2 and log.count("settled in") == 1, log
    assert_served_as_built(settings, preview, tmp_path / "full" / "output")
