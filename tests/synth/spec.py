"""A table before layout: columns with their periods, rows with exact figures, the sums that hold.

Why: a statement's content (which lines, which figures, which totals) is chosen
apart from how it is typed (headers, leaders, tabs, rules), so every layout can
be applied to every statement, and the key comes from the content, not from
reading the layout back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from tests.synth.fiscal import Span


@dataclass(frozen=True)
class Column:
    kind: str  # "duration", "instant" or "named" (an equity component, a pro forma column)
    span: Span | None = None
    instant: date | None = None
    names: tuple[str, ...] = ()  # a named column's header lines
    group: str = ""  # a spanning header over named columns ("Historical")
    scale_source: str = ""  # "header" when the column's own header scales its figures ("(in thousands)")

    @property
    def period(self) -> str | None:
        if self.span is not None:
            return self.span.iso
        return self.instant.isoformat() if self.instant else None


@dataclass(frozen=True)
class Cell:
    kind: str  # money, shares, eps, percent
    amount: int | Decimal  # base units at the books' precision (money, shares); as printed (eps, percent)
    period: str
    row_period: str = ""  # "opening", "closing", "label": the row, not the column, dates the figure


@dataclass
class Row:
    key: str
    label: str
    indent: int  # nesting level, 0 outermost
    cells: list[Cell | None]
    heading: bool = False
    total: str = ""  # "", "sub" (a rule above), "grand" (a rule above, a double rule below)
    dollar: bool = False  # printed with "$" signs
    path: tuple[str, ...] = ()

    def amounts(self) -> list:
        return [None if cell is None else cell.amount for cell in self.cells]


@dataclass(frozen=True)
class Sum:
    """``total = sum(weight * item)`` over cells given as (row key, column)."""

    total: tuple[str, int]
    items: tuple[tuple[tuple[str, int], int], ...]
    axis: str


@dataclass
class TableSpec:
    kind: str
    statement: str  # the statement's name ("Consolidated Balance Sheets")
    columns: list[Column]
    rows: list[Row] = field(default_factory=list)
    sums: list[Sum] = field(default_factory=list)
    title_period: Span | None = None  # a period the title must name (pro forma, roll-forward)
    money_only: bool = True  # no share counts or per-share rows (a column note may scale it all)

    def row(self, key: str) -> Row:
        return next(r for r in self.rows if r.key == key)


class Builder:
    """Adds rows and their sums to a TableSpec, tracking the open section headings."""

    def __init__(self, kind: str, statement: str, columns: list[Column]):
        self.spec = TableSpec(kind, statement, columns)
        self._path: list[tuple[int, str]] = []

    def heading(self, label: str, indent: int = 0) -> None:
        self._close(indent)
        self.spec.rows.append(Row(f"heading-{len(self.spec.rows)}", label, indent, [None] * len(self.spec.columns),
                                  heading=True, path=self.path()))
        self._path.append((indent, label))

    def close(self, indent: int = 0) -> None:
        """End the sections at ``indent`` and deeper (a total at that level follows them)."""
        self._close(indent)

    def _close(self, indent: int) -> None:
        while self._path and self._path[-1][0] >= indent:
            self._path.pop()

    def path(self) -> tuple[str, ...]:
        return tuple(label for _, label in self._path)

    def line(self, key: str, label: str, kind: str, amounts: list, indent: int = 1, total: str = "",
             dollar: bool = False, row_period: str = "", periods: list[str] | None = None,
             kinds: list[str] | None = None) -> None:
        """A row of figures; ``amounts`` has one entry per column, None for a blank cell.

        ``periods`` dates the cells when the row, not the column, does; ``kinds``
        gives a column its own kind (the share counts of a roll-forward).
        """
        kinds = kinds or [kind] * len(amounts)
        cells: list[Cell | None] = []
        for index, amount in enumerate(amounts):
            if amount is None:
                cells.append(None)
                continue
            period = periods[index] if periods else self.spec.columns[index].period
            cells.append(Cell(kinds[index], amount, period, row_period))
        if {"shares", "eps"} & set(kinds):
            self.spec.money_only = False
        self.spec.rows.append(Row(key, label, indent, cells, total=total, dollar=dollar, path=self.path()))

    def foot(self, total: str, items: list) -> None:
        """``total`` = the items down every column where the total is printed.

        ``items`` are row keys, or (key, weight) for an item subtracted.
        """
        weighted = [(item, 1) if isinstance(item, str) else item for item in items]
        total_row = self.spec.row(total)
        for column in range(len(self.spec.columns)):
            if total_row.cells[column] is None:
                continue
            present = tuple(((key, column), weight) for key, weight in weighted
                            if self.spec.row(key).cells[column] is not None)
            if len(present) >= 2:
                self.spec.sums.append(Sum((total, column), present, "column"))

    def across(self, key: str, total_column: int, item_columns: list[int]) -> None:
        """In row ``key``, column ``total_column`` = the sum of ``item_columns``."""
        row = self.spec.row(key)
        present = tuple(((key, column), 1) for column in item_columns if row.cells[column] is not None)
        if row.cells[total_column] is not None and len(present) >= 2:
            self.spec.sums.append(Sum((key, total_column), present, "row"))


def signed(values: list, positive: str, negative: str, mixed: str) -> str:
    """A label that says what the figures are: "Net income", "Net loss", "Net income (loss)"."""
    present = [v for v in values if v is not None]
    if all(v >= 0 for v in present):
        return positive
    if all(v < 0 for v in present):
        return negative
    return mixed
