"""Build small Reports by hand: narrative paragraphs from a fixture text, facts from tuples."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import tieout
from tieout.model import Block, Column, Document, Fact, Filing, Line, Report, Table

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "claims"
Q2_97 = "1997-04-01/1997-06-30"
Q2_96 = "1996-04-01/1996-06-30"


def text_to_blocks(text: str, document: str = "doc") -> list[Block]:
    """Paragraph blocks split at blank lines; a line in capitals alone is a heading."""
    blocks: list[Block] = []
    run: list[Line] = []

    def flush():
        if run:
            kind = "heading" if len(run) == 1 and run[0].text.strip().isupper() else "paragraph"
            blocks.append(Block(kind, document, run[0].number, run[-1].number, tuple(run)))
            run.clear()

    for number, raw in enumerate(text.splitlines(), start=1):
        if raw.strip():
            run.append(Line(number, raw.expandtabs(8), raw))
        else:
            flush()
    flush()
    return blocks


def fact(fid: int, label: str, period: str, value: str, unit: str = "USD", scale: int = 1000,
         decimals: int = 0, line: int = 100, path: tuple[str, ...] = (), table_index: int = 0,
         row: int = 0, column: int = 0) -> Fact:
    shown = Decimal(value)
    return Fact(id=fid, document="doc", table="Highlights", table_index=table_index, row_index=row,
                column_index=column, label=label, path=path, period=period,
                value=shown * (scale if unit == "USD" else 1), unit=unit,
                display=f"({abs(shown)})" if shown < 0 else str(shown),
                scale=Decimal(scale if unit == "USD" else 1), scale_source="note", decimals=decimals,
                line=line, col=50, end_col=60)


def report_of(text: str, facts: list[Fact], attributable=()) -> Report:
    lines = tuple(Line(i, r.expandtabs(8), r) for i, r in enumerate(text.splitlines(), start=1))
    document = Document("doc", "", 1, "doc", lines)
    filing = Filing("doc", "", len(text), "utf-8", (document,), raw_lines=tuple(text.splitlines()))
    columns = tuple(Column(i, p, p, 40 + 15 * i, 50 + 15 * i) for i, p in enumerate(sorted({f.period for f in facts})))
    table = Table("doc", 0, "Highlights", "dollars in thousands", Decimal(1000), Decimal(1), 90, 120, columns, (),
                  attributable=tuple(attributable))
    return Report(filing=filing, tables=(table,), fact_records=tuple(facts), blocks=tuple(text_to_blocks(text)))


def release_facts() -> list[Fact]:
    rows = [
        ("Net income (loss)", "1204", "-2104", "USD", 0),
        ("Earnings (loss) per common share", "0.03", "-0.06", "USD/share", 2),
        ("Total revenue", "28391", "25000", "USD", 0),
        ("Gold - Ounces", "30410", "27100", "oz", 0),
        ("Cash cost ($/oz.)", "251", "270", "USD/oz", 0),
    ]
    out = []
    for row, (label, now, before, unit, decimals) in enumerate(rows):
        for column, (period, value) in enumerate(((Q2_97, now), (Q2_96, before))):
            out.append(fact(len(out), label, period, value, unit, decimals=decimals, line=100 + row,
                            row=row, column=column))
    return out


def read_claim_checks(path: Path, data: bytes):
    """Read ``data`` as the file ``path`` with every stage: (report, {claim text as written: its "claim" check})."""
    report = tieout.read(path, data=data)
    return report, {c.text: next(k for k in report.checks if k.rule == "claim" and k.claims == (c.id,))
                    for c in report.claims}
