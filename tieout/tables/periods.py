"""Column headers -> ISO 8601 periods.

    "First Quarter Ended Mar. 31, 1996"  -> "1996-01-01/1996-03-31"  (a duration)
    "Mar. 31, 1996" on a balance sheet    -> "1996-03-31"             (an instant)
    "Three Months Ended Dec 31, 2004"     -> "2004-10-01/2004-12-31"
    "1996" under "Years ended September 27, 1996" -> "1995-09-28/1996-09-27"

A header is read in three parts: the end date (a written date, or a year
whose month and day come from a date printed in the title), the length (a
phrase such as "three months", "quarter", "year ended", "13 weeks"), and
whether the table holds balances (instants) or flows (durations). A header
that gives no date at all has no period (``None``): it is never guessed.
"""

from __future__ import annotations

from collections.abc import Iterable

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}

# A leading (?=[...]) names the characters a match can start with: the engine then passes the
# others at one test each instead of trying every alternative (headers are searched often).
_DATE = re.compile(
    r"(?=[jfmasond])\b(?P<mon>jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?\s*"
    r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s*,?\s*(?P<year>(?:19|20)\d\d|'?\d\d)\b",
    re.IGNORECASE,
)
_NUMERIC_DATE = re.compile(r"\b(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>(?:19|20)?\d\d)\b")
_MONTH_YEAR = re.compile(
    r"(?=[jfmasond])\b(?P<mon>jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?\s*,?\s*"
    r"(?P<year>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?<![\d,.$])(?P<year>(?:19|20)\d\d)(?![\d,%])")

_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
          "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}
_WORD_NUMBERS = {word: n for n, word in enumerate(_UNITS, start=1)} | _TENS | {
    f"{tens}-{unit}": value + n for tens, value in _TENS.items() for n, unit in enumerate(_UNITS[:9], start=1)}
_LENGTH = re.compile(
    r"(?=[\dotfsne])"
    r"\b(?P<n>\d{1,2}|(?:twenty|thirty|forty|fifty)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    r"|seventeen|eighteen|nineteen)"
    r"[- ](?P<what>months?|weeks?)\b",
    re.IGNORECASE,
)
_QUARTER = re.compile(r"\b(first|second|third|fourth|1st|2nd|3rd|4th|)\s*(fiscal\s+)?quarters?\b|\bqtr\b|\bq[1-4]\b",
                      re.IGNORECASE)


@dataclass(frozen=True)
class PeriodContext:
    """What the table around a column says about its periods."""

    instant: bool  # the table holds balances (a balance sheet)
    title_dates: tuple[date, ...] = ()  # dates printed in the title, for year-only headers
    length: tuple[int, str] | None = None  # a length printed in the title, e.g. (12, "months")
    flows: bool = False  # the title names a statement of flows (operations, income, cash flows)
    month_day: tuple[int, int] | None = None  # "Year ended December 31" in the title: each year's end


_MONTH_DAY = re.compile(
    r"(?=[jfmasond])\b(?P<mon>jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?\s*(?P<day>[0-3]?\d)\b"
    r"(?!\s*,?\s*'?\d{2})", re.IGNORECASE)


_MONTH_NAME = re.compile(r"(?=[jfmasond])\b(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?\s*\d",
                         re.IGNORECASE)


def months_named(text: str) -> int:
    """How many dates (a month and a day) the text names, with or without a year."""
    return len(_MONTH_NAME.findall(text))


def text_to_month_day(text: str) -> tuple[int, int] | None:
    """"For the years ended December 31" -> (12, 31): a month and day printed without a year."""
    match = _MONTH_DAY.search(text)
    if match is None or not 1 <= int(match.group("day")) <= 31:
        return None
    return MONTHS[match.group("mon")[:3].lower()], int(match.group("day"))


def text_to_dates(text: str) -> list[date]:
    out: list[date] = []
    for match in _DATE.finditer(text):
        found = _make_date(match.group("year"), MONTHS[match.group("mon")[:3].lower()], int(match.group("day")))
        if found:
            out.append(found)
    for match in _NUMERIC_DATE.finditer(text) if "/" in text else ():  # 3/31/96: no slash, no search
        found = _make_date(match.group("y"), int(match.group("m")), int(match.group("d")))
        if found:
            out.append(found)
    return out


