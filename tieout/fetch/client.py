"""One polite HTTP client for EDGAR: the cache first, then the rate limit, retries and checked downloads.

``EdgarClient.get(url)`` answers with a value, never an exception: ``Fetched``
(the local file holding the body, from the cache or just downloaded) or
``FetchFailure`` (one line saying what went wrong and what to do). Requests go
out one at a time through one ``RateLimiter``: a 429 or 503 that asks the
client to wait holds every request, not just the one that was refused, which
is what the SEC asks of a client. httpx does the HTTP (connection reuse,
gzip, redirects, timeouts); this module adds only what EDGAR's rules need.

Retried: 429 (after its Retry-After), 500/502/503/504 (Retry-After if given,
else ``backoff`` seconds doubled each try), timeouts, refused or dropped
connections, a body shorter than its Content-Length. Not retried: 404 (the
file is not there), 403 (the SEC refuses clients without a proper User-Agent
or over the rate; asking again makes it worse), a cache that cannot be written.
"""

from __future__ import annotations

import email.utils
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import httpx

from tieout.fetch.cache import (
    ALWAYS_CHANGES, NEVER_CHANGES, commit, is_fresh, missing_path, part_path, url_to_path,
)
from tieout.fetch.ratelimit import RateLimiter
from tieout.fetch.settings import FetchSettings

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


@dataclass(frozen=True)
class Fetched:
    url: str
    path: Path  # the complete body, in the cache
    size: int  # bytes on disk
    from_cache: bool  # no request was made for it
    stale: bool = False  # the server could not be asked; an older cached copy is used


@dataclass(frozen=True)
class FetchFailure:
    url: str
    message: str  # one line, naming what to do
    status: int | None = None  # the HTTP status of the last answer; None: no answer

    @property
    def not_found(self) -> bool:
        return self.status == 404


class _Retry(Exception):
    def __init__(self, message: str, delay: float | None = None, status: int | None = None):
        super().__init__(message)
        self.message, self.delay, self.status = message, delay, status


class _Fail(Exception):
    def __init__(self, message: str, status: int | None = None):
        super().__init__(message)
        self.message, self.status = message, status


