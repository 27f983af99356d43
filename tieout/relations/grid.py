"""A table as a grid of facts: rows x columns, for the finders.

Facts point at their table by ``table_index`` (position in ``Report.tables``)
and at their cell by row and column index. Only amounts take part in sums:
percentages, rates and per-unit figures (EPS, prices, $/oz) and blank cells are left out, and each row carries one unit so a
total never adds ounces to dollars.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tieout.model import Fact, Report, Table


@dataclass(frozen=True, slots=True)
class Grid:
    table_index: int
    table: Table
    cells: dict[tuple[int, int], Fact]  # (row, column) -> fact with a value
    number_rows: tuple[int, ...]  # rows with at least one summable fact
    ncols: int

    def fact(self, row: int, col: int) -> Fact | None:
        return self.cells.get((row, col))

    def row_unit(self, row: int) -> str:
        for col in range(self.ncols):
            fact = self.cells.get((row, col))
            if fact is not None:
                return fact.unit
        return ""


YEAR = re.compile(r"^(19|20)\d\d$")


def summable(fact: Fact, table: Table) -> bool:
    if fact.value is None or YEAR.match(fact.display.strip()):  # a year heading read as a number
        return False
    if "%" in fact.unit or "/" in fact.unit or fact.unit in ("pure", "percent"):
        return False
    if 0 <= fact.column_index < len(table.columns) and table.columns[fact.column_index].kind == "percent":
        return False
    row = table.rows[fact.row_index] if 0 <= fact.row_index < len(table.rows) else None
    cell = row.cells[fact.column_index] if row and 0 <= fact.column_index < len(row.cells) else None
    return not (cell is not None and getattr(cell, "percent", False))


def table_grids(report: Report) -> list[Grid]:
    by_table: dict[int, dict[tuple[int, int], Fact]] = {}
    for fact in report.fact_records:
        if fact.source != "table" or not (0 <= fact.table_index < len(report.tables)):
            continue
        table = report.tables[fact.table_index]
        if not summable(fact, table):
            continue
        by_table.setdefault(fact.table_index, {})[(fact.row_index, fact.column_index)] = fact
    grids = []
    for index, cells in sorted(by_table.items()):
        table = report.tables[index]
        ncols = max(len(table.columns), 1 + max(c for _, c in cells))
        rows = tuple(sorted({r for r, _ in cells}))
        grids.append(Grid(index, table, cells, rows, ncols))
    return grids
