"""Installs are reproducible: the locks pin every package, with hashes (issue 15).

requirements*.txt hold the top-level pins we choose; requirements*.lock,
made from them by `invoke lock` (pip-compile), are what scripts/install.sh
installs. These tests fail when a pin is added without refreshing the lock,
when a package in the lock pulls in one that is not locked, or when a lock
entry has no hash.
"""

import re
from importlib import metadata

from packaging.requirements import Requirement

from pressless.tools.locks import LOCKS, normal_name, pins, stale_pins
from tests.fixtures.blog import ROOT

HASHED_ENTRY = re.compile(
    r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)((?:\s*\\\n\s+--hash=sha256:[0-9a-f]{64})+)", re.M
)


def read(name):
    return (ROOT / name).read_text(encoding="utf-8")


def top_level(name):
    """The Requirements a top-level file names, following its `-r` includes."""
    found = []
    for line in read(name).splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("-r "):
            found += top_level(line[3:].strip())
        elif line:
            found.append(Requirement(line))
    return found


def test_every_top_level_pin_is_in_its_lock_at_the_same_version():
    for chosen, lock, _ in LOCKS:
        assert stale_pins(read(chosen), read(lock)) == [], f"run `invoke lock`: {lock} is behind {chosen}"


def test_every_locked_package_is_pinned_with_hashes():
    for _, lock, _ in LOCKS:
        text = read(lock)
        hashed = {normal_name(m.group(1)) for m in HASHED_ENTRY.finditer(text)}
        assert hashed == set(pins(text)), f"{lock}: entries without a hash: {set(pins(text)) - hashed}"
        assert len(hashed) > 30


def test_the_blogs_lock_agrees_with_the_tests_lock():
    blog, tests = pins(read("requirements.lock")), pins(read("requirements-test.lock"))
    assert set(blog) <= set(tests)
    assert {name: blog[name] for name in blog} == {name: tests[name] for name in blog}


def test_everything_a_locked_package_needs_is_locked_too():
    # Walk the dependency tree from the top-level pins through the installed
    # packages' metadata (the test environment is installed from this lock).
    locked = pins(read("requirements-test.lock"))
    todo = [(req, frozenset(req.extras)) for req in top_level("requirements-test.txt")]
    seen, missing = set(), []
    while todo:
        requirement, extras = todo.pop()
        name = normal_name(requirement.name)
        if (name, extras) in seen:
            continue
        seen.add((name, extras))
        if name not in locked:
            missing.append(name)
            continue
        assert metadata.version(requirement.name) == locked[name], f"{name} is not installed as locked"
        for line in metadata.requires(requirement.name) or []:
            needed = Requirement(line)
            environments = [{"extra": extra} for extra in extras] or [{"extra": ""}]
            if needed.marker is None or any(needed.marker.evaluate(env) for env in environments):
                todo.append((needed, frozenset(needed.extras)))
    assert missing == [], f"needed but not locked: {sorted(set(missing))}"


def test_a_pin_missing_from_the_lock_is_named():
    lock = "pelican==4.12.0 \\\n    --hash=sha256:" + "0" * 64 + "\n"
    assert stale_pins("pelican==4.12.0\nNew_Package[extra]==1.2\n", lock) == [("new-package", "1.2", None)]
    assert stale_pins("pelican==4.13.0\n", lock) == [("pelican", "4.13.0", "4.12.0")]
