"""Mining pack: per-mine production against the reported totals, and derived figures.

- "mining-production": for each metal and period, the production of the mines
  (a table whose sections are mines: "Gold produced (oz.)" under "LA CHOYA
  UNIT", ...) sums to the total reported elsewhere ("PRODUCTION SUMMARY -
  TOTALS: Gold - Ounces"). Mines held in a joint venture are already shown at
  the company's share (``Table.attributable``), which is what the total adds.
  A total with no per-mine figure for its metal (the seed's zinc) is unverifiable.
- "mining-derived": figures the tables imply but do not print, reported as
  information with status "unverifiable" and a message starting "derived:" (never
  pass or fail): attributable shares, implied recovery (produced / (tons x grade)),
  change in cash cost per ounce between the periods shown.

Same rule signature as every other rule: ``rule(report) -> Iterable[Check]``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from tieout.checks.describe import where as _where
from tieout.checks.intervals import fmt_plain
from tieout.checks.rules._common import tie
from tieout.model import Check, Fact, Report

METALS = ("gold", "silver", "lead", "zinc", "copper")
PRODUCED = re.compile(r"^(gold|silver|lead|zinc|copper)\s+produced\b", re.I)
TOTAL = re.compile(r"^(?:total\s+)?(gold|silver|lead|zinc|copper)\s*(?:-\s*|production\s*\(?)"
                   r"(ounces|oz|tons|pounds|lbs)", re.I)
GRADE = re.compile(r"ore grade (milled|mined)\s*-\s*(gold|silver)", re.I)
TONS = re.compile(r"tons of ore (milled|mined)", re.I)


def _base_unit(unit: str) -> str:
    return unit.lower().rstrip("s").replace("ounce", "oz")


def check_mine_production(report: Report) -> Iterable[Check]:
    mines: dict[tuple[str, str, str], list[Fact]] = defaultdict(list)  # (metal, unit, period)
    totals: dict[tuple[str, str, str], list[Fact]] = defaultdict(list)
    for fact in report.fact_records:
        if fact.value is None or fact.source != "table":
            continue
        m = PRODUCED.match(fact.label)
        if m and fact.path:
            mines[(m.group(1).lower(), _base_unit(fact.unit), fact.period or "")].append(fact)
            continue
        t = TOTAL.match(fact.label)
        if t:
            totals[(t.group(1).lower(), _base_unit(fact.unit), fact.period or "")].append(fact)
    for key, found in sorted(totals.items()):
        metal, unit, period = key
        total = found[0]
        parts = [f for f in mines.get(key, []) if f.table_index != total.table_index]
        if not parts:
            if any(k[0] == metal for k in mines) or mines:
                yield Check("mining-production", "unverifiable",
                            f"{total.label}{_where(report, total) or f' ({period})'} {total.display}: "
                            f"no per-mine {metal} production "
                            f"to add up", (total.span,), facts=(total.id,), document=total.document)
            continue
        names = ", ".join(f"{'/'.join(f.path)} {f.display}" for f in parts)
        yield tie("mining-production", f"{metal.capitalize()} production of the mines ({names}) "
                  f"= reported total", total, [(f, 1) for f in parts], report=report)


def check_mining_derived(report: Report) -> Iterable[Check]:
    for table in report.tables:
        for section, share in table.attributable:
            yield _info(f"derived: {section} is shown at the company's {fmt_plain(share * 100, 2)}% share "
                        f"(table {table.title!r})", [], table.document)
    by_section: dict[tuple[int, tuple, str], list[Fact]] = defaultdict(list)
    for fact in report.fact_records:
        if fact.value is not None and fact.path and fact.source == "table":
            by_section[(fact.table_index, fact.path[:1], fact.period or "")].append(fact)
    for (table_index, section, period), facts in sorted(by_section.items(), key=lambda kv: kv[0][:1] + (kv[0][2],)):
        tons = [f for f in facts if TONS.search(f.label)]
        for grade in (f for f in facts if GRADE.search(f.label)):
            kind, metal = GRADE.search(grade.label).groups()
            ore = [t for t in tons if TONS.search(t.label).group(1).lower() == kind.lower()]
            produced = [f for f in facts if (m := PRODUCED.match(f.label)) and m.group(1).lower() == metal.lower()]
            if len(ore) != 1 or len(produced) != 1 or not ore[0].value or not grade.value:
                continue
            contained = ore[0].value * grade.value
            recovery = produced[0].value / contained * 100
            yield _info(f"derived: {'/'.join(section)} ({period}) implied {metal.lower()} recovery "
                        f"{fmt_plain(recovery, 1)}% = {produced[0].display} oz / ({ore[0].display} tons x "
                        f"{grade.display} oz/ton = {fmt_plain(contained, 0)} oz contained)",
                        [produced[0], ore[0], grade], grade.document)
    yield from _cost_changes(report)


def _cost_changes(report: Report):
    rows: dict[tuple[int, int], list[Fact]] = defaultdict(list)
    for fact in report.fact_records:
        if fact.value is not None and "/oz" in fact.unit and re.search(r"cash cost", fact.label, re.I):
            rows[(fact.table_index, fact.row_index)].append(fact)
    for facts in rows.values():
        facts = sorted(facts, key=lambda f: f.column_index)
        if len(facts) < 2 or not facts[1].value:
            continue
        now, before = facts[0], facts[1]
        change = (now.value - before.value) / before.value * 100
        where = "/".join(now.path)
        now_when, before_when = (f" ({f.period})" if f.period else "" for f in (now, before))
        yield _info(f"derived: {where} {now.label} {now.display}{now_when} vs {before.display}{before_when}: "
                    f"{'+' if change >= 0 else ''}{fmt_plain(change, 1)}%", [now, before], now.document)


DERIVED_RULE = "mining-derived"
DERIVED_PREFIX = "derived: "


def is_derived(check: Check) -> bool:
    """A derived figure: information the tables imply (recovery, a cost change), not a check."""
    return check.rule == DERIVED_RULE or check.message.startswith(DERIVED_PREFIX)


def _info(message: str, facts: list[Fact], document: str) -> Check:
    return Check(DERIVED_RULE, "unverifiable", message, tuple(f.span for f in facts),
                 facts=tuple(f.id for f in facts), document=document)


MINING_RULES = (check_mine_production, check_mining_derived)
