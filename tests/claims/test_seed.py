"""The Hecla seed: every narrative claim ties or is unverifiable; a changed digit fails at its line."""

from pathlib import Path

import pytest

import tieout

TIED = {  # figure as written -> line of the fact it must tie to
    "$537,000": 215, "1 cent": 216, "$43.6 million": 212, "$2 million": 388, "$4.5 million": 215,
    "9 cents": 216, "$37.2 million": 212, "$1.5 million": 214, "$2.5 million": 214, "$400": 254,
    "536,000 ounces": 240, "$4.66": 248, "39,000 ounces": 239, "47,000 ounces": 239, "$260": 245,
    "255,038 tons": 243, "242,768 tons": 243, "18,000 ounces": 521, "$296": 524, "21,000 ounces": 498,
    "$175": 501, "$431": 513,
}


@pytest.fixture(scope="module")
def seed_report(seed_path: Path):
    return tieout.read(seed_path)


def claim_checks(report):
    by_id = {c.id: c for c in report.claims}
    return [(by_id[k.claims[0]], k) for k in report.checks if k.rule == "claim"]


def test_every_seed_claim_ties_or_is_unverifiable(seed_report):
    pairs = claim_checks(seed_report)
    assert len(pairs) == len(seed_report.claims) >= 35
    assert [k.message for _, k in pairs if k.status == "fail"] == []
    tied = {c.text: seed_report.fact_records[k.facts[0]].line for c, k in pairs if k.status == "pass"}
    for text, line in TIED.items():
        assert tied.get(text) == line, (text, tied.get(text))


def test_seed_claims_carry_period_and_span(seed_report):
    claims = {c.text: c for c in seed_report.claims}
    loss = claims["$537,000"]
    assert (loss.line, loss.col, loss.end_col) == (10, 25, 33)
    assert loss.period == "1996-01-01/1996-03-31" and loss.value == -537000
    assert claims["$4.5 million"].period == "1995-01-01/1995-03-31"
    assert claims["17%"].kind == "change" and claims["17%"].base_period == "1995-01-01/1995-03-31"
    assert claims["47%"].kind == "share" and claims["29.7%"].kind == "share"
    assert claims["1.7 million ounces"].period == "1995-01-01/1995-12-31"


def test_derived_claims_pass(seed_report):
    checks = {c.text: k for c, k in claim_checks(seed_report)}
    assert checks["17%"].status == "pass" and "-16.96%" in checks["17%"].message
    assert checks["doubling"].status == "pass"
    assert checks["47%"].status == "pass" and checks["80%"].status == "pass"
    for text in ("29.7%", "1.7 million ounces", "50 million ounces", "3 million ounces", "$3.00", "7,500 acres"):
        assert checks[text].status == "unverifiable", text


@pytest.mark.parametrize("old, new, line", [
    (b"$537,000", b"$573,000", 10),
    (b"$537,000", b"$538,000", 10),
    (b"$43.6 million", b"$43.7 million", 11),
    (b"over 47,000", b"over 46,000", 32),
    (b"17% reduction", b"18% reduction", 34),
    (b"47% interest", b"48% interest", 118),
])
def test_injected_narrative_error_fails_at_its_line(seed_path: Path, old, new, line):
    data = seed_path.read_bytes()
    report = tieout.read(seed_path, data=data.replace(old, new, 1))
    failing = [k for k in report.checks if k.rule == "claim" and k.status == "fail"]
    assert [k.lines[0] for k in failing] == [line]
