"""Sharing the store between processes, and the pool's time limits, with real processes.

DuckDB lets one process hold a file read-write or many hold it read-only,
never both at once. The ingest holds it only while it commits a batch and
readers only while they query; each side waits for the other (bounded) and
then says so in one line.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path


from tieout.batch.runners import RunSettings, run_pool
from tieout.cli import main
from tieout.store import open_store

from tests.store.test_ingest import assert_whole_documents, copy_files, smallest

READER = """
import contextlib, io, json, os, sys, time
from tieout.cli import main
db, stop, ready = sys.argv[1:4]
open(ready, "w").close()
results = []
while True:
    last = os.path.exists(stop)  # one more query after the ingest has ended
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["query", "--db", db, "--format", "csv", "SELECT count(*) AS n FROM documents"])
    lines = out.getvalue().split()
    results.append([code, int(lines[1]) if code == 0 else None, err.getvalue().strip()])
    if last:
        break
    time.sleep(0.02)
print(json.dumps(results))
"""


def test_two_readers_query_while_an_ingest_writes(seed_path, tmp_path):
    """Issue: two readers can query while an ingest writes."""
    # thirty documents of four seed copies each (distinct bytes): each takes the worker a while to read
    # and check, so the store is free long enough between commits for readers to look in (one seed per
    # document left too short a gap once reading got faster)
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(30):
        (folder / f"release-{i:02d}.txt").write_bytes(seed_path.read_bytes() * 4 + f"\ncopy {i}\n".encode())
    db, stop = tmp_path / "s.duckdb", tmp_path / "stop"
    open_store(db, write=True).close()  # an existing store that a new ingest adds to
    ready = [tmp_path / f"ready-{i}" for i in range(2)]
    readers = [subprocess.Popen([sys.executable, "-c", READER, str(db), str(stop), str(r)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
               for r in ready]
    deadline = time.monotonic() + 60
    while not all(r.exists() for r in ready) and time.monotonic() < deadline:
        time.sleep(0.05)
    ingest = subprocess.Popen([sys.executable, "-m", "tieout.cli", "ingest", str(folder), "--db", str(db),
                               "--workers", "1", "--batch", "1", "-q"],
                              stderr=subprocess.PIPE, text=True)
    _, ingest_err = ingest.communicate(timeout=180)
    stop.touch()
    outputs = [reader.communicate(timeout=120) for reader in readers]
    assert ingest.returncode == 0, ingest_err
    assert "30 stored" in ingest_err
    seen = set()
    for out, err in outputs:
        results = json.loads(out)
        assert [r for r in results if r[0] != 0] == [], err  # every query succeeded
        counts = [n for _, n, _ in results]
        assert counts == sorted(counts)  # each reader sees the store only grow
        assert counts[-1] == 30
        seen |= set(counts)
    assert len(seen) >= 3, seen  # the readers saw the ingest part-way, not just before and after
    assert assert_whole_documents(db) == 30


def test_a_busy_store_is_one_line_after_the_wait(corpus_dir, tmp_path):
    db = tmp_path / "s.duckdb"
    open_store(db, write=True).close()
    with open_store(db, write=True) as writer:  # this process holds it read-write (as an ingest commit does)
        started = time.monotonic()
        result = subprocess.run([sys.executable, "-m", "tieout.cli", "query", "--db", str(db),
                                 "--wait", "1", "SELECT 1"], capture_output=True, text=True, timeout=60)
        assert time.monotonic() - started >= 1
        assert writer.query("SELECT 1 AS n")["n"][0] == 1
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert f"store is busy: process {os.getpid()} holds it for writing; waited 1 s" in result.stderr
    source = smallest(corpus_dir, 1)[0]
    with open_store(db, read_only=True):  # a reader that never lets go
        result = subprocess.run([sys.executable, "-m", "tieout.cli", "ingest", str(source), "--db", str(db),
                                 "--workers", "0", "--wait", "0.5", "-q"],
                                capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "store is busy" in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_the_writer_waits_for_a_reader(corpus_dir, tmp_path):
    db = tmp_path / "s.duckdb"
    open_store(db, write=True).close()
    files = smallest(corpus_dir, 2)
    folder = copy_files(files, tmp_path / "in")
    reader = open_store(db, read_only=True)
    ingest = subprocess.Popen([sys.executable, "-m", "tieout.cli", "ingest", str(folder), "--db", str(db),
                               "--workers", "0", "-q"], stderr=subprocess.PIPE, text=True)
    time.sleep(3)  # the ingest is now waiting for the file
    assert ingest.poll() is None
    assert reader.query("SELECT count(*) AS n FROM documents")["n"][0] == 0
    reader.close()
    _, err = ingest.communicate(timeout=120)
    assert ingest.returncode == 0, err
    assert assert_whole_documents(db) == 2


def test_query_prints_decimals_exactly(tmp_path, capsys):
    from dataclasses import replace
    from decimal import Decimal

    from tests.store.handmade import make_report

    report = make_report()
    wide = replace(report.fact_records[0], value=Decimal("123456789012345678.0123456789"))  # 28 digits
    tiny = replace(report.fact_records[1], value=Decimal("0.00000000001"))  # below DECIMAL(38,10)
    report = replace(report, fact_records=(wide, tiny) + report.fact_records[2:])
    db = tmp_path / "s.duckdb"
    with open_store(db, write=True) as store:
        store.write_report(report)
    sql = "SELECT fact_id, value, value_text FROM facts WHERE fact_id < 2 ORDER BY fact_id"
    assert main(["query", "--db", str(db), "--format", "csv", sql]) == 0
    assert capsys.readouterr().out.splitlines()[1:] == [
        "0,123456789012345678.0123456789,123456789012345678.0123456789",
        "1,0.0000000000,0.00000000001"]  # never 1.2345678901234568e+17, never 0E-10
    assert main(["query", "--db", str(db), "--format", "json", sql]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [d["value"] for d in data] == ["123456789012345678.0123456789", "0.0000000000"]


# -- time limits in the pool -------------------------------------------------


def test_a_document_over_the_time_limit_is_recorded_and_the_batch_goes_on(corpus_dir, tmp_path):
    """A large filing (the Apple 10-K of 1997, twenty times over: 12.7 MB, about 3 CPU-s to
    read) under a 0.5 s limit; the small filings take well under 0.1 s."""
    small = smallest(corpus_dir, 3)
    folder = copy_files(small, tmp_path / "in")
    apple = (corpus_dir / "aapl-10k" / "0001047469-97-006960.txt").read_bytes()
    (folder / "large.txt").write_bytes(apple * 20)
    db = tmp_path / "s.duckdb"
    result = subprocess.run([sys.executable, "-m", "tieout.cli", "ingest", str(folder), "--db", str(db),
                             "--workers", "2", "--timeout", "0.5", "-q"],
                            capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr
    assert "3 stored, 0 errors, 1 timeouts" in result.stderr
    with open_store(db, read_only=True) as store:
        rows = dict(store.con.execute("SELECT name, status FROM documents").fetchall())
        error = store.con.execute("SELECT error FROM documents WHERE status = 'timeout'").fetchone()[0]
    assert rows == {"large.txt": "timeout", **{p.name: "ok" for p in small}}
    assert error == "over the 0.5 s time limit"


def test_a_worker_that_stops_answering_is_killed(corpus_dir):
    """The hard limit: a worker that cannot take SIGALRM (here: stopped) is killed after
    timeout + grace; its document is 'timeout', the rest are read by the others."""
    paths = [str(p) for p in smallest(corpus_dir, 8)]
    settings = RunSettings(timeout=2.0, grace=1.0, per_worker=2)
    outcomes, stopped = [], None
    started = time.monotonic()
    for outcome in run_pool(paths, 2, settings):
        outcomes.append(outcome)
        if stopped is None:
            stopped = outcome.worker_pid
            assert stopped > 0  # read by a pool process (never signal pid 0: our own group)
            os.kill(stopped, signal.SIGSTOP)  # it has its next document queued
    assert sorted(o.path for o in outcomes) == sorted(paths)  # each exactly once
    timeouts = [o for o in outcomes if o.status == "timeout"]
    assert len(timeouts) == 1 and "killed" in timeouts[0].error
    assert {o.status for o in outcomes if o is not timeouts[0]} == {"ok"}
    assert time.monotonic() - started >= 3.0  # waited out timeout + grace first
    assert not _alive(stopped)  # killed and reaped, not left behind


def test_a_worker_that_dies_costs_no_document(corpus_dir):
    """A worker killed mid-run (as the OOM killer would): its document is read again."""
    paths = [str(p) for p in smallest(corpus_dir, 6)]
    outcomes, killed = [], None
    for outcome in run_pool(paths, 2, RunSettings(timeout=60)):
        outcomes.append(outcome)
        if killed is None:
            killed = outcome.worker_pid
            assert killed > 0
            os.kill(killed, signal.SIGKILL)
    assert sorted(o.path for o in outcomes) == sorted(paths)
    assert {o.status for o in outcomes} == {"ok"}
    assert len({o.worker_pid for o in outcomes}) >= 2


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return not Path(f"/proc/{pid}/status").read_text().count("State:\tZ")
