"""The viewer shows which column a number is in: the popup and the facts page give its header.

A pro forma balance sheet's four columns share one date, so the header is what
tells them apart. Headers are document text: always escaped, never markup.
"""

from __future__ import annotations

import json
import re
import warnings
from dataclasses import replace
from html import unescape

import pytest

import tieout
from tests.conftest import FIXTURES
from tests.web.web_chromium import serve, watch
from tests.web.web_reports import write_store
from tieout.render.html import report_to_html
from tieout.render.view import report_to_view, rows_to_view

PRO_FORMA = FIXTURES / "reader" / "pro-forma-columns.txt"
COMBINED = "December 31, 1999 Pro Forma Combined"
HOSTILE = "<img src=x onerror=alert(1)> Pro Forma & Co."


@pytest.fixture(scope="module")
def report():
    return tieout.read(PRO_FORMA)


def hostile(report):
    """The report with the last column's header replaced by markup, as a filing could print it."""
    facts = tuple(replace(f, column_header=HOSTILE) if f.column_index == 3 else f for f in report.fact_records)
    return replace(report, fact_records=facts)


def total(report, column: int):
    return next(f for f in report.fact_records if f.label == "Total assets" and f.column_index == column)


def test_view_data_gives_each_fact_its_column(report):
    data = report_to_view(report).data["facts"]
    fact = data[str(total(report, 3).id)]
    assert (fact["column_index"], fact["column_header"], fact["column_shared"]) == (3, COMBINED, True)
    example = tieout.read(FIXTURES.parent.parent / "examples" / "northwind-1997-q2-release.txt")
    shared = [f for f in report_to_view(example).data["facts"].values() if f["column_shared"]]
    assert not shared  # columns of distinct periods need no naming


def test_view_from_store_rows_has_the_column(report, tmp_path):
    from tieout.store import open_store

    db = write_store(tmp_path / "s.duckdb", [report])
    with open_store(db, read_only=True) as store:
        con = store.con
        rows = {t: [dict(zip([d[0] for d in cur.description], r)) for r in cur.fetchall()]
                for t, cur in ((t, con.execute(f"SELECT * FROM {t}")) for t in ("facts", "claims", "checks",
                                                                            "check_spans"))}
        document = dict(zip([d[0] for d in con.execute("SELECT * FROM documents").description],
                            con.execute("SELECT * FROM documents").fetchone()))
    view = rows_to_view(document, rows["facts"], rows["claims"], rows["checks"], rows["check_spans"])
    fact = view.data["facts"][str(total(report, 2).id)]
    assert fact["column_header"] == "December 31, 1999 Pro Forma Adjustments" and fact["column_shared"]


def test_standalone_page_keeps_a_hostile_header_inert(report):
    page = report_to_html(hostile(report))
    assert "<img src=x" not in page
    block = re.search(r'<script type="application/json" id="tieout-data">(.*?)</script>', page, re.S).group(1)
    data = json.loads(block)
    assert HOSTILE in {f["column_header"] for f in data["facts"].values()}


@pytest.fixture()
def client(report, tmp_path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient
    from tieout.serve.app import create_app

    bad = hostile(report)
    db = write_store(tmp_path / "pf.duckdb", [bad])
    with TestClient(create_app(db)) as c:
        c.doc_id = bad.filing.sha256
        yield c


def test_facts_page_and_csv_show_the_column_escaped(client):
    r = client.get(f"/doc/{client.doc_id}/facts")
    assert r.status_code == 200
    assert "<img src=x" not in r.text
    assert ">December 31, 1999 Osprey Historical</td>" in r.text
    assert unescape("&lt;img src=x onerror=alert(1)&gt; Pro Forma &amp; Co.") == HOSTILE
    assert "&lt;img src=x onerror=alert(1)&gt; Pro Forma &amp; Co." in r.text
    r = client.get(f"/doc/{client.doc_id}/facts", params={"sort": "column_header"})
    assert r.status_code == 200
    csv_text = client.get(f"/doc/{client.doc_id}/facts.csv").text
    assert "column_header" in csv_text.splitlines()[0] and "Osprey Historical" in csv_text


def test_popup_names_the_column(report, tmp_path, page):
    db = write_store(tmp_path / "pf.duckdb", [hostile(report)])
    target = total(report, 3)
    with serve(db) as url:
        seen = watch(page)
        page.goto(f"{url}/doc/{report.filing.sha256}")
        page.wait_for_selector("html[data-tieout-ready]")
        page.locator(f"#L{target.line} mark", has_text=target.display).click()
        detail = page.inner_text("#tv-detail")
        assert f"{HOSTILE} (column 4)" in detail  # as text: the markup shows, nothing runs
        assert page.locator("#tv-detail img").count() == 0
        other = total(report, 1)
        page.locator(f"#L{other.line} mark", has_text=other.display).click()
        assert "December 31, 1999 Osprey Historical (column 2)" in page.inner_text("#tv-detail")
        assert not seen["dialogs"] and not seen["errors"] and not seen["csp"], seen
