"""Every SQL example in the docs runs, and returns rows, on a store the real ingest made.

Issue 14: docs/schema.md's example query failed ("Ambiguous reference to column name
'period'"). Each ```sql block of README.md, docs/*.md and tieout/**/docs.md is split into
its statements; each runs on a store of the bundled example, the seed (where ../shared is
present), the EX-27 fixtures (a schedule that disagrees with its balance sheet) and two
files that cannot be read (an empty one, a binary one), so every example has rows to show.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

import tieout
from tieout.batch import IngestSettings, ingest
from tests.conftest import EXAMPLE, FIXTURES, REPO, SEED

DOCS = sorted([REPO / "README.md", *(REPO / "docs").glob("*.md"), *(REPO / "tieout").rglob("docs.md")])
SQL_BLOCK = re.compile(r"^```sql\n(.*?)^```", re.M | re.S)


def statements(text: str) -> list[str]:
    """The statements of a block of SQL: ``--`` comment lines dropped, split at a ``;`` ending a line."""
    code = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("--"))
    return [s.strip() for s in re.split(r";[ \t]*$", code, flags=re.M) if s.strip()]


EXAMPLES = [(f"{doc.relative_to(REPO)}#{n}", sql) for doc in DOCS
            for n, sql in enumerate(s for block in SQL_BLOCK.findall(doc.read_text(encoding="utf-8"))
                                    for s in statements(block))]


@pytest.fixture(scope="module")
def docs_store(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("filings")
    shutil.copy(EXAMPLE, folder)
    if SEED.exists():
        shutil.copy(SEED, folder)
    for schedule in (FIXTURES / "ex27").glob("*.txt"):
        shutil.copy(schedule, folder)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(32)) * 8)
    db = folder.parent / "docs.duckdb"
    summary = ingest([str(folder)], db, IngestSettings(workers=0))
    assert summary.error >= 1  # the failures example has a failure to list
    return db


def test_the_docs_have_sql_examples():
    assert len(EXAMPLES) >= 4
    assert any(name.startswith("docs/schema.md") for name, _ in EXAMPLES)


@pytest.mark.parametrize("sql", [sql for _, sql in EXAMPLES], ids=[name for name, _ in EXAMPLES])
def test_sql_example_runs_and_returns_rows(docs_store, sql):
    with tieout.open_store(docs_store) as store:
        rows = store.con.execute(sql).fetchall()
    assert rows, f"no rows: {sql}"


def test_statements_split_at_line_ends():
    block = "-- a comment; not a statement\nSELECT 1;\nSELECT ';' AS x\nFROM t;\n"
    assert statements(block) == ["SELECT 1", "SELECT ';' AS x\nFROM t"]
