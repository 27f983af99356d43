"""The store itself: rows from a Report, atomic per-document writes, migrations, query and export."""

import json
from decimal import Decimal

import openpyxl
import pytest

from tieout.cli import main
from tieout.errors import InputError
from tieout.store import SCHEMA_VERSION, open_store, report_rows
from tieout.store.schema import TABLES

from tests.store.handmade import make_report


def test_report_rows_cover_every_record(report):
    rows = report_rows(report)
    assert {k: len(v) for k, v in rows.items()} == {
        "documents": 1, "tables": 1, "facts": 6, "checks": 3, "check_spans": 7, "claims": 1,
        "relations": 2, "problems": 1}
    for table, table_rows in rows.items():
        for row in table_rows:
            assert set(row) == {c for c, _ in TABLES[table]}, table
    document = rows["documents"][0]
    assert (document["n_pass"], document["n_fail"], document["n_unverifiable"]) == (2, 0, 1)
    assert document["text"].splitlines()[5].startswith("Cash")
    fact = rows["facts"][4]
    assert (fact["value"], fact["value_text"], fact["table_id"]) == (Decimal("5018000"), "5018000", 0)
    assert (fact["low_text"], fact["high_text"]) == ("5017500", "5018500")
    assert json.loads(rows["tables"][0]["columns"])[0] == {
        "header": "Mar. 31, 1997", "period": "1997-03-31", "kind": "amount"}
    assert rows["relations"][0]["item_facts"] == [0, 2] and rows["relations"][0]["item_signs"] == [1, 1]


def test_exact_decimals_survive(tmp_path, report):
    from dataclasses import replace

    big = replace(report.fact_records[0], value=Decimal("123456789012345678901234567890.5"))
    tiny = replace(report.fact_records[1], value=Decimal("0.000000000012345"))
    report = replace(report, fact_records=(big, tiny) + report.fact_records[2:])
    with open_store(tmp_path / "s.duckdb", write=True) as store:
        store.write_report(report)
        got = store.con.execute("SELECT value, value_text FROM facts ORDER BY fact_id LIMIT 2").fetchall()
    assert got[0] == (None, "123456789012345678901234567890.5")  # too wide for DECIMAL(38,10): text only
    assert got[1] == (Decimal("0E-10"), "0.000000000012345")


def test_rewrite_is_idempotent_and_atomic(tmp_path, report):
    with open_store(tmp_path / "s.duckdb", write=True) as store:
        store.write_report(report, 0.1)
        first = store.counts()
        store.write_report(report, 0.2)
        assert store.counts() == first
        changed = make_report(total_ok=False)  # same path, new content: replaces the old rows
        store.write_report(changed, 0.1)
        assert store.counts() == first
        assert store.query("SELECT doc_id FROM documents")["doc_id"].tolist() == [changed.filing.sha256]
        with pytest.raises(Exception):  # a failing write leaves the previous rows in place
            rows = report_rows(report)
            rows["facts"][0]["fact_id"] = "not a number"
            store.write_rows(rows)
        assert store.counts() == first


def test_failure_row(tmp_path):
    with open_store(tmp_path / "s.duckdb", write=True) as store:
        store.write_failure("/x/bad.pdf", "ab" * 32, "not a text filing:\nbinary", "error")
        row = store.query("SELECT status, error, n_facts, name FROM documents").iloc[0].tolist()
    assert row == ["error", "not a text filing: binary", 0, "bad.pdf"]


def test_migrations_and_versions(tmp_path):
    import duckdb

    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE schema_version (version INTEGER)")
    con.close()
    with open_store(path, write=True) as store:  # version 0 -> current
        assert store.version() == SCHEMA_VERSION
        assert set(TABLES) <= set(store.query("SHOW TABLES")["name"])
    con = duckdb.connect(str(path))
    con.execute("UPDATE schema_version SET version = 999")
    con.close()
    with pytest.raises(InputError, match="schema version 999"):
        open_store(path, write=True)
    with pytest.raises(InputError, match="no such store"):
        open_store(tmp_path / "missing.duckdb", read_only=True)


