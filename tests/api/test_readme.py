"""The README's Python examples run, as written, beside a store `tieout ingest` made."""

from __future__ import annotations

import re
import shutil

from tieout.batch import IngestSettings, ingest
from tests.conftest import EXAMPLE, REPO

PYTHON_BLOCK = re.compile(r"^```python\n(.*?)^```", re.M | re.S)


def test_readme_python_examples_run(tmp_path, monkeypatch):
    blocks = PYTHON_BLOCK.findall((REPO / "README.md").read_text(encoding="utf-8"))
    assert blocks
    (tmp_path / "examples").mkdir()
    shutil.copy(EXAMPLE, tmp_path / "examples")
    ingest([str(tmp_path / "examples")], tmp_path / "t.duckdb", IngestSettings(workers=0))
    monkeypatch.chdir(tmp_path)
    for block in blocks:
        if "nw.duckdb" in block:  # the Fundamentals example runs after its shell commands, in
            continue              # tests/fundamentals/test_readme_example.py
        namespace: dict = {}
        exec(compile(block, "README.md", "exec"), namespace)  # noqa: S102 - the documented examples
        report = namespace.get("report")
        if report is not None:  # the shown repr is the one it prints
            shown = re.search(r"^report +# (<Report [^>]*>)", block, re.M)
            assert shown and shown.group(1) == repr(report)
            assert namespace["balance"].loc["Total current assets"].iloc[0, 0] > 0
        if "store" in namespace:
            assert namespace["store"].read_only
            namespace["store"].close()
