"""The GitHub Actions workflow: when it runs, and that every command it runs exists and works."""

import re
import subprocess
import sys

from .fixture_site import ROOT, change_post, write_content, write_settings

WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"


def invoke(*args):
    return subprocess.run([sys.executable, "-m", "invoke", "--search-root", str(ROOT), *args],
                          capture_output=True, text=True, check=False)


def test_it_runs_on_push_and_daily_and_publishes_to_github_pages():
    text = WORKFLOW.read_text()
    assert re.search(r"^on:\n  push:\n", text, re.M)
    assert re.search(r'^  schedule:\n    - cron: "\d+ \d+ \* \* \*"', text, re.M), "once a day"
    assert "contents: write" in text
    commands = re.findall(r"\.venv/bin/invoke ([\w-]+)", text)
    assert commands == ["preview", "check-links", "publish"]
    listed = invoke("--list").stdout
    for command in commands:
        assert f"  {command}" in listed, command
    assert "invoke publish --target github-pages" in text
    assert "bash scripts/install.sh\n" in text, "the Quick start's install: what publishing needs"


def test_check_links_fails_on_a_broken_link(tmp_path):
    content = write_content(tmp_path / "content")
    change_post(content, "winter-bread", "See [the recipe](/recipes/rye/).")
    settings = write_settings(tmp_path, content)
    from pressless.tools.build import run_pelican

    run_pelican(settings, tmp_path / "site")
    result = invoke("check-links", "--site", str(tmp_path / "site"), "--settings", str(settings))
    assert result.returncode == 1
    assert "/recipes/rye/" in result.stdout and "no such file" in result.stdout
