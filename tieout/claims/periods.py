"""Period phrases of narrative -> the ISO periods of the document's table columns.

"for the first quarter of 1996", "the same period in 1995", "last year's first
quarter", "the preceding quarter", "the six months ended December 31, 2004",
"a year ago" name periods relative to the one being discussed. They are
resolved against the periods the document's tables actually have (a fiscal
quarter ending Sep 29 still matches "the quarter ended September 30"); a
phrase naming a period no table has resolves to the calendar period it names,
so claims about it come out unverifiable rather than tied to the wrong column.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from tieout.claims.text import folded, may_match

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9

ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
LENGTHS = {"quarter": 3, "three months": 3, "3 months": 3, "three-month": 3, "six months": 6,
           "6 months": 6, "six-month": 6, "six month": 6, "nine months": 9, "9 months": 9,
           "nine-month": 9, "nine month": 9, "twelve months": 12, "12 months": 12, "year": 12,
           "fiscal year": 12, "three month": 3, "twelve-month": 12}

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE = r"(?P<month>" + _MONTH + r")\s+(?P<day>\d{1,2}),?\s+(?P<year>(?:19|20)\d\d)"
_ORD = r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)"
_YEAR = r"(?P<y>(?:19|20)\d\d)"
_REL = r"(?P<rel>this|last|the prior|the previous|prior|previous|the current|current|the preceding)"

# Literal text every match of a pattern contains, lower case (see ``text.may_match``): a tuple of groups,
# one needle of each must occur. Most of the patterns cannot match most sentences, and the needles say
# so for the price of a few substring tests. Groups that recur are named (tested once per sentence), and
# a short common one goes first: it rules out the longer groups after it.
_YEARS = ("19", "20")
_QUARTER = ("quarter",)
_YEAR_WORD = ("year",)
_END = ("end",)
_HALF = ("half",)
_PERIOD_OR_QUARTER = (" period", " quarter")
_FIRST_SECOND_HALF = ("first half", "second half")
_ORDS = ("first", "second", "third", "fourth", "1st", "2nd", "3rd", "4th")
_MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_SPACE_MONTH = tuple(f" {month}" for month in _MONTH_NAMES)  # cheaper first test for _AT_MONTH
_AT_MONTH = tuple(f"{word} {month}" for word in ("at", "of", "on") for month in _MONTH_NAMES)  # "as of Dec"
_SPACE_YEAR = tuple(f" {century}" for century in _YEARS)

# (kind, pattern, needles); tried in order, earlier patterns win where they overlap
PATTERNS: list[tuple[str, re.Pattern, tuple[tuple[str, ...], ...]]] = [(kind, re.compile(pattern, re.I), needles)
                                                                    for kind, pattern, needles in [
    ("ended", r"(?P<len>quarter|three[- ]months?|3 months|six[- ]months?|6 months|nine[- ]months?|9 months|"
              r"twelve[- ]months?|12 months|fiscal year|year)(?: period)?s? (?:ended|ending) " + _DATE,
     (_END, (" ended ", " ending "), _YEARS)),
    ("ord_year", r"\b" + _ORD + r"[- ](?P<fiscal>fiscal[- ])?quarters?(?: of)?(?P<fiscal2> fiscal)?(?: year)?,? "
                 + _YEAR + r"\b",
     (_QUARTER, _YEARS, _ORDS)),
    ("ord_year", r"\b(?P<fiscal>fiscal )?" + _YEAR + r"(?:'s)? (?P<fiscal2>fiscal )?" + _ORD + r"[- ]quarter\b",
     (_QUARTER, _YEARS, _ORDS)),
    # "the third quarter a year earlier", "the fourth quarter last year": that quarter of the year before
    ("ord_ago", r"\b" + _ORD + r"[- ](?:fiscal[- ])?quarter (?:(?:a|one) year (?:ago|earlier)|last year|"
                r"of (?:the )?(?:prior|previous|preceding) (?:fiscal )?year)\b",
     (_QUARTER, _YEAR_WORD, _ORDS)),
    ("same", r"\b(?:the )?(?:quarter|three[- ]month period|period) (?:a|one) year (?:ago|earlier)\b",
     (_YEAR_WORD, ("year ago", "year earlier"))),
    ("ord_rel", r"\b" + _REL + r" (?:fiscal )?year'?s (?:fiscal )?" + _ORD + r"[- ]quarter\b",
     (_QUARTER, _YEAR_WORD, ("year's ", "years "), _ORDS)),
    ("ord_rel", r"\b" + _ORD + r"[- ](?:fiscal[- ])?quarter of (?:the )?" + _REL.replace("(?P<rel>", "(?P<rel>")
                + r" (?:fiscal )?year\b",
     (_QUARTER, _YEAR_WORD, ("quarter of ",), _ORDS)),
    ("same", r"\b(?:the )?(?:same|comparable|corresponding|like|year[- ]ago|prior[- ]year(?: comparable)?)"
             r"(?: (?:fiscal|three[- ]month|six[- ]month|nine[- ]month))? (?:period|quarter)"
             r"(?:s)?(?: (?:in|of) " + _YEAR + r"| (?:of |in )?(?:last year|the prior year|the previous year|"
             r"a year ago|a year earlier|one year ago)| last year)?",
     (_PERIOD_OR_QUARTER, ("same", "comparable", "corresponding", "like", "year"))),
    ("same", r"\b(?:the )?(?:prior|previous) year(?:'s)? (?:comparable |same )?(?:period|quarter)\b",
     (_YEAR_WORD, _PERIOD_OR_QUARTER, ("prior year", "previous year"))),
    ("same", r"\b(?:a|one) year (?:ago|earlier)\b", (_YEAR_WORD, ("year ago", "year earlier"))),
    ("same", r"\b(?:the )?(?:previous|prior|preceding|last) fiscal year\b", (_YEAR_WORD, (" fiscal year",))),
    ("same", r"\b(?:the )?(?:same|comparable|corresponding) (?:quarter|period) (?:a year ago|last year)\b",
     (_YEAR_WORD, _PERIOD_OR_QUARTER, ("a year ago", "last year"), ("same ", "comparable ", "corresponding "))),
    # "up 38.8% from the prior year results of $11 million"
    ("same", r"\b(?:(?:the )?(?:prior|previous) year|last year)\b",
     (_YEAR_WORD, ("prior year", "previous year", "last year"))),
    ("preceding", r"\b(?:the )?(?:preceding|previous|prior|sequential|immediately preceding|last) quarter\b",
     (_QUARTER, ("preceding quarter", "previous quarter", "prior quarter", "sequential quarter", "last quarter"))),
    ("ord_alone", r"\b(?:the|this|our|its) (?:fiscal )?" + _ORD + r"[- ](?:fiscal[- ])?quarter\b",
     (_QUARTER, _ORDS)),
    ("current", r"\b(?:the|this) (?:current )?(?:quarter|three[- ]month period)\b",
     (_PERIOD_OR_QUARTER, ("the quarter", "this quarter", "current quarter", "month period"))),
    ("ytd", r"\b(?:the )?first (?P<len>three|six|nine|twelve|3|6|9|12)[- ]months?(?: period)?"
            r"(?: (?:of|in) (?:fiscal )?(?:year )?" + _YEAR + r"\b| of (?:the )?(?:fiscal )?year\b)?",
     (("month",),
      ("first three", "first six", "first nine", "first twelve", "first 3", "first 6", "first 9", "first 12"))),
    ("ytd", r"\b(?:the )?(?P<half>first|second) half(?: of (?:fiscal )?(?:year )?" + _YEAR
            + r"\b| of (?:the )?(?:fiscal )?year\b)?",
     (_HALF, _FIRST_SECOND_HALF)),
    ("ytd", r"\b(?:fiscal )?" + _YEAR + r"(?:'s)? (?P<half>first|second) half\b",
     (_HALF, _FIRST_SECOND_HALF, _YEARS)),
    ("ytd", r"\b(?P<todate>year[- ]to[- ]date)\b", (("date",), ("to date", "to-date"))),
    ("instant", r"\b(?:at|as of|on) " + _DATE, (_SPACE_MONTH, _AT_MONTH, _YEARS)),
    ("year_end", r"\b(?:at|as of|by) (?:the )?(?:end of (?:fiscal |calendar )?(?:year )?" + _YEAR
                 + r"\b|(?:fiscal )?year[- ]end(?:ed)?(?: (?:of )?(?:fiscal )?(?P<y2>(?:19|20)\d\d))?\b|"
                 r"(?P<y3>(?:19|20)\d\d) (?:fiscal )?year[- ]end\b|end of (?:the )?(?:last |prior |previous )?"
                 r"(?:fiscal )?year\b)",
     (_END, ("end of", "year end", "year-end"))),
    ("month_day", r"\b(?:at|as of|on) (?P<month>" + _MONTH + r")\s+(?P<day>\d{1,2})\b(?!,?\s*(?:19|20)\d\d)",
     (_SPACE_MONTH, _AT_MONTH)),
    ("fiscal_year", r"\b(?:fiscal(?: year)?|calendar(?: year)?|year) " + _YEAR + r"\b",
     (_SPACE_YEAR, tuple(f"{word} {century}" for word in ("fiscal", "calendar", "year") for century in _YEARS))),
    ("year_in", r"\b(?:in|for|during) " + _YEAR + r"\b(?!\s*(?:first|second|third|fourth|quarter))",
     (_SPACE_YEAR, tuple(f"{word} {century}" for word in ("in", "for", "during") for century in _YEARS))),
]]


@dataclass(frozen=True, slots=True)
class PeriodPhrase:
    start: int
    end: int
    kind: str
    fields: tuple[tuple[str, str], ...]

    def get(self, key: str) -> str:
        return dict(self.fields).get(key) or ""


def text_to_phrases(text: str, lo: int = 0, hi: int | None = None) -> list[PeriodPhrase]:
    """Period phrases in text[lo:hi], in order, without overlaps."""
    hi = len(text) if hi is None else hi
    low = folded(text[lo:hi])
    seen: dict[int, bool] = {}
    out: list[PeriodPhrase] = []
    for kind, pattern, needles in PATTERNS:
        if not may_match(low, needles, seen):
            continue  # cannot match: it lacks text every match contains
        for match in pattern.finditer(text, lo, hi):
            if any(not (match.end() <= p.start or match.start() >= p.end) for p in out):
                continue
            fields = tuple((k, v) for k, v in match.groupdict().items() if v)
            out.append(PeriodPhrase(match.start(), match.end(), kind, fields))
    return sorted(out, key=lambda p: p.start)


# ---------------------------------------------------------------------------
# ISO periods


def iso_to_dates(period: str) -> tuple[date | None, date]:
    if "/" in period:
        a, b = period.split("/", 1)
        return date.fromisoformat(a), date.fromisoformat(b)
    return None, date.fromisoformat(period)


def months_of(period: str) -> int:
    start, end = iso_to_dates(period)
    if start is None:
        return 0
    return round(((end - start).days + 1) / 30.44)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def ending(end: date, months: int) -> str:
    """ISO duration of ``months`` months ending on ``end``."""
    if months <= 0:
        return end.isoformat()
    month = end.month - months + 1
    year = end.year
    while month <= 0:
        month += 12
        year -= 1
    start = date(year, month, 1)
    return f"{start.isoformat()}/{end.isoformat()}"


@dataclass(frozen=True, slots=True)
class Calendar:
    """The periods a document's tables have, and the one its narrative is about by default."""

    periods: tuple[str, ...]
    default: str | None
    fiscal_end_month: int = 12  # from the SGML header's FISCAL YEAR END, else December

    def find(self, months: int, end: date) -> str | None:
        """The document period of ``months`` months ending within a week of ``end``."""
        best = None
        for period in self.periods:
            start, stop = iso_to_dates(period)
            if (months == 0) != (start is None):
                continue
            if months and months_of(period) != months:
                continue
            distance = abs((stop - end).days)
            if distance <= 7 and (best is None or distance < best[0]):
                best = (distance, period)
        return best[1] if best else None

    def resolve(self, months: int, end: date) -> str:
        return self.find(months, end) or (ending(end, months) if months else end.isoformat())


