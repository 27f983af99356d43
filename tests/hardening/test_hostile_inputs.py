"""Hostile inputs through the real command line: the promise of exit 0, 1 or 2, never a traceback.

Every document is untrusted. Whatever a user or a crawler hands ``tieout extract``,
``check`` or ``show`` (an empty file, a PDF, a modern HTML filing, UTF-16, a megabyte
on one line, 100,000 parentheses, thousands of number columns, a truncated
submission, a folder), the command ends within a bounded time with exit 0 or 1,
or with exit 2 and exactly one line on stderr saying why. The inputs are made in
code (``hostile.py``), shared with ``benchmarks/reliability.py``, which adds the
20 MB and 50 MB filings and prints the times and memory.

The subprocess timeout is a hang guard, not a speed assertion.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.hardening.hostile import MAKERS, write_hostile

HANG_GUARD = 120  # seconds per command; the slowest input takes a few seconds
COMMANDS = ("extract", "check", "show")
# heavy inputs that run through every command in benchmarks/reliability.py; here only `check`
CHECK_ONLY = {"table of 100 x 5000 numbers", "10k tables", "html table 2000 x 20"}
# what exit 2 must say for the inputs that can never be read
REASONS = {
    "empty": "empty", "whitespace only": "empty", "binary": "binary", "pdf": "PDF",
    "nul heavy": "binary",
    "sgml header only": "no <DOCUMENT>",
}


def run_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tieout.cli", *args], input=stdin, capture_output=True,
                          timeout=HANG_GUARD)


def assert_clean_exit(result: subprocess.CompletedProcess) -> str:
    """Exit 0/1/2, no traceback; exit 2 gives exactly one stderr line. Returns stderr."""
    stderr = result.stderr.decode("utf-8", "replace")
    assert "Traceback" not in stderr, stderr[-2000:]
    assert result.returncode in (0, 1, 2), (result.returncode, stderr[-2000:])
    if result.returncode == 2:
        lines = stderr.strip().splitlines()
        assert len(lines) == 1, stderr[-2000:]
        assert lines[0].startswith("tieout: ")
    assert "internal error" not in stderr, stderr[-2000:]
    return stderr


CASES = [(name, command) for name in MAKERS for command in COMMANDS
         if name not in CHECK_ONLY or command == "check"]


@pytest.mark.parametrize("name,command", CASES, ids=[f"{c}-{n}" for n, c in CASES])
def test_hostile_input_ends_cleanly(tmp_path, name, command):
    path = write_hostile(tmp_path, name)
    result = run_cli(command, str(path))
    stderr = assert_clean_exit(result)
    if name in REASONS:
        assert result.returncode == 2
        assert REASONS[name].lower() in stderr.lower()
    if command == "extract" and result.returncode == 0 and result.stdout:
        assert result.stdout.endswith(b"\n")


@pytest.mark.parametrize("command", COMMANDS)
def test_missing_file_is_one_line_exit_2(tmp_path, command):
    result = run_cli(command, str(tmp_path / "nope" / "missing.txt"))
    assert_clean_exit(result)
    assert result.returncode == 2 and b"no such file" in result.stderr


@pytest.mark.parametrize("command", COMMANDS)
def test_directory_is_one_line_exit_2(tmp_path, command):
    result = run_cli(command, str(tmp_path))
    assert_clean_exit(result)
    assert result.returncode == 2 and b"is a directory" in result.stderr


@pytest.mark.parametrize("command", COMMANDS)
def test_hostile_stdin_ends_cleanly(command):
    result = run_cli(command, "-", stdin=MAKERS["utf-16-le no bom"]())
    assert_clean_exit(result)
    assert result.returncode in (0, 1)
    empty = run_cli(command, "-", stdin=b"")
    assert_clean_exit(empty)
    assert empty.returncode == 2 and b"stdin" in empty.stderr


def test_html_filing_is_read_into_facts(tmp_path):
    """An HTML page, bare or inside a submission, gives its table's numbers as facts."""
    import json

    for name in ("html (modern .htm)", "html in sgml"):
        path = write_hostile(tmp_path, name)
        result = run_cli("extract", str(path))
        assert result.returncode == 0, result.stderr
        facts = [json.loads(line) for line in result.stdout.decode().splitlines() if line.strip()]
        assert [f["value"] for f in facts if f["label"] == "Total assets"] == ["3424"], facts


def test_hostile_html_page_gives_its_numbers_and_no_script(tmp_path):
    """Script and event handlers are never text: the table still reads, "(800" ")" is -800."""
    import json

    path = write_hostile(tmp_path, "html hostile (script, onerror, javascript:)")
    result = run_cli("extract", str(path))
    assert result.returncode == 0, result.stderr
    facts = [json.loads(line) for line in result.stdout.decode().splitlines() if line.strip()]
    assert {(f["label"], f["value"]) for f in facts} == {
        ("Revenue", "1200"), ("Revenue", "1000"), ("Costs", "-800"), ("Costs", "-700"),
        ("Net income", "400"), ("Net income", "300")}
    assert b"alert" not in result.stdout and b"pwned" not in result.stdout


def test_utf16_and_utf32_are_read_like_ascii(tmp_path):
    """The same release in four encodings gives the same facts."""
    import json

    from tests.hardening.hostile import RELEASE

    outputs = []
    plain = tmp_path / "ascii.txt"
    plain.write_text(RELEASE, encoding="ascii")
    for path in (plain, *(write_hostile(tmp_path, name) for name in
                          ("utf-16 with bom", "utf-16-le no bom", "utf-16-be no bom", "utf-32 with bom"))):
        result = run_cli("extract", str(path))
        assert_clean_exit(result)
        outputs.append([json.loads(line)["value"] for line in result.stdout.decode().splitlines()])
    assert outputs[0] and all(out == outputs[0] for out in outputs)


def test_number_longer_than_decimal_precision_does_not_crash_facts(tmp_path):
    """Regression: a 40-digit cell made ``Decimal.quantize`` raise InvalidOperation in the facts stage."""
    import tieout

    data = ("Sales    " + "1" * 40 + "   2\nCost    1   1\nTotal   " + "9" * 60 + "  3\n").encode()
    report = tieout.read("long-digits.txt", data=data)
    assert not [p for p in report.problems if p.severity == "error"]
    assert all(f.value is None or f.value.is_finite() for f in report.fact_records)
    path = tmp_path / "long-digits.txt"
    path.write_bytes(data)
    assert_clean_exit(run_cli("extract", str(path)))


def test_output_to_a_directory_is_one_line_exit_2(tmp_path):
    path = write_hostile(tmp_path, "crlf and tabs")
    result = run_cli("extract", str(path), "-o", str(tmp_path))
    assert_clean_exit(result)
    assert result.returncode == 2
