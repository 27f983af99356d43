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

import importlib

# the names below load on first use: every command line registers ``fetch``, and importing httpx
# costs each ``tieout check`` about 0.3 s
_WHERE = {"EdgarClient": "client", "Fetched": "client", "FetchFailure": "client", "Filing": "indexes",
          "FetchRequest": "run", "FetchSummary": "run", "fetch_company": "run", "make_request": "run",
          "FetchSettings": "settings"}

__all__ = sorted(_WHERE)


def __getattr__(name: str):
    if name in _WHERE:
        return getattr(importlib.import_module(f"tieout.fetch.{_WHERE[name]}"), name)
    raise AttributeError(f"module 'tieout.fetch' has no attribute {name!r}")
