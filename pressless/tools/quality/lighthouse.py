"""Lighthouse (npm, 12.2.3) on Debian's Chromium: four category scores, reported.

The scores are printed and written to JSON; they never fail the check. Only
a Lighthouse that cannot run does. Its cache and compression audits judge the
local test server, not the site.
"""

import json
import os
import subprocess
import tempfile
from pathlib import Path

from .result import CheckResult
from .tools import CHROMIUM, LIGHTHOUSE_CLI, npm_version, require_file

CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu --disable-background-networking"


def lighthouse_command(url, report_path, profile_dir):
    return [
        str(LIGHTHOUSE_CLI),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={Path(report_path).resolve()}",  # it must be absolute
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS} --user-data-dir={profile_dir}",
    ]


def read_scores(report_path):
    """{category: score out of 100} from a Lighthouse JSON report."""
    report = json.loads(Path(report_path).read_text(encoding="utf-8"))
    scores = {}
    for category in CATEGORIES:
        score = report["categories"][category]["score"]
        scores[category] = None if score is None else round(score * 100)
    return scores, report.get("runtimeError")


def failed_audits(report_path, category):
    """Titles of the audits that cost points in a category (for the report)."""
    report = json.loads(Path(report_path).read_text(encoding="utf-8"))
    audits = report["audits"]
    return [
        audits[ref["id"]]["title"]
        for ref in report["categories"][category]["auditRefs"]
        if ref["weight"]
        and (audits[ref["id"]].get("score") or 0) < 1
        and audits[ref["id"]].get("scoreDisplayMode") in ("binary", "numeric")
    ]


def run_lighthouse(url, report_path, timeout=180):
    """Run Lighthouse on one URL; return (scores, problem or None)."""
    require_file(LIGHTHOUSE_CLI)
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    with tempfile.TemporaryDirectory(prefix="lighthouse-profile-") as profile_dir:
        try:
            run = subprocess.run(
                lighthouse_command(url, report_path, profile_dir),
                env=env,
                capture_output=True,
                text=True,
                timeout=timeout,
                check=False,
            )
        except subprocess.TimeoutExpired:
            return None, f"Lighthouse took more than {timeout} s"
    if run.returncode != 0 or not Path(report_path).is_file():
        return None, f"Lighthouse exited with {run.returncode}: {run.stderr[-600:]}"
    scores, runtime_error = read_scores(report_path)
    if runtime_error or None in scores.values():
        return scores, f"Lighthouse could not score the page: {runtime_error}"
    return scores, None


def check_lighthouse(base_url, pages, report_dir):
    """pages: {label: URL path}. Full reports go to report_dir/lighthouse-LABEL.json."""
    report_dir = Path(report_dir)
    report_dir.mkdir(parents=True, exist_ok=True)
    failures, notes, data = [], [], {}
    for label, url_path in pages.items():
        name = label.strip("/").replace("/", "-").replace(".", "-") or "front"
        report_path = report_dir / f"lighthouse-{name}.json"
        report_path.unlink(missing_ok=True)
        scores, problem = run_lighthouse(base_url + url_path, report_path)
        data[label] = {"url": url_path, "scores": scores, "report": str(report_path)}
        if problem:
            failures.append(f"{url_path}: {problem}")
        if scores:
            notes.append(
                f"{label} {url_path}: "
                + ", ".join(f"{category} {score}" for category, score in scores.items())
            )
            notes += [
                f"    {category} lost points on: {'; '.join(titles)}"
                for category in CATEGORIES
                if (titles := failed_audits(report_path, category))
            ]
    return CheckResult(
        name=f"Lighthouse {npm_version('lighthouse')} (scores are reported, not judged)",
        summary=f"{len(pages)} pages scored" if not failures else "could not run",
        failures=failures,
        notes=notes,
        data=data,
    )