def _make_date(year_text: str, month: int, day: int) -> date | None:
    year_text = year_text.lstrip("'")
    year = int(year_text)
    if year < 100:
        year += 1900 if year >= 50 else 2000
    try:
        return date(year, month, day)
    except ValueError:
        return None


_YEAR_LENGTH = re.compile(r"\byears?\s+ended\b|\bfiscal\s+(year|\d{4})\b|\byear\s+to\s+date\b|\bannual\b"
                          r"|\bfor\s+the\s+years?\b", re.IGNORECASE)
_YEAR_TO_DATE = re.compile(r"year\s+to\s+date", re.IGNORECASE)


def text_to_length(text: str) -> tuple[int, str] | None:
    """The period length a header states: (3, "months"), (13, "weeks"), (12, "months") ..."""
    match = _LENGTH.search(text)
    if match:
        n = match.group("n").lower().replace(" ", "-")
        number = int(n) if n.isdigit() else _WORD_NUMBERS.get(n.replace(" ", "-"), 0)
        what = "weeks" if match.group("what").lower().startswith("week") else "months"
        if number:
            return number, what
    if ("q" in text or "Q" in text) and _QUARTER.search(text):  # every match holds a q
        return 3, "months"
    if _YEAR_LENGTH.search(text):
        if _YEAR_TO_DATE.search(text):
            return None
        return 12, "months"
    return None


def start_of(end: date, length: tuple[int, str]) -> date:
    """First day of a period of ``length`` ending on ``end`` (inclusive)."""
    number, what = length
    if what == "weeks":
        return end - timedelta(weeks=number) + timedelta(days=1)
    last_day = calendar.monthrange(end.year, end.month)[1]
    month_index = end.year * 12 + (end.month - 1) - number
    year, month = divmod(month_index, 12)
    month += 1
    if end.day == last_day:  # month-end periods: start on the first of the month
        start_index = month_index + 1
        year, month = divmod(start_index, 12)
        return date(year, month + 1, 1)
    day = min(end.day, calendar.monthrange(year, month)[1])
    return date(year, month, day) + timedelta(days=1)


def header_to_period(header: str, context: PeriodContext) -> str | None:
    """A column header (all its lines joined) -> ISO 8601 instant or duration, or None."""
    end = _header_end_date(header, context)
    if end is None:
        return None
    length = text_to_length(header)
    if length is None and not context.instant:
        length = context.length
    if length is None:
        # a statement of operations dated "6/30/96" with no length anywhere: the period is
        # unknown (three, six or twelve months), not the instant its date would say
        return None if context.flows and not context.instant else end.isoformat()
    return f"{start_of(end, length).isoformat()}/{end.isoformat()}"


def _header_end_date(header: str, context: PeriodContext) -> date | None:
    dates = text_to_dates(header)
    if dates:
        return dates[-1]
    month_year = _MONTH_YEAR.search(header)
    if month_year:
        month = MONTHS[month_year.group("mon")[:3].lower()]
        year = int(month_year.group("year"))
        return date(year, month, calendar.monthrange(year, month)[1])
    years = _YEAR.findall(header)
    if not years:
        return None
    year = int(years[-1])
    # the title's date for this year: within a week of the latest date's month and day in that
    # year ("At December 31, 2023 and January 1, 2023": 2022 ends January 1, 2023, a 52/53-week year)
    if len(context.title_dates) > 1:
        latest = max(context.title_dates)
        nominal = date(year, latest.month, min(latest.day, calendar.monthrange(year, latest.month)[1]))
        near = [known for known in context.title_dates if abs((known - nominal).days) <= 7]
        if len(near) == 1:
            return near[0]
    for known in context.title_dates:
        if known.year == year:
            return known
    if context.title_dates:  # same fiscal year-end, another year
        known = context.title_dates[0]
        day = min(known.day, calendar.monthrange(year, known.month)[1])
        return date(year, known.month, day)
    month_day = text_to_month_day(header) or context.month_day  # "December 31" over "2023"
    if month_day:
        month, day = month_day
        return date(year, month, min(day, calendar.monthrange(year, month)[1]))
    return None


# a title that ends in a date or a year, after its scale note and "(unaudited)" if any
_ENDS_IN_DATE = re.compile(r"(?:\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+)?"
                           r"(?<![\d,.$])(?:19|20)\d\d$", re.IGNORECASE)


