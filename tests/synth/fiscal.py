"""Fiscal calendars for synthetic releases: month-end years and 52/53-week years.

Why: every column of a release covers exact days, and the key must name them as
the company's calendar does, not as a header might be misread. A month-end year
ends on the last day of a month (March, June, September, December ...); a
52/53-week year ends on a Saturday (the last of the month, or the one nearest
its end), its quarters are 13 weeks and the fourth takes a fourteenth week when
the year has 53.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

DAY = timedelta(days=1)
SATURDAY = 5
MONTH_NAMES = tuple(calendar.month_name)
MONTH_ABBREVIATIONS = ("", "Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.",
                       "Nov.", "Dec.")


@dataclass(frozen=True)
class Span:
    """A period of whole days, both ends included."""

    start: date
    end: date

    @property
    def iso(self) -> str:
        return f"{self.start.isoformat()}/{self.end.isoformat()}"

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def opening(self) -> date:
        """The instant a balance at the beginning of the period is taken."""
        return self.start - DAY


@dataclass(frozen=True)
class FiscalCalendar:
    end_month: int
    weekly: str = ""  # "" month-end; "last" last Saturday of end_month; "nearest" Saturday nearest its end

    def year_end(self, fiscal_year: int) -> date:
        last = date(fiscal_year, self.end_month, calendar.monthrange(fiscal_year, self.end_month)[1])
        if self.weekly == "last":
            return last - timedelta(days=(last.weekday() - SATURDAY) % 7)
        if self.weekly == "nearest":
            back = (last.weekday() - SATURDAY) % 7
            return last - timedelta(days=back) if back <= 3 else last + timedelta(days=7 - back)
        return last

    def year(self, fiscal_year: int) -> Span:
        return Span(self.year_end(fiscal_year - 1) + DAY, self.year_end(fiscal_year))

    def quarter_end(self, fiscal_year: int, quarter: int) -> date:
        if quarter == 4:
            return self.year_end(fiscal_year)
        start = self.year(fiscal_year).start
        if self.weekly:
            return start + timedelta(weeks=13 * quarter) - DAY
        month_index = start.year * 12 + start.month - 1 + 3 * quarter - 1
        year, month = divmod(month_index, 12)
        return date(year, month + 1, calendar.monthrange(year, month + 1)[1])

    def quarter(self, fiscal_year: int, quarter: int) -> Span:
        start = self.year(fiscal_year).start if quarter == 1 else self.quarter_end(fiscal_year, quarter - 1) + DAY
        return Span(start, self.quarter_end(fiscal_year, quarter))

    def to_date(self, fiscal_year: int, quarter: int) -> Span:
        return Span(self.year(fiscal_year).start, self.quarter_end(fiscal_year, quarter))


def month_day(day: date, abbreviated: bool) -> str:
    """``June 30,`` or ``Sept. 30,``: a header's date without its year."""
    names = MONTH_ABBREVIATIONS if abbreviated else MONTH_NAMES
    return f"{names[day.month]} {day.day},"


def full_date(day: date, abbreviated: bool) -> str:
    return f"{month_day(day, abbreviated)} {day.year}"


NUMBER_WORDS = {3: "Three", 6: "Six", 9: "Nine", 12: "Twelve", 13: "Thirteen", 14: "Fourteen",
                26: "Twenty-six", 39: "Thirty-nine", 52: "Fifty-two", 53: "Fifty-three"}
ORDINALS = {1: "First", 2: "Second", 3: "Third", 4: "Fourth"}


def span_months(span: Span) -> int:
    """Whole months a month-end span covers (3, 6, 9, 12)."""
    return round(span.days / 30.44)


def span_weeks(span: Span) -> int:
    return span.days // 7
