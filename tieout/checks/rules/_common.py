"""What the tie rules share: an index of facts by concept, statement and period.

A tie rule names concepts ("the cash at end of the cash-flow statement equals
the balance-sheet cash"), never rows. It asks the index for the one fact of a
concept in a kind of statement for a period; when a statement lists a concept
twice for the same period the answer is ambiguous and the rule does not guess.

Two strengths of tie (``must``):

- ``True``: an identity of accounting (assets = liabilities + equity; cash at
  end = balance-sheet cash). A mismatch fails.
- ``False``: what normally holds but need not (the change in receivables
  equals the cash-flow line unless an acquisition or a non-cash entry moved
  it). A mismatch is reported "unverifiable" with the difference, never a
  failure, so clean filings do not fail on legitimate reconciling items.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta
from functools import cached_property

from tieout.checks.describe import terms as _terms
from tieout.checks.describe import where as _where
from tieout.checks.intervals import allowance, fmt_amount, fmt_apart, gap, interval, interval_sum, meets, midpoint
from tieout.concepts import statement_kind
from tieout.model import Check, Fact, Report
from tieout.tables.periods import parse_period


class FactIndex:
    """Facts by (concept, statement kind, period); built once per report (the last one is kept)."""

    _last: tuple[Report, "FactIndex"] | None = None

    def __new__(cls, report: Report):
        if cls._last is not None and cls._last[0] is report:
            return cls._last[1]
        index = super().__new__(cls)
        index._build(report)
        cls._last = (report, index)
        return index

    def __init__(self, report: Report):
        pass

    def _build(self, report: Report):
        self.report = report
        self.kinds = [statement_kind(t) for t in report.tables]
        self.by: dict[tuple[str, str, str], list[Fact]] = defaultdict(list)
        self.by_concept: dict[str, list[Fact]] = defaultdict(list)
        for fact in report.fact_records:
            if not fact.concept or fact.value is None or fact.source != "table":
                continue
            if not 0 <= fact.table_index < len(self.kinds):
                continue
            kind = self.kinds[fact.table_index]
            self.by[(fact.concept, kind, fact.period or "")].append(fact)
            self.by_concept[fact.concept].append(fact)

    def kind_of(self, fact: Fact) -> str:
        return self.kinds[fact.table_index]

    def one(self, concept: str, kind: str, period: str | None) -> Fact | None:
        """The single fact, or None when absent or ambiguous (different values)."""
        found = self.by.get((concept, kind, period or ""), [])
        if not found:
            return None
        first = found[0]
        if all(f.value == first.value for f in found[1:]):
            return first
        return None

    def all(self, concept: str, kind: str, period: str | None) -> list[Fact]:
        return list(self.by.get((concept, kind, period or ""), []))

    def periods(self, concept: str, kind: str) -> list[str]:
        return sorted({p for (c, k, p) in self.by if c == concept and k == kind and p})

    @classmethod
    def report_of(cls, fact: Fact) -> Report | None:
        """The report last indexed, when ``fact`` is one of its facts (the report a rule is checking)."""
        if cls._last is None:
            return None
        report = cls._last[0]
        facts = report.fact_records
        return report if 0 <= fact.id < len(facts) and facts[fact.id] is fact else None

    @cached_property
    def relation_totals(self) -> set[int]:
        return {r.total for r in self.report.relations if r.kind == "sum"}


def opening_instant(period: str | None) -> str | None:
    """The balance-sheet date a duration opens from: the day before its start."""
    start, _ = parse_period(period)
    return (start - timedelta(days=1)).isoformat() if start else None


def closing_instant(period: str | None) -> str | None:
    start, end = parse_period(period)
    return end.isoformat() if (start and end) else None


def tie(rule: str, description: str, total: Fact, items: list[tuple[Fact, int]], *,
        must: bool = True, document: str = "", report: Report | None = None) -> Check:
    """``total`` against the signed interval sum of ``items``, described in words.

    ``report`` (default: the one the rule indexed with ``FactIndex``) lets the
    message name the total's column when its period does not (``describe.where``).
    """
    total_iv = interval(total)
    sum_iv = interval_sum((interval(f), s) for f, s in items)
    scale, decimals = _shown(total, items)
    computed = midpoint(sum_iv)
    expected = fmt_amount(computed, scale, decimals)
    terms = _terms(items)
    where = _where(report or FactIndex.report_of(total), total)
    spans = (total.span, *(f.span for f, _ in items))
    ids = (total.id, *(f.id for f, _ in items))
    numbers = {"shown": total.value, "computed": computed,
               "allowance": allowance(total_iv, total.value, sum_iv, computed),
               "signs": (1, *(1 if s > 0 else -1 for _, s in items))}
    if meets(total_iv, sum_iv):
        return Check(rule, "pass", f"{description}{where}: {total.display} = {terms}", spans,
                     expected=expected, actual=total.display, facts=ids,
                     document=document or total.document, **numbers)
    slack = fmt_amount(gap(total_iv, sum_iv), scale, decimals)
    # one item added as it is: its figure is the expected one, "(8,425) ((8,425))" says it twice
    shown_terms = "" if len(items) == 1 and items[0][1] > 0 else f" ({terms})"
    message = (f"{description}{where}: shown {total.display}, expected {expected}{shown_terms}: "
               f"{fmt_apart(total.value - computed, numbers['allowance'], scale, decimals)}")
    if _agree_as_printed(total, items):
        scales = " and ".join(sorted({fmt_amount(f.scale) for f in (total, *(f for f, _ in items))}, key=len))
        return Check(rule, "unverifiable",
                     f"{description}{where}: {total.display} = {terms} as printed, but their tables are read "
                     f"at different scales ({scales}): one table's scale note was probably not found",
                     spans, expected=expected, actual=total.display, slack=slack, facts=ids,
                     document=document or total.document, **numbers)
    if not must:
        message += " (not an identity: reconciling items may explain it)"
    return Check(rule, "fail" if must else "unverifiable", message, spans,
                 expected=expected, actual=total.display, slack=slack, facts=ids,
                 document=document or total.document, **numbers)


def _agree_as_printed(total: Fact, items: list[tuple[Fact, int]]) -> bool:
    """Figures of tables read at different scales that tie as printed: the tie proves nothing
    about the filing (a table whose note was missed is 1,000 or 1,000,000 times off)."""
    facts = (total, *(f for f, _ in items))
    if len({f.scale for f in facts}) < 2 or any(f.value is None or not f.scale for f in facts):
        return False

    def printed(f: Fact):
        return f.low / f.scale, f.high / f.scale

    return meets(printed(total), interval_sum((printed(f), s) for f, s in items))


def missing(rule: str, description: str, found: list[Fact], lacking: list[str]) -> Check:
    """Some facts of a tie were found but not all: unverifiable, naming what is missing."""
    return Check(rule, "unverifiable",
                 f"{description}: cannot tie, no {', no '.join(lacking)} found",
                 tuple(f.span for f in found), facts=tuple(f.id for f in found),
                 document=found[0].document if found else "")


def _shown(total: Fact, items):
    return total.scale, total.decimals