def _without_closing_notes(title: str) -> str:
    """The title without the parenthesized notes it ends in ("... 2023 (in millions) (unaudited)")."""
    text = title.strip()
    while text.endswith(")"):
        opening = text.rfind("(")
        if opening < 0 or len(text) - opening > 82:
            break
        text = text[:opening].rstrip()
    return text


def title_heading_period(title: str, context: PeriodContext) -> str | None:
    """The period of a table whose title ends in a date and whose columns print none.

    "A summary of debt securities ... (in millions) December 31, 2023" over columns headed
    Amortized Cost, Gross Unrealized Gains and Fair Value: every column holds the balances
    at that date (an instant, as a table headed by a bare date is "as of" it). A title that
    ends in a bare year ("Segment information (in millions) 2023") gives the year, for the
    fiscal-year pass to date. None when the title states a length (those tables are dated
    column by column), names more than one date or year (a line of column years), or is a statement of flows headed by a date
    alone (its length unknown).
    """
    tail = _without_closing_notes(title).rstrip(":")
    match = _ENDS_IN_DATE.search(tail[-30:])
    if match is None or context.length is not None or len(context.title_dates) > 1 \
            or len(set(_YEAR.findall(title))) != 1:  # "1997 CHANGE 1996 CHANGE 1995": years of columns
        return None
    if not match.group(0)[:1].isdigit():  # "December 31, 2023"
        dates = text_to_dates(match.group(0))
        if not dates or context.flows:
            return None
        return dates[-1].isoformat()
    if context.title_dates or months_named(tail):  # a year after some other date: not a heading year
        return None
    return match.group(0)


def year_only(header: str) -> str | None:
    """A bare year header with nothing else to date it: the ISO year, e.g. "1996"."""
    years = _YEAR.findall(header)
    return years[-1] if years else None


_BALANCES = re.compile(r"balance sheets?|financial position|financial condition|statements? of condition",
                       re.IGNORECASE)
_FLOWS = re.compile(r"\b(operations|income|earnings|cash flows?|ended|months|quarter|year)\b", re.IGNORECASE)
_AS_OF = re.compile(r"\b(as of|at)\b", re.IGNORECASE)


_FLOW_STATEMENT = re.compile(r"\b(?:statements?|results?) of (?:(?:consolidated|condensed|comprehensive) )*"
                             r"(?:operations|income|earnings|cash flows?|loss)"
                             r"|\b(?:income|earnings|cash flows?|operations) statements?\b", re.IGNORECASE)


def is_balance_title(title: str) -> bool:
    """"CONSOLIDATED BALANCE SHEETS", "Statement of Financial Condition": a statement of balances."""
    return bool(_BALANCES.search(title))


def is_flow_statement(title: str) -> bool:
    """"STATEMENT OF OPERATIONS", "Consolidated Statements of Cash Flows": a statement of flows."""
    return bool(_FLOW_STATEMENT.search(title)) and not _BALANCES.search(title)


def is_instant_table(title: str, header_text: str) -> bool:
    text = f"{title} {header_text}"
    if _BALANCES.search(text):
        return True
    if _FLOWS.search(text):
        return False
    return bool(_AS_OF.search(header_text))


def year_to_fiscal_period(year: str, fiscal_end: date, instant: bool, ends: dict[int, date] | None = None) -> str:
    """A bare year column of an annual report -> the fiscal year it names.

    ``fiscal_end`` is the report's period end (CONFORMED PERIOD OF REPORT); the
    year's period ends on the same month and day, or on the day ``ends`` gives
    for that fiscal year (a 52/53-week year the document dates elsewhere: "At
    December 31, 2023 and January 1, 2023"), and then starts the day after the
    year before it ended.
    """
    ends = ends or {}
    number = int(year)
    day = min(fiscal_end.day, calendar.monthrange(number, fiscal_end.month)[1])
    end = ends.get(number) or date(number, fiscal_end.month, day)
    if instant:
        return end.isoformat()
    if number - 1 in ends:
        return f"{(ends[number - 1] + timedelta(days=1)).isoformat()}/{end.isoformat()}"
    return f"{start_of(end, (12, 'months')).isoformat()}/{end.isoformat()}"


