"""A second build with every network, pages shared and an X handle.

Built once per session with Pelican's --extra-settings, from the same
content and pelicanconf.py as the `site` fixture.
"""

import json

import pytest

from plugins.share_buttons.networks import NETWORKS
from pressless.tools.build import run_pelican
from tests.conftest import ROOT, BuiltSite, serve_folder  # noqa: F401 (ROOT: for the tests)
from tests.fixtures.blog import PREVIEW_SETTINGS

# Every network, in an order unlike the default one.
ALL_NETWORKS = sorted(NETWORKS, reverse=True)
ALL_NETWORKS_SETTINGS = {
    "SHARE_BUTTONS": ALL_NETWORKS,
    "SHARE_BUTTONS_ON_PAGES": True,
    "SHARE_BUTTONS_X_VIA": "@pressless",
    "SHARE_BUTTONS_LABEL": "Pass it on:",
}


def extra_settings(overrides):
    return ["--extra-settings", *(f"{key}={json.dumps(value)}" for key, value in overrides.items())]


@pytest.fixture(scope="session")
def all_networks_site(tmp_path_factory):
    output = tmp_path_factory.mktemp("share-all") / "output"
    run_pelican(PREVIEW_SETTINGS, output, extra_settings(ALL_NETWORKS_SETTINGS))
    return BuiltSite(output)


@pytest.fixture(scope="session")
def all_networks_url(all_networks_site):
    with serve_folder(all_networks_site.root) as url:
        yield url
