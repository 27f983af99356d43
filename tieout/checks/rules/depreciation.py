"""Rule "depreciation": depreciation in the statement of operations = the cash-flow add-back.

The statement of operations may split depreciation over several lines (cost of
sales, and again under other operating expenses); their sum for a period
should equal the cash-flow statement's non-cash depreciation line. Not an
identity (depreciation capitalised into inventory, amortisation of other
items), so a mismatch is unverifiable, never a failure.
"""

from __future__ import annotations

from collections.abc import Iterable

from tieout.checks.rules._common import FactIndex, tie
from tieout.model import Check, Report

RULE = "depreciation"
DDA = "DepreciationDepletionAndAmortization"


def check_depreciation(report: Report) -> Iterable[Check]:
    index = FactIndex(report)
    for period in index.periods(DDA, "cashflow"):
        flow = index.one(DDA, "cashflow", period)
        lines = index.all(DDA, "operations", period)
        if flow is None or not lines or len({f.table_index for f in lines}) != 1:
            continue
        yield tie(RULE, "Cash-flow depreciation = depreciation in operations", flow,
                  [(f, 1) for f in lines], must=False)
