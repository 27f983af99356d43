"""Failures that follow from one cause: a figure whose sign, or scale, accounts for every check it fails.

A cash balance printed ``(8,425)`` instead of ``8,425`` fails the total of current
assets and the tie to the cash-flow statement: two failures, one error. Read apart, the
two messages send a reviewer hunting twice. When one fact takes part in two or more
failing checks and one change to that fact alone makes every one of them pass, the
failures are linked, and each message says so.

The test is exact, on the arithmetic the checks carry (``Check.shown``, ``computed``,
``allowance`` and ``signs``, all in base units): a check passes when the plain
difference is at most the rounding allowance, and changing one fact moves the
difference by that change times the fact's sign in the arithmetic, and the allowance
by the change in its rounding (a figure read 1,000 times too large stands for an
interval 1,000 times as wide). The changes tried, in order: the sign flipped, then
the scale 1,000 times larger or smaller (a scale note missed or misapplied).
Checks without that arithmetic (claims, EX-27) are never linked.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from decimal import Decimal

from tieout.model import Check, Fact, Report

THOUSAND = Decimal(1000)
CHANGES = (  # (what the message says, factor on the value, factor on the rounding)
    ("with its sign flipped", Decimal(-1), Decimal(1)),
    ("taken at 1,000 times its value", THOUSAND, THOUSAND),
    ("taken at a thousandth of its value", 1 / THOUSAND, 1 / THOUSAND),
)


@dataclass(frozen=True)
class SharedCause:
    """One fact, one change to it, and the failing checks (indexes) that change makes pass."""

    fact: int
    change: str
    checks: tuple[int, ...]


def _arithmetic(check: Check) -> bool:
    return (check.status == "fail" and check.shown is not None and check.computed is not None
            and check.allowance is not None and len(check.signs) == len(check.facts) > 0)


def _passes(check: Check, fact: Fact, value_factor: Decimal, rounding_factor: Decimal) -> bool:
    difference = check.shown - check.computed
    allowed = check.allowance
    for position, fact_id in enumerate(check.facts):
        if fact_id != fact.id:
            continue
        weight = check.signs[position] if position == 0 else -check.signs[position]
        difference += weight * (fact.value * value_factor - fact.value)
        allowed += fact.half_step * rounding_factor - fact.half_step
    return abs(difference) <= allowed


def shared_causes(report: Report, checks: list[Check] | tuple[Check, ...]) -> list[SharedCause]:
    """Every fact in two or more failing checks that one change to it makes all pass."""
    facts = report.fact_records
    involved: dict[int, list[int]] = defaultdict(list)
    for index, check in enumerate(checks):
        if _arithmetic(check):
            for fact_id in dict.fromkeys(check.facts):
                involved[fact_id].append(index)
    found = []
    for fact_id, indexes in sorted(involved.items()):
        if len(indexes) < 2 or not 0 <= fact_id < len(facts):
            continue
        fact = facts[fact_id]
        if not fact.value:
            continue
        for change, value_factor, rounding_factor in CHANGES:
            if all(_passes(checks[i], fact, value_factor, rounding_factor) for i in indexes):
                found.append(SharedCause(fact_id, change, tuple(indexes)))
                break
    return found


def _place(check: Check) -> str:
    return f"line {check.spans[0].line}" if check.spans else "elsewhere"


def link_shared_causes(report: Report, checks: list[Check]) -> list[Check]:
    """The checks, each failure that shares its cause with others saying so (``see also line N``)."""
    causes = shared_causes(report, checks)
    if not causes:
        return checks
    notes: dict[int, list[str]] = defaultdict(list)
    for cause in causes:
        fact = report.fact_records[cause.fact]
        for index in cause.checks:
            others = [checks[i] for i in cause.checks if i != index]
            where = ", ".join(f"{_place(c)} [{c.rule}]" for c in others)
            every = "both" if len(cause.checks) == 2 else f"all {len(cause.checks)}"
            notes[index].append(f"see also {where}: the same figure, {fact.label or 'a cell'} "
                                f"{fact.display} at line {fact.line}, fails there too; {cause.change}, "
                                f"{every} pass")
    return [replace(check, message=f"{check.message}; {'; '.join(notes[i])}") if i in notes else check
            for i, check in enumerate(checks)]


__all__ = ["SharedCause", "shared_causes", "link_shared_causes"]
