"""What a user meets at the prompt: one-line reprs, frames of tables and facts, ``from tieout import *``."""

from __future__ import annotations

import dataclasses
import math
from decimal import Decimal

import pandas as pd

import tieout
from tieout.model import Cell, Column, Row, Table

MAX_REPR = 200  # characters: a record prints as one line that fits a terminal or two


def every_record(report):
    yield report
    yield report.filing
    yield from report.filing.documents
    yield from report.filing.documents[0].lines[:50]
    yield from report.blocks
    yield from report.tables
    for table in report.tables:
        yield from table.rows
    yield from report.fact_records
    yield from report.relations
    yield from report.claims
    yield from report.checks


def test_every_record_prints_as_one_short_line(example_report):
    """Issue 14: repr(report) printed 428,598 characters, the whole dataclass tree."""
    seen = set()
    for record in every_record(example_report):
        text = repr(record)
        assert "\n" not in text and len(text) <= MAX_REPR, text
        assert text.startswith(f"<{type(record).__name__} ") and text.endswith(">"), text
        seen.add(type(record).__name__)
    assert {"Report", "Filing", "Document", "Line", "Block", "Table", "Row", "Fact", "Relation", "Claim",
            "Check"} <= seen


def test_report_repr_counts_what_it_holds(example_report):
    report = example_report
    fails = sum(c.status == "fail" for c in report.checks)
    assert repr(report) == (f"<Report northwind-1997-q2-release.txt: 1 document, {len(report.tables)} tables, "
                            f"{len(report.fact_records)} facts, {len(report.checks)} checks ({fails} fail)>")
    assert len(report.fact_records) > 100 and len(report.checks) > 100


def test_fact_and_check_reprs_say_what_they_are(example_report):
    fact = next(f for f in example_report.fact_records if f.label == "Net income" and f.value is not None)
    text = repr(fact)
    for part in (f"<Fact {fact.id} ", "'Net income'", fact.period, str(fact.value), fact.unit,
                 repr(fact.display), f"line {fact.line}:{fact.col}"):
        assert part in text, (part, text)
    check = example_report.checks[0]
    assert repr(check).startswith(f"<Check {check.rule} {check.status} at line")
    table = example_report.tables[1]
    assert repr(table).startswith(f"<Table 1 of {table.document} {table.title[:20]!r}"[:-1])
    assert f"{len(table.rows)} rows x {len(table.columns)} columns" in repr(table)


def test_a_long_title_is_cut_and_records_keep_their_equality(example_report):
    table = dataclasses.replace(example_report.tables[0], title="CONSOLIDATED " * 40)
    assert len(repr(table)) <= MAX_REPR and "..." in repr(table)
    fact = example_report.fact_records[3]
    assert dataclasses.replace(fact) == fact and hash(dataclasses.replace(fact)) == hash(fact)
    assert dataclasses.replace(fact, value=Decimal(1)) != fact
    assert dataclasses.replace(example_report) == example_report


def test_facts_frame_has_decimal_values_and_a_float_column(example_report):
    facts = example_report.facts
    columns = list(facts.columns)
    assert columns[columns.index("value") + 1] == "value_float"
    valued = [f for f in example_report.fact_records if f.value is not None]
    assert all(isinstance(v, Decimal) for v in facts.value.dropna())
    assert facts.value_float.dtype == "float64"
    assert math.isclose(facts.value_float.sum(), float(sum(f.value for f in valued)), rel_tol=1e-12)
    blank = [f.id for f in example_report.fact_records if f.value is None]
    assert facts.value_float.isna().sum() == len(blank)


def test_table_to_frame_is_labels_by_periods_with_fact_values(example_report):
    balance = next(t for t in example_report.tables if "BALANCE" in t.title.upper())
    frame = balance.to_frame()
    assert list(frame.index.names) == ["label", "path", "row"]
    assert frame.index.is_unique
    assert list(frame.columns) == [c.period for c in balance.columns]
    facts = [f for f in example_report.fact_records if f.table_index == example_report.tables.index(balance)]
    for fact in facts:
        row = balance.rows[fact.row_index]
        cell = frame.loc[(row.label, " > ".join(row.path), fact.row_index), frame.columns[fact.column_index]]
        assert cell == fact.value and (cell is None or isinstance(cell, Decimal))
    assert len(frame) == sum(not r.heading for r in balance.rows)
    total = frame.loc["Total current assets"]
    assert total.iloc[0, 0] == sum(f.value for f in facts if f.column_index == 0 and
                                   balance.rows[f.row_index].label == "Total current assets")
    assert frame.attrs["title"] == balance.title


def handmade_table() -> Table:
    """Two columns of one period (a pro forma table), an undated column, and one label printed twice."""
    columns = (Column(0, "June 30, 1997 Historical", "1997-06-30", 30, 40),
               Column(1, "June 30, 1997 Pro Forma", "1997-06-30", 45, 55),
               Column(2, "Notes", None, 60, 65))

    def row(label, line, values, path=("Revenue",)):
        cells = tuple(Cell(str(v), Decimal(v), 0, False, line, 30 + 15 * i, 33 + 15 * i) for i, v in enumerate(values))
        return Row(label=label, path=path, indent=2, line=line, label_line=line, cells=cells)

    rows = (Row(label="Revenue", path=(), indent=0, line=9, label_line=9, cells=(None, None, None), heading=True),
            row("Other", 10, (1, 2, 3)), row("Other", 11, (4, 5, 6)), row("Total", 12, (5, 7, 9), path=()))
    return Table(document="pro-forma.txt", index=0, title="PRO FORMA", note="", scale=Decimal(1),
                 shares_scale=Decimal(1), first=8, last=12, columns=columns, rows=rows)


def test_to_frame_keeps_repeated_labels_and_periods_apart():
    frame = handmade_table().to_frame()
    assert list(frame.columns) == ["1997-06-30 June 30, 1997 Historical", "1997-06-30 June 30, 1997 Pro Forma",
                                   "Notes"]
    assert frame.index.is_unique and len(frame) == 3  # the heading is in the path, not a row
    other = frame.loc["Other"]
    assert list(other.index) == [("Revenue", 1), ("Revenue", 2)]
    assert [list(v) for v in other.values] == [[Decimal(1), Decimal(2), Decimal(3)],
                                               [Decimal(4), Decimal(5), Decimal(6)]]
    assert isinstance(frame, pd.DataFrame)


def test_star_import_gives_the_entry_points():
    namespace: dict = {}
    exec("from tieout import *", namespace)  # noqa: S102 - the statement under test
    from tieout.loader import read, verify
    from tieout.store import open_store

    assert namespace["open_store"] is open_store
    assert namespace["verify"] is verify and namespace["read"] is read
    assert {"Report", "Table", "Fact", "Check", "InputError"} <= set(namespace)
    assert set(tieout.__all__) <= set(namespace)
