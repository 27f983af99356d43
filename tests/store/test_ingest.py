"""Batch ingest on the real corpus: pool, Dask, restart after SIGKILL, bad files, time limits.

One full-corpus ingest (2 workers) is shared by the tests that only read its
result; the others use a handful of the smallest corpus files so the whole
module stays near a minute on two busy cores.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tieout.batch import IngestSettings, ingest, process_file
from tieout.cli import main
from tieout.errors import InputError
from tieout.store import open_store

PER_DOC = ("tables", "facts", "checks", "check_spans", "claims", "relations", "problems")


def corpus_paths(corpus: Path) -> list[Path]:
    return sorted(corpus.rglob("*.txt"))


def smallest(corpus: Path, n: int) -> list[Path]:
    return sorted(corpus_paths(corpus), key=lambda p: p.stat().st_size)[:n]


def copy_files(files: list[Path], folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for f in files:
        shutil.copy2(f, folder / f.name)
    return folder


def fingerprint(db: Path, doc_ids=None) -> dict:
    """Per document: its status and the row count of every per-document table."""
    with open_store(db, read_only=True) as store:
        docs = store.query("SELECT doc_id, status, n_facts, n_tables FROM documents")
        result = {}
        for row in docs.itertuples():
            if doc_ids is not None and row.doc_id not in doc_ids:
                continue
            counts = tuple(store.con.execute(f"SELECT count(*) FROM {t} WHERE doc_id = ?",
                                             [row.doc_id]).fetchone()[0] for t in PER_DOC)
            result[row.doc_id] = (row.status, row.n_facts, row.n_tables, counts)
    return result


@pytest.fixture(scope="module")
def corpus_db(corpus_dir, tmp_path_factory):
    db = tmp_path_factory.mktemp("corpus") / "corpus.duckdb"
    summary = ingest([str(corpus_dir)], db, IngestSettings(workers=2, timeout=120))
    return db, summary


def test_full_corpus_with_two_workers(corpus_db, corpus_dir):
    db, summary = corpus_db
    files = corpus_paths(corpus_dir)
    assert summary.found == len(files) == 61
    assert summary.ok + summary.error + summary.timeout == 61
    with open_store(db, read_only=True) as store:
        paths = set(store.query("SELECT path FROM files")["path"])
        assert paths == {str(f.resolve()) for f in files}  # one row per file
        assert store.query("SELECT count(*) AS n FROM documents")["n"][0] == 61
        ok = store.query("SELECT count(*) AS n FROM documents WHERE status = 'ok'")["n"][0]
        assert ok == summary.ok >= 55
        with_facts = store.query("SELECT count(*) AS n FROM documents WHERE n_facts > 0")["n"][0]
        assert with_facts >= 20  # the statements of the 8-K releases and the Apple 10-Ks
        # every documents row agrees with the rows stored for it
        mismatched = store.query("""
            SELECT d.doc_id FROM documents d LEFT JOIN
              (SELECT doc_id, count(*) AS n FROM facts GROUP BY 1) f USING (doc_id)
            WHERE coalesce(f.n, 0) <> d.n_facts""")
        assert mismatched.empty
        if store.query("SELECT count(*) AS n FROM checks")["n"][0]:
            assert store.query("SELECT count(*) AS n FROM check_spans")["n"][0] > 0
        text = store.query("SELECT text FROM documents WHERE name = '0000950129-95-001652.txt'")["text"][0]
        assert "COMMON SENSE TRUST" in text


def test_second_run_adds_nothing(corpus_db, corpus_dir):
    db, _ = corpus_db
    before = fingerprint(db)
    with open_store(db, read_only=True) as store:
        stamps = store.query("SELECT doc_id, ingested_at FROM documents ORDER BY doc_id")
    start = time.perf_counter()
    summary = ingest([str(corpus_dir)], db, IngestSettings(workers=2))
    assert summary.skipped == 61 and summary.done == 0
    assert time.perf_counter() - start < 10  # nothing was read again
    assert fingerprint(db) == before
    with open_store(db, read_only=True) as store:
        assert store.query("SELECT doc_id, ingested_at FROM documents ORDER BY doc_id").equals(stamps)


def test_query_and_export_of_the_corpus(corpus_db, tmp_path, capsys):
    db, _ = corpus_db
    assert main(["query", "--db", str(db), "--format", "csv",
                 "SELECT status, count(*) AS n FROM documents GROUP BY 1 ORDER BY 1"]) == 0
    assert capsys.readouterr().out.startswith("status,n\n")
    assert main(["export", "--db", str(db), "--format", "xlsx", "--doc", "0000320193-95-000016",
                 "-o", str(tmp_path / "apple.xlsx")]) == 0
    import openpyxl

    book = openpyxl.load_workbook(tmp_path / "apple.xlsx")
    assert len(book.sheetnames) > 10


def test_bad_files_get_error_rows_and_the_batch_goes_on(corpus_dir, tmp_path):
    folder = copy_files(smallest(corpus_dir, 3), tmp_path / "in")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4\x00\x01binary")  # skipped: not a text file
    (folder / "noise.txt").write_bytes(bytes(range(256)) * 20)  # named .txt, but binary
    (folder / ".hidden.txt").write_text("skipped")
    db = tmp_path / "s.duckdb"
    summary = ingest([str(folder)], db, IngestSettings(workers=0))
    assert summary.found == 5
    with open_store(db, read_only=True) as store:
        rows = store.query("SELECT name, status, error FROM documents ORDER BY name")
    by_name = {r.name: (r.status, r.error) for r in rows.itertuples()}
    assert set(by_name) == {"empty.txt", "noise.txt"} | {p.name for p in smallest(corpus_dir, 3)}
    assert by_name["empty.txt"][0] == "error" and "empty" in by_name["empty.txt"][1]
    assert by_name["noise.txt"][0] == "error" and "\n" not in by_name["noise.txt"][1]
    assert sum(status == "ok" for status, _ in by_name.values()) == 3


def test_changed_file_replaces_its_rows(corpus_dir, tmp_path):
    source = smallest(corpus_dir, 1)[0]
    folder = copy_files([source], tmp_path / "in")
    target = folder / source.name
    db = tmp_path / "s.duckdb"
    ingest([str(target)], db, IngestSettings(workers=0))
    target.write_bytes(source.read_bytes() + b"\n(amended)\n")
    summary = ingest([str(target)], db, IngestSettings(workers=0))
    assert summary.ok == 1
    with open_store(db, read_only=True) as store:
        docs = store.query("SELECT doc_id, path FROM documents")
    assert len(docs) == 1 and docs["path"][0] == str(target.resolve())
    import hashlib

    assert docs["doc_id"][0] == hashlib.sha256(target.read_bytes()).hexdigest()


def test_time_limit(corpus_dir):
    apple = corpus_dir / "aapl-10k" / "0000320193-95-000016.txt"
    outcome = process_file(str(apple), timeout=0.05)
    assert outcome.status == "timeout" and "time limit" in outcome.error
    assert outcome.rows["documents"][0]["status"] == "timeout"
    assert outcome.doc_id == __import__("hashlib").sha256(apple.read_bytes()).hexdigest()


def test_usage_errors_exit_2(tmp_path, capsys):
    db = str(tmp_path / "s.duckdb")
    assert main(["ingest", str(tmp_path / "missing"), "--db", db]) == 2
    assert "no such file or folder" in capsys.readouterr().err
    assert main(["ingest", str(tmp_path / "*.nothing"), "--db", db]) == 2
    assert main(["query", "--db", str(tmp_path / "none.duckdb"), "SELECT 1"]) == 2
    with pytest.raises(InputError):
        ingest([str(tmp_path / "missing")], db)


def test_killed_ingest_resumes_to_the_same_rows(corpus_db, corpus_dir, tmp_path):
    reference_db, _ = corpus_db
    files = smallest(corpus_dir, 14)
    folder = copy_files(files, tmp_path / "in")
    db = tmp_path / "killed.duckdb"
    command = [sys.executable, "-m", "tieout.cli", "ingest", str(folder), "--db", str(db),
               "--workers", "1", "--batch", "1"]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        for line in process.stderr:  # plain progress: one line per document here
            if line.startswith("ingest: ") and "/14 documents" in line and not line.startswith("ingest: 0/"):
                break
    finally:
        os.killpg(process.pid, signal.SIGKILL)  # the ingest and its worker, mid-run
        process.wait()
    with open_store(db, read_only=True) as store:
        stored = store.query("SELECT count(*) AS n FROM documents")["n"][0]
    assert 1 <= stored < 14
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert f"{stored} unchanged" in result.stderr
    got = fingerprint(db)
    assert len(got) == 14
    assert got == fingerprint(reference_db, set(got))  # the same rows as the uninterrupted run


def test_dask_local_cluster_writes_partitions(corpus_db, corpus_dir, tmp_path):
    import duckdb
    from distributed import Client, LocalCluster

    reference_db, _ = corpus_db
    folder = copy_files(smallest(corpus_dir, 6) + [corpus_dir / "other" / "0000950129-95-001652.txt"],
                        tmp_path / "in")
    (folder / "broken.txt").write_bytes(b"")
    db, parquet = tmp_path / "dask.duckdb", tmp_path / "parts"
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with Client(cluster) as client:
            summary = ingest([str(folder)], db, IngestSettings(scheduler=client, parquet=str(parquet)))
            assert (summary.ok, summary.error) == (7, 1)
            again = ingest([str(folder)], db, IngestSettings(scheduler=client, parquet=str(parquet)))
            assert again.skipped == 8 and again.done == 0
    got = fingerprint(db)
    ok = {doc_id for doc_id, v in got.items() if v[0] == "ok"}
    assert {k: got[k] for k in ok} == fingerprint(reference_db, ok)
    con = duckdb.connect()
    n_docs = con.execute(f"SELECT count(*) FROM read_parquet('{parquet}/documents/*.parquet')").fetchone()[0]
    n_facts = con.execute(f"SELECT count(*) FROM read_parquet('{parquet}/facts/*.parquet')").fetchone()[0]
    assert n_docs == 8
    assert n_facts == sum(v[1] for v in got.values()) > 0


def test_rows_the_store_refuses_become_an_error_row(tmp_path):
    from tests.store.handmade import make_report

    from tieout.batch.ingest import _store_or_record
    from tieout.batch.work import Outcome
    from tieout.store.rows import report_rows

    report = make_report()
    rows = report_rows(report)
    rows["facts"][0]["line"] = "not a line number"
    outcome = Outcome("/x/northwind.txt", report.filing.sha256, "ok", "", 10, 0.1, rows)
    with open_store(tmp_path / "s.duckdb") as store:
        stored = _store_or_record(store, outcome, 1, IngestSettings(workers=0))
        assert stored.status == "error" and "could not store the rows" in stored.error
        assert store.query("SELECT status FROM documents")["status"].tolist() == ["error"]
        assert store.counts()["facts"] == 0


def test_touched_file_is_not_read_again(corpus_dir, tmp_path):
    source = smallest(corpus_dir, 1)[0]
    target = copy_files([source], tmp_path / "in") / source.name
    db = tmp_path / "s.duckdb"
    ingest([str(target)], db, IngestSettings(workers=0))
    os.utime(target, ns=(1, 10**18))
    summary = ingest([str(target)], db, IngestSettings(workers=0))
    assert (summary.skipped, summary.done) == (1, 0)
    assert ingest([str(target)], db, IngestSettings(workers=0)).skipped == 1  # mtime remembered
