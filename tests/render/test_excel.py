"""The Excel workbook of a real report (examples/northwind-1997-q2-release.txt): totals that a
reader which does not calculate sees as numbers, formulas that stay formulas, sheet names Excel
takes, a Contents sheet, a filtered Facts sheet, and comments that sit on the cell they name."""

from __future__ import annotations

import re
from decimal import Decimal

import openpyxl
import pandas as pd
import pytest

from tests.conftest import EXAMPLE
from tieout.cli import main
from tieout.render.excel import report_to_xlsx, sheet_name

FORMULA_REF = re.compile(r"(-?)([A-Z]{1,3}\d+)")


@pytest.fixture(scope="module")
def workbook(tmp_path_factory):
    import tieout

    path = tmp_path_factory.mktemp("xlsx") / "northwind.xlsx"
    report_to_xlsx(tieout.read(EXAMPLE), path)
    return path


def formula_cells(book):
    """(sheet, cell, formula) of every SUM formula on the table sheets."""
    return [(ws.title, c.coordinate, c.value) for ws in book.worksheets if ws.title.startswith("T")
            for row in ws.iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith("=SUM(")]


def items_of(formula: str) -> list[tuple[int, str]]:
    """``=SUM(B7:B9)`` -> [(1, B7), (1, B8), (1, B9)]; ``=SUM(B7,-B8)`` -> [(1, B7), (-1, B8)]."""
    body = formula[len("=SUM("):-1]
    if ":" in body:
        first, last = body.split(":")
        column = re.match(r"[A-Z]+", first).group()
        return [(1, f"{column}{r}") for r in range(int(first[len(column):]), int(last[len(column):]) + 1)]
    return [(-1 if sign else 1, ref) for sign, ref in FORMULA_REF.findall(body)]


def cell_value(frame: pd.DataFrame, ref: str):
    column = re.match(r"[A-Z]+", ref).group()
    index = sum((ord(ch) - 64) * 26 ** k for k, ch in enumerate(reversed(column))) - 1
    return frame.iat[int(ref[len(column):]) - 1, index]


def test_pandas_reads_every_total_as_its_number_and_formulas_stay_formulas(workbook):
    book = openpyxl.load_workbook(workbook)  # formulas as written
    cells = formula_cells(book)
    assert len(cells) >= 40  # the example's statements foot: balance sheet, operations, cash flows
    frames = pd.read_excel(workbook, sheet_name=None, header=None, engine="openpyxl")  # cached results
    values = openpyxl.load_workbook(workbook, data_only=True)
    for sheet, ref, formula in cells:
        frame = frames[sheet]
        total = cell_value(frame, ref)
        assert isinstance(total, (int, float)) and not pd.isna(total), (sheet, ref, formula)
        expected = sum(Decimal(str(cell_value(frame, r))) * sign for sign, r in items_of(formula))
        assert Decimal(str(total)) == expected, (sheet, ref, formula)
        assert values[sheet][ref].value == total
    balance = frames["T2 Consolidated Balance Sheets"]
    assert balance.iat[16, 0] == "Total assets" and balance.iat[16, 1] == 183261  # as printed
    assert book["T2 Consolidated Balance Sheets"]["B17"].value == "=SUM(B13:B16)"


def test_export_from_a_store_writes_cached_totals(tmp_path):
    db, out = tmp_path / "t.duckdb", tmp_path / "book.xlsx"
    assert main(["ingest", str(EXAMPLE), "--db", str(db), "--workers", "0"]) == 0
    assert main(["export", "--db", str(db), "--format", "xlsx", "-o", str(out)]) == 0
    frames = pd.read_excel(out, sheet_name=None, header=None, engine="openpyxl")
    operations = frames["T3 Operations"]
    net_income = operations[operations[0] == "Net income"].iloc[0]
    assert list(net_income[1:5]) == [3030, 664, 5725, 696]
    assert openpyxl.load_workbook(out)["T3 Operations"]["B23"].value == "=SUM(B21:B22)"


