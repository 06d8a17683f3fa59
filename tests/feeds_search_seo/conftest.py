"""Extra builds for blog features that depend on a setting or on the clock.

Each is a plain Pelican run (no search index), built once per session.
"""

import json
from datetime import UTC, datetime

import pytest

from pressless.tools.build import run_pelican
from tests.fixtures.blog import PREVIEW_SETTINGS, PUBLISH_SETTINGS

from ..conftest import BuiltSite

# Scheduled posts depend on "now": pin it on both sides of the example
# scheduled post's date so these tests do not change meaning over time.
BEFORE = datetime(2026, 12, 1, tzinfo=UTC)
AFTER = datetime(2027, 2, 1, tzinfo=UTC)


def build_with(tmp_path_factory, settings_file, **overrides):
    output = tmp_path_factory.mktemp("blog-features") / "output"
    pairs = [f"{name}={json.dumps(value)}" for name, value in overrides.items()]
    run_pelican(settings_file, output, ["--extra-settings", *pairs])
    return BuiltSite(output)


@pytest.fixture(scope="session")
def publish_before_schedule(tmp_path_factory):
    return build_with(tmp_path_factory, PUBLISH_SETTINGS, SCHEDULED_POSTS_NOW=BEFORE.isoformat())


@pytest.fixture(scope="session")
def publish_after_schedule(tmp_path_factory):
    return build_with(tmp_path_factory, PUBLISH_SETTINGS, SCHEDULED_POSTS_NOW=AFTER.isoformat())


@pytest.fixture(scope="session")
def preview_before_schedule(tmp_path_factory):
    return build_with(tmp_path_factory, PREVIEW_SETTINGS, SCHEDULED_POSTS_NOW=BEFORE.isoformat())


@pytest.fixture(scope="session")
def summaries_and_custom_pages(tmp_path_factory):
    """A publish build with summary-only feeds and /p/N/ pagination."""
    return build_with(
        tmp_path_factory,
        PUBLISH_SETTINGS,
        FEEDS_SUMMARY_ONLY=True,
        PAGINATION_PATTERNS=[
            [1, "{url}", "{save_as}"],
            [2, "{base_name}/p/{number}/", "{base_name}/p/{number}/index.html"],
        ],
    )
