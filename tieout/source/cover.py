"""A filing's cover page to its identity, for a file that carries no EDGAR header.

A filing downloaded as its primary document (``aapl-20230930.htm``), or a typed filing whose
header was stripped, still prints on its cover what the SEC header would have said::

    FORM 10-K
    ANNUAL REPORT PURSUANT TO SECTION 13 OR 15(d) OF THE SECURITIES EXCHANGE ACT OF 1934
    For the fiscal year ended December 30, 2023
    ...
    TEXAS INSTRUMENTS INCORPORATED
    (Exact name of registrant as specified in its charter)

The form and the period of report matter downstream: a bare year heading a column of an
annual report is a fiscal year ending on the period's month and day, and a document without
them leaves such columns undated. Only the first lines of the document are read, and only
the cover's own phrases count ("For the fiscal year ended" with a full date, a line that is
"FORM 10-K" and nothing else); a line that names no full date gives nothing, so a document
without a cover is left as it was.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

COVER_LINES = 150  # the cover fits in the first lines of the rendered document

_MONTHS = {name: n for n, name in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"), start=1)}
_DATE = r"([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s*(\d{4})"
# "FORM 10-K", "Form 10-Q/A", "FORM 10-KSB", "FORM 8-K": the line holds nothing else
_FORM = re.compile(r"FORM\s+(10-K(?:SB|405|T)?|10-Q(?:SB|T)?|8-K|20-F|40-F|6-K|11-K|N-CSRS?)(/A)?", re.IGNORECASE)
# "For the fiscal year ended December 31, 2023", "For the quarterly period ended June 30, 2023"
_PERIOD = re.compile(r"\bfor\s+the\s+(?:fiscal\s+year|year|quarterly\s+period|quarter|period|"
                     r"fiscal\s+quarter)\s+ended:?\s*" + _DATE, re.IGNORECASE)
# an 8-K: "Date of Report (Date of earliest event reported): May 1, 2023"
_EVENT = re.compile(r"\bdate\s+of\s+report\b[^:]{0,60}:?\s*" + _DATE, re.IGNORECASE)
_REGISTRANT = re.compile(r"exact\s+name\s+of\s+(?:the\s+)?registrants?\s+as\s+specified\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Cover:
    form_type: str = ""
    period: str = ""  # ISO date
    company: str = ""


def lines_to_cover(lines: Iterable[str]) -> Cover:
    """The form, period of report and registrant printed on the cover; "" for what is not there."""
    form = period = company = ""
    previous = ""
    for n, text in enumerate(lines):
        if n >= COVER_LINES:
            break
        if not text.strip():
            continue
        if not form and len(text) < 60 and (match := _FORM.fullmatch(text.strip())):
            form = match.group(1).upper() + (match.group(2) or "").upper()
        if not period and (match := _PERIOD.search(text) or _EVENT.search(text)):
            period = _iso(*match.groups())
        if not company and _REGISTRANT.match(text.strip().lstrip("( ")) and 1 < len(previous.strip()) < 100:
            company = " ".join(previous.split())
        previous = text
    return Cover(form, period, company)


def _iso(month: str, day: str, year: str) -> str:
    number = _MONTHS.get(month.lower()) or next(
        (n for name, n in _MONTHS.items() if len(month) >= 3 and name.startswith(month.lower())), 0)
    try:
        return dt.date(int(year), number, int(day)).isoformat() if number else ""
    except ValueError:
        return ""
