"""The test blog built in German and in Arabic, once per session, and served over HTTP."""

import pytest

from pressless.tools.build import build_site
from tests.conftest import BuiltSite, serve_folder
from tests.fixtures.blog import ROOT

# A post with eight comments, the reply form (mailto) and the share row.
POST_WITH_COMMENTS = "/2026/04/05/keeping-comments-on-a-static-blog/"


def build_in(language, folder, extra=""):
    settings = folder / "settings.py"
    settings.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\n"
        "from tests.fixtures.blog.preview_settings import *  # noqa: F403\n"
        f"DEFAULT_LANG = {language!r}\n{extra}",
        encoding="utf-8",
    )
    build_site(str(settings), str(folder / "output"))
    return BuiltSite(folder / "output")


@pytest.fixture(scope="session")
def blog_de(tmp_path_factory):
    return build_in("de", tmp_path_factory.mktemp("blog-de"))


@pytest.fixture(scope="session")
def blog_ar(tmp_path_factory):
    return build_in("ar", tmp_path_factory.mktemp("blog-ar"))


@pytest.fixture(scope="session")
def blog_by_language(blog_de, blog_ar):
    return {"de": blog_de, "ar": blog_ar}


@pytest.fixture(scope="session")
def blog_ar_url(blog_ar):
    with serve_folder(blog_ar.root) as url:
        yield url


@pytest.fixture(scope="session")
def blog_de_url(blog_de):
    with serve_folder(blog_de.root) as url:
        yield url
