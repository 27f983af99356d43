"""The download cache: one file per URL, in a folder the user can see, copy and delete.

``CACHE/<host>[_<port>]/<url path>`` holds the body of ``<url>``: a submission
from ``https://www.sec.gov/Archives/edgar/data/719413/0000719413-96-000010.txt``
is ``CACHE/www.sec.gov/Archives/edgar/data/719413/0000719413-96-000010.txt``.
A file under its own name is always complete: a download is written to
``.NAME.part`` beside it and renamed only once every byte the server announced
has arrived, so a run killed mid-file leaves a ``.part`` that the next run
overwrites, never a short file taken for the whole.

Whether a cached copy may be used comes from what the URL is: a submission
never changes once filed; a quarter's index stops changing when the quarter is
over; the submissions JSON and the ticker list change any day and are used for
``max_age`` seconds (any age with ``--offline``). A 404 for such a listing is
remembered as ``.NAME.404`` for as long; a 404 for a submission is not (the
next run asks again).
"""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

NEVER_CHANGES = None  # ``changes_until`` of an immutable URL
ALWAYS_CHANGES = float("inf")


def url_to_path(cache_dir: Path, url: str) -> Path:
    """Where the body of ``url`` is kept; ValueError for a URL that cannot name a file safely."""
    parts = urlsplit(url)
    if not parts.hostname:
        raise ValueError(f"not an absolute URL: {url!r}")
    host = parts.hostname + (f"_{parts.port}" if parts.port else "")
    segments = [unquote(s) for s in parts.path.split("/") if s]
    if any(s in (".", "..") or "/" in s or "\\" in s or s.startswith(".") for s in segments):
        raise ValueError(f"URL path cannot be a cache file name: {url!r}")
    if not segments:
        segments = ["index"]
    if parts.query:
        segments[-1] += "_" + hashlib.sha256(parts.query.encode()).hexdigest()[:16]
    return Path(cache_dir, host, *segments)


def part_path(path: Path) -> Path:
    """The temporary name a download is written under until it is complete (hidden: a dot first)."""
    return path.with_name(f".{path.name}.part")


def missing_path(path: Path) -> Path:
    """A marker that the server answered 404 for a listing (a CIK without a submissions JSON),
    so runs within ``max_age`` do not ask again."""
    return path.with_name(f".{path.name}.404")


def is_fresh(path: Path, changes_until: float | None, max_age: float, *, offline: bool = False,
             now: float | None = None) -> bool:
    """True when the cached copy at ``path`` may be used instead of asking the server.

    ``changes_until``: None for a URL whose body never changes, else the time (epoch
    seconds) after which it stops changing (``ALWAYS_CHANGES`` for never); a copy
    fetched after that time, or less than ``max_age`` seconds ago, is fresh.
    """
    try:
        mtime = path.stat().st_mtime
    except OSError:
        return False
    if offline or changes_until is NEVER_CHANGES:
        return True
    now = time.time() if now is None else now
    return mtime >= changes_until or now - mtime < max_age


def commit(part: Path, path: Path) -> None:
    """Make a finished download visible under its own name, in one rename."""
    with part.open("rb+") as handle:
        os.fsync(handle.fileno())
    os.replace(part, path)