def fiscal_year_ends(dates: Iterable[date], fiscal_end: date) -> dict[int, date]:
    """The fiscal year each date ends, for dates within a week of the fiscal year's month and day.

    A 52/53-week year ends on the weekday nearest the nominal end, so fiscal 2022 of a year
    ending late December may end on January 1, 2023: the year is the nominal end's. A fiscal
    year dated two ways (a typo, a transition) is left out.
    """
    found: dict[int, set[date]] = {}
    for day in dates:
        for year in (day.year - 1, day.year, day.year + 1):
            nominal_day = min(fiscal_end.day, calendar.monthrange(year, fiscal_end.month)[1])
            if abs((day - date(year, fiscal_end.month, nominal_day)).days) <= 7:
                found.setdefault(year, set()).add(day)
    return {year: next(iter(days)) for year, days in found.items() if len(days) == 1}


def years_from_consecutive_ends(ends: list[date | None]) -> list[str | None]:
    """Three or more year-ends a year apart head a statement of flows that prints no length
    ("December 30, 2023   December 31, 2022   December 25, 2021"): each is a fiscal year that
    began the day after the next older one ended; the oldest, 52 weeks (or 12 months at a
    month's end) before its end. Two dates a year apart prove nothing (a quarter and the same
    quarter a year before): None for each then, as for any date that does not fit.
    """
    known = sorted((d for d in ends if d is not None), reverse=True)
    if len(known) < 3 or len(set(known)) != len(known) or len(known) != len(ends):
        return [None] * len(ends)
    if not all(350 <= (a - b).days <= 380 for a, b in zip(known, known[1:])):
        return [None] * len(ends)
    starts: dict[date, date] = {a: b + timedelta(days=1) for a, b in zip(known, known[1:])}
    oldest = known[-1]
    month_end = oldest.day == calendar.monthrange(oldest.year, oldest.month)[1]
    starts[oldest] = start_of(oldest, (12, "months") if month_end else (52, "weeks"))
    return [f"{starts[d].isoformat()}/{d.isoformat()}" for d in ends]


_WEEKS_IN = {3: 13, 6: 26, 9: 39, 12: 52}  # a 52/53-week year's quarter, half, nine months and year


def is_weekly_end(day: date) -> bool:
    """Does a period end that is not a month's last day, but within a week of one (a Saturday near
    the end of June, or early in July), show a 52/53-week calendar?"""
    last = calendar.monthrange(day.year, day.month)[1]
    return day.day != last and (day.day >= last - 6 or day.day <= 7)


def weekly_period(period: str, year_ends: Iterable[date]) -> str:
    """A duration a 52/53-week filer prints in months, in the weeks it covers.

    "Three months ended March 30, 2002" was read as three calendar months (from December 31);
    such a company's quarter is 13 weeks (from December 30), its half 26, nine months 39 and year
    52 weeks, or the days since the year before ended when the document dates that end (a 53-week
    year, whose fourth quarter is then 14 weeks). A period not counted in calendar months (stated
    in weeks, or dated from both ends) is returned as it is.
    """
    start_text, _, end_text = period.partition("/")
    if not end_text:
        return period
    start, end = date.fromisoformat(start_text), date.fromisoformat(end_text)
    months = next((n for n in _WEEKS_IN if start_of(end, (n, "months")) == start), None)
    if months is None:
        return period
    before = {known for known in year_ends if 357 <= (end - known).days <= 378}
    if months == 12 and before:  # the year began the day after the year before ended, if that is dated once
        return f"{(before.pop() + timedelta(days=1)).isoformat()}/{end_text}" if len(before) == 1 else period
    if months == 3 and end in year_ends and len(before) == 1 and (end - before.pop()).days == 371:
        return f"{(end - timedelta(weeks=14) + timedelta(days=1)).isoformat()}/{end_text}"
    return f"{start_of(end, (_WEEKS_IN[months], 'weeks')).isoformat()}/{end_text}"


def parse_period(period: str | None) -> tuple[date | None, date | None]:
    """'1996-01-01/1996-03-31' -> (start, end); '1996-03-31' -> (None, that date); (None, None) if unreadable."""
    if not period:
        return None, None
    try:
        if "/" in period:
            start, end = period.split("/", 1)
            return date.fromisoformat(start), date.fromisoformat(end)
        return None, date.fromisoformat(period)
    except ValueError:
        return None, None
