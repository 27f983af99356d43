"""Fixtures of the fetch tests: EDGAR-shaped sites (hand-written, and built from ../shared/corpus)
served on 127.0.0.1, and settings fast enough for tests (the rate test uses the real 10/s)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import CORPUS
from tests.fetch.edgar_site import EdgarServer, build_site, tiny_submissions
from tieout.fetch import FetchSettings

USER_AGENT = "tieout tests tests@example.com"


@pytest.fixture(scope="session")
def tiny_root(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("tiny-site")
    build_site(root, tiny_submissions(), tickers={"TINY": "9999901"})
    return root


@pytest.fixture(scope="session")
def corpus_root(tmp_path_factory) -> Path:
    if not (CORPUS / "MANIFEST.tsv").exists():
        pytest.skip(f"corpus not found at {CORPUS} (../shared is absent)")
    root = tmp_path_factory.mktemp("corpus-site")
    files = sorted(CORPUS.rglob("*.txt"))
    # Pericom (1001426) has a submissions JSON with an older page; the others only the full index
    build_site(root, [f.read_bytes() for f in files], json_ciks=["1001426"], recent=5,
               tickers={"PSEM": "1001426", "AAPL": "320193"})
    return root


@pytest.fixture
def tiny_server(tiny_root):
    with EdgarServer(tiny_root) as server:
        yield server


@pytest.fixture
def corpus_server(corpus_root):
    with EdgarServer(corpus_root) as server:
        yield server


def fast_settings(server: EdgarServer, cache: Path, **changes) -> FetchSettings:
    """Settings against the test server: quick back-off and no rate limit worth waiting for."""
    values = dict(user_agent=USER_AGENT, base_url=server.url, data_url=server.url, cache_dir=cache,
                  rate=1000.0, retries=3, backoff=0.01, max_backoff=5.0, timeout=5.0)
    values.update(changes)
    return FetchSettings(**values)
