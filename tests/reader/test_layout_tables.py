"""Layout (blocks) and tables on small fixtures of the corpus's styles."""

from decimal import Decimal
from pathlib import Path

import tieout
from tieout.layout import document_to_blocks
from tieout.source import load_filing

FIXTURES = Path(__file__).parent.parent / "fixtures" / "reader"


def read(name):
    return tieout.read(FIXTURES / name, check=False)


def test_narrative_and_table_blocks():
    filing = load_filing(FIXTURES / "narrative-and-table.txt")
    blocks, problems = document_to_blocks(filing.documents[0])
    tables = [b for b in blocks if b.kind == "table"]
    assert len(tables) == 1 and tables[0].last == 15 and 8 <= tables[0].first <= 11
    paragraphs = [b for b in blocks if b.kind == "paragraph"]
    assert [p.first for p in paragraphs] == [3, 18]
    assert problems == []


def test_narrative_numbers_are_not_facts():
    report = read("narrative-and-table.txt")
    assert {f.line for f in report.fact_records} == {14, 15}
    table = report.tables[0]
    assert [c.period for c in table.columns] == ["1998-07-01/1998-09-30", "1997-07-01/1997-09-30"]
    assert table.title == "ACME CORPORATION"


def test_dot_leaders_and_millions():
    report = read("dot-leaders.txt")
    table = report.tables[0]
    assert table.scale == Decimal(1000000)
    rows = {r.label: r for r in table.rows}
    assert rows["Total current assets"].path == ("Current assets",)
    assert rows["Inventories"].cells[0].nil
    cash = next(f for f in report.fact_records if f.label == "Cash and cash equivalents")
    assert (cash.value, cash.period) == (Decimal(1230000000), "1997-09-30")


def test_sgml_table_with_five_columns_under_spanning_headers():
    report = read("sgml-five-columns.txt")
    table = report.tables[0]
    assert [c.period for c in table.columns] == [
        "2004-10-01/2004-12-31", "2004-07-01/2004-09-30", "2003-10-01/2003-12-31",
        "2004-07-01/2004-12-31", "2003-07-01/2003-12-31"]
    labels = [r.label for r in table.rows]
    assert "Selling, general and administrative" in labels
    assert "Shares used in computing basic earnings (loss) per share" in labels
    shares = [f for f in report.fact_records if f.label.startswith("Shares used")]
    assert shares[0].unit == "shares" and shares[0].value == Decimal(26554000)
    assert table.note == "In thousands, except per share data"


def test_tab_aligned_crlf_table():
    report = read("tabs-crlf.txt")
    table = report.tables[0]
    assert len(table.columns) == 2
    assert [c.period for c in table.columns] == ["1997-01-01/1997-12-31", "1996-01-01/1996-12-31"]
    facts = {(f.label, f.column_index): f for f in report.fact_records}
    assert facts[("Net sales", 0)].value == Decimal(454033000)
    assert facts[("Net income", 0)].value == Decimal(-370000)
    assert facts[("Earnings per share", 0)].value == Decimal("-0.02")
    assert facts[("Accrued compensation and employee benefits", 0)].display == "120"
    # columns count in the original line, where tabs are one character
    sales = facts[("Net sales", 0)]
    assert sales.line == 6 and sales.col == 15


def test_percentage_columns_interleaved_with_amounts():
    report = read("percent-columns.txt")
    kinds = [c.kind for c in report.tables[0].columns]
    assert kinds == ["amount", "percent", "amount", "percent"]
    wholesale = [f for f in report.fact_records if f.label == "Wholesale"]
    assert [(f.unit, str(f.value)) for f in wholesale] == [("USD", "7600000"), ("%", "38"),
                                                          ("USD", "7350000"), ("%", "42")]
    assert report.tables[0].columns[0].period == "1998-01-01/1998-03-31"


def test_example_release_reads_every_table(seed_path):
    example = Path(__file__).resolve().parents[2] / "examples" / "northwind-1997-q2-release.txt"
    report = tieout.read(example, check=False)
    assert len(report.tables) == 5
    assert len(report.fact_records) == 212
    assert [t.title.replace("NORTHWIND GOLD & SILVER CORPORATION ", "") for t in report.tables] == [
        "HIGHLIGHTS", "Consolidated Balance Sheets", "Consolidated Statements of Operations",
        "Consolidated Statements of Cash Flows", "Production Data"]
    assert report.tables[0].columns[0].header == "Second Quarter Ended June 30, 1997"


def test_sgml_column_markers_merge_clusters_of_one_column():
    from tieout.tables.columns import columns_by_hints

    # <S> at 1, <C> at 30 and 45: three clusters, two of them inside the first marked column
    assert columns_by_hints(((30, 36), (38, 42), (47, 55)), (1, 30, 45)) == ((30, 42), (47, 55))
    assert columns_by_hints(((30, 36), (47, 55)), (1, 30, 45)) == ((30, 36), (47, 55))
    assert columns_by_hints(((30, 36), (38, 42)), ()) == ((30, 36), (38, 42))


def test_double_spaced_document_reads_as_single_spaced():
    report = read("double-spaced.txt")
    assert len(report.tables) == 1
    table = report.tables[0]
    assert [c.period for c in table.columns] == ["2003-07-01/2003-09-30", "2003-04-01/2003-06-30",
                                                 "2002-07-01/2002-09-30"]
    labels = [r.label for r in table.rows if not r.heading]
    assert labels == ["Net revenues", "Cost of revenues", "Gross profit", "Research and development",
                      "Selling, general and administrative"]
    assert table.title == "Example Corporation Consolidated Statements of Operations"