def test_extract_xlsx_writes_cached_totals(tmp_path):
    out = tmp_path / "extract.xlsx"
    assert main(["extract", str(EXAMPLE), "--format", "xlsx", "-o", str(out)]) == 0
    balance = pd.read_excel(out, sheet_name="T2 Consolidated Balance Sheets", header=None, engine="openpyxl")
    total = balance[balance[0] == "Total liabilities and shareholders' equity"].iloc[0]
    assert list(total[1:3]) == [183261, 178100]


def test_sheet_names_are_short_unique_and_cut_between_words():
    taken = {"contents", "facts", "checks"}
    long = "Consolidated Statements of Cash Flows Three fiscal years ended September 27, 1996"
    assert sheet_name(long, 4, taken) == "T4 Cash Flows Three fiscal"
    assert sheet_name("Results of Operations and Other Matters Discussed", 5, taken) == "T5 Results of Operations"  # no dangling "and"
    assert sheet_name("Report: [draft] 1/2 *final*? \\ 'x'", 6, taken) == "T6 Report draft 1 2 final x"
    first = sheet_name("Segment data", 7, taken)
    again = sheet_name("SEGMENT DATA", 7, taken)  # Excel compares names regardless of case
    assert first == "T7 Segment data" and again == "T7 SEGMENT DATA~2"
    word = sheet_name("Supercalifragilisticexpialidociousness", 8, taken)
    assert len(word) == 31 and word.startswith("T8 Supercal")
    for name in taken:
        assert len(name) <= 31 and not re.search(r"[\[\]:*?/\\']", name)


def test_contents_lists_every_sheet_with_its_full_title_and_a_link(workbook):
    book = openpyxl.load_workbook(workbook)
    assert book.sheetnames[0] == "Contents"
    contents = book["Contents"]
    rows = list(contents.iter_rows(min_row=2))
    listed = {row[3].value: row for row in rows}
    assert set(listed) == set(book.sheetnames) - {"Contents"}
    for name, row in listed.items():
        assert row[3].hyperlink.location == f"'{name}'!A1"
        if name.startswith("T"):
            assert row[2].value == book[name]["A1"].value  # the full title, as on the sheet
    assert listed["T3 Operations"][2].value == "NORTHWIND GOLD & SILVER CORPORATION Consolidated Statements of Operations"
    assert len({n.lower() for n in book.sheetnames}) == len(book.sheetnames)


def test_facts_sheet_has_its_header_frozen_and_filtered(workbook):
    facts = openpyxl.load_workbook(workbook)["Facts"]
    assert facts.freeze_panes == "A2"
    assert facts.auto_filter.ref == f"A1:S{facts.max_row}"
    assert facts["A1"].value == "doc_id" and facts.max_row > 200


def test_every_comment_names_the_cell_it_sits_on(workbook):
    book = openpyxl.load_workbook(workbook)
    n = 0
    for ws in book.worksheets:
        if not ws.title.startswith("T"):
            continue
        for row in ws.iter_rows():
            for cell in row:
                if cell.comment is None:
                    continue
                n += 1
                first = cell.comment.text.split("\n")[0]
                named = re.match(r"([A-Z]+\d+) (.*), shown (.*):$", first)
                assert named, first
                ref, about, shown = named.groups()
                assert ref == cell.coordinate
                assert about.startswith(ws.cell(row=cell.row, column=1).value or "")  # the row's label
                printed = Decimal(shown.replace(",", "").replace("(", "-").replace(")", "").replace("$", ""))
                assert printed == Decimal(str(cell.value if not isinstance(cell.value, str) else
                                              book_value(workbook, ws.title, cell.coordinate)))
    assert n >= 60


def book_value(path, sheet, ref):
    return openpyxl.load_workbook(path, data_only=True)[sheet][ref].value
