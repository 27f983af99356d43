"""Rule "cash": the cash-flow statement's cash against itself and the balance sheet.

- cash at end = cash at beginning + net increase (decrease), when the layout has
  not already footed that row;
- cash at end of a period = balance-sheet cash at the period's last day;
- cash at beginning = balance-sheet cash on the day before the period starts.

All identities. A period with no balance-sheet column for the date is skipped
(the sheet simply does not show it); a balance sheet that has the date but no
cash line makes the tie unverifiable.
"""

from __future__ import annotations

from collections.abc import Iterable

from tieout.checks.rules._common import FactIndex, closing_instant, missing, opening_instant, tie
from tieout.model import Check, Report

RULE = "cash"
CASH = "CashAndCashEquivalentsAtCarryingValue"
BEGIN = "CashAndCashEquivalentsAtBeginningOfPeriod"
CHANGE = "CashAndCashEquivalentsPeriodIncreaseDecrease"


def check_cash(report: Report) -> Iterable[Check]:
    index = FactIndex(report)
    balance_dates = set(index.periods(CASH, "balance")) | set(index.periods("Assets", "balance"))
    # the cash-flow statement's periods; its cash balances are dated to one day of each (the facts
    # stage dates "at beginning of period" to the day before the start, "at end" to the last day)
    durations = sorted({period for (_, kind, period) in index.by if kind == "cashflow" and "/" in period})
    for period in durations:
        end = index.one(CASH, "cashflow", period) or index.one(CASH, "cashflow", closing_instant(period))
        begin = index.one(BEGIN, "cashflow", period) or index.one(BEGIN, "cashflow", opening_instant(period))
        change = index.one(CHANGE, "cashflow", period)
        if end is not None and begin is not None and change is not None \
                and end.id not in index.relation_totals:
            yield tie(RULE, "Cash at end = cash at beginning + net change", end,
                      [(begin, 1), (change, 1)])
    for concept, what, instant_of in ((CASH, "end", closing_instant), (BEGIN, "beginning", opening_instant)):
        for fact in sorted((f for (c, kind, _), facts in index.by.items() if c == concept and kind == "cashflow"
                            for f in facts), key=lambda f: f.id):
            instant = fact.period if fact.period and "/" not in fact.period else instant_of(fact.period)
            if instant not in balance_dates or index.one(concept, "cashflow", fact.period) is None:
                continue  # (two columns read with one period but different cash: a misread, not a tie)
            sheet = index.one(CASH, "balance", instant)
            description = f"Cash at {what} of period = balance-sheet cash at {instant}"
            if sheet is None:
                yield missing(RULE, description, [fact], ["balance-sheet cash line"])
            else:
                yield tie(RULE, description, fact, [(sheet, 1)])
