"""Lay a TableSpec out as fixed-width text, remembering where every number went.

Why: the key's positions must be where the characters are, so the renderer
places each number itself and records its columns, rather than searching the
text afterwards. Columns are right-aligned with a house gap between them (a
negative's ")" may hang one column right), or, for typists who use tab stops,
left-aligned at a stop. Lines here are tab-free; ``tabs.py`` retypes them.
"""

from __future__ import annotations

import random
import textwrap
from dataclasses import dataclass, field
from decimal import Decimal

from tests.synth.headers import LABEL_AREA, Header, HSpan
from tests.synth.printing import Printing, number_text
from tests.synth.spec import Cell, Column, Row, TableSpec
from tests.synth.style import House, TableStyle

UNITS = {"money": "USD", "shares": "shares", "eps": "USD/share", "percent": "%"}


@dataclass(frozen=True)
class Printed:
    """A cell's characters and what they stand for."""

    prefix: str  # "$", "$ " or ""
    text: str  # the number as printed: "(2,464)", "--", "1.15%"
    value: Decimal
    unit: str
    scale: Decimal
    scale_source: str
    nil: bool


@dataclass(frozen=True)
class Placed:
    row: int
    column: int
    line: int  # index into RenderedTable.lines
    start: int  # 0-based column of the number's first character (tab-free text)
    end: int  # exclusive


@dataclass
class RenderedTable:
    lines: list[str] = field(default_factory=list)
    keep: list[list[tuple[int, int]]] = field(default_factory=list)  # per line: spans whose blanks stay blanks
    placed: list[Placed] = field(default_factory=list)
    printed: dict[tuple[int, int], Printed] = field(default_factory=dict)
    wrapped: set[int] = field(default_factory=set)  # rows whose label took more than one line
    drifted: set[int] = field(default_factory=set)  # rows typed one tab stop further right


def print_cell(cell: Cell, row: Row, column: Column, printing: Printing, house: House) -> Printed:
    numbers = house.numbers
    if cell.kind == "money":
        base = printing.money(cell.amount)
        printed = (Decimal(base) / printing.money_scale).quantize(Decimal(1).scaleb(-printing.money_decimals))
        value, scale, source = Decimal(base), Decimal(printing.money_scale), printing.money_source
        text = numbers.nil if base == 0 else number_text(printed, printing.money_decimals, numbers)
    elif cell.kind == "shares":
        base = printing.shares(cell.amount)
        printed = (Decimal(base) / printing.shares_scale).quantize(Decimal(1).scaleb(-printing.shares_decimals))
        value, scale = Decimal(base), Decimal(printing.shares_scale)
        source = column.scale_source or printing.shares_source
        text = numbers.nil if base == 0 else number_text(printed, printing.shares_decimals, numbers)
    else:
        value, scale, source = cell.amount, Decimal(1), "none"
        percent = house.percent if cell.kind == "percent" else ""
        text = number_text(cell.amount, 2, numbers, percent)
    nil = value == 0 and cell.kind in ("money", "shares")
    prefix = ""
    if row.dollar and cell.kind in ("money", "eps") and house.dollar != "none":
        prefix = {"glued": "$", "spaced": "$ ", "left": "$"}[house.dollar]
        if nil and house.dollar == "glued":
            prefix = "$ "
    return Printed(prefix, text, value, UNITS[cell.kind], scale, source, nil)


class _Canvas:
    """Lines of a table being typed, with the spans whose blanks must not become tabs."""

    def __init__(self, out: RenderedTable):
        self.out = out

    def new_line(self) -> int:
        self.out.lines.append("")
        self.out.keep.append([])
        return len(self.out.lines) - 1

    def put(self, line: int, col: int, text: str, keep: bool = True) -> None:
        current = self.out.lines[line]
        if len(current) < col:
            current += " " * (col - len(current))
        self.out.lines[line] = current[:col] + text + current[col + len(text):]
        if keep and text.strip():
            self.out.keep[line].append((col, col + len(text)))

    def blank(self) -> None:
        if self.out.lines and self.out.lines[-1] != "":
            self.new_line()


