"""`invoke check` with the real tools: the example site passes, a broken copy fails.

Lighthouse runs once in the suite (on one post), the validator once per site
copy, axe on the listed pages only.
"""

import json
import os
import shutil

import pytest
from invoke import Context
from invoke.exceptions import Exit

import tasks
from pressless.tools.quality.site import DEFAULT_ACCESSIBILITY_PAGES, file_for, find_role, resolve_pages

pytestmark = pytest.mark.browser


def run_check(site_root, report_dir, **options):
    """Run the `check` task as `invoke check` does; (passed, JSON report by check name)."""
    try:
        tasks.check(Context(), site=str(site_root), report_dir=str(report_dir), **options)
        passed = True
    except Exit as error:
        assert error.code == 1
        passed = False
    report = json.loads((report_dir / "report.json").read_text())
    return passed, {entry["name"].split(" (")[0].split(" 1")[0]: entry for entry in report}


@pytest.fixture(scope="module")
def good_check(site, tmp_path_factory):
    # Search, 404 and comments come from other components: check those present.
    present = list(resolve_pages(site.root, DEFAULT_ACCESSIBILITY_PAGES)[0])
    return run_check(
        site.root,
        tmp_path_factory.mktemp("good-report"),
        axe_pages=",".join(present),
        lighthouse_pages="post",
        weight_pages="front,post",
    )


def test_example_site_passes_every_check(good_check, capsys):
    passed, checks = good_check
    failures = {name: check["failures"] for name, check in checks.items() if not check["ok"]}
    assert passed, failures
    assert set(checks) == {
        "HTML validator",
        "Internal links",
        "Feeds",
        "Accessibility",
        "Page weight",
        "Lighthouse",
    }


def test_pages_checked_include_each_kind(good_check):
    _, checks = good_check
    checked = checks["Accessibility"]["data"]
    for kind in ("front", "post", "page", "category"):
        assert any(kind in note for note in checks["Accessibility"]["notes"]), kind
    assert len(checked) >= 8  # four or more pages, light and dark
    assert checks["HTML validator"]["data"]["pages"] > 20
    assert checks["Internal links"]["data"]["internal_links"] > 1000
    assert checks["Feeds"]["data"]["feeds"]


def test_page_weight_reports_every_kind_and_keeps_the_post_light(good_check):
    _, checks = good_check
    weights = checks["Page weight"]["data"]
    post = weights["post"]["totals"]
    assert set(post) == {"html", "css", "js", "images", "fonts", "other", "all"}
    assert post["html"]["requests"] == 1 and post["css"]["requests"] >= 1
    assert post["all"]["transferred"] - post["images"]["transferred"] < 30_000
    assert all(not page["external"] for page in weights.values() if isinstance(page, dict))


def test_lighthouse_scores_are_reported(good_check):
    _, checks = good_check
    scores = checks["Lighthouse"]["data"]["post"]["scores"]
    assert set(scores) == {"performance", "accessibility", "best-practices", "seo"}
    assert all(0 <= score <= 100 for score in scores.values())
    assert any(note.startswith("post /") for note in checks["Lighthouse"]["notes"])


@pytest.fixture(scope="module")
def broken_site(site, tmp_path_factory):
    """A copy of the example site with one post broken four ways."""
    root = tmp_path_factory.mktemp("broken") / "output"
    shutil.copytree(site.root, root)
    post_url = find_role(root, "post")
    post = file_for(root, post_url)
    icon = os.path.relpath(root / "theme" / "img" / "icon.svg", post.parent)
    html = post.read_text(encoding="utf-8")
    taken_id = "entry-title"
    assert f'id="{taken_id}"' in html
    broken = (
        f'<img src="{icon}" width="16" height="16">'
        f'<p id="{taken_id}">Second element with the same id</p>'
        '<a href="../no-such-post/">A link to nowhere</a>'
        '<img src="https://images.example.com/x.png" alt="From another host">'
    )
    post.write_text(html.replace("</main>", broken + "</main>", 1), encoding="utf-8")
    return root, post_url


@pytest.fixture(scope="module")
def broken_check(broken_site, tmp_path_factory):
    root, _ = broken_site
    return run_check(
        root,
        tmp_path_factory.mktemp("broken-report"),
        lighthouse=False,
        axe_pages="post",
        weight_pages="post",
    )


def test_broken_page_fails_the_check(broken_check, capsys):
    passed, checks = broken_check
    assert not passed
    assert checks["Feeds"]["ok"]


def test_duplicate_id_and_missing_alt_reported_by_the_validator(broken_check, broken_site):
    _, checks = broken_check
    _, post_url = broken_site
    errors = checks["HTML validator"]["failures"]
    post_file = post_url.strip("/") + "/index.html"
    assert any(error.startswith(post_file) and "Duplicate ID “entry-title”" in error for error in errors), (
        errors
    )
    assert any(error.startswith(post_file) and "“alt” attribute" in error for error in errors)


def test_missing_alt_reported_by_axe(broken_check, broken_site):
    _, checks = broken_check
    _, post_url = broken_site
    violations = checks["Accessibility"]["failures"]
    assert any(v.startswith(f"{post_url} (light): image-alt") for v in violations), violations
    assert any(v.startswith(f"{post_url} (dark): image-alt") for v in violations)


def test_broken_link_reported_by_the_link_check(broken_check, broken_site):
    _, checks = broken_check
    _, post_url = broken_site
    assert checks["Internal links"]["failures"] == [f'{post_url}: <a href="../no-such-post/">: no such file']


def test_request_to_another_host_fails_page_weight(broken_check, broken_site):
    _, checks = broken_check
    _, post_url = broken_site
    assert (
        f"{post_url}: request to another host: https://images.example.com/x.png"
        in checks["Page weight"]["failures"]
    )


def test_a_publish_build_is_checked_at_its_own_address(published_site, tmp_path):
    """A publish build loads its CSS and scripts from SITEURL; the browser checks fetch them locally."""
    passed, checks = run_check(
        published_site.root, tmp_path, axe_pages="post", weight_pages="post", lighthouse=False
    )
    failures = {name: check["failures"] for name, check in checks.items() if not check["ok"]}
    assert passed, failures
    weight = checks["Page weight"]["data"]["post"]
    # The page asks for https://pressless.example/theme/css/style.css; it is answered locally.
    stylesheets = [r for r in weight["requests"] if r["url"].endswith("/theme/css/style.css")]
    assert len(stylesheets) == 1 and stylesheets[0]["status"] == 200
    assert weight["external"] == [] and weight["failed"] == []
    assert "https://pressless.example/theme/css/style.css" in published_site.text("/")
