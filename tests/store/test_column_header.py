"""The store keeps each fact's column (index and header as printed), and a store of schema 1 upgrades.

The fixture's four columns (company, acquiree, adjustments, pro forma) share
one period: only the column says which number is which.
"""

import json
import shutil

import duckdb

from tests.conftest import FIXTURES
from tieout.cli import main
from tieout.store import SCHEMA_VERSION, open_store
from tieout.store.schema import ADDED_IN, MIGRATIONS, TABLES

PRO_FORMA = FIXTURES / "reader" / "pro-forma-columns.txt"
HEADERS = ["December 31, 1999 Harbor Lane Historical", "December 31, 1999 Osprey Historical",
           "December 31, 1999 Pro Forma Adjustments", "December 31, 1999 Pro Forma Combined"]
TOTAL_ASSETS = "SELECT column_index, column_header, period, value_text FROM facts " \
               "WHERE label = 'Total assets' ORDER BY column_index"


def test_ingest_then_query_tells_the_columns_apart(tmp_path, capsys):
    source = tmp_path / "in" / PRO_FORMA.name
    source.parent.mkdir()
    shutil.copy(PRO_FORMA, source)
    db = tmp_path / "s.duckdb"
    assert main(["ingest", str(source), "--db", str(db), "--workers", "0", "-q"]) == 0
    with open_store(db, read_only=True) as store:
        assert store.version() == SCHEMA_VERSION >= 2
        rows = store.con.execute(TOTAL_ASSETS).fetchall()
    assert rows == [(i, h, "1999-12-31", v) for i, (h, v) in
                    enumerate(zip(HEADERS, ["68635000", "16475000", "2980000", "88090000"]))]
    assert main(["query", "--db", str(db), "--format", "json",
                 "SELECT DISTINCT column_header FROM facts ORDER BY 1"]) == 0
    assert [r["column_header"] for r in json.loads(capsys.readouterr().out)] == HEADERS


def test_parquet_partitions_carry_the_column(tmp_path, capsys):
    parts = tmp_path / "parts"
    assert main(["ingest", str(PRO_FORMA), "--parquet", str(parts), "--workers", "0", "-q"]) == 0
    rows = duckdb.connect().execute(
        f"SELECT column_index, column_header FROM read_parquet('{parts}/facts/*.parquet') "
        "WHERE label = 'Total assets' ORDER BY column_index").fetchall()
    assert rows == list(enumerate(HEADERS))


def test_a_schema_1_store_gets_the_column_filled_from_its_tables(tmp_path):
    import tieout

    # a store as tieout wrote it at schema 1: migration 1 only, facts without column_header
    path = tmp_path / "old.duckdb"
    report = tieout.read(PRO_FORMA)
    with open_store(tmp_path / "new.duckdb", write=True) as new:
        new.write_report(report)
        new_columns = new.con.execute("SELECT column_name FROM information_schema.columns "
                                      "WHERE table_name = 'facts' ORDER BY ordinal_position").fetchall()
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE schema_version (version INTEGER)")
    for statement in MIGRATIONS[0]:
        con.execute(statement)
    con.execute("INSERT INTO schema_version VALUES (1)")
    assert "column_header" not in [r[0] for r in con.execute("DESCRIBE facts").fetchall()]
    con.execute(f"ATTACH '{tmp_path / 'new.duckdb'}' AS new (READ_ONLY)")
    for table in ("documents", "tables", "facts"):
        names = ", ".join(c for c, _ in TABLES[table] if ADDED_IN.get((table, c), 1) == 1)
        con.execute(f"INSERT INTO {table} SELECT {names} FROM new.{table}")
    con.close()

    with open_store(path, write=True) as store:  # opening for writing migrates 1 -> 2
        assert store.version() == SCHEMA_VERSION
        rows = store.con.execute(TOTAL_ASSETS).fetchall()
        assert [(r[0], r[1]) for r in rows] == list(enumerate(HEADERS))
        columns = store.con.execute("SELECT column_name FROM information_schema.columns "
                                    "WHERE table_name = 'facts' ORDER BY ordinal_position").fetchall()
        assert columns == new_columns  # an upgraded store and a new one agree, column for column
        assert store.con.execute("SELECT count(*) FROM facts WHERE column_header = ''").fetchone()[0] == 0
