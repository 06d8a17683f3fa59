"""What every checker returns, and how the report prints it."""

from dataclasses import dataclass, field


@dataclass
class CheckResult:
    """One checker's verdict.

    `failures` make the check fail; `notes` are shown but never fail it
    (skipped pages, external links, scores); `data` goes to the JSON report.
    """

    name: str
    summary: str = ""
    failures: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    data: dict = field(default_factory=dict)

    @property
    def ok(self):
        return not self.failures


def format_report(results, max_lines=40):
    """A readable text report: one heading per check, its failures, then notes."""
    lines = []
    for result in results:
        verdict = "PASS" if result.ok else "FAIL"
        lines.append(f"{verdict}  {result.name}: {result.summary}")
        lines.extend(_indented(result.failures, max_lines))
        lines.extend(_indented(result.notes, max_lines))
    failed = [result.name for result in results if not result.ok]
    lines.append("")
    lines.append(
        f"{len(failed)} of {len(results)} checks failed: {', '.join(failed)}"
        if failed
        else f"All {len(results)} checks passed."
    )
    return "\n".join(lines)


def _indented(messages, max_lines):
    shown = [f"      {line}" for message in messages[:max_lines] for line in message.splitlines()]
    if len(messages) > max_lines:
        shown.append(f"      … and {len(messages) - max_lines} more (see the JSON report)")
    return shown
