"""Column identity: every fact names its column (index and header as printed), in read() and extract.

The fixture is a pro forma balance sheet whose four columns (the company, the
acquiree, the adjustments, the pro forma combined) share one period, so the
period alone cannot say which column a number is in.
"""

import csv
import io
import json
import subprocess
import sys

import pyarrow.parquet as pq

import tieout
from tests.conftest import EXAMPLE, FIXTURES, REPO

PRO_FORMA = FIXTURES / "reader" / "pro-forma-columns.txt"
HEADERS = ["December 31, 1999 Harbor Lane Historical", "December 31, 1999 Osprey Historical",
           "December 31, 1999 Pro Forma Adjustments", "December 31, 1999 Pro Forma Combined"]
TOTAL_ASSETS = ["68,635", "16,475", "2,980", "88,090"]


def cli(*args):
    result = subprocess.run([sys.executable, "-m", "tieout.cli", *map(str, args)], capture_output=True,
                            cwd=REPO, timeout=120)
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout.decode()


def test_the_fixture_is_one_table_of_four_same_period_columns_that_foots():
    report = tieout.read(PRO_FORMA)
    assert len(report.tables) == 1
    table = report.tables[0]
    assert [c.header for c in table.columns] == HEADERS
    assert {c.period for c in table.columns} == {"1999-12-31"}
    assert report.checks and all(c.status == "pass" for c in report.checks)


def test_read_gives_each_fact_its_column_index_and_header():
    report = tieout.read(PRO_FORMA)
    table = report.tables[0]
    for fact in report.fact_records:
        assert fact.column_header == table.columns[fact.column_index].header
    total = [f for f in report.fact_records if f.label == "Total assets"]
    assert [f.display for f in total] == TOTAL_ASSETS
    assert [(f.column_index, f.column_header) for f in total] == list(enumerate(HEADERS))
    assert {f.period for f in total} == {"1999-12-31"}
    frame = report.facts
    assert frame.loc[frame["label"] == "Total assets", "column_header"].tolist() == HEADERS


def test_extract_jsonl_csv_json_parquet_carry_the_column(tmp_path):
    records = [json.loads(line) for line in cli("extract", PRO_FORMA).splitlines()]
    total = [r for r in records if r["label"] == "Total assets"]
    assert [(r["column_index"], r["column_header"], r["display"]) for r in total] == \
        list(zip(range(4), HEADERS, TOTAL_ASSETS))
    rows = list(csv.DictReader(io.StringIO(cli("extract", PRO_FORMA, "--format", "csv"))))
    assert [r["column_header"] for r in rows if r["label"] == "Total assets"] == HEADERS
    payload = json.loads(cli("extract", PRO_FORMA, "--format", "json"))
    assert [r["column_header"] for r in payload["facts"] if r["label"] == "Total assets"] == HEADERS
    out = tmp_path / "facts.parquet"
    cli("extract", PRO_FORMA, "--format", "parquet", "-o", out)
    table = pq.read_table(out).to_pylist()
    assert [(r["column_index"], r["column_header"]) for r in table if r["label"] == "Total assets"] == \
        list(enumerate(HEADERS))


def test_extract_gives_the_concepts_read_gives():
    for path in (EXAMPLE, PRO_FORMA):
        read = tieout.read(path)
        records = [json.loads(line) for line in cli("extract", path).splitlines()]
        assert [r["concept"] for r in records] == [f.concept for f in read.fact_records]
        assert sum(1 for r in records if r["concept"]) > 20, path
    assert not tieout.read(EXAMPLE, check=False, concepts=True).checks  # concepts without the checks


def test_show_heads_each_column_with_its_header():
    text = cli("show", PRO_FORMA)
    for words in ("Harbor", "Osprey", "Adjustments", "Combined", "1999-12-31"):
        assert words in text
