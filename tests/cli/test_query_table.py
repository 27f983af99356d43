"""``tieout query --format table`` through a pipe: no cell cut, Decimals as the plain numbers they are.

The real command line runs as a subprocess (its stdout a pipe, not a terminal) against a
real store ingested from ``examples/``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def tieout(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "tieout", *args], capture_output=True, text=True,
                          env=env, cwd=cwd, timeout=300)


@pytest.fixture(scope="module")
def example_store(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("store") / "examples.duckdb"
    done = tieout("ingest", str(ROOT / "examples"), "--db", str(db), "--workers", "0", "-q")
    assert done.returncode == 0, done.stderr
    return db


def test_piped_table_cuts_no_cell(example_store):
    long_text = "a cell " * 60  # 420 characters: far wider than any default width
    done = tieout("query", "--db", str(example_store), "--format", "table",
                  f"SELECT '{long_text}' AS note, table_title, period FROM facts "
                  "WHERE label = 'Sales of products' AND table_title LIKE '%HIGHLIGHTS' ORDER BY period")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    body = [line for line in lines if "a cell" in line]
    assert len(body) == 2 and all(long_text.strip() in line for line in body)
    assert all("1996-04-01/1996-06-30" in line or "1997-04-01/1997-06-30" in line for line in body)
    assert "NORTHWIND GOLD & SILVER CORPORATION HIGHLIGHTS" in done.stdout
    assert "…" not in done.stdout and "..." not in done.stdout
    assert len({len(line) for line in lines}) == 1  # one row per line: nothing wrapped onto a second


def test_piped_table_prints_decimals_plainly(example_store):
    done = tieout("query", "--db", str(example_store), "--format", "table",
                  "SELECT label, value FROM facts WHERE label IN ('Sales of products', "
                  "'Net income per common share') AND period = '1997-04-01/1997-06-30' ORDER BY value")
    assert done.returncode == 0, done.stderr
    rows = {tuple(cell.strip() for cell in line.strip("│ ").split("│")) for line in done.stdout.splitlines()
            if line.startswith("│")}
    assert ("Net income per common share", "0.06") in rows
    assert ("Sales of products", "38214000") in rows
    assert "0000000000" not in done.stdout and "E+" not in done.stdout
    # machine formats keep every digit the store holds, as before
    csv = tieout("query", "--db", str(example_store), "--format", "csv",
                 "SELECT value FROM facts WHERE label = 'Sales of products' ORDER BY period DESC LIMIT 1")
    assert csv.stdout.splitlines() == ["value", "38214000.0000000000"]
