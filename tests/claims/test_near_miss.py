"""Near-miss (typo) detection: a narrative figure one slip away from its table value fails, tied to that row.

The fixture is a short release with a highlights table; each case injects one
slip (a digit, two adjacent digits transposed, a sign) into one narrative
figure and states the check the claim must get.
"""

from decimal import Decimal

import pytest

from tests.claims.helpers import FIXTURES, fact, read_claim_checks
from tieout.claims.nearmiss import Written, compare, render_fact

RELEASE = FIXTURES / "near_miss.txt"
TEXT = RELEASE.read_bytes()


def claim_checks(data: bytes):
    return read_claim_checks(RELEASE, data)


def test_clean_release_passes_every_claim():
    report, checks = claim_checks(TEXT)
    assert {text: k.status for text, k in checks.items()} == {
        "$537,000": "pass", "2 cents": "pass", "$43.6 million": "pass", "$1,204,000": "pass",
        "5 cents": "pass", "47,272 ounces": "pass", "$260": "pass"}
    assert [k for k in report.checks if k.status == "fail"] == []


@pytest.mark.parametrize("old, new, kind, row, shown", [
    (b"$537,000", b"$587,000", "one digit differs", "Net income (loss) (537)", "5[3]7,000 -> 5[8]7,000"),
    (b"$537,000", b"$573,000", "two adjacent digits are transposed", "Net income (loss) (537)",
     "5[37],000 -> 5[73],000"),
    (b"$43.6 million", b"$45.8 million", None, None, None),  # two digits apart: not a slip
    (b"$43.6 million", b"$34.6 million", "two adjacent digits are transposed", "Sales 43,641", "[43].6 -> [34].6"),
    (b"$43.6 million", b"$43.9 million", "one digit differs", "Sales 43,641", "43.[6] -> 43.[9]"),
    (b"$1,204,000", b"$(1,204,000)", "the same digits with the opposite sign", "Net income (loss) 1,204",
     "1,204,000 -> (1,204,000)"),
    (b"$260 per", b"$206 per", "two adjacent digits are transposed", "Cash cost per ounce of gold 260",
     "2[60] -> 2[06]"),
    (b"47,272 ounces", b"47,227 ounces", "two adjacent digits are transposed", "Gold produced (ounces) 47,272",
     "47,2[72] -> 47,2[27]"),
])
def test_injected_slip_fails_tied_to_its_row(old, new, kind, row, shown):
    assert old in TEXT
    report, checks = claim_checks(TEXT.replace(old, new, 1))
    text = new.decode().split(" per")[0].strip()
    if text.endswith("ounces"):
        text = new.decode()
    check = checks[text]
    if kind is None:
        assert check.status != "fail" or "typo" not in check.message
        return
    assert check.status == "fail"
    assert f'"{text}" does not match {row}' in check.message
    assert kind in check.message and shown in check.message and "a typo?" in check.message
    claim = next(c for c in report.claims if c.text == text)
    assert check.spans[0].line == claim.line and len(check.spans) == 2  # the claim, then the fact
    assert [k.lines[0] for k in report.checks if k.status == "fail"] == [claim.line]


def test_a_loss_word_and_parentheses_state_one_sign():
    # "a net loss of $(537,000)": the parentheses repeat the sign the word gives; the claim is -537,000
    report, checks = claim_checks(TEXT.replace(b"$537,000", b"$(537,000)", 1))
    claim = next(c for c in report.claims if c.text == "$(537,000)")
    assert claim.value == Decimal(-537000) and checks["$(537,000)"].status == "pass"


def test_positive_amount_against_a_negative_row_is_not_a_sign_slip():
    # "net income of $537,000" where the table shows (537): the word states income, so the sign is a slip
    report, checks = claim_checks(TEXT.replace(b"a net loss of $537,000", b"net income of $537,000", 1))
    assert checks["$537,000"].status == "fail" and "opposite sign" in checks["$537,000"].message


def test_hedged_figure_is_compared_in_its_hedge_direction():
    # "over 47,000" admits 47,272; "over 74,000" is 47 thousand with two digits transposed
    report, checks = claim_checks(TEXT.replace(b"was 47,272 ounces", b"was over 74,000 ounces", 1))
    check = checks["74,000 ounces"]
    assert check.status == "fail" and "[47],000 -> [74],000" in check.message


def test_rendering_at_the_claims_precision():
    written = Written("436", Decimal(100000), 1, 0)
    assert render_fact(fact(0, "Sales", "p", "43641"), written) == "436"
    assert render_fact(fact(0, "Gold", "p", "47272", unit="oz", scale=1), Written("47", Decimal(1000), 0, 1),
                       "over") == "47"
    cents = Written("013", Decimal("0.01"), 2, 0)
    assert render_fact(fact(0, "EPS", "p", "0.53", unit="USD/share", decimals=2), cents) == "053"
    assert compare("053", "013", False, cents).kind == "digit"
    assert compare("053", "503", False, cents).kind == "swap"
    assert compare("5", "2", False, Written("2", Decimal(1), 0, 0)) is None  # one significant digit
    # 56 shares at the precision of "40,000,000 shares" is "0", printed without a padding zero: no near miss
    assert render_fact(fact(0, "Shares", "p", "56", unit="shares", scale=1), Written("40", Decimal(10) ** 6, 0, 2)) == "0"
