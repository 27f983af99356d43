"""How tieout talks to EDGAR: one frozen settings value, checked when it is made.

The SEC's fair-access rules are settings, not habits scattered through the
code: a User-Agent naming the person and a contact e-mail (required; the SEC
answers requests without one with 403), at most 10 requests a second to
sec.gov, and back-off when the server says so. Everything a test needs to
change (the base URL of a server on 127.0.0.1, short back-off delays, a faster
rate against that server) is a field here, so the fetching code has no
special cases for tests.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

SEC_ARCHIVE_URL = "https://www.sec.gov"  # Archives/edgar/..., files/company_tickers.json
SEC_DATA_URL = "https://data.sec.gov"  # submissions/CIK##########.json
SEC_MAX_RATE = 10.0  # requests per second, the SEC's published limit

USER_AGENT_ENV = "TIEOUT_USER_AGENT"
BASE_URL_ENV = "TIEOUT_EDGAR_URL"
DATA_URL_ENV = "TIEOUT_EDGAR_DATA_URL"
CACHE_ENV = "TIEOUT_CACHE"

USER_AGENT_RULE = ("the SEC asks every automated client for a User-Agent naming you and a contact "
                   "e-mail: pass --user-agent 'Jane Doe jane@example.com' or set "
                   f"{USER_AGENT_ENV}='Jane Doe jane@example.com'")

_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}")
INDEX_SOURCES = ("auto", "submissions", "full-index")


@dataclass(frozen=True)
class FetchSettings:
    user_agent: str = ""  # "Name contact@example.com"; required unless offline
    base_url: str = SEC_ARCHIVE_URL  # serves Archives/edgar/... and files/company_tickers.json
    data_url: str = SEC_DATA_URL  # serves submissions/CIK##########.json
    cache_dir: Path = Path("edgar-cache")
    offline: bool = False  # only the cache; a file not in it is a failure, never a request
    index: str = "auto"  # auto: the submissions JSON, else the quarterly full-index
    rate: float = SEC_MAX_RATE  # requests per second at most (never above 10 for sec.gov)
    retries: int = 4  # tries after the first, on 429, 5xx, timeouts and dropped connections
    backoff: float = 1.0  # seconds before the first retry, doubled for each next one
    max_backoff: float = 60.0  # no back-off (or Retry-After honoured) longer than this
    timeout: float = 30.0  # seconds to connect, and between two reads of a response
    max_age: float = 86400.0  # seconds a listing that can still change (submissions JSON,
    # the ticker list, the index of a quarter not yet over) is used before it is fetched again

    def __post_init__(self):
        object.__setattr__(self, "cache_dir", Path(self.cache_dir))
        if self.index not in INDEX_SOURCES:
            raise ValueError(f"index must be one of {', '.join(INDEX_SOURCES)}, not {self.index!r}")
        if not self.offline and not user_agent_ok(self.user_agent):
            raise ValueError(USER_AGENT_RULE)
        for name in ("base_url", "data_url"):
            if urlsplit(getattr(self, name)).scheme not in ("http", "https"):
                raise ValueError(f"{name} must be an http:// or https:// URL, not {getattr(self, name)!r}")
        if self.rate <= 0 or (self.rate > SEC_MAX_RATE and (is_sec(self.base_url) or is_sec(self.data_url))):
            raise ValueError(f"rate must be above 0 and at most {SEC_MAX_RATE:g} requests/s against sec.gov")
        if self.retries < 0 or self.backoff < 0 or self.max_backoff < 0 or self.timeout <= 0 or self.max_age < 0:
            raise ValueError("retries, backoff, max_backoff and max_age must be 0 or more, timeout above 0")


def user_agent_ok(user_agent: str) -> bool:
    """A User-Agent the SEC accepts: it holds an e-mail address to write to (a name beside it is asked for)."""
    return bool(user_agent and _EMAIL.search(user_agent))


def is_sec(url: str) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    return host == "sec.gov" or host.endswith(".sec.gov")


def default_cache_dir() -> Path:
    """$TIEOUT_CACHE, else $XDG_CACHE_HOME/tieout/edgar, else ~/.cache/tieout/edgar."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV]).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "tieout" / "edgar"


def data_url_for(base_url: str, data_url: str | None) -> str:
    """The submissions server: given, else the SEC's own when the archive is the SEC's,
    else the archive's (a mirror or a test server serves both trees)."""
    if data_url:
        return data_url
    return SEC_DATA_URL if is_sec(base_url) else base_url
