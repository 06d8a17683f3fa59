"""Run every checker on a built site and report: the logic behind `invoke check`."""

import json
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from .accessibility import check_accessibility
from .browser import with_browser
from .feeds import check_feeds
from .html_validator import check_html
from .lighthouse import check_lighthouse
from .links import check_links
from .page_weight import POST_BUDGET_BYTES, check_page_weight
from .result import CheckResult, format_report
from .site import (
    DEFAULT_ACCESSIBILITY_PAGES,
    DEFAULT_LIGHTHOUSE_PAGES,
    DEFAULT_WEIGHT_PAGES,
    own_address,
    resolve_pages,
    serve,
)
from .tools import ROOT, ToolMissing

DEFAULT_REPORT_DIR = ROOT / "cache" / "quality"
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


@dataclass
class CheckOptions:
    """What to check; page lists hold roles ("post") or URL paths ("/about/")."""

    lighthouse: bool = True
    accessibility_pages: list = field(default_factory=lambda: list(DEFAULT_ACCESSIBILITY_PAGES))
    lighthouse_pages: list = field(default_factory=lambda: list(DEFAULT_LIGHTHOUSE_PAGES))
    weight_pages: list = field(default_factory=lambda: list(DEFAULT_WEIGHT_PAGES))
    # The site's own absolute address(es): links written with one are checked
    # as internal. None: the address the front page's canonical link gives.
    site_urls: tuple | None = None
    report_dir: Path = DEFAULT_REPORT_DIR


def run_checks(site, options=None, log=print):
    """Run all checks on the built folder `site`; returns [CheckResult]."""
    options = options or CheckOptions()
    site = Path(site).resolve()
    if not (site / "index.html").is_file():
        return [
            CheckResult(
                "Site",
                f"{site} has no index.html: build it first",
                failures=[f"{site}/index.html is missing"],
            )
        ]
    results = []

    def timed(checker, *args):
        log(f"… {checker.__name__.removeprefix('check_').replace('_', ' ')}")
        started = time.monotonic()
        try:
            result = checker(*args)
        except ToolMissing as error:
            result = CheckResult(checker.__name__, "tool missing", failures=[str(error)])
        result.data["seconds"] = round(time.monotonic() - started, 1)
        return result

    def step(checker, *args):
        results.append(timed(checker, *args))
        return results[-1]

    # The validator (Java) runs beside the link, feed and browser checks; it
    # is done before Lighthouse starts, which must have the machine to itself.
    background = ThreadPoolExecutor(max_workers=1)
    validation = background.submit(timed, check_html, site)
    site_urls = options.site_urls
    if site_urls is None:
        site_urls = tuple(filter(None, [own_address(site)]))
    step(check_links, site, site_urls)
    # The browser loads the pages from 127.0.0.1; a build that names its own
    # files by an absolute address (a publish build) has that address
    # answered from the local server too.
    remote = next((url for url in site_urls if urlsplit(url).hostname not in LOOPBACK), None)
    step(check_feeds, site)
    with serve(site) as base_url:
        log(f"Serving {site} at {base_url}/")
        axe_pages, axe_missing = resolve_pages(site, options.accessibility_pages)
        weight_pages, weight_missing = resolve_pages(site, options.weight_pages)

        def browser_checks(browser):
            _missing_pages(step(check_accessibility, browser, base_url, axe_pages), axe_missing)
            weight = step(check_page_weight, browser, base_url, weight_pages, POST_BUDGET_BYTES, remote)
            _missing_pages(weight, weight_missing)

        try:
            if remote:
                with serve(site, tls=urlsplit(remote).scheme == "https") as same_scheme_url:
                    with_browser(browser_checks, site_address=remote, local_url=same_scheme_url)
            else:
                with_browser(browser_checks)
        except ToolMissing as error:
            results.append(CheckResult("Browser checks", "Chromium missing", failures=[str(error)]))
        results.insert(0, validation.result())
        background.shutdown()
        if options.lighthouse and remote:
            results.append(CheckResult(
                "Lighthouse", "not run on this build",
                notes=[f"{site} loads its own files from {remote}, which Lighthouse's own Chromium "
                       "cannot be pointed at here; run `invoke check` on the preview build for its scores"],
            ))
        elif options.lighthouse:
            pages, missing = resolve_pages(site, options.lighthouse_pages)
            _missing_pages(step(check_lighthouse, base_url, pages, options.report_dir), missing)
    write_json_report(results, Path(options.report_dir) / "report.json")
    return results


def _missing_pages(result, missing):
    result.failures[:0] = [f"listed page missing from the site: {entry}" for entry in missing]


def write_json_report(results, path):
    path.parent.mkdir(parents=True, exist_ok=True)
    report = [{**asdict(result), "ok": result.ok} for result in results]
    path.write_text(json.dumps(report, indent=2, default=str), encoding="utf-8")


def check_site(site, options=None, log=print):
    """Run the checks, print the report; True when every check passed."""
    results = run_checks(site, options, log)
    log("")
    log(format_report(results))
    log(f"JSON report: {Path((options or CheckOptions()).report_dir) / 'report.json'}")
    return all(result.ok for result in results)
