"""EDGAR's own listings -> the filings of one company: where they are and how to read them.

Two listings name every submission with its form, filing date and accession:

* the quarterly full index, ``Archives/edgar/full-index/YYYY/QTRn/company.idx``
  (or ``form.idx``: the same rows sorted by form), fixed-width columns, every
  filer of the quarter, back to 1993; complete, but several MB a quarter;
* the company's ``submissions/CIK##########.json`` on data.sec.gov: that one
  filer's filings as columns (``filings.recent``), older ones in the pages
  that ``filings.files`` names; one small request, where it exists.

Either way a filing is ``Archives/edgar/data/CIK/ACCESSION.txt``: the complete
submission, with every document and exhibit (EX-99 releases, EX-27 schedules)
between its SGML tags, which is what tieout reads. Functions here only build
URLs and parse text; fetching is the client's job.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import re
from dataclasses import dataclass

_ACCESSION = re.compile(r"\d{10}-\d{2}-\d{6}")
# the right end of a full-index row: CIK, date filed, file name
_ROW_END = re.compile(r"\s(?P<cik>\d{1,10})\s+(?P<date>\d{4}-\d{2}-\d{2}|\d{8})\s+(?P<file>\S+)\s*$")


@dataclass(frozen=True)
class Filing:
    cik: str  # without leading zeros, as in the archive's paths
    company: str
    form: str  # as EDGAR lists it: 10-K, 10-K405, 10-Q/A, 8-K
    filed: str  # ISO date
    accession: str  # 0000719413-96-000010

    @property
    def archive_path(self) -> str:
        return f"Archives/edgar/data/{self.cik}/{self.accession}.txt"


# -- URLs ------------------------------------------------------------------


def full_index_url(base_url: str, year: int, quarter: int, kind: str = "company") -> str:
    return f"{base_url.rstrip('/')}/Archives/edgar/full-index/{year}/QTR{quarter}/{kind}.idx"


def submissions_url(data_url: str, cik: str) -> str:
    return f"{data_url.rstrip('/')}/submissions/CIK{int(cik):010d}.json"


def submissions_page_url(data_url: str, name: str) -> str:
    return f"{data_url.rstrip('/')}/submissions/{name}"


def tickers_url(base_url: str) -> str:
    return f"{base_url.rstrip('/')}/files/company_tickers.json"


def submission_url(base_url: str, filing: Filing) -> str:
    return f"{base_url.rstrip('/')}/{filing.archive_path}"


# -- quarters ---------------------------------------------------------------


def quarters(date_from: dt.date, date_to: dt.date) -> list[tuple[int, int]]:
    """The (year, quarter) pairs whose full index may list a filing filed in [date_from, date_to]."""
    out = []
    year, quarter = date_from.year, (date_from.month - 1) // 3 + 1
    while (year, quarter) <= (date_to.year, (date_to.month - 1) // 3 + 1):
        out.append((year, quarter))
        year, quarter = (year, quarter + 1) if quarter < 4 else (year + 1, 1)
    return out


def quarter_end(year: int, quarter: int) -> dt.date:
    month = quarter * 3
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def quarter_settled_at(year: int, quarter: int, margin_days: int = 2) -> float:
    """Epoch seconds after which that quarter's index no longer changes (its last day, plus a margin)."""
    end = quarter_end(year, quarter) + dt.timedelta(days=margin_days)
    return dt.datetime(end.year, end.month, end.day, tzinfo=dt.timezone.utc).timestamp()


# -- parsing ----------------------------------------------------------------


def parse_full_index(text: str, cik: str | None = None) -> list[Filing]:
    """The rows of a ``company.idx`` or ``form.idx`` (only those of ``cik`` when given).

    Columns are found from the header line (``Company Name  Form Type  CIK  Date Filed
    File Name``, or Form Type first); CIK, date and file name are read from the right
    end of each row, so a company name or form type wider than its column still reads.
    """
    lines = text.splitlines()
    header_at = next((i for i, line in enumerate(lines[:40])
                      if "CIK" in line and "Date Filed" in line and "File Name" in line), None)
    if header_at is None:
        raise ValueError("not an EDGAR full index: no 'Form Type ... CIK ... Date Filed ... File Name' header")
    header = lines[header_at]
    form_first = header.lstrip().startswith("Form Type")
    split_at = header.index("Company Name") if form_first else header.index("Form Type")
    needle = f" {int(cik)} " if cik else None
    filings = []
    for line in lines[header_at + 1:]:
        if needle and needle not in line:
            continue
        match = _ROW_END.search(line)
        if not match or (cik and int(match["cik"]) != int(cik)):
            continue
        accession = _ACCESSION.search(match["file"].rsplit("/", 1)[-1])
        if not accession:
            continue
        left = line[: match.start() + 1]
        first, second = left[:split_at].strip(), left[split_at:].strip()
        form, company = (first, second) if form_first else (second, first)
        filings.append(Filing(str(int(match["cik"])), company, form.upper(), _iso(match["date"]),
                              accession.group(0)))
    return filings