@dataclass
class _Geometry:
    label_width: int
    left: list[int]
    width: list[int]

    def right(self, column: int) -> int:
        return self.left[column] + self.width[column] - 1


def render_table(spec: TableSpec, header: Header, title: list[str], printing: Printing, house: House,
                 style: TableStyle, rng: random.Random) -> RenderedTable:
    out = RenderedTable()
    for r, row in enumerate(spec.rows):
        for c, cell in enumerate(row.cells):
            if cell is not None:
                out.printed[(r, c)] = print_cell(cell, row, spec.columns[c], printing, house)
    labels = [_label_lines(row, house, style) for row in spec.rows]
    geometry = _geometry(spec, header, labels, out.printed, house, style)
    canvas = _Canvas(out)
    width = geometry.right(len(spec.columns) - 1) + 1
    _title_block(canvas, title, width, house, style)
    _header_lines(canvas, header, geometry, house)
    if style.blank_after_header:
        canvas.new_line()
    _body(canvas, spec, labels, geometry, house, rng)
    while out.lines and out.lines[-1] == "":
        out.lines.pop()
        out.keep.pop()
    return out


def _label_lines(row: Row, house: House, style: TableStyle) -> list[str]:
    indent = " " * (row.indent * house.indent)
    pieces = textwrap.wrap(row.label, max(style.wrap_at - len(indent), 16), break_on_hyphens=False)
    return [indent + pieces[0]] + [indent + "  " + piece for piece in pieces[1:]]


def _extent(printed: Printed, house: House) -> int:
    """Columns a cell needs left of the column's right edge (a hanging ")" needs none)."""
    hang = house.paren_hang and printed.text.endswith(")")
    digits = len(printed.text) - (1 if hang else 0)
    if house.dollar == "left" and printed.prefix:
        return digits + 2
    extra = 1 if house.tabs == "stops+1" else 0
    return len(printed.prefix) + digits + extra


def _at_stops(house: House) -> bool:
    return house.tabs in ("stops", "stops+1", "drift")


def _geometry(spec: TableSpec, header: Header, labels: list[list[str]], printed: dict, house: House,
              style: TableStyle) -> _Geometry:
    count = len(spec.columns)
    label_width = max(len(line) for lines in labels for line in lines) + style.label_extra
    for row in header.rows:
        for span in row:
            if span.first == LABEL_AREA:
                label_width = max(label_width, len(span.text) + 2)
    width = [6] * count
    for (_, column), cell in printed.items():
        width[column] = max(width[column], _extent(cell, house))
    for row in header.rows:
        for span in row:
            if span.first == span.last and span.first != LABEL_AREA and not span.fill:
                width[span.first] = max(width[span.first], len(span.text))
    geometry = _Geometry(label_width, [0] * count, width)
    _place_columns(geometry, house)
    for row in header.rows:  # a spanning header wider than its columns widens the last of them
        for span in row:
            if span.first != LABEL_AREA and span.last > span.first and not span.note:
                room = geometry.right(span.last) - geometry.left[span.first] + 1
                if len(span.text) > room:
                    geometry.width[span.last] += len(span.text) - room
                    _place_columns(geometry, house)
    return geometry


def _place_columns(geometry: _Geometry, house: House) -> None:
    hang = 1 if house.paren_hang else 0
    if _at_stops(house):
        position = _next_stop(geometry.label_width + 1)
        for column, width in enumerate(geometry.width):
            geometry.left[column] = position
            position = _next_stop(position + width + 2)
        return
    position = geometry.label_width + house.gap
    for column, width in enumerate(geometry.width):
        geometry.left[column] = position
        position += width + house.gap + hang


