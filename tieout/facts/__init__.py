"""Stage 4, facts: Tables -> Facts, one per cell, in base units.

A fact is what an analyst would write down for one printed number: its
label, section path, period, unit and the value in base units after the
table's scale ("-537000" for "(537)" in thousands of dollars, "0.347" for
34.7 cents per pound), with the printed text and its exact place.

Which scale applies is the unit's business (``tieout.tables.units``): money
takes the note's scale, share counts take the share scale (``scale_source``
says whether the note named shares or it was inferred from the money
scale), rates, prices, ounces, tons and grades are as printed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta
from decimal import Decimal

from tieout.model import Fact, Table
from tieout.records import record_maker
from tieout.tables.periods import MONTHS

__all__ = ["tables_to_facts", "table_to_facts"]

ONE = Decimal(1)
_fact = record_maker(Fact)  # one per cell of every table: built directly (tieout/records.py)


def tables_to_facts(tables: Iterable[Table]) -> list[Fact]:
    facts: list[Fact] = []
    for table_index, table in enumerate(tables):
        facts.extend(table_to_facts(table, table_index, start_id=len(facts)))
    return facts


def table_to_facts(table: Table, table_index: int, start_id: int = 0) -> list[Fact]:
    from tieout.tables.units import note_to_scale, row_unit

    if table.kind != "data":  # a table of contents or a cover page: page numbers and identifiers
        return []
    money_table = table.scale != ONE or bool(table.note)
    shares_noted = table.shares_scale != ONE and note_to_scale(table.note).shares_source == "note"
    rounded = _rounded_columns(table, money_table)
    facts: list[Fact] = []
    for row_index, row in enumerate(table.rows):
        if row.heading:
            continue
        dollar = False
        percent = all(c is None or c.percent for c in row.cells) and any(c is not None for c in row.cells)
        unit_info = row_unit(row.label, row.path, money_table or row.unit.startswith("USD"), dollar, percent)
        for column_index, cell in enumerate(row.cells):
            column = table.columns[column_index]
            period = balance_period(row.label, column.period or row.period, row.path)
            if cell is None or cell.value is None:
                # a blank cell of a number row: a fact with no value, so gaps are visible
                if column.kind == "percent":
                    continue
                facts.append(_fact(
                    id=start_id + len(facts), document=table.document, table=table.title,
                    table_index=table_index, row_index=row_index, column_index=column_index,
                    label=row.label, path=row.path, period=period, value=None, unit=row.unit,
                    display=cell.display if cell else "", scale=ONE, scale_source="none", decimals=0,
                    line=cell.line if cell else row.line, col=cell.col if cell else 0,
                    end_col=cell.end_col if cell else 0, column_header=column.header,
                ))
                continue
            unit, factor, scaled = row.unit, unit_info.factor, unit_info.scaled
            if column.kind == "percent" or cell.percent:
                unit, factor, scaled = "%", ONE, "none"
            elif column.unit == "shares" and column.scale == ONE and shares_noted:
                unit, factor, scaled = "shares", ONE, "shares"  # "Common Stock Shares" under "shares in thousands"
            elif column.unit:  # the header names the column's unit ("Shares (in thousands)")
                unit, factor, scaled = column.unit, column.scale, "column"
            elif column.scale != ONE and scaled == "money" and (table.scale == ONE or table.note_from == "document"):
                factor, scaled = column.scale, "column"  # "Amount (in thousands)": this column's money
            if scaled == "money":
                scale, source = table.scale, ("none" if table.scale == ONE else
                                              "document" if table.note_from == "document" else "note")
            elif scaled == "shares":
                scale, source = _share_scale(table, cell.value, shares_noted)
            elif scaled == "column":
                scale, source = factor, "header" if factor != ONE else "none"
            else:
                scale, source = factor, "label" if factor != ONE else "none"
            value = cell.value * scale
            facts.append(_fact(
                id=start_id + len(facts), document=table.document, table=table.title,
                table_index=table_index, row_index=row_index, column_index=column_index,
                label=row.label, path=row.path, period=period, value=_normal(value), unit=unit,
                display=cell.display, scale=scale, scale_source=source,
                decimals=rounded.get(column_index, cell.decimals) if unit in ("USD", "") and scale == ONE
                else cell.decimals,
                line=cell.line, col=cell.col, end_col=cell.end_col, column_header=column.header,
            ))
    return facts


_OPENING = re.compile(r"\b(?:at|as of)?\s*(?:the\s+)?beginning\s+of\s+(?:the\s+)?(?:period|year|quarter|month|fiscal)"
                      r"|\b(?:opening|beginning)\s+balance|\bbalance,?\s+beginning\b", re.IGNORECASE)
_CLOSING = re.compile(r"\b(?:at|as of)?\s*(?:the\s+)?end\s+of\s+(?:the\s+)?(?:period|year|quarter|month|fiscal)"
                      r"|\b(?:closing|ending)\s+balance|\bbalance,?\s+end(?:ing)?\b", re.IGNORECASE)
# "Balance at January 1", "Balances as of December 31, 2022": a balance dated by its own label
_BALANCE_AT = re.compile(r"\bbalances?,?\s+(?:at|as\s+of)\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
                         r"\s+(\d{1,2})\b(?:,?\s*(\d{4}))?", re.IGNORECASE)


# a figure that stands at the period's end whatever the column's length: a bank's ratios of balances
# ("Book value per share", "Tier 1 leverage ratio", "Nonperforming assets to total assets",
# "Allowance as a percent of total loans"), and every row under a heading "At period end:"
_STANDS_AT_END = re.compile(r"\bbook\s+value\s+per\s+(?:common\s+)?share|\b(?:tier\s+1|leverage|total\s+capital|"
                            r"(?:common\s+)?equity\s+tier\s+1)\b[^,]{0,30}\bratio\b|"
                            r"\bnon-?performing\s+(?:assets|loans)\s+(?:to|as\s+a\s+percent(?:age)?\s+of)\s+(?:total\s+)?"
                            r"(?:assets|loans)|\ballowance\b[^,]{0,40}\b(?:to|as\s+a\s+percent(?:age)?\s+of)\s+"
                            r"(?:total\s+)?loans", re.IGNORECASE)
_AT_PERIOD_END = re.compile(r"(?:at|as\s+of)\s+(?:the\s+)?(?:period[- ]end|end\s+of\s+(?:the\s+)?(?:period|quarter|year))"
                            r"|period[- ]end\b", re.IGNORECASE)


def balance_period(label: str, period: str | None, path: tuple[str, ...] = ()) -> str | None:
    """A balance printed in a column of flows is dated to one day of it.

    "Cash at beginning of period" under "Six Months Ended June 30, 1998" is the balance on
    1997-12-31, the day before the period starts; "... at end of period" is the balance on
    1998-06-30 (as XBRL dates them). A ratio of balances ("Book value per share", "Tier 1
    leverage ratio") and a row under "At period end:" stand at the period's end. Other rows
    keep the column's period.
    """
    if period and "/" in period and (_STANDS_AT_END.search(label) or any(map(_AT_PERIOD_END.match, path))):
        return period.split("/")[1]
    if not period or "/" not in period or ("beginning" not in label.lower() and "end" not in label.lower()
                                            and "balance" not in label.lower()):
        return period
    start, end = period.split("/")
    opening = (date.fromisoformat(start) - timedelta(days=1)).isoformat()
    if _OPENING.search(label):
        return opening
    if _CLOSING.search(label):
        return end
    dated = _BALANCE_AT.search(label)
    if dated:
        said = MONTHS[dated.group(1)[:3].lower()], int(dated.group(2)), dated.group(3)
        # the label's month and day (and year, if it prints one) are one end of the column's period;
        # "January 1" is its first day, whose opening balance is dated the day before; "December 31"
        # without a year under a calendar year names both ends, and the period stays
        ends = [instant for instant, days in ((opening, (opening, start)), (end, (end,)))
                if any(_names_day(said, day) for day in days)]
        if len(ends) == 1:
            return ends[0]
    return period


def _names_day(said: tuple[int, int, str | None], iso: str) -> bool:
    month, day, year = said
    return (int(iso[5:7]), int(iso[8:10])) == (month, day) and year in (None, iso[:4])


def _rounded_columns(table: Table, money_table: bool) -> dict[int, int]:
    """Full-dollar figures printed to the thousand ("8,000,000", "1,253,000") -> -3 for each column.

    Such figures were rounded to thousands (or millions: -6) before they were printed, so
    each stands for an interval a thousand wide, as XBRL's ``decimals="-3"`` says; footing
    them to the dollar would fail on rounding. The table decides, so every column is judged
    alike: three figures at least, all printed to the thousand but one in ten of five or more (a
    typo does not make a rounded table exact).
    """
    from tieout.tables.units import row_unit

    if table.scale != ONE:
        return {}
    zeros: list[int] = []
    columns: set[int] = set()
    for row in table.rows:
        if row.heading or not row.unit.startswith("USD") and row.unit:
            continue
        unit_info = row_unit(row.label, row.path, money_table or row.unit.startswith("USD"), False, False)
        if unit_info.unit not in ("USD", "") or unit_info.factor != ONE:
            continue
        for column_index, cell in enumerate(row.cells):
            if cell is None or cell.value is None or cell.nil or cell.percent or table.columns[column_index].unit:
                continue
            columns.add(column_index)
            if cell.value != 0:
                zeros.append(_zeros(cell.value, cell.decimals))
    finer = sum(1 for z in zeros if z < 3)
    if len(zeros) < 3 or finer > (max(1, len(zeros) // 10) if len(zeros) >= 5 else 0):
        return {}
    kept = [z for z in zeros if z >= 3]
    step = -6 if min(kept) >= 6 else -3
    return {column_index: step for column_index in columns}


def _zeros(value: Decimal, decimals: int) -> int:
    """Trailing zeros of a whole figure as printed (1,253,000 -> 3); 0 for a figure with decimals."""
    if decimals:
        return 0
    digits = str(abs(int(value)))
    return len(digits) - len(digits.rstrip("0"))


def _share_scale(table: Table, printed: Decimal, noted: bool) -> tuple[Decimal, str]:
    """Share counts: the note's share scale, or the money scale when the note names only dollars.

    ``noted``: the note states a scale for shares ("shares in thousands"), which scales every
    count alike; a count printed in full (a million or more as printed) is not scaled by a scale
    only inferred from the money.
    """
    if table.shares_scale == ONE:
        return ONE, "none"
    if noted:
        return table.shares_scale, "note"
    return (ONE, "none") if abs(printed) >= 1_000_000 else (table.shares_scale, "inferred")


def _normal(value: Decimal) -> Decimal:
    """Drop exponent noise from scaling (Decimal('5.018E+6') -> Decimal('5018000'))."""
    if value == value.to_integral_value():
        try:
            return value.quantize(ONE)
        except ArithmeticError:  # more digits than the decimal context holds: keep it as printed
            return value
    return value.normalize()
