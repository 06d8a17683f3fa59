"""Pelican settings the theme relies on: a bad one stops the build with one line (issue 15, defect 6)."""

import pytest

from plugins.site_settings.checks import check_settings
from pressless.core.config import SettingsError
from tests.fixtures.blog import PREVIEW_SETTINGS
from tests.site_model.helpers import assert_one_line_error, post, run_build


@pytest.mark.parametrize(
    ("settings", "expected"),
    [
        (['SITEURL=""'], "SITEURL is empty, but canonical links, feeds and share links are absolute"),
        (['SITEURL=""', "RELATIVE_URLS=false"],
         "SITEURL is empty, but a publish build (RELATIVE_URLS = False) makes every link absolute"),
        (['SITEURL="blog.example.org"'], "SITEURL 'blog.example.org' is not an absolute http"),
        (['FEED_DOMAIN="/feeds"'], "FEED_DOMAIN '/feeds' is not an absolute http"),
        (["DEFAULT_PAGINATION=-1"], "DEFAULT_PAGINATION must be a whole number of posts per page"),
        (["DEFAULT_PAGINATION=0"], "DEFAULT_PAGINATION must be a whole number of posts per page, at least 1, "
                                   "or False for one page of every post; not 0"),
        (['DEFAULT_PAGINATION="10"'], "or False for one page of every post; not '10'"),
        (["PAGINATION_PATTERNS=[]"], "PAGINATION_PATTERNS must be (number, url, save_as) rows"),
        (['TIMEZONE="Mars/Olympus"'], "TIMEZONE 'Mars/Olympus' is not a timezone name"),
        (["DEFAULT_DATE_FORMAT=5"], "DEFAULT_DATE_FORMAT must be text, not 5"),
        (['RELATIVE_URLS="no"'], "RELATIVE_URLS must be True or False, not 'no'"),
        (['INDEX_SAVE_AS=""'], "INDEX_SAVE_AS must not be empty"),
        (['DEFAULT_LANG="english please"'], "DEFAULT_LANG 'english please' is not a language code"),
        (['JINJA_ENVIRONMENT={"autoescape": false}'], "JINJA_ENVIRONMENT must keep 'autoescape': True"),
    ],
)
def test_a_setting_the_theme_cannot_work_with_stops_the_build(tmp_path, settings, expected):
    code, log, _ = run_build(tmp_path, {"posts/a.md": post("A")}, settings=settings)
    assert_one_line_error(code, log, expected)
    naming = [line for line in log.splitlines() if expected.split(",")[0] in line]
    assert len(naming) == 1 and "site_settings: " in naming[0], log
    assert not (tmp_path / "output").exists(), "nothing was read or written"


def test_good_settings_pass_and_say_which_build_this_is():
    from pelican.settings import read_settings

    settings = read_settings(str(PREVIEW_SETTINGS))
    checked = check_settings(settings)
    assert (checked.publish, checked.site_url, checked.pagination) == (False, "http://127.0.0.1:8000", 10)
    published = check_settings({**settings, "RELATIVE_URLS": False, "DEFAULT_PAGINATION": False})
    assert (published.publish, published.pagination) == (True, None)
    with pytest.raises(SettingsError, match="SITEURL is empty, but a publish build"):
        check_settings({**settings, "RELATIVE_URLS": False, "SITEURL": ""})


def test_a_local_address_builds_a_publish_build(tmp_path):
    # Building the public site for a look on this machine is allowed; `invoke publish` refuses it.
    code, log, site = run_build(tmp_path, {"posts/a.md": post("A")}, settings=["RELATIVE_URLS=false"])
    assert code == 0, log
    canonical = site.soup("/2026/01/10/a/").select_one('link[rel="canonical"]')["href"]
    assert canonical == "http://127.0.0.1:8000/2026/01/10/a/"