def periods_to_calendar(periods: Iterable[str | None], fiscal_end_month: int = 12) -> Calendar:
    """The document's periods; the default is the latest-ending, shortest duration."""
    unique = tuple(sorted({p for p in periods if p}))
    durations = [p for p in unique if "/" in p]
    default = None
    if durations:
        latest = max(iso_to_dates(p)[1] for p in durations)
        recent = [p for p in durations if (latest - iso_to_dates(p)[1]).days <= 7]
        default = min(recent, key=lambda p: (months_of(p), p))
    return Calendar(unique, default, fiscal_end_month)


def _shift_years(period: str, years: int, cal: Calendar) -> str:
    start, end = iso_to_dates(period)
    months = months_of(period) if start else 0
    try:
        target = end.replace(year=end.year + years)
    except ValueError:  # Feb 29
        target = end.replace(year=end.year + years, day=28)
    return cal.resolve(months, target)


shift_years = _shift_years


def cal_year(year: int, cal: Calendar) -> str:
    """The document's twelve-month period ending in ``year`` (else the calendar year)."""
    for period in cal.periods:
        if "/" in period and months_of(period) == 12 and iso_to_dates(period)[1].year == year:
            return period
    return f"{year}-01-01/{year}-12-31"


def _previous(period: str, cal: Calendar) -> str:
    start, end = iso_to_dates(period)
    if start is None:
        return period
    months = months_of(period)
    target = start - timedelta(days=1)
    return cal.resolve(months, target)


