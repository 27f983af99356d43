"""The financials view across filings: latest filing wins, ties within rounding, restatements,
derived fourth quarters, the CLI and the migration of an older store."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal

import duckdb
import pytest

import tieout.fundamentals as fundamentals
from tieout.errors import InputError
from tieout.store import SCHEMA_VERSION, open_store
from tieout.store.schema import MIGRATIONS

from .filings import make_filing

FY95, FY96, FY97 = "1994-10-01/1995-09-29", "1995-09-30/1996-09-27", "1996-09-28/1997-09-26"


@pytest.fixture()
def store(tmp_path):
    path = tmp_path / "f.duckdb"
    with open_store(path, write=True) as s:
        s.write_report(make_filing("0000123456-96-000001", "1996-12-19", FY96, {
            "Revenues": {FY96: "9,833", FY95: "11,062"},
            "NetIncomeLoss": {FY96: "(816)", FY95: "424"},
            "EarningsPerShareBasic": {FY96: "(6.59)", FY95: "3.45"},
        }))
        s.write_report(make_filing("0000123456-97-000001", "1997-12-05", FY97, {
            "Revenues": {FY97: "7,081", FY96: "9,833.4"},  # agrees within its rounding
            "NetIncomeLoss": {FY97: "(1,045)", FY96: "(820)"},  # restated
            "EarningsPerShareBasic": {FY97: "(8.29)", FY96: "(6.59)"},
        }, failing=("Revenues",)))
    with open_store(path, read_only=True) as s:
        yield s


def test_each_value_comes_from_the_latest_filing_that_reports_it(store):
    frame = fundamentals.financials(store, cik=123456, statement="income", period="annual")
    assert list(frame.columns) == ["1995-09-29", "1996-09-27", "1997-09-26"]
    assert list(frame.index) == ["Revenues", "EarningsPerShareBasic", "NetIncomeLoss"]
    assert frame.at["NetIncomeLoss", "1996-09-27"] == Decimal("-820000")
    assert frame.at["Revenues", "1995-09-29"] == Decimal("11062000")
    assert frame.attrs["fiscal_periods"]["1996-09-27"] == "FY1996"
    cells = fundamentals.financial_values(store, cik="0000123456").set_index(["concept", "fy"])
    revenue_96 = cells.loc[("Revenues", 1996)]
    assert (revenue_96["accession"], revenue_96["document"], revenue_96["check"]) == (
        "0000123456-97-000001", "10-K#1", "fail")
    assert not revenue_96["restated"] and revenue_96["filings"] == 2
    assert cells.loc[("NetIncomeLoss", 1996)]["restated"]
    assert cells.loc[("NetIncomeLoss", 1996)]["restated_from"] == Decimal("-816000")
    assert cells.loc[("NetIncomeLoss", 1995)]["check"] == "pass"


def test_only_values_beyond_rounding_are_restatements(store):
    restated = fundamentals.restatements(store, 123456)
    assert list(zip(restated["concept"], restated["fy"])) == [("NetIncomeLoss", 1996)]
    row = restated.iloc[0]
    assert (row["value"], row["earlier_value"], row["difference"]) == (
        Decimal("-820000"), Decimal("-816000"), Decimal("-4000"))
    assert (row["accession"], row["earlier_accession"]) == ("0000123456-97-000001", "0000123456-96-000001")


def test_fourth_quarter_is_the_year_minus_nine_months_and_marked_derived(tmp_path):
    path = tmp_path / "q.duckdb"
    with open_store(path, write=True) as s:
        s.write_report(make_filing("0000123456-96-000002", "1996-08-10", "1995-09-30/1996-06-28", {
            "Revenues": {"1995-09-30/1996-06-28": "7,000", "1996-03-30/1996-06-28": "2,000"},
            "EarningsPerShareBasic": {"1995-09-30/1996-06-28": "1.00"},
        }, form="10-Q"))
        s.write_report(make_filing("0000123456-96-000003", "1996-12-19", FY96, {
            "Revenues": {FY96: "9,833"}, "EarningsPerShareBasic": {FY96: "1.50"},
        }))
        cells = fundamentals.financial_values(s, statement="income", period="quarterly")
    quarters = {(r.concept, r.fp): r for r in cells.itertuples()}
    q4 = quarters[("Revenues", "Q4")]
    assert q4.value == Decimal("2833000") and q4.derived and q4.source == "derived"
    assert (q4.low, q4.high) == (Decimal("2832000"), Decimal("2834000"))
    assert not quarters[("Revenues", "Q3")].derived
    assert ("EarningsPerShareBasic", "Q4") not in quarters  # per-share figures do not subtract


def test_unknown_company_and_missing_store_are_one_line_and_exit_2(store, tmp_path):
    with pytest.raises(InputError, match="no document of CIK 999"):
        fundamentals.financials(store, cik=999)
    for args in (["--db", store.path, "--cik", "999"], ["--db", str(tmp_path / "none.duckdb")],
                 ["--db", store.path, "--cik", "abc"]):
        done = subprocess.run([sys.executable, "-m", "tieout", "financials", *args], capture_output=True, text=True)
        assert done.returncode == 2 and done.stderr.count("\n") == 1 and "Traceback" not in done.stderr


def test_cli_table_marks_restatements_and_json_gives_sources(store):
    store.close()
    table = subprocess.run([sys.executable, "-m", "tieout", "financials", "--db", store.path, "--cik", "123456"],
                           capture_output=True, text=True, check=True).stdout
    assert "-820000 R" in table and "restatements (1)" in table and "was -816000" in table
    records = json.loads(subprocess.run(
        [sys.executable, "-m", "tieout", "financials", "--db", store.path, "--format", "json"],
        capture_output=True, text=True, check=True).stdout)
    eps = [r for r in records if r["concept"] == "EarningsPerShareBasic" and r["fy"] == 1997][0]
    assert (eps["value"], eps["unit"], eps["line"], eps["fp"]) == ("-8.29", "USD/share", 5, "FY")


def test_a_version_3_store_gains_the_columns_and_their_values(tmp_path):
    path = str(tmp_path / "old.duckdb")
    con = duckdb.connect(path)
    con.execute("CREATE TABLE schema_version (version INTEGER)")
    for statements in MIGRATIONS[:3]:
        for statement in statements:
            con.execute(statement)
    con.execute("INSERT INTO schema_version VALUES (3)")
    con.execute("INSERT INTO documents (doc_id, status, text) VALUES ('d', 'ok', ?)",
                ["STANDARD INDUSTRIAL CLASSIFICATION:\tELECTRONIC COMPUTERS [3571]\nFISCAL YEAR END:\t\t0930\n"])
    con.execute("INSERT INTO facts (doc_id, fact_id, period) VALUES ('d', 0, '1995-09-30/1996-09-27'), "
                "('d', 1, '1996-09-27')")
    con.close()
    with open_store(path, write=True) as s:
        assert s.version() == SCHEMA_VERSION == 4
        assert s.con.execute("SELECT sic, fiscal_year_end FROM documents").fetchone() == ("3571", "0930")
        assert s.con.execute("SELECT period_end, months, fy FROM facts ORDER BY fact_id").fetchall() == [
            ("1996-09-27", 12, None), ("1996-09-27", 0, None)]
