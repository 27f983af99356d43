"""Fetching filings from EDGAR: a company and a range of forms and dates -> complete submissions on disk.

    settings   FetchSettings: User-Agent, base URLs, rate, retries, cache, offline
    ratelimit  at most N request starts a second (10 for sec.gov)
    cache      one file per URL; a partial download never under the final name
    client     cache first, then one polite request at a time, retried; values, not exceptions
    indexes    the archive's listings (full index, submissions JSON, tickers) -> Filing records
    run        resolve_cik -> list_filings -> select -> fetch_filings, failures collected
    progress   files, bytes and rate on stderr

See docs/fetch.md for the fair-access rules and why tieout fetches by itself.
"""

from tieout.fetch.client import EdgarClient, Fetched, FetchFailure
from tieout.fetch.indexes import Filing
from tieout.fetch.run import FetchRequest, FetchSummary, fetch_company, make_request
from tieout.fetch.settings import FetchSettings

__all__ = ["EdgarClient", "Fetched", "FetchFailure", "Filing", "FetchRequest", "FetchSummary",
           "FetchSettings", "fetch_company", "make_request"]
