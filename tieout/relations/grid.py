"""A table as a grid of facts: rows x columns, for the finders.

Facts point at their table by ``table_index`` (position in ``Report.tables``)
and at their cell by row and column index. Only amounts take part in sums:
percentages, rates and per-unit figures (EPS, prices, $/oz) and blank cells are left out, and each row carries one unit so a
total never adds ounces to dollars.

The grid is built once per table and keeps, per cell, the interval the printed
figure stands for (``iv``), so the finders compare plain Decimal pairs instead of
recomputing ``Fact.low``/``Fact.high`` for every candidate structure. ``blank``
holds the cells printed empty in a row that shows numbers in other columns: in a
statement such a cell is nothing (a line that did not exist in that period), so a
sum may take it as zero.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from tieout.model import Fact, Report, Table

ZERO = Decimal(0)


@dataclass(frozen=True, slots=True)
class Grid:
    table_index: int
    table: Table
    cells: dict[tuple[int, int], Fact]  # (row, column) -> fact with a value
    number_rows: tuple[int, ...]  # rows with at least one summable fact
    ncols: int
    iv: dict[tuple[int, int], tuple[Decimal, Decimal]]  # (row, column) -> (low, high)
    blank: frozenset[tuple[int, int]] = frozenset()  # cells printed empty in a number row
    eaten: frozenset[int] = frozenset()  # columns whose header ends in a figure: a data row taken for header

    def fact(self, row: int, col: int) -> Fact | None:
        return self.cells.get((row, col))

    def row_unit(self, row: int) -> str:
        for col in range(self.ncols):
            fact = self.cells.get((row, col))
            if fact is not None:
                return fact.unit
        return ""


YEAR = re.compile(r"^(19|20)\d\d$")
FIGURE_END = re.compile(r"(?:^|\s)\$?\(?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)\)?$|(?:^|\s)N/A$", re.I)


def header_ends_in_figure(header: str) -> bool:
    """'NUMBER OUTSTANDING 66,750': the header walk took the first data row for a header line.

    A year ending a header ("Year ended December 31, 1999") is a period, not a figure.
    """
    m = FIGURE_END.search(header.strip())
    return bool(m) and not (m.group(1) and YEAR.match(m.group(1)))


# a column of prices, rates or what remains of a limit does not add up ("Average Price Paid per
# Share", "Maximum Dollar Value of Shares That May Yet Be Purchased", "Yield")
NOT_ADDITIVE = re.compile(r"\bprice\b|\brates?\b|\bmaximum\b|\bremaining\b|may\s+yet\s+be|\byield\b|\bratio\b",
                          re.IGNORECASE)


def summable(fact: Fact, table: Table) -> bool:
    if fact.value is None or YEAR.match(fact.display.strip()):  # a year heading read as a number
        return False
    if "%" in fact.unit or "/" in fact.unit or fact.unit in ("pure", "percent"):
        return False
    if 0 <= fact.column_index < len(table.columns) and (table.columns[fact.column_index].kind == "percent"
                                                       or NOT_ADDITIVE.search(table.columns[fact.column_index].header)):
        return False
    row = table.rows[fact.row_index] if 0 <= fact.row_index < len(table.rows) else None
    cell = row.cells[fact.column_index] if row and 0 <= fact.column_index < len(row.cells) else None
    return not (cell is not None and getattr(cell, "percent", False))


def table_grids(report: Report) -> list[Grid]:
    by_table: dict[int, dict[tuple[int, int], Fact]] = {}
    tables = report.tables
    for fact in report.fact_records:
        if fact.source != "table" or not (0 <= fact.table_index < len(tables)):
            continue
        table = tables[fact.table_index]
        if not summable(fact, table):
            continue
        by_table.setdefault(fact.table_index, {})[(fact.row_index, fact.column_index)] = fact
    grids = []
    # an HTML document's rows are on the lines of its rendering, not of the file
    rendered = {d.name: [line.text for line in d.lines] for d in report.filing.documents if d.origin is not None}
    for index, cells in sorted(by_table.items()):
        table = tables[index]
        ncols = max(len(table.columns), 1 + max(c for _, c in cells))
        rows = tuple(sorted({r for r, _ in cells}))
        iv = {}
        halves: dict[tuple[Decimal, int], Decimal] = {}  # a table has few (scale, decimals) pairs
        for key, fact in cells.items():
            half = halves.get((fact.scale, fact.decimals))
            if half is None:
                half = halves[fact.scale, fact.decimals] = fact.scale * Decimal(1).scaleb(-fact.decimals) / 2
            iv[key] = (fact.value - half, fact.value + half)
        blank = set()
        raw = rendered.get(table.document, report.filing.raw_lines)
        for r in rows:
            row = table.rows[r]
            text = None
            for c in range(ncols):
                if (r, c) in cells or c >= len(table.columns):
                    continue
                cell = row.cells[c] if c < len(row.cells) else None
                if not (cell is None or (cell.value is None and not cell.display.strip())):
                    continue
                if text is None:
                    text = raw[row.line - 1].expandtabs(8) if 0 < row.line <= len(raw) else ""
                column = table.columns[c]
                if not any(ch.isdigit() for ch in text[max(column.left - 3, 0):column.right + 2]):
                    blank.add((r, c))  # nothing printed there, not a figure the reader missed
        eaten = frozenset(c for c, column in enumerate(table.columns) if header_ends_in_figure(column.header))
        grids.append(Grid(index, table, cells, rows, ncols, iv, frozenset(blank), eaten))
    return grids