def _next_stop(position: int) -> int:
    return -(-position // 8) * 8


def _title_block(canvas: _Canvas, title: list[str], width: int, house: House, style: TableStyle) -> None:
    for index, text in enumerate(title):
        line = canvas.new_line()
        col = max(0, (width - len(text)) // 2) if house.title_align == "center" else 0
        canvas.put(line, col, text)
        if index == 0 and style.title_blank and len(title) > 2:
            canvas.new_line()
    for _ in range(style.title_gap):
        canvas.new_line()


def _header_lines(canvas: _Canvas, header: Header, geometry: _Geometry, house: House) -> None:
    for row in header.rows:
        line = canvas.new_line()
        for span in row:
            _header_span(canvas, line, span, geometry, house)


def _header_span(canvas: _Canvas, line: int, span: HSpan, geometry: _Geometry, house: House) -> None:
    if span.first == LABEL_AREA:
        canvas.put(line, 0, span.text)
        return
    left = geometry.left[span.first]
    right = geometry.right(span.last)
    room = right - left + 1
    if span.fill:
        canvas.put(line, left, "-" * room)
        return
    align = "left" if _at_stops(house) else house.header_align
    if len(span.text) > room:  # a long note over the columns reaches back over the labels
        col = max(0, right + 1 - len(span.text))
    elif align == "left":
        col = left
    elif align == "right":
        col = right + 1 - len(span.text)
    else:
        col = left + (room - len(span.text)) // 2
    canvas.put(line, col, span.text)


def _body(canvas: _Canvas, spec: TableSpec, labels: list[list[str]], geometry: _Geometry, house: House,
          rng: random.Random) -> None:
    out = canvas.out
    for r, row in enumerate(spec.rows):
        if row.heading:
            if house.section_blank and r:
                canvas.blank()
            for text in labels[r]:
                canvas.put(canvas.new_line(), 0, text)
            continue
        present = [c for c, cell in enumerate(row.cells) if cell is not None]
        if row.total and house.rules != "none":
            _rule(canvas, geometry, present, "-", house)
        for text in labels[r][:-1]:
            canvas.put(canvas.new_line(), 0, text)
        if len(labels[r]) > 1:
            out.wrapped.add(r)
        line = canvas.new_line()
        canvas.put(line, 0, labels[r][-1])
        _leaders(canvas, line, len(labels[r][-1]), geometry.label_width, house)
        shift = 0
        if house.tabs == "drift" and len(present) == len(row.cells) and rng.random() < 0.2:
            shift = 8
            out.drifted.add(r)
        for c in present:
            _cell(canvas, line, r, c, out.printed[(r, c)], geometry, house, shift)
        if row.total == "grand" and house.rules == "dash+equals":
            _rule(canvas, geometry, present, "=", house)
        if row.total == "grand" and house.section_blank:
            canvas.new_line()


def _leaders(canvas: _Canvas, line: int, end: int, label_width: int, house: House) -> None:
    stop = label_width - 1
    if house.leaders == "glued" and stop - end >= 2:
        canvas.put(line, end, "." * (stop - end))
    elif house.leaders == "spaced" and stop - end >= 4:
        start = end + 1 + (end + 1) % 2
        canvas.put(line, start, " ".join("." * ((stop - start + 1) // 2)))


def _cell(canvas: _Canvas, line: int, r: int, c: int, printed: Printed, geometry: _Geometry, house: House,
          shift: int) -> None:
    if _at_stops(house):
        start = geometry.left[c] + (1 if house.tabs == "stops+1" else 0) + shift + len(printed.prefix)
        if printed.prefix:
            canvas.put(line, start - len(printed.prefix), printed.prefix + printed.text)
        else:
            canvas.put(line, start, printed.text)
    else:
        hang = 1 if house.paren_hang and printed.text.endswith(")") else 0
        start = geometry.right(c) + 1 + hang - len(printed.text)
        if house.dollar == "left" and printed.prefix:
            canvas.put(line, geometry.left[c], "$")
            canvas.put(line, start, printed.text)
        else:
            canvas.put(line, start - len(printed.prefix), printed.prefix + printed.text)
    canvas.out.placed.append(Placed(r, c, line, start, start + len(printed.text)))


def _rule(canvas: _Canvas, geometry: _Geometry, columns: list[int], char: str, house: House) -> None:
    line = canvas.new_line()
    hang = 1 if house.paren_hang else 0
    for c in columns:
        canvas.put(line, geometry.left[c], char * (geometry.width[c] + hang))
