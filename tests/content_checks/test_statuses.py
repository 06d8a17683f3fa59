"""Status: hidden posts are built but listed nowhere; metadata shows as written."""

import shutil

import pytest

from pressless.tools.build import build_site
from tests.fixtures.blog import CONTENT
from tests.fixtures.blog.metadata import ROOT

HIDDEN_POST = """Title: A Hidden Note
Date: 2026-05-05 12:00
Category: Notes
Tags: secret-tag
Authors: Maren Holt, Tomás Ferreira
Status: hidden
Slug: a-hidden-note
Summary: Only people with the link read this.

Nobody finds this from the front page.
"""


@pytest.fixture(scope="module")
def hidden_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hidden")
    content = folder / "content"
    shutil.copytree(CONTENT, content)
    (content / "posts" / "a-hidden-note.md").write_text(HIDDEN_POST)
    settings = folder / "settings.py"
    settings.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\nPATH = {str(content)!r}\n"
    )
    return build_site(settings, folder / "output")


def test_hidden_post_is_built(hidden_site):
    page = (hidden_site / "2026" / "05" / "05" / "a-hidden-note" / "index.html").read_text()
    assert "Nobody finds this" in page
    assert "Tomás Ferreira" in page


def test_hidden_post_is_listed_nowhere(hidden_site):
    for file in hidden_site.rglob("*"):
        if file.suffix not in {".html", ".xml", ".json"} or "a-hidden-note" in file.parts:
            continue
        assert "a-hidden-note" not in file.read_text(encoding="utf-8"), file
    assert not (hidden_site / "tag" / "secret-tag").exists()
