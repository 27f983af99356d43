"""The README's Fundamentals example runs on the bundled example release, as written there."""

from __future__ import annotations

import re
import subprocess
import sys
from decimal import Decimal

from tests.conftest import REPO


def readme_section() -> str:
    text = (REPO / "README.md").read_text()
    start = text.index("### Fundamentals")
    return text[start: text.index("\n### ", start + 1)]


def test_readme_commands_and_python_run(tmp_path, monkeypatch):
    section = readme_section()
    commands = [line.split("#")[0].strip() for line in section.splitlines() if line.startswith("    tieout ")]
    assert [c.split()[1] for c in commands] == ["ingest", "financials", "export"]
    (tmp_path / "examples").symlink_to(REPO / "examples")
    outputs = []
    for command in commands:
        done = subprocess.run([sys.executable, "-m", "tieout", *command.split()[1:]], cwd=tmp_path,
                              capture_output=True, text=True)
        assert done.returncode == 0, (command, done.stderr)
        outputs.append(done.stdout)
    assert "NetIncomeLoss" in outputs[1] and "3030000" in outputs[1]  # Q2 1997 net income, $3.0 million
    assert {p.name for p in (tmp_path / "nw-fsds").iterdir()} == {"sub.txt", "num.txt", "pre.txt", "tag.txt", "chk.txt"}
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    code = code.replace("tieout.financials(", "frame = tieout.financials(", 1).replace("duckdb.sql(", "rows = duckdb.sql(", 1)
    monkeypatch.chdir(tmp_path)  # the README's paths are relative to where the commands ran
    namespace: dict = {}
    exec(compile(code, "README.md", "exec"), namespace)
    frame, num, rows = namespace["frame"], namespace["num"], namespace["rows"].fetchall()
    assert frame.at["NetIncomeLoss", "1997-06-30"] == Decimal("3030000")
    assert frame.attrs["fiscal_periods"] == {}  # a release names no fiscal year end: columns by period end
    assert "NetIncomeLoss" in set(num["tag"]) and num["value"].dtype == "float64"
    assert rows and {r[1] for r in rows} == {"NetIncomeLoss"} and {r[3] for r in rows} == {1, 2}
