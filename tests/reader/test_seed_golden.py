"""The seed, end to end: every one of its 292 table cells as an analyst reads it.

The expected facts live in tests/fixtures/reader/hecla-1996-q1-facts.tsv (checked
by hand against the printed release); the test also pins the table titles,
notes, column periods and attributable shares.
"""

from decimal import Decimal
from pathlib import Path

import pytest

import tieout

GOLDEN = Path(__file__).parent.parent / "fixtures" / "reader" / "hecla-1996-q1-facts.tsv"


@pytest.fixture(scope="module")
def seed_report(seed_path):
    return tieout.read(seed_path, check=False)


def _golden_rows():
    rows = []
    for line in GOLDEN.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        number, col, table, label, path, period, value, unit, display = line.split("\t")
        rows.append((int(number), int(col), int(table), label, tuple(path.split(" > ")) if path else (),
                     period, Decimal(value), unit, display))
    return rows


def test_every_cell_of_the_seed_is_read_as_printed(seed_report):
    expected = _golden_rows()
    actual = [(f.line, f.col, f.table_index, f.label, f.path, f.period, f.value, f.unit, f.display)
              for f in seed_report.fact_records]
    assert len(expected) == 292
    for want, got in zip(expected, actual):
        assert got == want
    assert len(actual) == len(expected)


def test_seed_has_287_numbers_and_5_nil_cells(seed_report):
    nil = [f for f in seed_report.fact_records if f.display in ("- -",)]
    assert len(nil) == 5 and all(f.value == 0 for f in nil)
    assert len(seed_report.fact_records) - len(nil) == 287


def test_seed_tables_titles_notes_and_periods(seed_report):
    tables = seed_report.tables
    assert [t.title for t in tables] == [
        "HECLA MINING COMPANY HIGHLIGHTS",
        "HECLA MINING COMPANY Consolidated Balance Sheets",
        "HECLA MINING COMPANY Consolidated Statements of Operations",
        "HECLA MINING COMPANY Consolidated Statements of Cash Flows",
        "HECLA MINING COMPANY Production Data",
    ]
    assert tables[0].note == "dollars in thousands, except per-share amounts - unaudited"
    assert tables[2].note == "dollars and shares in thousands, except per-share amounts - unaudited"
    assert [c.period for c in tables[0].columns] == ["1996-01-01/1996-03-31", "1995-01-01/1995-03-31"]
    assert [c.period for c in tables[1].columns] == ["1996-03-31", "1995-12-31"]
    assert tables[4].attributable == (("AMERICAN GIRL UNIT", Decimal("0.47")), ("GROUSE CREEK", Decimal("0.8")))


def test_seed_rules_close_the_rows_they_total(seed_report):
    balance = seed_report.tables[1]
    by_label = {row.label: row for row in balance.rows}
    assert by_label["Total current assets"].rule_above == "-"
    assert by_label["Total assets"].rule_below == "="
    operations = seed_report.tables[2]
    unlabeled = [row for row in operations.rows if not row.label and not row.heading]
    assert [row.cells[0].display for row in unlabeled] == ["39,012", "2,980", "556"]


def test_shares_scale_is_inferred_and_said_so(seed_report):
    shares = [f for f in seed_report.fact_records if f.label.startswith("Common shares outstanding")]
    assert {f.scale_source for f in shares} == {"inferred"}
    weighted = [f for f in seed_report.fact_records if f.label.startswith("Weighted average")]
    assert {f.scale_source for f in weighted} == {"note"}
    assert weighted[0].value == Decimal(51130000)


def test_cents_per_pound_become_dollars_per_pound(seed_report):
    lead = next(f for f in seed_report.fact_records if f.label == "Lead - LME Cash (cents/pound)")
    assert (lead.value, lead.unit, lead.scale) == (Decimal("0.347"), "USD/lb", Decimal("0.01"))
    assert (lead.low, lead.high) == (Decimal("0.3465"), Decimal("0.3475"))


def test_interval_of_a_thousands_figure(seed_report):
    cash = next(f for f in seed_report.fact_records if f.label == "Cash and cash equivalents")
    assert (cash.low, cash.high) == (Decimal(5017500), Decimal(5018500))
