"""Rule "balance-sheet": total assets = total liabilities and equity, at every date.

An identity of double entry. When the sheet prints "Total liabilities and
shareholders' equity" the assets must equal it; otherwise they must equal
total liabilities plus total equity. A sheet with assets but neither side of
the equation found is unverifiable.
"""

from __future__ import annotations

from collections.abc import Iterable

from tieout.checks.rules._common import FactIndex, missing, tie
from tieout.model import Check, Report

RULE = "balance-sheet"


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
        equity = index.one("StockholdersEquity", "balance", period)
        if liabilities is not None and equity is not None:
            yield tie(RULE, "Total assets = total liabilities + total equity", assets,
                      [(liabilities, 1), (equity, 1)])
        else:
            yield missing(RULE, f"Total assets ({period}) = liabilities + equity", [assets],
                          ["total liabilities and equity line"])
