"""Checks as text for people, hledger-style.

Each failure: ``FILE:LINE:COL: message``, the source lines with ``^^^`` under
every cell involved, expected vs actual and the slack; then one summary line
``N checks: P pass, F fail, U unverifiable``. ``verbose`` also lists passes and
unverifiable checks. Colour only when writing to a terminal (rich); plain text
otherwise.
"""

from __future__ import annotations

from tieout.errors import excerpt
from tieout.model import Check, Report


def render_check(report: Report, check: Check) -> str:
    first = check.spans[0] if check.spans else None
    where = f"{report.path}:{first.line}:{first.col}" if first else report.path
    out = [f"{where}: {check.status}: [{check.rule}] {check.message}"]
    column = _column_line(report, check)
    if column:
        out.append(column)
    if check.spans and report.filing.raw_lines:
        out.append(excerpt(report.filing.raw_lines, check.spans))
    if check.status == "fail" and (check.expected or check.actual):
        line = f"  expected {check.expected}, shown {check.actual}"
        if check.slack:
            line += f" (off by {check.slack} beyond rounding)"
        out.append(line)
    return "\n".join(out)


def _column_line(report: Report, check: Check) -> str:
    """``  in column 'Pro Forma' (1999-12-31)`` for the check's first fact, when its period does not
    say which column it is in and the message does not name the column already (a claim's message)."""
    from tieout.checks.describe import column_words

    facts = report.fact_records
    if not check.facts or not 0 <= check.facts[0] < len(facts):
        return ""
    fact = facts[check.facts[0]]
    column = column_words(report, fact)
    if not column or column in check.message:
        return ""
    return f"  in {column}" + (f" ({fact.period})" if fact.period else "")


def summary_line(checks) -> str:
    from tieout.checks import summary

    counts = summary(checks)
    derived = sum(1 for c in checks if c.status == "unverifiable" and c.message.startswith("derived:"))
    text = (f"{len(checks)} checks: {counts['pass']} pass, {counts['fail']} fail, "
            f"{counts['unverifiable']} unverifiable")
    if derived:
        text += f" ({derived} of them derived figures)"
    return text


def render_checks_text(report: Report, checks=None, *, verbose: bool = False) -> str:
    checks = report.checks if checks is None else checks
    blocks = [render_check(report, c) for c in checks if verbose or c.status == "fail"]
    blocks.append(summary_line(checks))
    return "\n\n".join(blocks)


def print_checks_text(report: Report, checks=None, *, verbose: bool = False, file=None) -> None:
    """Print with rich colours on a terminal, plain text otherwise."""
    import sys

    file = file or sys.stdout
    text = render_checks_text(report, checks, verbose=verbose)
    if not file.isatty():
        print(text, file=file)
        return
    from rich.console import Console
    from rich.text import Text

    console = Console(file=file, highlight=False)
    styles = {": fail:": "bold red", ": pass:": "green", ": unverifiable:": "yellow"}
    for line in text.split("\n"):
        style = next((s for k, s in styles.items() if k in line), None)
        if line and set(line.split("|")[-1].strip()) == {"^"}:
            style = "red"
        console.print(Text(line, style=style or ""))