def fiscal_quarter_month(ordinal: int, fiscal_end_month: int) -> int:
    """Month in which fiscal quarter ``ordinal`` ends (fiscal year ending in ``fiscal_end_month``)."""
    return (fiscal_end_month + 3 * ordinal - 1) % 12 + 1


def _quarter(year: int, ordinal: int, cal: Calendar, reference: str | None, fiscal: bool = False) -> str:
    """The document's quarter named "<ordinal> quarter of <year>": the calendar quarter, else that quarter of
    fiscal year <year> (the fiscal year ending in <year>); "of fiscal <year>" names the fiscal one first."""
    end = _month_end(year, ordinal * 3)
    if cal.fiscal_end_month == 12:
        return cal.find(3, end) or ending(end, 3)
    month = fiscal_quarter_month(ordinal, cal.fiscal_end_month)
    quarter_year = year if month <= cal.fiscal_end_month else year - 1
    fiscal_end = _month_end(quarter_year, month)  # that quarter of the fiscal year ending in <year>
    if fiscal:
        return cal.find(3, fiscal_end) or ending(fiscal_end, 3)
    # without "fiscal", "third quarter 2006" may be the fiscal quarter ending in 2006, or the one of the fiscal
    # year ending in 2006, or the calendar quarter: the document's columns decide, and two of them leave it open
    in_year = cal.find(3, _month_end(year, month))
    named = cal.find(3, fiscal_end)
    if in_year and named and in_year != named:
        return ending(end, 3)  # ambiguous: a period no column has, so its figures stay unverifiable
    return in_year or named or cal.find(3, end) or ending(fiscal_end, 3)