@pytest.fixture
def small_store(tmp_path):
    path = tmp_path / "small.duckdb"
    with open_store(path, write=True) as store:
        store.write_report(make_report())
        store.write_report(make_report(path="other.txt", total_ok=False))
    return path


def test_query_formats(small_store, capsys):
    sql = "SELECT label, value, path FROM facts WHERE fact_id = 4 ORDER BY doc_id"
    assert main(["query", "--db", str(small_store), "--format", "csv", sql]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "label,value,path" and lines[1].startswith("Total current assets,")
    assert main(["query", "--db", str(small_store), "--format", "json", sql]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {d["value"] for d in data} == {"5018000.0000000000", "5118000.0000000000"}
    assert main(["query", "--db", str(small_store), "--format", "table", sql]) == 0
    assert "Total current assets" in capsys.readouterr().out
    assert main(["query", "--db", str(small_store), "SELECT * FROM nowhere"]) == 2
    assert "query failed" in capsys.readouterr().err
    assert main(["query", "--db", str(small_store), "DELETE FROM facts"]) == 2  # read-only


def test_export_formats(small_store, tmp_path):
    import duckdb

    db = str(small_store)
    assert main(["export", "--db", db, "--format", "parquet", "-o", str(tmp_path / "pq")]) == 0
    assert {p.name for p in (tmp_path / "pq").iterdir()} == {f"{t}.parquet" for t in TABLES}
    con = duckdb.connect()
    assert con.execute(f"SELECT count(*) FROM '{tmp_path}/pq/facts.parquet'").fetchone()[0] == 12
    assert con.execute(f"SELECT sum(value) FROM '{tmp_path}/pq/facts.parquet'").fetchone()[0] == Decimal(
        "38172000.0000000000")
    assert main(["export", "--db", db, "--format", "csv", "-o", str(tmp_path / "facts.csv")]) == 0
    assert (tmp_path / "facts.csv").read_text().startswith("doc_id,fact_id,")
    assert main(["export", "--db", db, "--format", "json", "--table", "checks",
                 "-o", str(tmp_path / "checks.json")]) == 0
    checks = [json.loads(line) for line in (tmp_path / "checks.json").read_text().splitlines()]
    assert len(checks) == 6 and {c["status"] for c in checks} == {"pass", "fail", "unverifiable"}


def test_xlsx_export_has_formulas_and_comments(small_store, tmp_path):
    out = tmp_path / "book.xlsx"
    assert main(["export", "--db", str(small_store), "--format", "xlsx", "-o", str(out)]) == 0
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[0] == "Contents" and {"Facts", "Checks"} <= set(book.sheetnames)
    sheets = [book[name] for name in book.sheetnames if name.startswith("T")]
    assert len(sheets) == 2
    formulas = [c.value for s in sheets for row in s.iter_rows() for c in row
                if isinstance(c.value, str) and c.value.startswith("=SUM(")]
    assert "=SUM(B7:B8)" in formulas and "=SUM(C7:C8)" in formulas
    failing = [s for s in sheets if s["B9"].value == 5118]  # a failing total keeps its printed value
    assert len(failing) == 1 and "does not equal SUM(B7:B8)" in failing[0]["B9"].comment.text
    assert "FAIL [sum]" in failing[0]["B9"].comment.text
    assert any("PASS [sum]" in (s["C9"].comment.text if s["C9"].comment else "") for s in sheets)
    assert sheets[0]["A7"].value == "Cash" and sheets[0]["B7"].value == 1250


def test_report_to_xlsx(tmp_path, report):
    from tieout.render.excel import report_to_xlsx

    book = openpyxl.load_workbook(report_to_xlsx(report, tmp_path / "one.xlsx"))
    sheet = book["T1 CONSOLIDATED BALANCE SHEET"]
    assert sheet["A1"].value == "CONSOLIDATED BALANCE SHEET" and sheet["B5"].value == "Mar. 31, 1997"
    assert sheet["B9"].value == "=SUM(B7:B8)" and "PASS" in sheet["B9"].comment.text
    assert book["Facts"].max_row == 7
