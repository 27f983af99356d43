"""Facts that cannot be true, reported as problems rather than kept as silent rows.

A reader that dates a column a year late, or gives two columns one header and period, or
reads one table in thousands and its twin in units, stores wrong facts that look right.
Each of these shows in the facts themselves, so each becomes a ``Problem`` the user sees:

- a period that ends after the filing was filed (``FILED AS OF DATE``): no filing reports
  the future (guidance is narrative, not a table column);
- two columns of one table with the same header and the same period: they cannot both be
  that period's figures;
- one concept for one period with values 10^3 or 10^6 apart in one filing: one of the
  tables has the wrong scale.

    facts_to_problems(facts, tables, filed) -> [Problem]
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from tieout.model import Fact, Problem, Table

_SCALES = (Decimal(1000), Decimal(10) ** 6)


def facts_to_problems(facts: list[Fact], tables: list[Table], filed: str) -> list[Problem]:
    return [*_future_periods(tables, filed), *_twin_columns(tables), *_scale_clashes(facts)]


def _future_periods(tables: list[Table], filed: str) -> list[Problem]:
    if not filed:
        return []
    out = []
    for table in tables:
        for column in table.columns:
            end = (column.period or "").split("/")[-1]
            if len(end) == 10 and end > filed:
                out.append(Problem("facts", f"column {column.header!r} of table {table.title!r} is dated {column.period}, "
                                            f"after the filing date {filed}: the period is misread",
                                   line=table.first, severity="warning",
                                   remedy="check the column headers; the facts of this column keep the period read"))
    return out


def _twin_columns(tables: list[Table]) -> list[Problem]:
    out = []
    for table in tables:
        seen: dict[tuple[str, str], int] = {}
        for column in table.columns:
            if not column.period or column.kind != "amount":
                continue
            key = (column.header, column.period)
            if key in seen:
                out.append(Problem("facts", f"columns {seen[key] + 1} and {column.index + 1} of table {table.title!r} "
                                            f"have the same header and period ({column.period}): one is misread",
                                   line=table.first, severity="warning"))
            else:
                seen[key] = column.index
    return out


def _scale_clashes(facts: list[Fact]) -> list[Problem]:
    values: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    for fact in facts:
        if fact.concept and fact.period and fact.value and fact.unit == "USD" and fact.source == "table":
            values[(fact.concept, fact.period)].append(fact)
    out = []
    for (concept, period), found in values.items():
        for a in found:
            clash = next((b for b in found if b.value and any(abs(a.value) == abs(b.value) * s for s in _SCALES)), None)
            if clash is not None:
                out.append(Problem("facts", f"{concept} for {period} reads {a.value} here but {clash.value} at line "
                                            f"{clash.line}: one of the two tables has the wrong scale",
                                   line=a.line, col=a.col, end_col=a.end_col, severity="warning",
                                   remedy="check the scale notes of both tables"))
                break
    return out
