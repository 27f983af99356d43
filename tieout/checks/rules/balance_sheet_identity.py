"""Rule "balance-sheet": total assets = total liabilities and equity, at every date.

An identity of double entry. When the sheet prints "Total liabilities and
shareholders' equity" the assets must equal it; otherwise they must equal
total liabilities plus total equity ("Total equity" with the noncontrolling
interests when printed) plus any redeemable interest printed between the two. A
sheet with assets but neither side of the equation found is unverifiable.
"""

from __future__ import annotations

from collections.abc import Iterable

from tieout.checks.rules._common import FactIndex, missing, tie
from tieout.model import Check, Report

RULE = "balance-sheet"
WHOLE_EQUITY = "StockholdersEquityIncludingPortionAttributableToNoncontrollingInterest"
TEMPORARY = "TemporaryEquityCarryingAmountAttributableToParent"


def check_balance_sheet(report: Report) -> Iterable[Check]:
    index = FactIndex(report)
    for period in index.periods("Assets", "balance"):
        assets = index.one("Assets", "balance", period)
        if assets is None:
            continue
        both = index.one("LiabilitiesAndStockholdersEquity", "balance", period)
        if both is not None:
            yield tie(RULE, "Total assets = total liabilities and equity", assets, [(both, 1)])
            continue
        liabilities = index.one("Liabilities", "balance", period)
        # "Total equity" (noncontrolling interests in) when printed, else the shareholders' equity;
        # a redeemable interest printed between liabilities and equity belongs to neither
        equity = index.one(WHOLE_EQUITY, "balance", period) or index.one("StockholdersEquity", "balance", period)
        mezzanine = index.one(TEMPORARY, "balance", period)
        if liabilities is not None and equity is not None:
            parts = [(liabilities, 1)] + ([(mezzanine, 1)] if mezzanine is not None else []) + [(equity, 1)]
            yield tie(RULE, "Total assets = total liabilities + " + ("redeemable interests + " if mezzanine else "")
                      + "total equity", assets, parts)
        else:
            yield missing(RULE, f"Total assets ({period}) = liabilities + equity", [assets],
                          ["total liabilities and equity line"])
