"""Rule "footing": each Relation's total against the interval sum of its items.

The total's printed figure stands for an interval, so do the items; the total
foots when the two intervals meet. A relation found by layout that does not
foot fails; one found only by search cannot fail (it would not exist), and if
handed one that does not foot it is reported unverifiable. A miss in a column whose
row or header shows signs of a misread (``tieout.checks.doubt``) is unverifiable too,
unless the same structure foots in a column read cleanly.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from tieout.checks.describe import terms as _terms
from tieout.checks.describe import where as _where
from tieout.checks.doubt import header_doubt, reading_doubt
from tieout.checks.intervals import (
    allowance,
    fmt_amount,
    fmt_apart,
    gap,
    interval,
    interval_sum,
    meets,
    midpoint,
)
from tieout.model import Check, Fact, Report


def check_footing(report: Report) -> Iterable[Check]:
    facts = report.fact_records
    checks: list[tuple[Check, list[Fact], tuple[int, str]]] = []
    for relation in report.relations:
        if relation.kind != "sum":
            continue
        try:
            total = facts[relation.total]
            items = [(facts[fid], sign) for fid, sign in relation.items]
        except IndexError:
            yield Check("footing", "unverifiable", f"relation {relation.name!r} names a missing fact",
                        spans=(), document=report.path)
            continue
        check = footing_check(report, "footing", total, items, relation.found_by, relation.name)
        checks.append((check, [total, *(f for f, _ in items)], (total.table_index, relation.name)))
    # a structure that foots in a column read cleanly is confirmed: the other columns' misses stand
    confirmed = {key for check, involved, key in checks if check.status == "pass" and not header_doubt(involved[0])}
    for check, involved, key in checks:
        doubt = reading_doubt(involved) if check.status == "fail" and key not in confirmed else ""
        yield replace(check, status="unverifiable", message=f"{check.message}; unverifiable: {doubt}") \
            if doubt else check


def footing_check(report: Report, rule: str, total: Fact, items: list[tuple[Fact, int]],
                  found_by: str = "layout", name: str = "") -> Check:
    """One Check: ``total`` against the signed interval sum of ``items``."""
    total_iv = interval(total)
    sum_iv = interval_sum((interval(f), s) for f, s in items)
    ok = meets(total_iv, sum_iv)
    scale, decimals = total.scale, total.decimals
    expected = fmt_amount(midpoint(sum_iv), scale, decimals)
    where = _where(report, total)  # " (1999-12-31)", or " in column 'Pro Forma' (1999-12-31)"
    terms = _terms(items)
    computed = midpoint(sum_iv)
    allowed = allowance(total_iv, total.value, sum_iv, computed)
    if ok:
        status, message = "pass", f"{total.label or 'subtotal'}{where}: {total.display} = {terms}"
        slack = ""
    else:
        status = "fail" if found_by in ("layout", "rule") else "unverifiable"
        off = gap(total_iv, sum_iv)
        slack = fmt_amount(off, scale, decimals)
        message = (f"{total.label or 'subtotal'}{where} does not foot: shown {total.display}, "
                   f"items sum to {expected} ({terms}): "
                   f"{fmt_apart(total.value - computed, allowed, scale, decimals)}")
    return Check(rule=rule, status=status, message=message,
                 spans=(total.span, *(f.span for f, _ in items)),
                 expected=expected, actual=total.display, slack=slack,
                 facts=(total.id, *(f.id for f, _ in items)), document=total.document,
                 shown=total.value, computed=computed, allowance=allowed,
                 signs=(1, *(1 if s > 0 else -1 for _, s in items)))
