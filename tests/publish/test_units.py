"""The pure parts of publishing: target addresses, release ids, plans, cache and type rules."""

from datetime import UTC, datetime

import pytest

from pressless.core.hosting import cache_control, content_type
from pressless.tools.publish import releases
from pressless.tools.publish.errors import PublishError
from pressless.tools.publish.plan import compare, git_blob_of
from pressless.tools.publish.settings import site_url_problem
from pressless.tools.publish.targets import parse_target


def test_target_addresses():
    ssh = parse_target("ssh://deploy@example.org:2222/srv/blog/")
    parts = (ssh.kind, ssh.user, ssh.host, ssh.port, ssh.path)
    assert parts == ("ssh", "deploy", "example.org", 2222, "/srv/blog")
    assert str(ssh) == "ssh://deploy@example.org:2222/srv/blog"
    assert parse_target("file:///srv/blog").path == "/srv/blog"
    assert parse_target("github-pages").remote == "origin"
    assert parse_target("github-pages:git@github.com:me/blog.git").remote == "git@github.com:me/blog.git"
    s3 = parse_target("s3://bucket/blog/")
    assert (s3.host, s3.path) == ("bucket", "blog/")
    assert parse_target("s3://bucket").path == ""


@pytest.mark.parametrize("address, problem", [
    ("", "no publish target"),
    ("ftp://example.org/blog", "unknown kind of target"),
    ("file://relative/blog", "file:///absolute/path"),
    ("file:///", "would replace the whole disk"),
    ("ssh://example.org", "ssh://user@host"),
    ("ssh://example.org:port/srv", "port is not a number"),
    ("s3:///prefix", "s3://bucket"),
])
def test_bad_target_addresses_say_what_to_write(address, problem):
    with pytest.raises(PublishError, match=problem):
        parse_target(address)


def test_site_url_problems():
    assert site_url_problem("https://blog.example.org") is None
    assert site_url_problem("https://maren.github.io/blog/") is None
    for url in ("", "  ", "pressless.example", "http://127.0.0.1:8000", "http://localhost",
                "http://blog.localhost", "https://pressless.example", "https://www.pressless.example/"):
        assert site_url_problem(url), url


def test_release_ids_sort_by_time_even_when_the_clock_goes_back():
    first = releases.new_release_id(datetime(2026, 3, 1, 12, 0, tzinfo=UTC))
    earlier_clock = releases.new_release_id(datetime(2026, 2, 1, tzinfo=UTC), existing=[first, "x.partial"])
    assert earlier_clock > first
    names = ["20260101T000000.000000Z", "20260102T000000.000000Z", "20260103T000000.000000Z", "a.partial"]
    assert releases.to_delete(names, current="20260101T000000.000000Z", keep=1) == [
        "20260102T000000.000000Z", "a.partial"], "never the live one"
    assert releases.previous(names, "20260103T000000.000000Z") == "20260102T000000.000000Z"
    assert releases.previous(names, "20260101T000000.000000Z") is None


def test_plan_and_git_blob_ids():
    plan = compare({"a": "1", "b": "2", "c": "3"}, {"a": "1", "b": "x", "d": "4"})
    assert (plan.added, plan.changed, plan.deleted, plan.unchanged) == (["c"], ["b"], ["d"], 1)
    assert plan.lines() == ["+ c", "~ b", "- d", "1 added, 1 changed, 1 deleted, 1 unchanged"]
    assert git_blob_of(b"") == "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391"  # git's empty blob


def test_cache_and_content_types_by_kind():
    assert cache_control("index.html") == "public, max-age=0, must-revalidate"
    assert cache_control("pagefind/fragment/en_1.pf_fragment").endswith("immutable")
    assert cache_control("pagefind/pagefind.js") == "public, max-age=0, must-revalidate"
    assert cache_control("theme/css/style.css") == "public, max-age=86400"
    assert content_type("feed/atom.xml") == "application/atom+xml; charset=utf-8"
    assert content_type("feed/index.xml") == "application/xml; charset=utf-8"
    assert content_type("pagefind/wasm.en.pagefind") == "application/wasm"
    assert content_type("images/photo.png") == "image/png"
    assert content_type("_redirects") == "application/octet-stream"
