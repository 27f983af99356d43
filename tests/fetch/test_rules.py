"""The fair-access and cache rules as plain functions: the rate limiter's arithmetic (a fake
clock), Retry-After, the cache's file names and which cached copies may be used, the settings' checks."""

from __future__ import annotations

import email.utils
import os
from pathlib import Path

import pytest

from tieout.fetch.cache import ALWAYS_CHANGES, NEVER_CHANGES, is_fresh, part_path, url_to_path
from tieout.fetch.client import retry_after
from tieout.fetch.indexes import quarter_settled_at
from tieout.fetch.ratelimit import RateLimiter
from tieout.fetch.settings import FetchSettings, data_url_for, user_agent_ok


class FakeClock:
    def __init__(self):
        self.now = 100.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def test_rate_limiter_spaces_requests():
    clock = FakeClock()
    limiter = RateLimiter(10, clock=clock, sleep=clock.sleep)
    starts = []
    for _ in range(25):
        limiter.acquire()
        starts.append(clock.now)
    gaps = [b - a for a, b in zip(starts, starts[1:])]
    assert min(gaps) == pytest.approx(0.1)
    assert all(starts[i + 10] - starts[i] >= 1.0 - 1e-9 for i in range(len(starts) - 10))  # <= 10 a second


def test_rate_limiter_does_not_wait_after_a_pause_and_holds_for_retry_after():
    clock = FakeClock()
    limiter = RateLimiter(10, clock=clock, sleep=clock.sleep)
    limiter.acquire()
    clock.now += 5
    assert limiter.acquire() == 0.0  # idle time is not saved up for a burst, nor waited for
    limiter.hold(2.0)
    assert limiter.acquire() == pytest.approx(2.0)


def test_retry_after_seconds_and_dates():
    assert retry_after("3") == 3.0 and retry_after("0") == 0.0 and retry_after(" 1.5 ") == 1.5
    assert retry_after(None) is None and retry_after("soon") is None
    date = email.utils.formatdate(1_000_030, usegmt=True)
    assert retry_after(date, now=1_000_000) == pytest.approx(30)
    assert retry_after(email.utils.formatdate(1_000_000, usegmt=True), now=1_000_100) == 0.0


def test_cache_paths_mirror_urls(tmp_path):
    url = "https://www.sec.gov/Archives/edgar/data/719413/0000719413-96-000010.txt"
    path = url_to_path(tmp_path, url)
    assert path == tmp_path / "www.sec.gov/Archives/edgar/data/719413/0000719413-96-000010.txt"
    assert url_to_path(tmp_path, "http://127.0.0.1:8123/a/b.json").parent == tmp_path / "127.0.0.1_8123/a"
    assert part_path(path).name == ".0000719413-96-000010.txt.part"
    assert url_to_path(tmp_path, "http://h/x?q=1") != url_to_path(tmp_path, "http://h/x?q=2")
    for bad in ("http://h/a/../../etc/passwd", "http://h/.hidden", "/no/host"):
        with pytest.raises(ValueError):
            url_to_path(tmp_path, bad)


def test_which_cached_copies_are_used(tmp_path):
    path = tmp_path / "f"
    assert not is_fresh(path, NEVER_CHANGES, 60)
    path.write_text("x")
    old = 1_000_000.0
    os.utime(path, (old, old))
    assert is_fresh(path, NEVER_CHANGES, 60, now=old + 10**9)  # a submission: forever
    assert is_fresh(path, ALWAYS_CHANGES, 60, now=old + 30)  # a listing: for max_age
    assert not is_fresh(path, ALWAYS_CHANGES, 60, now=old + 61)
    assert is_fresh(path, ALWAYS_CHANGES, 60, now=old + 61, offline=True)  # offline: any age
    assert is_fresh(path, old - 1, 60, now=old + 10**9)  # a quarter's index fetched after it ended
    assert not is_fresh(path, old + 1, 60, now=old + 61)  # ... fetched while it could still change


def test_a_quarter_settles_after_its_end():
    import datetime as dt

    settled = quarter_settled_at(1996, 1)
    assert dt.datetime.fromtimestamp(settled, dt.timezone.utc).date() == dt.date(1996, 4, 2)


def test_settings_insist_on_the_fair_access_rules(tmp_path):
    assert user_agent_ok("Jane Doe jane@example.com") and not user_agent_ok("python-httpx/0.27")
    with pytest.raises(ValueError, match="User-Agent"):
        FetchSettings(user_agent="", cache_dir=tmp_path)
    FetchSettings(user_agent="", cache_dir=tmp_path, offline=True)  # offline needs none
    with pytest.raises(ValueError, match="at most 10"):
        FetchSettings(user_agent="a b@c.org", cache_dir=tmp_path, rate=20)
    FetchSettings(user_agent="a b@c.org", cache_dir=tmp_path, rate=500, base_url="http://127.0.0.1:9",
                  data_url="http://127.0.0.1:9")
    with pytest.raises(ValueError, match="http"):
        FetchSettings(user_agent="a b@c.org", cache_dir=tmp_path, base_url="ftp://ftp.sec.gov")
    with pytest.raises(ValueError, match="index"):
        FetchSettings(user_agent="a b@c.org", cache_dir=tmp_path, index="master")


def test_the_submissions_server_follows_the_archive():
    assert data_url_for("https://www.sec.gov", None) == "https://data.sec.gov"
    assert data_url_for("http://127.0.0.1:8000", None) == "http://127.0.0.1:8000"
    assert data_url_for("http://mirror", "http://data-mirror") == "http://data-mirror"


def test_settings_are_frozen(tmp_path):
    settings = FetchSettings(user_agent="a b@c.org", cache_dir=Path(tmp_path))
    with pytest.raises(AttributeError):
        settings.rate = 100  # type: ignore[misc]
