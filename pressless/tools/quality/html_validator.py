"""The Nu HTML Checker (npm vnu-jar, run with the system Java): zero errors."""

import json
import subprocess
from pathlib import Path

from .result import CheckResult
from .tools import VNU_JAR, npm_version, require_command, require_file


def vnu_command(java, jar, site):
    return [java, "-jar", str(jar), "--skip-non-html", "--errors-only", "--format", "json", str(site)]


def parse_messages(report_text, site):
    """Readable failures from the checker's JSON: 'path:line:col: message'."""
    try:
        messages = json.loads(report_text)["messages"]
    except (ValueError, KeyError) as error:
        return [f"the checker's report is not JSON ({error}): {report_text[:300]}"]
    return [
        _describe(message, site)
        for message in messages
        if message.get("type") in ("error", "non-document-error")
    ]


def _describe(message, site):
    where = message.get("url", "").removeprefix("file:")
    if where.startswith(str(Path(site).resolve()) + "/"):
        where = Path(where).relative_to(Path(site).resolve()).as_posix()
    line, column = message.get("lastLine"), message.get("firstColumn")
    if line:
        where += f":{line}:{column or message.get('lastColumn', '')}"
    extract = " ".join(message.get("extract", "").split())
    text = f"{where}: {message.get('message', '')}"
    return f"{text}\n    near: {extract}" if extract else text


def check_html(site):
    """Validate every .html file of the site with one run of the checker."""
    site = Path(site).resolve()
    java, jar = require_command("java"), require_file(VNU_JAR)
    run = subprocess.run(vnu_command(java, jar, site), capture_output=True, text=True, check=False)
    # The JSON report goes to stderr; exit 1 means errors were found.
    failures = parse_messages(run.stderr, site)
    if run.returncode not in (0, 1) or (run.returncode == 1 and not failures):
        failures.append(f"the checker exited with {run.returncode}: {run.stderr[-500:]}")
    pages = sum(1 for _ in site.rglob("*.html"))
    return CheckResult(
        name=f"HTML validator (Nu HTML Checker {npm_version('vnu-jar')})",
        summary=f"{pages} pages, {len(failures)} errors",
        failures=failures,
        data={"pages": pages, "errors": failures},
    )
