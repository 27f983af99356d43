"""Parquet partitions: one file per document per store table, under one folder.

They are the store's tables in another form (same names, same column types), so
they live with the store: the store reads them back (``Store.insert_parquet``),
the batch layer writes them (``tieout.batch.partitions`` names the same functions).

Layout: ``DIR/<table>/<doc_id>.parquet`` (``documents``, ``tables``, ``facts``,
``checks``, ``check_spans``, ``claims``, ``relations``, ``problems``), with the
store's column names and types (DECIMAL(38,10) values, exact text beside them).
A table with no rows for a document has no file. Each file is written to a
temporary name and renamed, so a reader never sees half a file and a re-run
overwrites instead of duplicating. The ``documents`` file is written last: a
document whose ``documents`` partition exists has all its partitions (a run
killed half-way through a document leaves other tables' files without one;
join with ``documents`` to see only whole documents). DuckDB reads the set directly::

    SELECT * FROM read_parquet('DIR/facts/*.parquet')

and Spark with ``spark.read.parquet("DIR/facts")``.
"""

from __future__ import annotations

import os
from pathlib import Path

from tieout.store.schema import DOCUMENT_TABLES, arrow_schema

PARTITION_TABLES = ("documents",) + DOCUMENT_TABLES
WRITE_ORDER = DOCUMENT_TABLES + ("documents",)  # documents last: it marks a whole document


def rows_to_arrow(table: str, rows: list[dict]):
    """Rows of one store table as a pyarrow Table with the store's column types."""
    import pyarrow as pa

    return pa.Table.from_pylist(rows, schema=arrow_schema(table))


def partition_path(root: str | Path, table: str, doc_id: str) -> Path:
    return Path(root) / table / f"{doc_id}.parquet"


def write_partitions(rows: dict[str, list[dict]], root: str | Path) -> list[Path]:
    """Write one document's rows; returns the files written."""
    import pyarrow.parquet as pq

    doc_id = rows["documents"][0]["doc_id"]
    written = []
    for table in WRITE_ORDER:
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


def partition_index(root: str | Path) -> dict[str, tuple[int, int, str, str]]:
    """path -> (size, -1, doc_id, status) from the ``documents`` partitions under ``root``.

    The file index of a Parquet-only ingest: no mtime is kept, so a re-run
    hashes each file and skips those whose content is already there.
    """
    import duckdb

    folder = Path(root) / "documents"
    if not folder.is_dir() or not any(folder.glob("*.parquet")):
        return {}
    pattern = str(folder / "*.parquet").replace("'", "''")
    rows = duckdb.connect().execute(
        f"SELECT path, size, doc_id, status FROM read_parquet('{pattern}') ORDER BY ingested_at"
    ).fetchall()
    return {path: (size or 0, -1, doc_id, status) for path, size, doc_id, status in rows}
