"""Parquet partitions: one file per document per store table, under one folder.

Layout: ``DIR/<table>/<doc_id>.parquet`` (``documents``, ``tables``, ``facts``,
``checks``, ``check_spans``, ``claims``, ``relations``, ``problems``), with the
store's column names and types (DECIMAL(38,10) values, exact text beside them).
A table with no rows for a document has no file. Each file is written to a
temporary name and renamed, so a reader never sees half a file and a re-run
overwrites instead of duplicating. DuckDB reads the set directly::

    SELECT * FROM read_parquet('DIR/facts/*.parquet')

and Spark with ``spark.read.parquet("DIR/facts")``.
"""

from __future__ import annotations

import os
from pathlib import Path

from tieout.store.schema import DOCUMENT_TABLES

PARTITION_TABLES = ("documents",) + DOCUMENT_TABLES


def partition_path(root: str | Path, table: str, doc_id: str) -> Path:
    return Path(root) / table / f"{doc_id}.parquet"


def write_partitions(rows: dict[str, list[dict]], root: str | Path) -> list[Path]:
    """Write one document's rows; returns the files written."""
    import pyarrow.parquet as pq

    from tieout.store import rows_to_arrow

    doc_id = rows["documents"][0]["doc_id"]
    written = []
    for table in PARTITION_TABLES:
        target = partition_path(root, table, doc_id)
        if not rows.get(table):
            target.unlink(missing_ok=True)  # a re-run of a changed reader leaves no stale rows
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        pq.write_table(rows_to_arrow(table, rows[table]), temporary, compression="zstd")
        os.replace(temporary, target)
        written.append(target)
    return written


def read_partitions(root: str | Path, doc_id: str) -> dict[str, list[dict]]:
    """One document's rows back from its partition files (missing file = no rows)."""
    import pyarrow.parquet as pq

    rows: dict[str, list[dict]] = {}
    for table in PARTITION_TABLES:
        target = partition_path(root, table, doc_id)
        rows[table] = pq.read_table(target).to_pylist() if target.exists() else []
    return rows
