"""A fact's period placed in its filer's fiscal calendar: fiscal year, fiscal period, end, months.

One fiscal year appears under several period strings across a company's filings (Apple's
fiscal 1994 is ``1993-09-25/1994-09-30`` in one table, ``1993-09-28/1994-09-27`` in another),
so a time series across filings cannot key on the period text. It keys on what these give:

    fiscal_year   the year of the fiscal year end the period ends in (a 52/53-week year ending
                  within a week of the nominal month and day belongs to that year; fiscal 1995
                  of a September filer ends in September 1995)
    fiscal_period FY (twelve months, or an instant at the fiscal year end), Q1-Q4 (three months,
                  or an instant at a quarter end), H1 / H2 (six months), 9M (nine months)
    months        the length of a duration in whole months (0 for an instant)

The fiscal year end is the filer's MMDD (``Filing.fiscal_year_end``). Without one,
``fiscal_year`` and ``fiscal_period`` are None; ``period_end`` and ``months`` still hold.
"""

from __future__ import annotations

import calendar
from datetime import date

from tieout.tables.periods import fiscal_year_ends, parse_period

DAYS_PER_MONTH = 365.2425 / 12
PERIODS_BY_MONTHS = {3: "Q", 6: "H", 9: "9M", 12: "FY"}


def months_between(start: date, end: date) -> int:
    """A duration's length in whole months: ``1995-09-28/1996-09-27`` -> 12 (52 or 53 weeks too)."""
    return round(((end - start).days + 1) / DAYS_PER_MONTH)


def period_end_and_months(period: str | None) -> tuple[str | None, int | None]:
    start, end = parse_period(period)
    if end is None:
        return None, None
    return end.isoformat(), 0 if start is None else months_between(start, end)


def fiscal_year_of(end: date, fiscal_year_end: str) -> tuple[int, bool]:
    """The fiscal year ``end`` falls in, and whether it is (within a week) that year's last day."""
    month, day = int(fiscal_year_end[:2]), int(fiscal_year_end[2:])
    nominal = date(2000, month, min(day, calendar.monthrange(2000, month)[1]))
    at_end = fiscal_year_ends([end], nominal)
    if at_end:
        return next(iter(at_end)), True
    year_end = _nominal(end.year, month, day)
    return (end.year if end <= year_end else end.year + 1), False


def fiscal_period(period: str | None, fiscal_year_end: str | None) -> tuple[int | None, str | None]:
    """(fiscal year, fiscal period) of an ISO period for a filer whose year ends on MMDD."""
    start, end = parse_period(period)
    if end is None or not fiscal_year_end or len(fiscal_year_end) != 4 or not fiscal_year_end.isdigit():
        return None, None
    try:
        year, at_year_end = fiscal_year_of(end, fiscal_year_end)
    except ValueError:
        return None, None
    month, day = int(fiscal_year_end[:2]), int(fiscal_year_end[2:])
    year_start = _nominal(year - 1, month, day)  # the nominal end of the fiscal year before
    quarter = 4 if at_year_end else max(1, min(4, round((end - year_start).days / DAYS_PER_MONTH / 3)))
    if start is None:
        return year, "FY" if at_year_end else f"Q{quarter}"
    kind = PERIODS_BY_MONTHS.get(months_between(start, end))
    if kind == "FY":
        return year, "FY" if at_year_end else None
    if kind == "Q":
        return year, f"Q{quarter}"
    if kind == "H":
        return year, {2: "H1", 4: "H2"}.get(quarter)
    if kind == "9M":
        return year, "9M" if quarter == 3 else None
    return year, None


def _nominal(year: int, month: int, day: int) -> date:
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def infer_fiscal_year_end(periods) -> str:
    """A filing that names no fiscal year end: the month and day its twelve-month periods end on
    (the most common, ties to the latest), or ``""`` when it prints none."""
    counts: dict[str, int] = {}
    for period in periods:
        start, end = parse_period(period)
        if start is not None and months_between(start, end) == 12:
            key = f"{end.month:02d}{end.day:02d}"
            counts[key] = counts.get(key, 0) + 1
    if not counts:
        return ""
    return max(counts, key=lambda key: (counts[key], key))
