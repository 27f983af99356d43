"""Build small Reports by hand for the checks tests.

Tables are written as Python values, rendered to fixed-width text (so every
fact has a real line and column, and excerpts draw carets under real
characters), and turned into the same Table/Fact records the reader makes.

    report = build(
        T("Balance Sheets", ["1996-03-31", "1995-12-31"], [
            R("Cash", "5,018", "4,024"),
            R("Receivables", "34,698", "25,571", below="-"),
            R("Total current assets", "39,716", "29,595", below="="),
        ]),
    )
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from tieout.model import Cell, Column, Document, Fact, Filing, Line, Report, Row, Table

LABEL_WIDTH = 50
CELL_WIDTH = 15


@dataclass
class R:
    label: str
    values: tuple = ()
    below: str = ""
    above: str = ""
    indent: int = 0
    unit: str = ""  # "" money; "shares"; "USD/share"; "oz"; ...
    heading: bool = False
    path: tuple = ()

    def __init__(self, label, *values, below="", above="", indent=0, unit="", heading=False, path=()):
        self.label, self.values, self.below, self.above = label, values, below, above
        self.indent, self.unit, self.heading, self.path = indent, unit, heading, tuple(path)


def H(label, indent=0):
    return R(label, heading=True, indent=indent)


@dataclass
class T:
    title: str
    periods: list
    rows: list
    scale: Decimal = Decimal(1000)
    shares_scale: Decimal = Decimal(1)
    note: str = "dollars in thousands"
    headers: list = field(default_factory=list)
    attributable: tuple = ()


def parse_number(text: str):
    """'(2,464)' -> (Decimal('-2464'), 0, nil)."""
    t = text.replace("$", "").replace(",", "").strip()
    if t in ("- -", "--", "-", "---"):
        return Decimal(0), 0, True
    neg = t.startswith("(") and t.endswith(")")
    t = t.strip("()")
    value = Decimal(t)
    decimals = -value.as_tuple().exponent if value.as_tuple().exponent < 0 else 0
    return (-value if neg else value), decimals, False


def build(*tables: T, name: str = "fixture.txt", narrative: list[str] = ()) -> Report:
    lines: list[str] = list(narrative) + [""]
    built: list[Table] = []
    facts: list[Fact] = []
    for index, spec in enumerate(tables):
        first = len(lines) + 1
        lines.append(spec.title)
        lines.append(spec.note)
        header = " " * LABEL_WIDTH + "".join(f"{p:>{CELL_WIDTH}}" for p in spec.periods)
        lines.append(header)
        columns = tuple(
            Column(c, spec.headers[c] if spec.headers else p, p,
                   LABEL_WIDTH + c * CELL_WIDTH + 1, LABEL_WIDTH + (c + 1) * CELL_WIDTH)
            for c, p in enumerate(spec.periods))
        rows: list[Row] = []
        path: list[str] = []
        for r in spec.rows:
            if r.above:
                lines.append(_rule_line(r.above, len(spec.periods)))
            label_text = " " * r.indent + r.label
            text = f"{label_text:<{LABEL_WIDTH}}"
            cells = []
            number = len(lines) + 1
            for c, v in enumerate(r.values):
                if v is None or v == "":
                    text += " " * CELL_WIDTH
                    cells.append(None)
                    continue
                col = len(text) + CELL_WIDTH - len(v) + 1
                text += f"{v:>{CELL_WIDTH}}"
                value, decimals, nil = parse_number(v)
                cells.append(Cell(v, value, decimals, nil, number, col, col + len(v)))
            lines.append(text.rstrip())
            if r.heading:
                path = [r.label.rstrip(":")]
            row = Row(label=r.label, path=r.path or tuple(path) if not r.heading else tuple(path[:-1]),
                      indent=r.indent, line=number, label_line=number,
                      cells=tuple(cells) + (None,) * (len(spec.periods) - len(cells)),
                      rule_above=r.above, rule_below=r.below, unit=r.unit, heading=r.heading)
            rows.append(row)
            if r.below:
                lines.append(_rule_line(r.below, len(spec.periods)))
        # a rule below one row is also above the next
        fixed = []
        for k, row in enumerate(rows):
            if k and rows[k - 1].rule_below and not row.rule_above:
                row = _replace(row, rule_above=rows[k - 1].rule_below)
            fixed.append(row)
        rows = fixed
        table = Table(document=name, index=index, title=spec.title, note=spec.note, scale=spec.scale,
                      shares_scale=spec.shares_scale, first=first, last=len(lines),
                      columns=columns, rows=tuple(rows), attributable=tuple(spec.attributable))
        built.append(table)
        for ri, row in enumerate(rows):
            for ci, cell in enumerate(row.cells):
                if cell is None:
                    continue
                unit, scale, source = _unit_scale(row, spec)
                facts.append(Fact(
                    id=len(facts), document=name, table=spec.title, table_index=index,
                    row_index=ri, column_index=ci, label=row.label, path=row.path,
                    period=columns[ci].period, value=cell.value * scale, unit=unit,
                    display=cell.display, scale=scale, scale_source=source,
                    decimals=cell.decimals, line=cell.line, col=cell.col, end_col=cell.end_col))
        lines.append("")
    doc_lines = tuple(Line(i + 1, t, t) for i, t in enumerate(lines))
    doc = Document(name=name, type="", sequence=1, filename=name, lines=doc_lines)
    filing = Filing(path=name, sha256="", size=sum(len(t) + 1 for t in lines), encoding="utf-8",
                    documents=(doc,), raw_lines=tuple(lines))
    return Report(filing=filing, tables=tuple(built), fact_records=tuple(facts))


def _replace(row, **kw):
    from dataclasses import replace
    return replace(row, **kw)


def _unit_scale(row: Row, spec: T):
    if row.unit in ("", "USD"):
        return "USD", spec.scale, "note"
    if row.unit == "shares":
        return "shares", spec.shares_scale, "note:shares"
    return row.unit, Decimal(1), "none"


def _rule_line(kind: str, ncols: int) -> str:
    ch = "=" if kind == "=" else "-"
    return " " * LABEL_WIDTH + "".join(f"{ch * 10:>{CELL_WIDTH}}" for _ in range(ncols))


def facts_of(report: Report, label: str) -> list[Fact]:
    pattern = re.compile(label, re.I)
    return [f for f in report.fact_records if pattern.search(f.label)]
