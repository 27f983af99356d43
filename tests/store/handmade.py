"""Hand-made Reports for the store tests: a small statement with a total, a relation,
checks and a claim, built from the model alone so the store is tested whatever the
reader currently finds."""

from __future__ import annotations

import hashlib
from decimal import Decimal

from tieout.model import (Cell, Check, Claim, Column, Document, Fact, Filing, Line, Problem,
                          Relation, Report, Row, Span, Table)

TEXT = """NORTHWIND TRADERS
                     CONSOLIDATED BALANCE SHEET
                     (dollars in thousands)
                                   Mar. 31,     Dec. 31,
                                     1997         1996
Cash                               $ 1,250      $ 1,000
Receivables                          3,768        3,500
                                   -------      -------
Total current assets                 5,018        4,500
                                   =======      =======
Net loss was $537,000, or 1 cent per share.
"""


def make_report(text: str = TEXT, path: str = "northwind.txt", total_ok: bool = True) -> Report:
    if not total_ok:  # the printed total no longer foots
        text = text.replace("5,018", "5,118")
    raw = tuple(text.splitlines())
    data = text.encode()
    lines = tuple(Line(i + 1, r, r) for i, r in enumerate(raw))
    doc = Document(name=path, type="", sequence=1, filename=path, lines=lines)
    filing = Filing(path=path, sha256=hashlib.sha256(data).hexdigest(), size=len(data),
                    encoding="utf-8", documents=(doc,), form_type="8-K", company="NORTHWIND TRADERS",
                    cik="0000001", period="1997-03-31", raw_lines=raw)
    columns = (Column(0, "Mar. 31, 1997", "1997-03-31", 36, 43),
               Column(1, "Dec. 31, 1996", "1996-12-31", 49, 56))
    values = {  # label -> (line, (col0 display, col1 display))
        "Cash": (6, ("1,250", "1,000")),
        "Receivables": (7, ("3,768", "3,500")),
        "Total current assets": (9, ("5,018" if total_ok else "5,118", "4,500")),
    }
    rows, facts = [], []
    for row_index, (label, (line, displays)) in enumerate(values.items()):
        cells = []
        for column_index, display in enumerate(displays):
            col = raw[line - 1].index(display, 30 if column_index == 0 else 45) + 1
            value = Decimal(display.replace(",", ""))
            cells.append(Cell(display, value, 0, False, line, col, col + len(display)))
            facts.append(Fact(id=len(facts), document=path, table="CONSOLIDATED BALANCE SHEET",
                              table_index=0, row_index=row_index, column_index=column_index,
                              label=label, path=("Assets",), period=columns[column_index].period,
                              value=value * 1000, unit="USD", display=display,
                              scale=Decimal(1000), scale_source="note", decimals=0, line=line,
                              col=col, end_col=col + len(display)))
        rows.append(Row(label=label, path=("Assets",), indent=0, line=line, label_line=line,
                        cells=tuple(cells), rule_above="-" if label.startswith("Total") else "",
                        rule_below="=" if label.startswith("Total") else ""))
    table = Table(document=path, index=0, title="CONSOLIDATED BALANCE SHEET",
                  note="dollars in thousands", scale=Decimal(1000), shares_scale=Decimal(1),
                  first=2, last=10, columns=columns, rows=tuple(rows))
    relations = (Relation("sum", 4, ((0, 1), (2, 1)), "layout", 0.9, "Total current assets"),
                 Relation("sum", 5, ((1, 1), (3, 1)), "layout", 0.9, "Total current assets"))
    claim = Claim(0, path, raw[10], "$537,000", Decimal(-537000), "USD", Decimal(-537000),
                  Decimal(-537000), "", "net loss", "1997-03-31", 11, 14, 22)
    checks = (
        Check("sum", "pass" if total_ok else "fail", "Total current assets foots",
              tuple(facts[i].span for i in (4, 0, 2)), "5,018", facts[4].display, "0.5",
              (4, 0, 2), (), path),
        Check("sum", "pass", "Total current assets foots",
              tuple(facts[i].span for i in (5, 1, 3)), "4,500", "4,500", "0.5", (5, 1, 3), (), path),
        Check("claim", "unverifiable", "no net loss in the tables", (Span(11, 14, 22),), claims=(0,),
              document=path),
    )
    return Report(filing=filing, tables=(table,), fact_records=tuple(facts), relations=relations,
                  claims=(claim,), checks=checks,
                  problems=(Problem("layout", "something odd", 3, 1, 5),))


