"""Rule "total-revenue": a "total revenue" printed outside the statements = sales + other income.

Releases often headline a total revenue that the statement of operations does
not print: sales of products plus interest and other income. When the
statement of operations has no revenue line of its own, the headline figure
is tied to that sum. Companies define headline revenue their own way, so a
mismatch is unverifiable, never a failure.
"""

from __future__ import annotations

from collections.abc import Iterable

from tieout.checks.rules._common import FactIndex, tie
from tieout.model import Check, Report

RULE = "total-revenue"


def check_total_revenue(report: Report) -> Iterable[Check]:
    index = FactIndex(report)
    for period in index.periods("Revenues", "highlights"):
        if index.all("Revenues", "operations", period):
            continue
        revenue = index.one("Revenues", "highlights", period)
        sales = index.one("SalesRevenueNet", "operations", period)
        other = index.one("InterestAndOtherIncome", "operations", period)
        if revenue is None or sales is None or other is None:
            continue
        yield tie(RULE, "Total revenue = sales + interest and other income", revenue,
                  [(sales, 1), (other, 1)], must=False)
