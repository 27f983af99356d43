"""EX-27 financial data schedules: tagged, multi-column, untagged (Apple), and the tie check."""

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

import tieout
from tieout.ex27 import (check_ex27, derived_start, ex27_facts, parse_date, parse_number,
                         schedules)

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ex27"


def with_ex27(report):
    return replace(report, fact_records=report.fact_records + tuple(ex27_facts(report)))


def test_numbers_and_dates():
    assert parse_number("(1,295)") == (Decimal(-1295), 0)
    assert parse_number(".12") == (Decimal("0.12"), 2)
    assert parse_number("-6.59") == (Decimal("-6.59"), 2)
    assert parse_number("3-MOS") is None
    assert parse_date("SEP-29-1995") == "1995-09-29"
    assert parse_date("FEB-30-1995") == ""
    assert derived_start("1998-03-31", "3-MOS") == "1998-01-01"
    assert derived_start("1997-12-31", "YEAR") == "1997-01-01"


def test_tagged_article_5_facts():
    report = tieout.read(FIXTURES / "tagged-article5-10q.txt", check=False)
    facts = ex27_facts(report)
    by_tag = {f.label: f for f in facts}
    assert len(facts) == 32
    assert [f.id for f in facts] == list(range(len(report.fact_records), len(report.fact_records) + 32))
    cash = by_tag["CASH"]
    assert (cash.value, cash.unit, cash.period, cash.source) == (Decimal(10196000), "USD", "1998-03-31", "ex27")
    assert cash.concept == "CashAndCashEquivalentsAtCarryingValue"
    raw = report.filing.raw_lines[cash.line - 1]
    assert raw[cash.col - 1:cash.end_col - 1] == "10,196"
    net = by_tag["NET-INCOME"]
    assert net.period == "1998-01-01/1998-03-31" and net.value == Decimal(6000000)
    eps = by_tag["EPS-PRIMARY"]  # per-share values are never multiplied
    assert (eps.value, eps.unit, eps.scale) == (Decimal("0.12"), "USD/share", Decimal(1))


def test_tie_check_passes_and_fails():
    report = with_ex27(tieout.read(FIXTURES / "tagged-article5-10q.txt", check=False))
    checks = {c.message.split()[1]: c for c in check_ex27(report)}
    assert checks["CASH"].status == "pass"
    assert checks["CURRENT-ASSETS"].status == "pass"
    total = checks["TOTAL-ASSETS"]  # the schedule says 271,875; the balance sheet 271,873
    assert total.status == "fail" and total.expected == "271875000" and total.actual == "271873000"
    assert len(total.spans) == 2 and total.rule == "ex27"
    assert checks["NET-INCOME"].status == "unverifiable"  # no statement of operations in the file


def test_multi_column_restated_article_9():
    report = tieout.read(FIXTURES / "tagged-article9-restated.txt", check=False)
    found, problems = schedules(report.filing)
    assert [(s.article, s.period_type, s.period_end, s.restated) for s in found] == [
        ("9", "9-MOS", "1997-09-30", True), ("9", "YEAR", "1996-12-31", True)]
    facts = ex27_facts(report)
    loans = [f for f in facts if f.label == "LOANS"]
    assert [f.value for f in loans] == [Decimal(800000000), Decimal(750000000)]
    assert [f.period for f in facts if f.label == "NET-INCOME"] == [
        "1997-01-01/1997-09-30", "1996-01-01/1996-12-31"]
    assert {f.unit for f in facts if f.label == "YIELD-ACTUAL"} == {"%"}


@pytest.mark.parametrize("name, cash, eps", [
    ("0000320193-95-000016.txt", Decimal(756000000), Decimal("3.45")),
    ("0000320193-96-000023.txt", Decimal(1552000000), Decimal("-6.59")),
    ("0001047469-97-006960.txt", Decimal(1230000000), Decimal("-8.29")),
])
def test_untagged_apple_schedules(corpus_dir, name, cash, eps):
    from tieout.source import load_filing
    from tieout.model import Report

    filing = load_filing(corpus_dir / "aapl-10k" / name)
    found, problems = schedules(filing)
    assert problems == [] and len(found) == 1 and not found[0].tagged
    facts = {f.label: f for f in ex27_facts(Report(filing=filing, tables=(), fact_records=()))}
    assert len(facts) == 32
    assert facts["CASH"].value == cash and facts["EPS-PRIMARY"].value == eps
    assert facts["TOTAL-ASSETS"].period == found[0].period_end


def test_apple_1995_ties_to_its_statements(corpus_dir):
    report = with_ex27(tieout.read(corpus_dir / "aapl-10k" / "0000320193-95-000016.txt", check=False))
    statuses = {c.message.split()[1]: c.status for c in check_ex27(report)}
    assert statuses["CASH"] == "pass" and statuses["NET-INCOME"] == "pass"
    assert "fail" not in statuses.values()


def test_untagged_with_wrong_count_is_not_read():
    from tieout.model import Filing, Report

    lines = ("EX-27", "4", "ART. 5 FDS", "5", "1,000", "YEAR", "DEC-31-1996", "DEC-31-1996",
             *["1"] * 31, "EX-10")
    filing = Filing(path="x.txt", sha256="0", size=1, encoding="ascii", documents=(), raw_lines=lines)
    found, problems = schedules(filing)
    assert found == [] and "31 values where article 5 has 32 tags" in problems[0].message
    assert ex27_facts(Report(filing=filing, tables=(), fact_records=())) == []


def test_apple_schedules_tie_to_the_primary_statements(corpus_dir):
    """Each Apple 10-K's (tag-stripped) schedule: no false failure, most values tied."""
    import tieout

    for name in ("0000320193-95-000016.txt", "0000320193-96-000023.txt", "0001047469-97-006960.txt"):
        report = tieout.read(corpus_dir / "aapl-10k" / name)
        ex27 = [c for c in report.checks if c.rule == "ex27"]
        assert not [c.message for c in ex27 if c.status == "fail"], name
        assert sum(c.status == "pass" for c in ex27) >= 7, name