class EdgarClient:
    """The cache and the network behind one ``get``; use as a context manager (closes connections)."""

    def __init__(self, settings: FetchSettings, *, on_bytes: Callable[[int], None] | None = None,
                 limiter: RateLimiter | None = None):
        self.settings = settings
        self.limiter = limiter or RateLimiter(settings.rate)
        self.on_bytes = on_bytes
        self.requests = 0  # requests sent (retries and redirects included)
        self.downloaded = 0  # bytes received into complete files
        self._http: httpx.Client | None = None

    def __enter__(self) -> EdgarClient:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self._http is not None:
            self._http.close()
            self._http = None

    def cached(self, url: str) -> Path:
        return url_to_path(self.settings.cache_dir, url)

    def get(self, url: str, changes_until: float | None = NEVER_CHANGES) -> Fetched | FetchFailure:
        """The body of ``url`` as a complete local file, from the cache when it may be used."""
        try:
            path = self.cached(url)
        except ValueError as exc:
            return FetchFailure(url, str(exc))
        if is_fresh(path, changes_until, self.settings.max_age, offline=self.settings.offline):
            return Fetched(url, path, path.stat().st_size, from_cache=True)
        marker = missing_path(path)
        if changes_until is not NEVER_CHANGES and is_fresh(marker, ALWAYS_CHANGES, self.settings.max_age,
                                                          offline=self.settings.offline):
            return FetchFailure(url, "HTTP 404 Not Found (remembered from an earlier run)", 404)
        if self.settings.offline:
            return FetchFailure(url, f"not in the cache ({path}); run without --offline to fetch it")
        result = self._download(url, path)
        if isinstance(result, FetchFailure) and result.not_found and changes_until is not NEVER_CHANGES:
            _remember_missing(marker)
        if isinstance(result, FetchFailure) and not result.not_found and path.exists():
            return Fetched(url, path, path.stat().st_size, from_cache=True, stale=True)
        return result

    # -- the network ------------------------------------------------------

    def _client(self) -> httpx.Client:
        if self._http is None:
            # the limiter runs as httpx's request hook: right before each request goes out,
            # redirects included, so the slot and the request are never far apart
            self._http = httpx.Client(
                headers={"User-Agent": self.settings.user_agent, "Accept-Encoding": "gzip, deflate"},
                timeout=httpx.Timeout(self.settings.timeout), follow_redirects=True,
                event_hooks={"request": [self._before_request]})
        return self._http

    def _before_request(self, request: httpx.Request) -> None:
        self.limiter.acquire()
        self.requests += 1

    def _download(self, url: str, path: Path) -> Fetched | FetchFailure:
        part = part_path(path)
        result = self._attempts(url, part)
        if isinstance(result, FetchFailure):
            part.unlink(missing_ok=True)  # only whole files are kept; the next run starts it again
            return result
        commit(part, path)
        self.downloaded += result
        return Fetched(url, path, result, from_cache=False)

    def _attempts(self, url: str, part: Path) -> int | FetchFailure:
        """Try, and try again while the failure is one that passes; the size written to ``part``."""
        tries = self.settings.retries + 1
        last: _Retry | None = None
        for attempt in range(tries):
            if last is not None:
                self.limiter.hold(last.delay if last.delay is not None else self._backoff(attempt - 1))
            try:
                return self._stream(url, part)
            except _Retry as retry:
                last = retry
                if retry.delay is not None and retry.delay > self.settings.max_backoff:
                    return FetchFailure(url, f"{retry.message}: the server asks to wait {retry.delay:g} s, "
                                             "more than the longest back-off; run again later", retry.status)
            except _Fail as fail:
                return FetchFailure(url, fail.message, fail.status)
            except OSError as exc:
                return FetchFailure(url, f"cannot write the cache file {part}: {exc.strerror or exc}; "
                                         "free some space or choose another --cache")
        assert last is not None
        return FetchFailure(url, f"{last.message} ({tries} tries); run again later to fetch what is missing",
                            last.status)

    def _backoff(self, retry_number: int) -> float:
        return min(self.settings.backoff * 2 ** retry_number, self.settings.max_backoff)

    def _stream(self, url: str, part: Path) -> int:
        """Write the body of ``url`` to ``part``; its size, or _Retry / _Fail."""
        received = 0
        try:
            with self._client().stream("GET", url) as response:
                _refuse(response)
                expected = _content_length(response)
                part.parent.mkdir(parents=True, exist_ok=True)
                with part.open("wb") as out:
                    try:
                        for chunk in response.iter_bytes():
                            out.write(chunk)
                            out.flush()  # the .part shows what has arrived
                            received += len(chunk)
                            if self.on_bytes:
                                self.on_bytes(len(chunk))
                    except (httpx.RemoteProtocolError, httpx.ReadError):
                        raise _Retry(_dropped(response.num_bytes_downloaded, expected)) from None
                if expected is not None and response.num_bytes_downloaded < expected:
                    raise _Retry(_dropped(response.num_bytes_downloaded, expected))
                return received
        except httpx.TimeoutException:
            raise _Retry(f"no answer within {self.settings.timeout:g} s") from None
        except httpx.TransportError as exc:
            raise _Retry(f"network error: {type(exc).__name__}: {' '.join(str(exc).split()) or 'no detail'}") from None


def _remember_missing(marker: Path) -> None:
    try:
        marker.parent.mkdir(parents=True, exist_ok=True)
        marker.write_bytes(b"")
    except OSError:
        pass  # only an optimisation: the next run asks again


def _refuse(response: httpx.Response) -> None:
    """_Retry or _Fail for an answer that is not the file."""
    status = response.status_code
    if status == 200:
        return
    reason = f"HTTP {status} {response.reason_phrase}".rstrip()
    if status in RETRY_STATUSES:
        raise _Retry(reason, retry_after(response.headers.get("Retry-After")), status)
    if status == 404:
        raise _Fail(f"{reason}: not on the server; check the CIK, the accession or --base-url", status)
    if status == 403:
        raise _Fail(f"{reason}: the SEC refuses clients without a User-Agent naming a contact e-mail, "
                    "and for 10 minutes those over 10 requests/s; check --user-agent and try later", status)
    raise _Fail(f"{reason} (not retried)", status)


def _content_length(response: httpx.Response) -> int | None:
    value = response.headers.get("Content-Length", "")
    return int(value) if value.isdigit() else None


def _dropped(received: int, expected: int | None) -> str:
    of = f" of {expected:,}" if expected is not None else ""
    return f"connection dropped after {received:,}{of} bytes"


def retry_after(value: str | None, *, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header: a number of seconds or an HTTP date; None if absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))