def _quarter_near(ordinal: int, cal: Calendar, reference: str) -> str:
    """Quarter ``ordinal`` of the fiscal year under discussion: the latest one ending by ``reference``'s end."""
    ref_end = iso_to_dates(reference)[1]
    month = fiscal_quarter_month(ordinal, cal.fiscal_end_month)
    year = ref_end.year if month <= ref_end.month or (month == ref_end.month) else ref_end.year - 1
    if months_of(reference) == 12 and month > ref_end.month:
        year = ref_end.year - 1
    return cal.resolve(3, _month_end(year, month))


def phrase_to_period(phrase: PeriodPhrase, cal: Calendar, reference: str | None) -> str | None:
    """Resolve one phrase; ``reference`` is the period under discussion (for relative phrases)."""
    kind = phrase.kind
    if kind in ("ended", "instant"):
        name = phrase.get("month").lower().rstrip(".")
        month = MONTHS.get(name, MONTHS.get(name[:3]))
        if month is None:
            return None
        try:
            end = date(int(phrase.get("year")), month, int(phrase.get("day")))
        except ValueError:
            return None
        if kind == "instant":
            return cal.resolve(0, end)
        length = phrase.get("len").lower().replace("-", " ")
        months = LENGTHS.get(length, LENGTHS.get(length.rstrip("s"), 3))
        return cal.resolve(months, end)
    if kind == "ord_year":
        return _quarter(int(phrase.get("y")), ORDINALS[phrase.get("ord").lower()], cal, reference,
                        bool(phrase.get("fiscal") or phrase.get("fiscal2")))
    if kind == "ord_ago":
        base = reference or cal.default
        if base is None:
            return None
        return _shift_years(_quarter_near(ORDINALS[phrase.get("ord").lower()], cal, base), -1, cal)
    if kind in ("ord_rel", "ord_alone", "current"):
        base = reference or cal.default
        if base is None:
            return None
        ordinal = ORDINALS.get(phrase.get("ord").lower(), 0)
        if ordinal:
            current = _quarter_near(ordinal, cal, base)
        elif months_of(base) not in (0, 3):
            current = cal.resolve(3, iso_to_dates(base)[1])  # "the quarter" while discussing six months
        else:
            current = base
        rel = phrase.get("rel").lower().replace("the ", "")
        if rel in ("last", "prior", "previous", "preceding"):
            return _shift_years(current, -1, cal)
        return current
    if kind == "same":
        base = reference or cal.default
        if base is None:
            return None
        if phrase.get("y"):
            end = iso_to_dates(base)[1]
            return _shift_years(base, int(phrase.get("y")) - end.year, cal)
        return _shift_years(base, -1, cal)
    if kind == "preceding":
        base = reference or cal.default
        return _previous(base, cal) if base else None
    if kind == "ytd":
        return _year_to_date(phrase, cal, reference)
    if kind == "year_end":
        year = phrase.get("y") or phrase.get("y2") or phrase.get("y3")
        if year:
            return cal.resolve(0, _month_end(int(year), cal.fiscal_end_month))
        if reference is None:
            return None
        return _latest_instant(cal, iso_to_dates(reference)[1], lambda d: d.month == cal.fiscal_end_month)
    if kind == "month_day":
        name = phrase.get("month").lower().rstrip(".")
        month = MONTHS.get(name, MONTHS.get(name[:3]))
        if month is None or reference is None:
            return None
        day = int(phrase.get("day"))
        return _latest_instant(cal, iso_to_dates(reference)[1], lambda d: d.month == month and abs(d.day - day) <= 7)
    if kind in ("fiscal_year", "year_in"):
        return cal_year(int(phrase.get("y")), cal)
    return None