def parse_submissions(text: str) -> tuple[str, list[Filing], list[tuple[str, str, str]]]:
    """A ``CIK##########.json``: (company name, its recent filings, older pages as (name, from, to))."""
    data = json.loads(text)
    if not isinstance(data, dict) or "filings" not in data:
        raise ValueError("not an EDGAR submissions file: no 'filings'")
    cik = str(int(data.get("cik") or 0))
    company = str(data.get("name") or "")
    filings = _columns_to_filings(data["filings"].get("recent") or {}, cik, company)
    pages = [(str(page["name"]), str(page.get("filingFrom") or ""), str(page.get("filingTo") or ""))
             for page in data["filings"].get("files") or [] if page.get("name")]
    return company, filings, pages


def parse_submissions_page(text: str, cik: str, company: str) -> list[Filing]:
    """An older page of a company's submissions (``CIK##########-submissions-001.json``)."""
    data = json.loads(text)
    if not isinstance(data, dict) or "accessionNumber" not in data:
        raise ValueError("not an EDGAR submissions page: no 'accessionNumber'")
    return _columns_to_filings(data, str(int(cik)), company)


def _columns_to_filings(columns: dict, cik: str, company: str) -> list[Filing]:
    accessions = columns.get("accessionNumber") or []
    forms = columns.get("form") or []
    dates = columns.get("filingDate") or []
    return [Filing(cik, company, str(form).upper(), _iso(str(date)), str(accession))
            for accession, form, date in zip(accessions, forms, dates)
            if _ACCESSION.fullmatch(str(accession))]


def parse_tickers(text: str) -> dict[str, str]:
    """``files/company_tickers.json`` -> {ticker (upper case): CIK}."""
    data = json.loads(text)
    rows = data.values() if isinstance(data, dict) else data
    return {str(row["ticker"]).upper(): str(int(row["cik_str"])) for row in rows
            if isinstance(row, dict) and "ticker" in row and "cik_str" in row}


def _iso(date: str) -> str:
    date = date.strip()
    return f"{date[:4]}-{date[4:6]}-{date[6:8]}" if len(date) == 8 and date.isdigit() else date[:10]


# -- choosing ---------------------------------------------------------------


def form_matches(form: str, wanted: tuple[str, ...]) -> bool:
    """``10-K`` asks for 10-K and its amendments (10-K/A); ``10-K*`` for every form starting so
    (10-K405, 10-KSB, 10-KT, ...); no forms asks for all."""
    if not wanted:
        return True
    form = form.upper()
    for want in wanted:
        if want.endswith("*"):
            if form.startswith(want[:-1]):
                return True
        elif form in (want, want + "/A"):
            return True
    return False


def select(filings: list[Filing], forms: tuple[str, ...], date_from: dt.date, date_to: dt.date) -> list[Filing]:
    """The filings asked for, one per accession, oldest first."""
    low, high = date_from.isoformat(), date_to.isoformat()
    chosen = {f.accession: f for f in filings if low <= f.filed <= high and form_matches(f.form, forms)}
    return sorted(chosen.values(), key=lambda f: (f.filed, f.accession))


def other_forms(filings: list[Filing], forms: tuple[str, ...], date_from: dt.date, date_to: dt.date) -> dict[str, int]:
    """Forms filed in the range that were not asked for, with their counts (so a 10-K405 is not missed unseen)."""
    low, high = date_from.isoformat(), date_to.isoformat()
    counts: dict[str, int] = {}
    seen = set()
    for f in filings:
        if low <= f.filed <= high and not form_matches(f.form, forms) and f.accession not in seen:
            seen.add(f.accession)
            counts[f.form] = counts.get(f.form, 0) + 1
    return dict(sorted(counts.items()))
