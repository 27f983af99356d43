"""Fixtures for the web tests: stores written through ``tieout.store`` from hand-made
reports (exactly known facts and checks) and, once the reader reads it, the real seed."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.web import web_reports as handmade
from tests.web.web_chromium import browser
from tests.web.web_reports import write_store


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


# one Chromium per test module, a fresh page (context) per test
@pytest.fixture(scope="module")
def chromium():
    with browser() as b:
        yield b


@pytest.fixture()
def page(chromium):
    context = chromium.new_context(viewport={"width": 1400, "height": 900})
    p = context.new_page()
    yield p
    context.close()
