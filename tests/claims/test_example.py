"""The bundled example release checks clean; its half-year and year-end claims tie to the right columns."""

from pathlib import Path

import pytest

import tieout

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "northwind-1997-q2-release.txt"


@pytest.fixture(scope="module")
def report():
    return tieout.read(EXAMPLE)


def claim_check(report, text: str, line: int):
    claim = next(c for c in report.claims if c.text == text and c.line == line)
    check = next(k for k in report.checks if k.rule == "claim" and k.claims == (claim.id,))
    return claim, check


def test_example_has_no_failing_check(report):
    assert [c.message for c in report.checks if c.status == "fail"] == []


def test_first_six_months_ties_to_the_six_month_column(report):
    claim, check = claim_check(report, "$5.7 million", 13)
    assert claim.period == "1997-01-01/1997-06-30"
    assert check.status == "pass" and "5,725" in check.message


def test_first_half_of_last_year_is_its_own_period(report):
    claim, check = claim_check(report, "$696,000", 13)
    assert claim.period == "1996-01-01/1996-06-30"
    assert check.status == "pass"


def test_end_of_last_year_is_the_year_end_instant(report):
    claim, check = claim_check(report, "$6.9 million", 42)
    assert claim.period == "1996-12-31"
    assert check.status == "pass" and "6,905" in check.message
    claim, check = claim_check(report, "$8.4 million", 41)
    assert claim.period == "1997-06-30" and check.status == "pass"
