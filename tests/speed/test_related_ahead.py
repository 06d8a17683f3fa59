"""Related posts chosen by forked copies while Pelican goes on (plugins/related_posts), in a real build.

A blog of generated posts (bench/corpus.py) is built with the choice in
Pelican's process only, then with copies started as soon as the posts are
read: Pelican's process chooses nothing itself, and every post lists the
same related posts.
"""

import sys

from bs4 import BeautifulSoup

from ..build.helpers import ROOT, build
from .helpers import with_fixture_plugin

sys.path.insert(0, str(ROOT / "bench"))
import corpus  # bench/ is not a package

POSTS = 240  # past pressless.core.forked.LEAST_ITEMS (200), below which nothing is forked
SETTINGS = """import sys
sys.path.insert(0, {root!r})
from pelicanconf import *  # noqa
PATH = {content!r}
CACHE_PATH = {cache!r}
RELATED_POSTS_PROCESSES = {processes}
SEARCH_INDEX = False
"""


def built(folder, processes):
    note = folder / f"chosen-here-{processes}.txt"
    settings = folder / f"settings-{processes}.py"
    settings.write_text(SETTINGS.format(root=str(ROOT), content=str(folder / "content"),
                                        cache=str(folder / f"cache-{processes}"), processes=processes),
                        encoding="utf-8")
    output = folder / f"site-{processes}"
    returncode, log = build(with_fixture_plugin(settings, "note_related_choices", to=note), output)
    assert returncode == 0, log
    return output, int(note.read_text(encoding="utf-8"))


def related_lists(output):
    """{post page: the titles its related-posts list shows}, for every post page that has one."""
    lists = {}
    for page in output.glob("[0-9]*/*/*/*/index.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        section = soup.select_one(".related-posts")
        if section is not None:
            lists[page.relative_to(output).as_posix()] = [link.get_text(" ", strip=True)
                                                          for link in section.select("a")]
    return lists


def test_copies_started_when_the_posts_are_read_choose_them_all(tmp_path):
    corpus.generate(tmp_path, POSTS, 1)
    alone, chosen_alone = built(tmp_path, processes=1)
    ahead, chosen_here = built(tmp_path, processes=2)
    assert chosen_alone >= POSTS
    assert chosen_here == 0, "Pelican's process chose related posts the copies had chosen"
    lists = related_lists(ahead)
    assert len(lists) >= POSTS * 0.9 and sum(map(len, lists.values())) > POSTS
    assert lists == related_lists(alone)
