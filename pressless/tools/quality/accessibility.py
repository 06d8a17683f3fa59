"""axe-core (npm, injected into the page) in Chromium: no WCAG 2.1 A/AA violation.

Each page is checked in the light and the dark colour scheme: the theme has
both, and contrast must hold in each.
"""

from .result import CheckResult
from .tools import AXE_SCRIPT, npm_version, require_file

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
COLOR_SCHEMES = ("light", "dark")
RUN_AXE = """([scope, options]) => axe.run(scope || document, options).then(
    results => results.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
        targets: v.nodes.map(node => node.target.join(' ')),
        html: v.nodes.map(node => node.html)})))"""


def violations_in_page(page, scope=None, axe_source=None):
    """axe's WCAG 2.1 A/AA violations in an open page, or in the part `scope` selects.

    Evaluated through the browser's debugger protocol, so a strict
    Content-Security-Policy on the page does not block it.
    """
    if axe_source is None:
        axe_source = require_file(AXE_SCRIPT).read_text(encoding="utf-8")
    page.evaluate(axe_source + "\n;0")
    return page.evaluate(RUN_AXE, [scope, {"runOnly": {"type": "tag", "values": WCAG_TAGS}}])


def axe_violations(browser, url, axe_source, color_scheme="light"):
    """[{id, impact, help, targets, html}] for one page as axe sees it."""
    context = browser.new_context(color_scheme=color_scheme)
    try:
        page = context.new_page()
        response = page.goto(url, wait_until="load")
        if response is None or not response.ok:
            status = response.status if response else "no response"
            return [
                {
                    "id": "page-not-loaded",
                    "impact": "critical",
                    "help": str(status),
                    "targets": [],
                    "html": [],
                }
            ]
        return violations_in_page(page, axe_source=axe_source)
    finally:
        context.close()


def describe(url_path, scheme, violation, max_nodes=3):
    lines = [f"{url_path} ({scheme}): {violation['id']} [{violation['impact']}] {violation['help']}"]
    for target, snippet in list(zip(violation["targets"], violation["html"], strict=False))[:max_nodes]:
        lines.append(f"    {target}  {' '.join(snippet.split())[:160]}")
    if len(violation["targets"]) > max_nodes:
        lines.append(f"    … {len(violation['targets']) - max_nodes} more elements")
    return "\n".join(lines)


def check_accessibility(browser, base_url, pages, color_schemes=COLOR_SCHEMES):
    """pages: {label: URL path}."""
    axe_source = require_file(AXE_SCRIPT).read_text(encoding="utf-8")
    failures, data = [], {}
    for url_path in pages.values():
        for scheme in color_schemes:
            violations = axe_violations(browser, base_url + url_path, axe_source, scheme)
            data[f"{url_path} ({scheme})"] = violations
            failures += [describe(url_path, scheme, violation) for violation in violations]
    checked = ", ".join(f"{label} {url}" if label != url else url for label, url in pages.items())
    return CheckResult(
        name=f"Accessibility (axe-core {npm_version('axe-core')}, WCAG 2.1 A/AA)",
        summary=f"{len(pages)} pages × {len(color_schemes)} colour schemes, {len(failures)} violations",
        failures=failures,
        notes=[f"checked: {checked}"],
        data=data,
    )
