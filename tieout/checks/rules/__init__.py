"""Ties between statements, one rule per file, naming concepts not line numbers.

Each rule has the one signature ``rule(report) -> Iterable[Check]``. When a
rule's facts are absent altogether (the document has no cash-flow statement)
it says nothing; when some are present and a partner is missing where the
document should have it (the sheet has the date but no cash line) it says
"unverifiable". Identities fail on a mismatch; ties that reconciling items may
break (see ``_common.py``) report the difference as unverifiable.
"""

from tieout.checks.rules.balance_changes import check_balance_changes
from tieout.checks.rules.balance_sheet_identity import check_balance_sheet
from tieout.checks.rules.cash_reconciliation import check_cash
from tieout.checks.rules.depreciation import check_depreciation
from tieout.checks.rules.eps import check_eps
from tieout.checks.rules.fee_computation import check_fee_computation
from tieout.checks.rules.same_figure import check_same_figure
from tieout.checks.rules.sign_sense import check_sign_sense
from tieout.checks.rules.total_revenue import check_total_revenue

TIE_RULES = (
    check_balance_sheet,
    check_cash,
    check_same_figure,
    check_balance_changes,
    check_depreciation,
    check_eps,
    check_total_revenue,
    check_fee_computation,
    check_sign_sense,
)

__all__ = ["TIE_RULES"]
