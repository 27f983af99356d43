"""EDGAR header lines to the filing's identity: form, company, CIK, SIC, fiscal year end, period, dates.

The SEC wraps every submission in a header of ``KEY:<tabs>VALUE`` lines
(``CONFORMED SUBMISSION TYPE:``, ``COMPANY CONFORMED NAME:``, ...), inside
``<SEC-HEADER>`` (``<IMS-HEADER>`` before 1995) or, in files whose tags a
downloader stripped, as bare lines at the top. Later submissions may use the
tagged form (``<ACCESSION-NUMBER>``, ``<PERIOD>``); both are read here.
The first filer's name and CIK win when a submission names several.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

# KEY: value  (keys are upper case words; values may be empty)
_KEY_VALUE = re.compile(r"\s*([A-Z][A-Z0-9 ()/&.-]{1,60}?):[ \t]*(.*)")
_TAG_VALUE = re.compile(r"<([A-Z][A-Z0-9-]{1,40})>[ \t]*(\S.*)")
_ACCESSION = re.compile(r"\d{10}-\d{2}-\d{6}")
_SIC = re.compile(r"(?<!\d)(\d{4})(?!\d)")

# header key (plain or tag form) -> HeaderFields attribute
FIELD_KEYS: dict[str, str] = {
    "CONFORMED SUBMISSION TYPE": "form_type",
    "COMPANY CONFORMED NAME": "company",
    "CENTRAL INDEX KEY": "cik",
    "CONFORMED PERIOD OF REPORT": "period",
    "FILED AS OF DATE": "filed",
    "ACCESSION NUMBER": "accession",
    "STANDARD INDUSTRIAL CLASSIFICATION": "sic",
    "FISCAL YEAR END": "fiscal_year_end",
    # tagged header (<SUBMISSION> style)
    "ACCESSION-NUMBER": "accession",
    "TYPE": "form_type",
    "CONFORMED-NAME": "company",
    "CIK": "cik",
    "PERIOD": "period",
    "FILING-DATE": "filed",
    "ASSIGNED-SIC": "sic",
    "FISCAL-YEAR-END": "fiscal_year_end",
}
DATE_FIELDS = ("period", "filed")


@dataclass(frozen=True, slots=True)
class HeaderFields:
    form_type: str = ""
    company: str = ""
    cik: str = ""
    period: str = ""  # ISO date
    filed: str = ""  # ISO date
    accession: str = ""
    sic: str = ""  # the four-digit Standard Industrial Classification code ("3571")
    fiscal_year_end: str = ""  # the filer's fiscal year end as MMDD ("0930")


def lines_to_header(lines: Iterable[str]) -> HeaderFields:
    """Read the header fields from header lines; the first value of each key wins."""
    found: dict[str, str] = {}
    for line in lines:
        if line.startswith("<"):
            match = _TAG_VALUE.match(line)
        elif ":" in line:
            match = _KEY_VALUE.match(line)
        else:
            continue
        if not match:
            continue
        key = " ".join(match.group(1).split())
        field = FIELD_KEYS.get(key)
        value = match.group(2).strip()
        if field and value and field not in found:
            found[field] = value
        elif key in ("SEC-DOCUMENT", "IMS-DOCUMENT") and "accession" not in found:
            accession = _ACCESSION.search(value)
            if accession:
                found["accession"] = accession.group(0)
    for field in DATE_FIELDS:
        if field in found:
            found[field] = yyyymmdd_to_iso(found[field])
    if "sic" in found:
        found["sic"] = sic_code(found["sic"])
    if "fiscal_year_end" in found:
        found["fiscal_year_end"] = month_day(found["fiscal_year_end"])
    return HeaderFields(**found)


def sic_code(value: str) -> str:
    """``"ELECTRONIC COMPUTERS [3571]"`` (or ``"3571"``) -> ``"3571"``; ``""`` without a code."""
    match = _SIC.search(value)
    return match.group(1) if match else ""


def month_day(value: str) -> str:
    """A fiscal year end ``"0930"`` as it is when it names a real month and day, else ``""``."""
    digits = value.strip()
    if len(digits) != 4 or not digits.isdigit():
        return ""
    month, day = int(digits[:2]), int(digits[2:])
    return digits if 1 <= month <= 12 and 1 <= day <= (29 if month == 2 else 30 if month in (4, 6, 9, 11) else 31) else ""


def yyyymmdd_to_iso(value: str) -> str:
    """``"19951031"`` -> ``"1995-10-31"``; anything that is not a real date -> ``""``."""
    digits = value.strip()[:8]
    if len(digits) != 8 or not digits.isdigit():
        return ""
    try:
        return dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:])).isoformat()
    except ValueError:
        return ""
