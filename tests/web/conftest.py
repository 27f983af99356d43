"""Fixtures for the web tests: stores written through ``tieout.store`` from hand-made
reports (exactly known facts and checks) and, once the reader reads it, the real seed."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from tests.web import web_reports as handmade  # noqa: E402
from tests.web.web_reports import write_store  # noqa: E402


@pytest.fixture()
def small_store(tmp_path) -> tuple[Path, dict]:
    """A store with the small hand-made report, once whole and once with a broken total."""
    good, bad = handmade.small_report(), handmade.small_report(break_total=True)
    path = write_store(tmp_path / "small.duckdb", [good, bad])
    return path, {"good": good.filing.sha256, "bad": bad.filing.sha256}


@pytest.fixture()
def client(small_store):
    import warnings

    with warnings.catch_warnings():  # starlette 1.x suggests httpx2; httpx is what is installed
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient

    from tieout.serve.app import create_app

    path, ids = small_store
    with TestClient(create_app(path)) as c:
        c.ids = ids
        yield c
