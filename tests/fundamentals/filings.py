"""Hand-made filings of one company for the fundamentals tests: each a statement of operations
with concepts, built from the model alone so the cross-filing logic is tested whatever the
reader and the concept layer currently find."""

from __future__ import annotations

import hashlib
from decimal import Decimal

from tieout.model import Check, Document, Fact, Filing, Line, Report


def make_filing(accession: str, filed: str, period: str, rows: dict[str, dict[str, str]], *,
                form: str = "10-K", title: str = "CONSOLIDATED STATEMENTS OF OPERATIONS",
                cik: str = "0000123456", fiscal_year_end: str = "0930", failing: tuple[str, ...] = ()) -> Report:
    """``rows``: concept -> {ISO period: display in thousands}; ``failing`` concepts get a failed check."""
    raw = [f"ACCESSION NUMBER: {accession}", f"CONFORMED SUBMISSION TYPE: {form}"]
    facts: list[Fact] = []
    for row_index, (concept, cells) in enumerate(rows.items()):
        raw.append(f"{concept} " + "  ".join(cells.values()))
        for column_index, (period, display) in enumerate(cells.items()):
            value = Decimal(display.replace(",", "").replace("(", "-").replace(")", ""))
            per_share = concept.startswith("EarningsPerShare")
            scale = Decimal(1) if per_share else Decimal(1000)
            facts.append(Fact(
                id=len(facts), document="10-K#1", table=title, table_index=0, row_index=row_index,
                column_index=column_index, label=concept, path=(), period=period, value=value * scale,
                unit="USD/share" if per_share else "USD", display=display, scale=scale, scale_source="note",
                decimals=2 if per_share else 0, line=len(raw), col=1 + 10 * column_index,
                end_col=5 + 10 * column_index, concept=concept))
    text = "\n".join(raw)
    lines = tuple(Line(i + 1, r, r) for i, r in enumerate(raw))
    doc = Document(name="10-K#1", type="10-K", sequence=1, filename="", lines=lines)
    filing = Filing(path=f"{accession}.txt", sha256=hashlib.sha256(text.encode()).hexdigest(), size=len(text),
                    encoding="ascii", documents=(doc,), form_type=form, company="EXAMPLE CO", cik=cik,
                    period=period_end(max(rows[next(iter(rows))])), filed=filed, accession=accession,
                    raw_lines=tuple(raw), sic="3571", fiscal_year_end=fiscal_year_end)
    checks = tuple(Check("sum", "fail" if f.concept in failing else "pass", "foots", (f.span,), facts=(f.id,),
                         document="10-K#1") for f in facts)
    return Report(filing=filing, tables=(), fact_records=tuple(facts), relations=(), claims=(), checks=checks,
                  problems=())


def period_end(period: str) -> str:
    return period.split("/")[-1]
