"""Checks as text for people, hledger-style.

Each failure: ``FILE:LINE:COL: message``, the source lines with ``^^^`` under
every cell involved; the message states the figure shown, what the other figures
make it, how far apart the two are and how far rounding lets them be (``shown
6,900, items sum to 6,700 (1,200 + 3,400 + 2,100): 200 apart, rounding allows 2``),
and a failure with the same cause as others (one figure's sign or scale) names them
on a ``see also`` line below. Then, apart from the checks, the derived figures (what
the tables imply but do not print: implied recovery, the change in a cost per
ounce), one line each, as information; then one summary line ``N checks: P pass, F
fail, U unverifiable; D derived figures``. ``verbose`` also lists passes and
unverifiable checks. Colour only when writing to a terminal (rich); plain text
otherwise.
"""

from __future__ import annotations

from tieout.checks.mining import DERIVED_PREFIX, is_derived
from tieout.errors import excerpt
from tieout.model import Check, Report

SEE_ALSO = "; see also "


def _where(report: Report, check: Check) -> str:
    first = check.spans[0] if check.spans else None
    return f"{report.path}:{first.line}:{first.col}" if first else report.path


def render_check(report: Report, check: Check) -> str:
    message, *see_also = check.message.split(SEE_ALSO)
    out = [f"{_where(report, check)}: {check.status}: [{check.rule}] {message}"]
    column = _column_line(report, check)
    if column:
        out.append(column)
    if check.spans and report.filing.raw_lines:
        out.append(excerpt(report.filing.raw_lines, check.spans))
    out.extend(f"  see also {note}" for note in see_also)
    if check.status == "fail" and check.computed is None and (check.expected or check.actual):
        line = f"  expected {check.expected}, shown {check.actual}"  # the message may not say it
        if check.slack:
            line += f" (off by {check.slack} beyond rounding)"
        out.append(line)
    return "\n".join(out)


def render_derived(report: Report, derived: list[Check]) -> str:
    """The derived figures, one line each under a heading of their own."""
    lines = ["Derived figures (information the tables imply, not checks):"]
    for check in derived:
        text = check.message.removeprefix(DERIVED_PREFIX)
        lines.append(f"  line {check.spans[0].line}: {text}" if check.spans else f"  {text}")
    return "\n".join(lines)


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
    """``107 checks: 106 pass, 0 fail, 1 unverifiable; 14 derived figures`` (derived figures apart)."""
    from tieout.checks import summary

    derived = sum(1 for c in checks if is_derived(c))
    checked = [c for c in checks if not is_derived(c)]
    counts = summary(checked)
    text = (f"{len(checked)} checks: {counts['pass']} pass, {counts['fail']} fail, "
            f"{counts['unverifiable']} unverifiable")
    if derived:
        text += f"; {derived} derived figure{'s' if derived != 1 else ''}"
    return text


def render_checks_text(report: Report, checks=None, *, verbose: bool = False) -> str:
    checks = report.checks if checks is None else checks
    blocks = [render_check(report, c) for c in checks
              if not is_derived(c) and (verbose or c.status == "fail")]
    derived = [c for c in checks if is_derived(c)]
    if derived:
        blocks.append(render_derived(report, derived))
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
        if line.startswith("Derived figures"):
            style = "bold"
        console.print(Text(line, style=style or ""))
