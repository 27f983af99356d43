"""EDGAR header lines to the filing's identity: form, company, CIK, period, dates.

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

# header key (plain or tag form) -> HeaderFields attribute
FIELD_KEYS: dict[str, str] = {
    "CONFORMED SUBMISSION TYPE": "form_type",
    "COMPANY CONFORMED NAME": "company",
    "CENTRAL INDEX KEY": "cik",
    "CONFORMED PERIOD OF REPORT": "period",
    "FILED AS OF DATE": "filed",
    "ACCESSION NUMBER": "accession",
    # tagged header (<SUBMISSION> style)
    "ACCESSION-NUMBER": "accession",
    "TYPE": "form_type",
    "CONFORMED-NAME": "company",
    "CIK": "cik",
    "PERIOD": "period",
    "FILING-DATE": "filed",
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
    return HeaderFields(**found)


def yyyymmdd_to_iso(value: str) -> str:
    """``"19951031"`` -> ``"1995-10-31"``; anything that is not a real date -> ``""``."""
    digits = value.strip()[:8]
    if len(digits) != 8 or not digits.isdigit():
        return ""
    try:
        return dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:])).isoformat()
    except ValueError:
        return ""
