"""Stage: checks -- every relation, tie and claim evaluated to pass, fail or unverifiable.

A rule is any function ``rule(report) -> Iterable[Check]``; ``RULES`` is the
tuple the loader runs, and callers may pass their own (built-ins and plugins
share the one signature, as in beancount's plugins and sqlglot's optimizer
rules). A rule that crashes becomes one ``Check`` with status "unverifiable"
naming the error, plus a Problem, never a lost report.

    footing   tieout/checks/footing.py   each Relation: total vs interval sum of items
    ties      tieout/checks/rules/       statements tied to each other, by concept
    mining    tieout/checks/mining.py    per-mine production vs totals; derived figures (info)
    fees      tieout/checks/rules/fee_computation.py   24F-2 fee arithmetic
    claims    tieout.claims.check_claims (if installed): narrative vs tables
    ex27      tieout.ex27.check_ex27 (if installed): EX-27 schedule vs statements

A check that cannot be evaluated is "unverifiable", never a silent pass. Failures that one
change to one figure explains (a sign, a scale) say so on each (``tieout.checks.causes``).
"""

from __future__ import annotations

import importlib
import traceback
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path

from tieout.checks.causes import link_shared_causes
from tieout.checks.footing import check_footing
from tieout.checks.mining import MINING_RULES
from tieout.checks.rules import TIE_RULES
from tieout.model import Check, Problem, Report

Rule = Callable[[Report], Iterable[Check]]


def _optional(module: str, name: str) -> tuple[Rule, ...]:
    try:
        return (getattr(importlib.import_module(module), name),)
    except (ImportError, AttributeError):
        return ()


RULES: tuple[Rule, ...] = (
    check_footing,
    *TIE_RULES,
    *MINING_RULES,
    *_optional("tieout.claims", "check_claims"),
    *_optional("tieout.ex27", "check_ex27"),
)


def prepare(report: Report) -> Report:
    """Give the report what rules need when the loader has not: concepts and relations."""
    from tieout.concepts import assign_concepts

    if report.fact_records and not any(f.concept for f in report.fact_records):
        report = assign_concepts(report)
    if report.fact_records and not report.relations:
        from tieout.relations import find_relations

        relations, _ = find_relations(report)
        report = replace(report, relations=tuple(relations))
    return report


def run_checks(report: Report, rules: Iterable[Rule] = RULES) -> tuple[list[Check], list[Problem]]:
    """Run every rule on ``report``; a crashing rule becomes a value, not a crash."""
    report = prepare(report)
    checks: list[Check] = []
    problems: list[Problem] = []
    for rule in rules:
        name = getattr(rule, "__name__", repr(rule))
        try:
            found = list(rule(report))
        except Exception as exc:  # noqa: BLE001 - a rule bug must not lose the report
            where = traceback.extract_tb(exc.__traceback__)[-1]
            message = (f"rule {name} crashed: {type(exc).__name__}: {exc} "
                       f"(at {Path(where.filename).name}:{where.lineno})")
            problems.append(Problem("checks", message, severity="error"))
            checks.append(Check(rule=name, status="unverifiable", message=message,
                                spans=(), document=report.path))
            continue
        checks.extend(found)
    return link_shared_causes(report, checks), problems


def summary(checks: Iterable[Check]) -> dict[str, int]:
    counts = {"pass": 0, "fail": 0, "unverifiable": 0}
    for check in checks:
        counts[check.status] = counts.get(check.status, 0) + 1
    return counts


__all__ = ["run_checks", "RULES", "Rule", "summary", "prepare"]
