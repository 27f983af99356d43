"""``fetch_company``: a company and a range of forms and dates -> its complete submissions on disk.

The stages, in order, each a plain function returning its result and adding
its failures to the summary (a failure is a value, and the batch goes on):

    resolve_cik     --cik, or --ticker through the SEC's ticker list
    list_filings    the submissions JSON where available, else the quarterly full index
    select          the forms and filing dates asked for, one per accession
    fetch_filings   each ``Archives/edgar/data/CIK/ACCESSION.txt`` into the cache,
                    then linked (or copied) to ``OUT/CIK/ACCESSION.txt`` when asked

Usage errors (a CIK that is not a number, dates the wrong way round, a ticker
the SEC does not list) are ``InputError`` and stop before any request.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from tieout.errors import InputError
from tieout.fetch.cache import ALWAYS_CHANGES
from tieout.fetch.client import EdgarClient, Fetched, FetchFailure
from tieout.fetch.indexes import (
    Filing, full_index_url, other_forms, parse_full_index, parse_submissions, parse_submissions_page,
    parse_tickers, quarter_settled_at, quarters, select, submission_url, submissions_page_url,
    submissions_url, tickers_url,
)
from tieout.fetch.settings import FetchSettings

EDGAR_START = dt.date(1993, 1, 1)  # the first quarter of the electronic archive


@dataclass(frozen=True)
class FetchRequest:
    cik: str | None  # digits, no leading zeros; None: look the ticker up
    ticker: str | None
    forms: tuple[str, ...]  # upper case; () = every form
    date_from: dt.date
    date_to: dt.date
    output: Path | None = None  # OUT/CIK/ACCESSION.txt; None: the files stay in the cache


@dataclass
class FetchSummary:
    cik: str = ""
    company: str = ""
    listed_from: str = ""  # "submissions" or "full-index"
    selected: list[Filing] = field(default_factory=list)
    paths: list[Path] = field(default_factory=list)  # the selected filings now on disk
    fetched: int = 0  # downloaded by this run
    cached: int = 0  # already in the cache
    failures: list[tuple[str, str]] = field(default_factory=list)  # (accession or URL, one line)
    notes: list[str] = field(default_factory=list)  # worth a line on stderr, not a failure
    unasked: dict[str, int] = field(default_factory=dict)  # forms in the range not asked for
    requests: int = 0
    bytes: int = 0
    seconds: float = 0.0

    def line(self, request: FetchRequest) -> str:
        forms = ", ".join(request.forms) if request.forms else "all forms"
        who = f"CIK {self.cik}" + (f" ({self.company})" if self.company else "") if self.cik else request.ticker
        source = {"submissions": " (listed from the submissions JSON)",
                  "full-index": " (listed from the quarterly full index)"}.get(self.listed_from, "")
        return (f"{who}, {forms} filed {request.date_from}..{request.date_to}: {plural(len(self.selected), 'filing')}, "
                f"{self.fetched} fetched, {self.cached} in the cache, {len(self.failed_filings())} failed; "
                f"{size_text(self.bytes)} in {self.seconds:.1f} s "
                f"({size_text(self.bytes / self.seconds if self.seconds else 0.0, '/s')}), "
                f"{plural(self.requests, 'request')}{source}")

    def failed_filings(self) -> list[str]:
        """The accessions asked for that are not on disk (the other failures are listings' URLs)."""
        asked = {filing.accession for filing in self.selected}
        return [what for what, _ in self.failures if what in asked]


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def size_text(n: float, per: str = "") -> str:
    """``1.2 MB`` (kB below 100 kB); ``per="/s"`` for a rate."""
    return f"{n / 1e6:.1f} MB{per}" if n >= 1e5 else f"{n / 1e3:.1f} kB{per}"


def transfer(received: int, seconds: float) -> str:
    """``1.2 MB, 0.35 MB/s``: bytes so far and the rate."""
    return f"{size_text(received)}, {size_text(received / seconds if seconds > 0 else 0.0, '/s')}"


class Progress:
    """What a run tells its watcher; the default tells nobody (see tieout.fetch.progress)."""

    def note(self, message: str) -> None: ...
    def failed(self, what: str, message: str) -> None: ...
    def start(self, total: int) -> None: ...
    def bytes(self, n: int) -> None: ...
    def done(self, filing: Filing, result: Fetched | FetchFailure) -> None: ...
    def close(self) -> None: ...


# -- the request ------------------------------------------------------------


def make_request(*, cik: str | None = None, ticker: str | None = None, forms: str | tuple[str, ...] = (),
                 date_from: str | None = None, date_to: str | None = None,
                 output: str | Path | None = None, today: dt.date | None = None) -> FetchRequest:
    """A checked request from what a user typed; InputError (one line, what to do) otherwise."""
    if not cik and not ticker:
        raise InputError("say which company: --cik NUMBER (EDGAR's Central Index Key, e.g. 719413) "
                         "or --ticker SYMBOL")
    if cik is not None:
        digits = cik.strip().upper().removeprefix("CIK")
        if not digits.isdigit() or not 1 <= len(digits) <= 10 or int(digits) == 0:
            raise InputError(f"--cik {cik!r}: a CIK is a number of up to 10 digits (e.g. 719413 or 0000719413)")
        cik = str(int(digits))
    if ticker is not None:
        ticker = ticker.strip().upper()
        if not re.fullmatch(r"[A-Z0-9][A-Z0-9.\-]{0,9}", ticker):
            raise InputError(f"--ticker {ticker!r}: a ticker is letters and digits (e.g. HL)")
    if isinstance(forms, str):
        forms = tuple(f for f in (part.strip().upper() for part in forms.split(",")) if f)
    else:
        forms = tuple(f.strip().upper() for f in forms if f.strip())
    today = today or dt.date.today()
    low = parse_date(date_from, end=False, option="--from") if date_from else EDGAR_START
    high = parse_date(date_to, end=True, option="--to") if date_to else today
    if low > high:
        raise InputError(f"--from {low} is after --to {high}; give the earlier date first")
    return FetchRequest(cik, ticker, forms, max(low, EDGAR_START), min(high, today),
                        Path(output) if output else None)


def parse_date(text: str, *, end: bool, option: str) -> dt.date:
    """``1996`` / ``1996-03`` / ``1996-03-31``: the first day (``end`` False) or the last day it covers."""
    text = text.strip()
    try:
        if re.fullmatch(r"\d{4}", text):
            return dt.date(int(text), 12, 31) if end else dt.date(int(text), 1, 1)
        if re.fullmatch(r"\d{4}-\d{2}", text):
            year, month = int(text[:4]), int(text[5:])
            first = dt.date(year, month, 1)
            if not end:
                return first
            return (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InputError(f"{option} {text!r}: give a year (1996), a month (1996-03) or a day (1996-03-31)") from None


# -- the run ----------------------------------------------------------------


def fetch_company(request: FetchRequest, settings: FetchSettings, progress: Progress | None = None) -> FetchSummary:
    """Every filing ``request`` names, complete on disk (or a failure line saying why not)."""
    progress = progress or Progress()
    summary = FetchSummary()
    started = time.perf_counter()
    with EdgarClient(settings, on_bytes=progress.bytes) as client:
        try:
            summary.cik = resolve_cik(request, client, summary, progress)
            if summary.cik:
                filings = list_filings(summary.cik, request, client, summary, progress)
                summary.selected = select(filings, request.forms, request.date_from, request.date_to)
                summary.unasked = other_forms(filings, request.forms, request.date_from, request.date_to)
                fetch_filings(summary.selected, request, client, summary, progress)
        finally:
            summary.requests = client.requests
            summary.bytes = client.downloaded
            summary.seconds = time.perf_counter() - started
    return summary


def resolve_cik(request: FetchRequest, client: EdgarClient, summary: FetchSummary, progress: Progress) -> str:
    """The CIK to fetch: --cik as given (a --ticker beside it is only checked), else the ticker's."""
    if not request.ticker:
        return request.cik or ""
    url = tickers_url(client.settings.base_url)
    result = client.get(url, ALWAYS_CHANGES)
    tickers: dict[str, str] = {}
    if isinstance(result, Fetched):
        try:
            tickers = parse_tickers(result.path.read_text(encoding="utf-8", errors="replace"))
        except (ValueError, KeyError, TypeError) as exc:
            result = FetchFailure(url, f"not the SEC's ticker list ({exc}); check --base-url")
    if isinstance(result, FetchFailure):
        if request.cik:
            _note(summary, progress, f"ticker {request.ticker} not checked against CIK {request.cik}: {result.message}")
            return request.cik
        _fail(summary, progress, url, f"cannot look up ticker {request.ticker}: {result.message}; or give --cik")
        return ""
    found = tickers.get(request.ticker)
    if request.cik:
        if found and found != request.cik:
            _note(summary, progress, f"ticker {request.ticker} is CIK {found} in the SEC's current list, "
                                     f"not {request.cik}; fetching CIK {request.cik} as given")
        return request.cik
    if not found:
        raise InputError(f"ticker {request.ticker} is not in the SEC's list of current tickers (a delisted or "
                         "renamed company is not); give its CIK with --cik (EDGAR's company search shows it)")
    return found


def list_filings(cik: str, request: FetchRequest, client: EdgarClient, summary: FetchSummary,
                 progress: Progress) -> list[Filing]:
    """Every filing of ``cik`` the archive's listings name in the request's quarters."""
    source = client.settings.index
    if source in ("auto", "submissions"):
        found = from_submissions(cik, request, client, summary, progress)
        if found is not None:
            summary.listed_from = "submissions"
            return found
        if source == "submissions":
            return []
    summary.listed_from = "full-index"
    return from_full_index(cik, request, client, summary, progress)


def from_submissions(cik: str, request: FetchRequest, client: EdgarClient, summary: FetchSummary,
                     progress: Progress) -> list[Filing] | None:
    """The company's submissions JSON and the older pages that reach into the range; None when
    there is no usable JSON (then the full index is read, unless --index submissions)."""
    data_url = client.settings.data_url
    url = submissions_url(data_url, cik)
    result = client.get(url, ALWAYS_CHANGES)
    if isinstance(result, Fetched):
        try:
            company, filings, pages = parse_submissions(result.path.read_text(encoding="utf-8", errors="replace"))
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            result = FetchFailure(url, f"not an EDGAR submissions file ({type(exc).__name__}: {exc})")
    if isinstance(result, FetchFailure):
        if client.settings.index == "submissions":
            _fail(summary, progress, url, result.message)
        elif result.not_found:
            _note(summary, progress, f"no submissions JSON for CIK {cik} ({url}); reading the quarterly full index")
        else:
            _note(summary, progress, f"no submissions JSON ({result.message}); reading the quarterly full index")
        return None
    if result.stale:
        _note(summary, progress, f"{url}: the server could not be asked; using the cached copy")
    summary.company = company
    low, high = request.date_from.isoformat(), request.date_to.isoformat()
    for name, page_from, page_to in pages:
        if (page_to and page_to < low) or (page_from and page_from > high):
            continue
        page_url = submissions_page_url(data_url, name)
        page = client.get(page_url, ALWAYS_CHANGES)
        if isinstance(page, Fetched):
            try:
                filings += parse_submissions_page(page.path.read_text(encoding="utf-8", errors="replace"),
                                                  cik, company)
                continue
            except (ValueError, KeyError, TypeError, AttributeError) as exc:
                page = FetchFailure(page_url, f"not an EDGAR submissions page ({type(exc).__name__}: {exc})")
        _fail(summary, progress, page_url, f"{page.message}; the filings it lists are missing from this run")
    return filings


def from_full_index(cik: str, request: FetchRequest, client: EdgarClient, summary: FetchSummary,
                    progress: Progress) -> list[Filing]:
    """The rows of ``cik`` in each quarter's ``company.idx``; a quarter that cannot be read is a failure."""
    filings: list[Filing] = []
    wanted = quarters(request.date_from, request.date_to)
    progress.note(f"reading the full index of {plural(len(wanted), 'quarter')} "
                  f"({wanted[0][0]} QTR{wanted[0][1]} to {wanted[-1][0]} QTR{wanted[-1][1]})")
    for year, quarter in wanted:
        url = full_index_url(client.settings.base_url, year, quarter)
        result = client.get(url, quarter_settled_at(year, quarter))
        if isinstance(result, Fetched):
            try:
                text = result.path.read_bytes().decode("latin-1")
                filings += parse_full_index(text, cik)
                continue
            except ValueError as exc:
                result = FetchFailure(url, str(exc))
        _fail(summary, progress, url, f"{result.message}; filings of {year} QTR{quarter} are missing from this run")
    if filings and not summary.company:
        summary.company = filings[-1].company
    return filings


def fetch_filings(filings: list[Filing], request: FetchRequest, client: EdgarClient, summary: FetchSummary,
                  progress: Progress) -> None:
    """Each filing's complete submission into the cache (and OUT/CIK/ when asked); failures go on the list."""
    progress.start(len(filings))
    for filing in filings:
        result = client.get(submission_url(client.settings.base_url, filing))
        if isinstance(result, Fetched):
            try:
                path = place(result.path, request.output / filing.cik / result.path.name) if request.output \
                    else result.path
            except OSError as exc:
                result = FetchFailure(result.url, f"cannot write into {request.output}: {exc.strerror or exc}")
            else:
                summary.paths.append(path)
                if result.from_cache:
                    summary.cached += 1
                else:
                    summary.fetched += 1
        if isinstance(result, FetchFailure):
            _fail(summary, progress, filing.accession, f"{result.message} ({result.url})")
        progress.done(filing, result)


def place(cached: Path, dest: Path) -> Path:
    """The cached file at ``dest``: a hard link where the file system allows, else a copy; swapped in whole."""
    try:
        if dest.stat().st_size == cached.stat().st_size:
            return dest  # a submission never changes: the same size is the same file
    except OSError:
        pass
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(f".{dest.name}.part")
    tmp.unlink(missing_ok=True)
    try:
        os.link(cached, tmp)
    except OSError:
        shutil.copy2(cached, tmp)
    os.replace(tmp, dest)
    return dest


def _note(summary: FetchSummary, progress: Progress, message: str) -> None:
    summary.notes.append(message)
    progress.note(message)


def _fail(summary: FetchSummary, progress: Progress, what: str, message: str) -> None:
    summary.failures.append((what, message))
    progress.failed(what, message)
