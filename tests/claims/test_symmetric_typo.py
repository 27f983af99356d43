"""The symmetric typo rule: a claim fails when undoing one slip would make it pass, tied to the row, by the pass rule.

In the fixture, "general and administrative overhead was $2,718,000" passes on
the clean text tied to "General and administrative, mines 2,718", though its
words are weaker than the near-miss test alone asks ("overhead" is not in the
label, "mines" is not in the sentence). Each injected slip of that figure must
now fail, tied to that row: corrected back to 2,718 thousand at the claim's
precision, the claim would pass by the very rule that passed it. A figure one
slip from a row its subject is not mostly about stays unverifiable.
"""

import pytest

from tests.claims.helpers import FIXTURES, read_claim_checks

RELEASE = FIXTURES / "weak_overlap.txt"
TEXT = RELEASE.read_bytes()
ROW = "General and administrative, mines 2,718 in thousands"


def claim_checks(data: bytes):
    return read_claim_checks(RELEASE, data)


def test_clean_claims_pass_on_their_words():
    report, checks = claim_checks(TEXT)
    assert {text: k.status for text, k in checks.items()} == {"$12,345,000": "pass", "$2,718,000": "pass"}
    assert "General and administrative, mines" in checks["$2,718,000"].message
    assert [k for k in report.checks if k.status == "fail"] == []


@pytest.mark.parametrize("new, kind, shown", [
    (b"$2,781,000", "two adjacent digits are transposed", "2,7[18],000 -> 2,7[81],000"),
    (b"$2,719,000", "one digit differs", "2,71[8],000 -> 2,71[9],000"),
    (b"$2,218,000", "one digit differs", "2,[7]18,000 -> 2,[2]18,000"),
    (b"($2,718,000)", "the same digits with the opposite sign", "2,718,000 -> (2,718,000)"),
])
def test_injected_slip_of_a_weakly_worded_claim_fails_tied_to_its_row(new, kind, shown):
    report, checks = claim_checks(TEXT.replace(b"$2,718,000", new, 1))
    text = new.decode()
    check = checks[text]
    assert check.status == "fail", check.message
    assert f'"{text}" does not match {ROW}' in check.message
    assert kind in check.message and shown in check.message and "a typo?" in check.message
    assert [k.lines[0] for k in report.checks if k.status == "fail"] == [check.spans[0].line]


def test_a_change_beyond_one_slip_is_not_a_typo():
    _, checks = claim_checks(TEXT.replace(b"$2,718,000", b"$2,187,000", 1))  # three digits moved
    assert checks["$2,187,000"].status == "unverifiable"


def test_a_subject_not_mostly_about_the_row_is_not_blamed():
    # "administrative overhead costs" shares one key word with the row and says two it does not: a clean
    # claim may pass on that overlap when its value matches exactly, but one slip away it is unverifiable
    text = TEXT.replace(b"general and administrative\noverhead was $2,718,000",
                        b"administrative overhead\ncosts were $2,781,000", 1)
    _, checks = claim_checks(text)
    assert checks["$2,781,000"].status == "unverifiable"


def test_a_claim_without_a_period_is_not_blamed():
    text = TEXT.replace(b"overhead was $2,718,000 for the first quarter of 1996",
                        b"overhead was $2,781,000 in the past", 1)
    report, checks = claim_checks(text)
    assert checks["$2,781,000"].status != "fail"
