"""``tieout ingest FOLDER`` says what it did not read and why, prints each failure's path once,
and counts the documents stored with failing checks.

A real temporary folder (a PDF, a binary file, an empty file, a README, a hidden file, the
bundled text release and an HTML release whose total does not foot), ingested by the real
command line in a subprocess.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).parent / "fixtures"


def tieout(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "tieout", *args], capture_output=True, text=True,
                          env=env, timeout=300)


@pytest.fixture
def folder(tmp_path) -> Path:
    folder = tmp_path / "filings"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(ROOT / "examples" / "northwind-1997-q2-release.txt", folder / "northwind.txt")
    shutil.copy(FIXTURES / "acme-1999-q2-release.htm", folder / "sub" / "acme.htm")
    (folder / "annual-report.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    (folder / "scan.dat").write_bytes(bytes(range(256)) * 8)  # a NUL byte, no known suffix
    (folder / "empty.txt").write_bytes(b"")
    (folder / "README").write_text("notes about this folder\n")
    (folder / ".DS_Store").write_bytes(b"\x00\x01")
    return folder


def test_ingest_lists_what_it_did_not_read(folder, tmp_path):
    db = tmp_path / "s.duckdb"
    done = tieout("ingest", str(folder), "--db", str(db), "--workers", "0", "-q")
    assert done.returncode == 0, done.stderr
    err = done.stderr.splitlines()
    not_read = {line.split(": not read: ")[0]: line.split(": not read: ")[1] for line in err
                if ": not read: " in line}
    assert {Path(p).name for p in not_read} == {"annual-report.pdf", "scan.dat", "README"}
    why = {Path(p).name: reason for p, reason in not_read.items()}
    assert why["annual-report.pdf"].startswith("a PDF")
    assert why["scan.dat"].startswith("binary")
    assert "README" in why["README"]
    assert any("1 hidden file or folder skipped" in line for line in err)
    summary = err[-1]
    assert summary.startswith("tieout ingest: 3 files: 2 stored, 1 errors, 0 timeouts, 0 unchanged; ")
    assert "1 document with failing checks" in summary and "3 other files not read" in summary
    with duckdb.connect(str(db), read_only=True) as con:
        rows = dict(con.execute("SELECT name, status FROM documents").fetchall())
        fails = dict(con.execute("SELECT name, n_fail FROM documents WHERE status = 'ok'").fetchall())
    assert rows == {"northwind.txt": "ok", "acme.htm": "ok", "empty.txt": "error"}  # HTML is read
    assert fails["acme.htm"] == 1 and fails["northwind.txt"] == 0


def test_an_error_line_names_its_file_once(folder, tmp_path):
    done = tieout("ingest", str(folder), "--db", str(tmp_path / "s.duckdb"), "--workers", "0", "-q")
    errors = [line for line in done.stderr.splitlines() if ": error: " in line]
    assert len(errors) == 1
    assert errors[0].count("empty.txt") == 1 and errors[0].endswith(": error: the file is empty")


def test_a_file_named_explicitly_is_read_not_passed_over(folder, tmp_path):
    done = tieout("ingest", str(folder / "annual-report.pdf"), "--db", str(tmp_path / "s.duckdb"),
                  "--workers", "0", "-q")
    assert done.returncode == 0
    assert "not read" not in done.stderr  # named by the user: an error row says why, as before
    line = next(line for line in done.stderr.splitlines() if ": error: " in line)
    assert line.count("annual-report.pdf") == 1 and "PDF" in line
