"""Batch ingest on the real corpus: pool, Dask, restart after SIGKILL, bad files, time limits.

One full-corpus ingest (2 workers) is shared by the tests that only read its
result; the others use a handful of the smallest corpus files so the whole
module stays near a minute on two busy cores.
"""

from __future__ import annotations

import os
import re
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


COUNTED = {"tables": "n_tables", "facts": "n_facts", "claims": "n_claims", "relations": "n_relations",
           "problems": "n_problems"}


def assert_whole_documents(db: Path) -> int:
    """Every stored document has exactly the rows its documents row counts; no row lacks its
    document; every path points at a document. Returns the number of documents."""
    with open_store(db, read_only=True) as store:
        con = store.con
        for table, column in COUNTED.items():
            wrong = con.execute(f"""
                SELECT d.doc_id, d.{column}, coalesce(t.n, 0) FROM documents d
                LEFT JOIN (SELECT doc_id, count(*) AS n FROM {table} GROUP BY 1) t USING (doc_id)
                WHERE coalesce(t.n, 0) <> d.{column}""").fetchall()
            assert not wrong, (table, wrong)
        wrong = con.execute("""
            SELECT d.doc_id FROM documents d
            LEFT JOIN (SELECT doc_id, count(*) AS n FROM checks GROUP BY 1) c USING (doc_id)
            WHERE coalesce(c.n, 0) <> d.n_pass + d.n_fail + d.n_unverifiable""").fetchall()
        assert not wrong
        for table in PER_DOC:
            orphans = con.execute(f"SELECT count(*) FROM {table} WHERE doc_id NOT IN "
                                  "(SELECT doc_id FROM documents)").fetchone()[0]
            assert orphans == 0, table
        assert con.execute("SELECT count(*) FROM files WHERE doc_id NOT IN "
                           "(SELECT doc_id FROM documents)").fetchone()[0] == 0
        return con.execute("SELECT count(*) FROM documents").fetchone()[0]


VOLATILE = {"documents": {"path", "seconds", "ingested_at"}}


def stored_rows(db: Path, doc_ids: set[str]) -> dict[str, list[tuple]]:
    """Every row of the given documents, table by table, sorted; minus where and when it was read."""
    result = {}
    with open_store(db, read_only=True) as store:
        for table in ("documents",) + PER_DOC:
            cursor = store.con.execute(f"SELECT * FROM {table}")
            names = [d[0] for d in cursor.description]
            keep = [i for i, name in enumerate(names) if name not in VOLATILE.get(table, ())]
            rows = [tuple(str(row[i]) for i in keep) for row in cursor.fetchall()
                    if row[names.index("doc_id")] in doc_ids]
            result[table] = sorted(rows)
    return result


def test_sigkill_at_random_moments_leaves_whole_documents(corpus_db, corpus_dir, tmp_path):
    """Issue 6: kill the ingest (parent and worker) at four seeded random moments; after each
    kill the store opens and holds only whole documents; a final run ends with exactly the
    rows of an uninterrupted run."""
    import random

    reference_db, _ = corpus_db
    files = smallest(corpus_dir, 24)
    folder = copy_files(files, tmp_path / "in")
    db = tmp_path / "killed.duckdb"
    command = [sys.executable, "-m", "tieout.cli", "ingest", str(folder), "--db", str(db),
               "--workers", "1", "--batch", "3"]
    rng = random.Random(6)
    stored = []
    for _ in range(4):
        process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, start_new_session=True)
        fraction = rng.uniform(0.2, 0.7)  # kill once this share of the remaining files is reported
        try:
            for line in process.stderr:  # plain progress lines: "ingest: 6/24 documents, ..."
                if line.startswith("ingest: 0 files"):
                    break
                progress = re.match(r"ingest: (\d+)/(\d+) documents", line)
                if progress and int(progress.group(1)) >= max(1, fraction * int(progress.group(2))):
                    break
            time.sleep(rng.uniform(0.0, 0.05))
        finally:
            os.killpg(process.pid, signal.SIGKILL)  # the ingest and its worker
            process.wait()
            process.stderr.close()
        stored.append(assert_whole_documents(db))
    assert stored == sorted(stored)  # nothing stored is ever lost
    assert any(0 < n < len(files) for n in stored), stored  # some kill landed mid-run
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert f"{stored[-1]} unchanged" in result.stderr
    assert assert_whole_documents(db) == len(files)
    got = fingerprint(db)
    assert {v[0] for v in got.values()} == {"ok"}
    assert stored_rows(db, set(got)) == stored_rows(reference_db, set(got))  # as if never killed


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
    with open_store(tmp_path / "s.duckdb", write=True) as store:
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


def test_parquet_only_ingest(corpus_dir, tmp_path, capsys):
    """--parquet DIR without --db: the workers write the partitions, nothing else; a re-run
    skips content already there."""
    import duckdb

    folder = copy_files(smallest(corpus_dir, 4), tmp_path / "in")
    (folder / "empty.txt").write_bytes(b"")
    parts = tmp_path / "parts"
    command = ["ingest", str(folder), "--parquet", str(parts), "--workers", "2", "-q"]
    assert main(command) == 0
    assert "4 stored, 1 errors" in capsys.readouterr().err
    assert not list(tmp_path.glob("*.duckdb"))
    con = duckdb.connect()
    docs = con.execute(f"SELECT status, n_facts, doc_id FROM read_parquet('{parts}/documents/*.parquet')").fetchall()
    assert sorted(d[0] for d in docs) == ["error", "ok", "ok", "ok", "ok"]
    facts = dict(con.execute(f"SELECT doc_id, count(*) FROM read_parquet('{parts}/facts/*.parquet') "
                             "GROUP BY 1").fetchall())
    assert all(facts.get(doc_id, 0) == n for _, n, doc_id in docs)
    assert main(command) == 0
    assert "5 unchanged" in capsys.readouterr().err
    assert main(["ingest", str(folder)]) == 2
    assert "nowhere to write" in capsys.readouterr().err
