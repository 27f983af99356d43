"""A tie between tables read at different scales that holds as printed is a reading doubt, not a failure.

When one statement's scale note is missed, its figures are 1,000 or 1,000,000 times off; a tie
between it and a statement read at its own scale then fails by a huge amount though the filing
agrees with itself. The rule: such a tie is "unverifiable", saying the scales differ.
"""

from decimal import Decimal

from tests.checks.builder import R, T, build
from tieout.loader import verify

Q1 = "1996-01-01/1996-03-31"


def _cash_checks(flow_scale: Decimal, flow_end: str):
    report = verify(build(
        T("Consolidated Balance Sheets", ["1996-03-31", "1995-12-31"], [
            R("Cash and cash equivalents", "5,018", "4,024"),
            R("Total assets", "39,716", "29,595")]),
        T("Consolidated Statements of Cash Flows", [Q1], [
            R("Net increase in cash and cash equivalents", "994"),
            R("Cash and cash equivalents at beginning of period", "4,024"),
            R("Cash and cash equivalents at end of period", flow_end)],
          scale=flow_scale, note="" if flow_scale == 1 else "dollars in thousands"),
    ))
    return [c for c in report.checks if c.rule == "cash" and "balance-sheet cash" in c.message]


def test_a_tie_that_holds_as_printed_across_scales_is_unverifiable():
    checks = _cash_checks(Decimal(1), "5,018")
    assert checks and all(c.status == "unverifiable" for c in checks)
    assert "different scales (1 and 1,000)" in checks[0].message


def test_a_tie_that_misses_as_printed_still_fails():
    assert {c.status for c in _cash_checks(Decimal(1), "5,118")} >= {"fail"}
    assert {c.status for c in _cash_checks(Decimal(1000), "5,118")} >= {"fail"}


def test_the_same_scales_tie_as_before():
    assert {c.status for c in _cash_checks(Decimal(1000), "5,018")} == {"pass"}
