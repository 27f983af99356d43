"""``tieout extract`` and ``tieout show`` as a user runs them (real subprocesses)."""

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "northwind-1997-q2-release.txt"


def tieout(*args, stdin: bytes | None = None):
    return subprocess.run([sys.executable, "-m", "tieout.cli", *map(str, args)], input=stdin,
                          capture_output=True, cwd=REPO, timeout=120)


def test_extract_jsonl_has_the_interface_fields():
    result = tieout("extract", EXAMPLE)
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert len(records) == 212
    first = records[0]
    for key in ("document", "table", "label", "path", "period", "value", "unit", "display", "scale", "line", "col"):
        assert key in first
    assert first["document"] == EXAMPLE.name
    assert first["label"] == "Sales of products"
    assert first["value"] == "38214000" and first["display"] == "38,214" and first["unit"] == "USD"
    assert first["period"] == "1997-04-01/1997-06-30"


def test_extract_reads_stdin():
    result = tieout("extract", "-", "--format", "csv", stdin=EXAMPLE.read_bytes())
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout.decode())))
    assert len(rows) == 212 and rows[0]["document"] == "stdin"


def test_extract_json_and_parquet(tmp_path):
    out = tmp_path / "facts.json"
    assert tieout("extract", EXAMPLE, "--format", "json", "-o", out).returncode == 0
    assert len(json.loads(out.read_text())["facts"]) == 212
    parquet = tmp_path / "facts.parquet"
    assert tieout("extract", EXAMPLE, "--format", "parquet", "-o", parquet).returncode == 0
    table = pq.read_table(parquet)
    assert table.num_rows == 212 and "value" in table.column_names


def test_parquet_needs_an_output_file():
    result = tieout("extract", EXAMPLE, "--format", "parquet")
    assert result.returncode == 2
    assert b"-o OUT" in result.stderr


def test_show_prints_every_table_with_periods():
    result = tieout("show", EXAMPLE)
    assert result.returncode == 0, result.stderr
    text = result.stdout.decode()
    assert "Consolidated Balance Sheets" in text and "Production Data" in text
    assert "1997-04-01/1997-06-30" in text
    assert "5 tables, 212 facts" in text


def _file(name: str, data: bytes):
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data)
        return path
    return make


@pytest.mark.parametrize("make, reason", [
    (lambda d: d / "missing.txt", "no such file"),
    (lambda d: d, "directory"),
    (_file("empty.txt", b""), "empty"),
    (_file("x.pdf", b"%PDF-1.4\n%\xe2\xe3\n1 0 obj"), "PDF"),
    (_file("x.bin", bytes(range(256)) * 8), "binary"),
])
@pytest.mark.parametrize("command", ["extract", "show", "check"])
def test_unreadable_input_is_one_line_and_exit_2(tmp_path, make, reason, command):
    result = tieout(command, make(tmp_path))
    assert result.returncode == 2
    lines = result.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and reason.lower() in lines[0].lower()
    assert b"Traceback" not in result.stderr


def test_version_and_help():
    assert tieout("--version").stdout.decode().startswith("tieout ")
    for command in ("extract", "show", "check"):
        text = tieout(command, "--help").stdout.decode()
        assert "example" in text.lower()
