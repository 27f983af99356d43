"""``tieout.open_store(path)`` reads; writing is asked for. A notebook's store does not block the CLI."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

import tieout
from tieout.batch import IngestSettings, ingest
from tieout.errors import InputError
from tests.conftest import EXAMPLE, REPO


@pytest.fixture(scope="module")
def example_store(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("store") / "t.duckdb"
    ingest([str(EXAMPLE)], db, IngestSettings(workers=0))
    return db


def cli(*args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.run([sys.executable, "-m", "tieout", *args], capture_output=True, text=True,
                          timeout=timeout, env=env)


def test_a_notebook_store_does_not_block_tieout_query(example_store):
    """Issue 14: open_store(path) held the file read-write, so `tieout query` waited and failed."""
    store = tieout.open_store(example_store)  # as a notebook would, and left open
    try:
        assert store.read_only
        facts = store.query("SELECT count(*) AS n FROM facts")["n"][0]
        start = time.monotonic()
        done = cli("query", "--db", str(example_store), "--format", "csv", "--wait", "0",
                   "SELECT count(*) AS n FROM facts")
        seconds = time.monotonic() - start
        assert done.returncode == 0, done.stderr
        assert done.stdout.split() == ["n", str(facts)] and facts > 100
        assert seconds < 20  # no wait for a lock (the reader's wait would be 30 s)
    finally:
        store.close()


def test_reading_cannot_write(example_store):
    import duckdb

    with tieout.open_store(example_store) as store:
        with pytest.raises(duckdb.Error, match="read-only"):
            store.con.execute("DELETE FROM facts")


def test_writing_is_explicit_and_the_old_keyword_still_works(tmp_path, example_report):
    new = tmp_path / "new.duckdb"
    with pytest.raises(InputError, match="no such store"):
        tieout.open_store(new)  # a reader never creates a file
    assert not new.exists()
    with tieout.open_store(new, write=True) as store:
        assert not store.read_only
        store.write_report(example_report)
    with tieout.open_store(new, read_only=False) as store:  # the keyword of earlier versions
        assert not store.read_only
        assert store.counts()["facts"] == len(example_report.fact_records)
    with tieout.open_store(new, read_only=True) as store:
        assert store.read_only
    with pytest.raises(ValueError, match="contradict"):
        tieout.open_store(new, read_only=True, write=True)