_COUNTS = {"three": 3, "six": 6, "nine": 9, "twelve": 12, "3": 3, "6": 6, "9": 9, "12": 12}


def _year_to_date(phrase: PeriodPhrase, cal: Calendar, reference: str | None) -> str | None:
    """"the first six months of 1997", "the first half", "the second half of 1996", "year-to-date"."""
    half = phrase.get("half").lower()
    year = phrase.get("y")
    if phrase.get("todate"):
        if reference is None:
            return None
        end = iso_to_dates(reference)[1]
        months = (end.month - cal.fiscal_end_month - 1) % 12 + 1
        return cal.resolve(months, end)
    months = 6 if half else _COUNTS.get(phrase.get("len").lower(), 0)
    if not months:
        return None
    last = 12 if half == "second" else months  # months into the fiscal year at the period's end
    if year:
        fiscal_end = _month_end(int(year), cal.fiscal_end_month)
    elif reference is not None:
        ref_end = iso_to_dates(reference)[1]
        month_in_year = (ref_end.month - cal.fiscal_end_month - 1) % 12 + 1
        fiscal_year = ref_end.year + (1 if ref_end.month > cal.fiscal_end_month else 0)
        if month_in_year < last:
            fiscal_year -= 1  # "the second half" while discussing a second quarter: last year's
        fiscal_end = _month_end(fiscal_year, cal.fiscal_end_month)
    else:
        return None
    month = (cal.fiscal_end_month + last - 1) % 12 + 1
    end_year = fiscal_end.year - (1 if month > cal.fiscal_end_month else 0)
    return cal.resolve(6 if half else months, _month_end(end_year, month))


def _latest_instant(cal: Calendar, by: date, test) -> str | None:
    """The latest instant of the document's tables ending by ``by`` (give or take a week) that passes ``test``."""
    best = None
    for period in cal.periods:
        if "/" in period:
            continue
        day = date.fromisoformat(period)
        if (day - by).days <= 7 and test(day) and (best is None or day > best):
            best = day
    return best.isoformat() if best else None


def is_absolute(phrase: PeriodPhrase) -> bool:
    """Does the phrase name its period without reference to another ("first quarter of 1996")?"""
    if phrase.kind in ("ytd", "year_end"):
        return bool(phrase.get("y") or phrase.get("y2") or phrase.get("y3"))
    return phrase.kind in ("ended", "ord_year", "instant", "fiscal_year", "year_in")
