"""Two builds of the same content are byte-identical, every file (issue 15, defect 8).

The test blog is built twice, through the same atomic build `invoke build`
uses (Pagefind included), a few seconds apart and into differently named
folders: anything stamped with the build time, or with where the site was
built, shows up as a difference. Nothing is excluded.
"""

import hashlib
import time

import pytest

from pressless.tools.build import build_site
from tests.fixtures.blog import PREVIEW_SETTINGS, PUBLISH_SETTINGS


def digests(folder):
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.mark.parametrize("settings", [PREVIEW_SETTINGS, PUBLISH_SETTINGS], ids=["preview", "publish"])
def test_two_builds_of_the_same_content_are_byte_identical(tmp_path, settings):
    first = digests(build_site(settings, tmp_path / "one"))
    time.sleep(1.1)  # a clock read at build time would now say another second
    second = digests(build_site(settings, tmp_path / "two"))
    assert len(first) > 100
    assert sorted(first) == sorted(second), "the same files"
    changed = sorted(name for name in first if first[name] != second[name])
    assert changed == [], f"{len(changed)} files differ, e.g. {changed[:5]}"
