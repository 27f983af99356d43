"""A figure that names a row but measures something else is unverifiable, never a failure.

Each sentence of the fixture is clean: a part of a row ("premiums earned by assumption"
against "Net premiums earned"), the cash paid against the expense, the gross amount a
sentence sets beside the row's own figure. None of them is a typing slip of the row's value,
so none may fail; a slip in the row's own figure still does.
"""

from tests.claims.helpers import FIXTURES, read_claim_checks

RELEASE = FIXTURES / "other_measures.txt"
TEXT = RELEASE.read_bytes()


def test_other_measures_of_a_named_row_do_not_fail():
    report, checks = read_claim_checks(RELEASE, TEXT)
    assert checks["$176,606,000"].status == "pass"
    assert checks["$23,300,000"].status == "pass"
    for text in ("$6,091,000", "$13,781,000", "$60,000", "$68,529,000"):
        assert checks[text].status == "unverifiable", (text, checks[text].message)
    assert "another measure" in checks["$68,529,000"].message


def test_a_slip_in_the_rows_own_figure_still_fails():
    _, checks = read_claim_checks(RELEASE, TEXT.replace(b"$176,606,000", b"$176,660,000"))
    assert checks["$176,660,000"].status == "fail"


def test_a_row_the_sentence_already_ties_to_another_figure_is_not_blamed():
    # within a factor of two of the row: only the sentence's own tie to $23,300,000 spares it
    _, checks = read_claim_checks(RELEASE, TEXT.replace(b"$68,529,000", b"$30,529,000"))
    assert checks["$30,529,000"].status == "unverifiable"
    assert "the same sentence states as $23,300,000" in checks["$30,529,000"].message
