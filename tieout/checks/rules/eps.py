"""Rule "eps": earnings per share = income to common / weighted average shares.

Interval division: the income and the share count each stand for an interval
as printed, so their quotient is an interval, which must meet the interval of
the EPS as printed. Basic EPS only, and only when the statement of operations
prints one EPS, one share count and the income line for the period (income
available to common when there is one, else net income). The sign of the EPS
is taken as printed; "loss per share" shown without parentheses is compared by
magnitude. An EPS a little smaller than the quotient (under 2%) is unverifiable: the
two-class method gives part of the income to participating securities, unprinted. One that
meets the quotient at another power of 1,000 is too: the share count's scale is in doubt.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from tieout.checks.describe import where as _where
from tieout.checks.intervals import allowance, fmt_apart, fmt_plain, gap, interval, interval_div, meets, midpoint
from tieout.checks.rules._common import FactIndex
from tieout.model import Check, Report

RULE = "eps"


def check_eps(report: Report) -> Iterable[Check]:
    index = FactIndex(report)
    for period in index.periods("EarningsPerShareBasic", "operations"):
        eps = index.one("EarningsPerShareBasic", "operations", period)
        shares = index.one("WeightedAverageNumberOfSharesOutstandingBasic", "operations", period)
        income = (index.one("NetIncomeLossAvailableToCommonStockholdersBasic", "operations", period)
                  or (None if index.all("PreferredStockDividendsIncomeStatementImpact", "operations", period)
                      else index.one("NetIncomeLoss", "operations", period)))
        if eps is None or shares is None or income is None:
            continue
        if len({eps.table_index, shares.table_index, income.table_index}) != 1:
            continue
        quotient = interval_div(interval(income), interval(shares))
        if quotient is None:
            continue
        target = interval(eps)
        if eps.value is not None and income.value is not None and (eps.value < 0) != (income.value < 0) \
                and eps.value != 0 and income.value != 0:
            quotient = (-quotient[1], -quotient[0])  # "loss per share" printed without parentheses
        spans = (eps.span, income.span, shares.span)
        ids = (eps.id, income.id, shares.id)
        computed = midpoint(quotient)
        expected = fmt_plain(computed, eps.decimals + 3)
        where = _where(report, eps) or f" ({period})"
        numbers = {"shown": eps.value, "computed": computed,
                   "allowance": allowance(target, eps.value, quotient, computed)}
        if meets(target, quotient):
            yield Check(RULE, "pass", f"{eps.label}{where}: {eps.display} = {income.display} / "
                        f"{shares.display}", spans, expected=expected, actual=eps.display,
                        facts=ids, document=eps.document, **numbers)
        elif _share_scale_off(target, quotient):
            yield Check(RULE, "unverifiable", f"{eps.label}{where}: shown {eps.display}, {income.label} "
                        f"{income.display} / {shares.label} {shares.display} = {expected}: a power of 1,000 "
                        f"apart, so the share count's scale is in doubt (the table states none for shares)",
                        spans, expected=expected, actual=eps.display, facts=ids, document=eps.document, **numbers)
        elif _allocated(eps.value, computed):
            yield Check(RULE, "unverifiable", f"{eps.label}{where}: shown {eps.display}, {income.label} "
                        f"{income.display} / {shares.label} {shares.display} = {expected}: a little less, as "
                        f"when earnings go to participating securities first (the two-class method), which the "
                        f"statement does not show", spans, expected=expected, actual=eps.display, facts=ids,
                        document=eps.document, **numbers)
        else:
            slack = fmt_plain(gap(target, quotient), eps.decimals + 3)
            apart = fmt_apart(eps.value - computed, numbers["allowance"], decimals=eps.decimals + 2)
            yield Check(RULE, "fail", f"{eps.label}{where}: shown {eps.display}, but {income.label} "
                        f"{income.display} / {shares.label} {shares.display} = {expected}: {apart}", spans,
                        expected=expected, actual=eps.display, slack=slack, facts=ids,
                        document=eps.document, **numbers)


ALLOCATED = Decimal("0.02")  # the most the two-class method takes from basic EPS, as a share of it


def _allocated(shown, computed) -> bool:
    """Is the EPS shown smaller in size than income / shares by under 2%? Earnings allocated to
    participating securities (unvested restricted shares) lower basic EPS so, without a line of
    their own in the statement; a typing slip is rarely that close."""
    if shown is None or computed == 0 or (shown < 0) != (computed < 0):
        return False
    return abs(shown) < abs(computed) and (abs(computed) - abs(shown)) / abs(computed) < ALLOCATED


_SCALES = (Decimal(1000), Decimal(1_000_000), Decimal(1) / 1000, Decimal(1) / 1_000_000)


def _share_scale_off(target, quotient) -> bool:
    """Does the EPS meet income / shares taken at another power of 1,000? Then the share count was read
    at the wrong scale (counts in thousands under a note that names only dollars), not misprinted."""
    return any(meets(target, (quotient[0] * k, quotient[1] * k)) for k in _SCALES)
