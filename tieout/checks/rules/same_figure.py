"""Rule "same-figure": a figure printed in two statements must be the same figure.

Net income in the statement of operations, in the cash-flow statement and in
the highlights; gross profit, income to common, EPS and operating cash flow in
the highlights against the statements; segment total sales against the sales
line. One concept, one period, different tables: the values must meet within
their rounding. Only concepts that a statement states once are compared
(depreciation, for instance, may be split over two lines), and tables titled
pro forma or restated are left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from tieout.checks.rules._common import FactIndex, tie
from tieout.model import Check, Report

RULE = "same-figure"
CONCEPTS = (
    "NetIncomeLoss", "GrossProfit", "SalesRevenueNet", "Revenues", "OperatingIncomeLoss",
    "NetIncomeLossAvailableToCommonStockholdersBasic", "EarningsPerShareBasic",
    "EarningsPerShareDiluted", "NetCashProvidedByUsedInOperatingActivities",
    "NetCashProvidedByUsedInInvestingActivities", "NetCashProvidedByUsedInFinancingActivities",
    "Assets", "StockholdersEquity", "WeightedAverageNumberOfSharesOutstandingBasic",
)
KINDS = ("operations", "cashflow", "balance", "highlights")
SKIP_TITLE = re.compile(r"pro\s*forma|restated|supplemental", re.I)
PART = re.compile(r"segment|division|quarter|unit\b", re.I)  # a part of the company, not the whole


def check_same_figure(report: Report) -> Iterable[Check]:
    index = FactIndex(report)
    for concept in CONCEPTS:
        by_period: dict[str, list] = {}
        for fact in index.by_concept.get(concept, []):
            if index.kind_of(fact) not in KINDS or not fact.period:
                continue
            table = report.tables[fact.table_index]
            if SKIP_TITLE.search(table.title + " " + table.note + " " + " ".join(fact.path)):
                continue
            if PART.search(" ".join(fact.path)) and not fact.label.lower().startswith("total"):
                continue
            by_period.setdefault(fact.period, []).append(fact)
        for period, facts in sorted(by_period.items()):
            per_table: dict[int, list] = {}
            for fact in facts:
                per_table.setdefault(fact.table_index, []).append(fact)
            # one figure per table; a table stating the concept twice is ambiguous
            firsts = [group[0] for _, group in sorted(per_table.items()) if len(group) == 1]
            # one figure per statement kind: two tables of one kind for one period are
            # different presentations (GAAP and non-GAAP, quarterly detail), not one figure
            kinds = [index.kind_of(f) for f in firsts]
            firsts = [f for f, k in zip(firsts, kinds) if kinds.count(k) == 1]
            if len(firsts) < 2:
                continue
            anchor = _anchor(firsts, index)
            for other in firsts:
                if other is anchor or _attributable(other) != _attributable(anchor):
                    continue  # "Net income" may hold the noncontrolling interests' share; "... attributable to
                    # Alcoa Corporation" does not
                yield tie(RULE, f"{other.label} ({index.kind_of(other)}) = {anchor.label} "
                                f"({index.kind_of(anchor)})", other, [(anchor, 1)])


def _anchor(facts, index: FactIndex):
    """The statement figure others are compared with: operations, cash flow, balance first."""
    order = {"operations": 0, "cashflow": 1, "balance": 2, "highlights": 3}
    return min(facts, key=lambda f: (order.get(index.kind_of(f), 9), f.table_index))


_ATTRIBUTABLE = re.compile(r"attributable|noncontrolling|non-controlling|minority", re.I)


def _attributable(fact) -> bool:
    return bool(_ATTRIBUTABLE.search(fact.label))
