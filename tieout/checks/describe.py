"""How a check names a cell: its period, and its column when the period alone does not say which.

A pro forma table prints several columns for one date (the company, the
acquiree, the adjustments, the pro forma combined); so do segment and
"as reported / as restated" tables. There "Total assets (1999-12-31) does not
foot" leaves the reader to guess the column, so a message names it by its
header as printed::

    Total assets in column 'Pro Forma Combined' (1999-12-31) does not foot: ...

Every rule that describes a fact in words goes through ``where`` (footing,
the tie rules' ``tie``, EPS, mining) and the renderers through ``fact_column``,
so the rule for when a column is named lives in one place: when another column
of the fact's table has the same period (two columns without a period count
as the same). A fact whose table is not in the report (EX-27 values) is
described by its period alone.
"""

from __future__ import annotations

from tieout.model import Column, Fact, Report, Table

HEADER_LIMIT = 100  # characters of a header quoted in a message


def fact_table(report: Report | None, fact: Fact) -> Table | None:
    """The table a table fact was read from, or None (EX-27 facts, a fact of another report)."""
    if report is None or fact.source != "table" or not 0 <= fact.table_index < len(report.tables):
        return None
    table = report.tables[fact.table_index]
    if table.document != fact.document or not 0 <= fact.column_index < len(table.columns):
        return None
    return table


def shares_period(table: Table, column_index: int) -> bool:
    """True when another column of ``table`` has the same period as column ``column_index``."""
    period = table.columns[column_index].period
    return sum(1 for c in table.columns if c.period == period) > 1


def fact_column(report: Report | None, fact: Fact) -> Column | None:
    """The fact's column when its period does not identify it within its table, else None."""
    table = fact_table(report, fact)
    if table is None or not shares_period(table, fact.column_index):
        return None
    return table.columns[fact.column_index]


def column_name(fact: Fact, column: Column | None = None) -> str:
    """``column 'Pro Forma Combined'`` (the header as printed), or ``column 4`` (1-based) for a blank header."""
    header = fact.column_header or (column.header if column is not None else "")
    header = " ".join(header.split())
    if not header:
        return f"column {fact.column_index + 1}"
    if len(header) > HEADER_LIMIT:
        header = header[:HEADER_LIMIT - 3] + "..."
    return f"column '{header}'"


def column_words(report: Report | None, fact: Fact) -> str:
    """``column 'Pro Forma Combined'`` when the column must be named (see module docstring), else ""."""
    column = fact_column(report, fact)
    return "" if column is None else column_name(fact, column)


def term(fact: Fact) -> str:
    """A fact as a term of arithmetic in a message: its figure as printed, ``nil`` for a dash cell.

    ``- -``, ``--`` and ``—`` are nil as the reader takes them; printed inside a sum they read as
    operators (``(-- - 2,371)``).
    """
    return fact.display if any(c.isdigit() for c in fact.display) else "nil"


def terms(items) -> str:
    """``1,200 + 3,400 - nil``: (fact, sign) pairs as a sum in words."""
    return " ".join(f"{'+' if s > 0 else '-'} {term(f)}" for f, s in items).lstrip("+ ")


def where(report: Report | None, fact: Fact) -> str:
    """What follows a fact's label in a message.

    ``" (1999-12-31)"``; ``" in column 'Pro Forma Combined' (1999-12-31)"`` when
    another column of the table has that period; ``""`` with neither.
    """
    column = column_words(report, fact)
    period = f" ({fact.period})" if fact.period else ""
    return f" in {column}{period}" if column else period


__all__ = ["where", "term", "terms", "column_words", "column_name", "fact_column", "fact_table", "shares_period"]
