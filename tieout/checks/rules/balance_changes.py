"""Rule "balance-change": the change in a balance-sheet line = its cash-flow line.

For each pair in ``tieout.concepts.CHANGE_OF`` (receivables, inventories,
payables, accrued payroll, accrued taxes, ...), the cash-flow line of a period
equals the balance between the sheet dates the period runs between, with the
sign the cash-flow statement uses (an asset that grows uses cash). Also:

- long-term debt: change = borrowings - repayments;
- common stock + capital surplus: change = proceeds from issuing common stock;
- accumulated deficit / retained earnings: change = income (loss) to common.

None of these is an identity: acquisitions, non-cash entries, reclassification
to current portion or stock issued for services can move a balance without
cash. So a mismatch is "unverifiable" with the difference, never a failure.
Periods whose opening and closing dates are not both on the sheet are skipped.
"""

from __future__ import annotations

from collections.abc import Iterable

from tieout.checks.rules._common import FactIndex, closing_instant, missing, opening_instant, tie
from tieout.concepts import CHANGE_OF
from tieout.model import Check, Report

RULE = "balance-change"


def check_balance_changes(report: Report) -> Iterable[Check]:
    index = FactIndex(report)
    sheet_dates = set()
    for (concept, kind, period) in index.by:
        if kind == "balance":
            sheet_dates.add(period)
    if not sheet_dates:
        return
    for balance, (change, sign) in CHANGE_OF.items():
        for period in index.periods(change, "cashflow"):
            dates = _dates(period, sheet_dates)
            if dates is None:
                continue
            flow = index.one(change, "cashflow", period)
            if flow is None:
                continue
            opening, closing = (index.one(balance, "balance", d) for d in dates)
            description = f"Cash-flow {flow.label} = change in balance-sheet {balance}"
            if opening is None or closing is None:
                yield missing(RULE, description, [flow], [f"balance-sheet {balance} at both dates"])
                continue
            # flow = sign * (closing - opening)
            yield tie(RULE, description, flow, [(closing, sign), (opening, -sign)], must=False)
    yield from _debt(index, sheet_dates)
    yield from _equity(index, sheet_dates)


def _dates(period: str, sheet_dates: set[str]):
    opening, closing = opening_instant(period), closing_instant(period)
    if opening in sheet_dates and closing in sheet_dates:
        return opening, closing
    return None


def _debt(index: FactIndex, sheet_dates):
    for period in sorted(set(index.periods("ProceedsFromIssuanceOfLongTermDebt", "cashflow"))
                         | set(index.periods("RepaymentsOfLongTermDebt", "cashflow"))):
        dates = _dates(period, sheet_dates)
        if dates is None:
            continue
        opening, closing = (index.one("LongTermDebtNoncurrent", "balance", d) for d in dates)
        flows = [f for f in (index.one("ProceedsFromIssuanceOfLongTermDebt", "cashflow", period),
                             index.one("RepaymentsOfLongTermDebt", "cashflow", period)) if f is not None]
        if opening is None or closing is None or not flows:
            continue
        # closing = opening + borrowings + repayments (repayments shown negative)
        yield tie(RULE, "Long-term debt at end = at beginning + borrowings - repayments", closing,
                  [(opening, 1), *((f, 1) for f in flows)], must=False)


def _equity(index: FactIndex, sheet_dates):
    for period in index.periods("ProceedsFromIssuanceOfCommonStock", "cashflow"):
        dates = _dates(period, sheet_dates)
        if dates is None:
            continue
        proceeds = index.one("ProceedsFromIssuanceOfCommonStock", "cashflow", period)
        parts = [(index.one(c, "balance", d), c, d) for d in dates
                 for c in ("CommonStockValue", "AdditionalPaidInCapital")]
        if proceeds is None or any(f is None for f, _, _ in parts):
            continue
        (o_stock, _, _), (o_apic, _, _), (c_stock, _, _), (c_apic, _, _) = parts
        yield tie(RULE, "Common stock + surplus: change = proceeds from issuing common stock",
                  proceeds, [(c_stock, 1), (c_apic, 1), (o_stock, -1), (o_apic, -1)], must=False)
    for concept in ("NetIncomeLossAvailableToCommonStockholdersBasic",):
        for period in index.periods(concept, "operations"):
            dates = _dates(period, sheet_dates)
            if dates is None:
                continue
            income = index.one(concept, "operations", period)
            opening, closing = (index.one("RetainedEarningsAccumulatedDeficit", "balance", d) for d in dates)
            if income is None or opening is None or closing is None:
                continue
            yield tie(RULE, "Accumulated deficit: change = income (loss) to common", income,
                      [(closing, 1), (opening, -1)], must=False)
