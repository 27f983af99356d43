"""Exports of a store: Parquet, CSV, JSON (by DuckDB's COPY), Excel (tieout.render.excel) and the
SEC's Financial Statement Data Sets layout (``fsds``: a folder of sub/num/pre/tag/chk.txt, tieout.store.fsds).

An output path ending in the format's extension is one file holding one table
(``facts`` unless told); any other path is a folder holding one file per store
table (``documents.parquet``, ``facts.parquet``, ...). JSON is newline-delimited
(one object per line), the form DuckDB, Spark and pandas read in bulk.
DECIMAL values keep their exact digits in every format.
"""

from __future__ import annotations

from pathlib import Path

from tieout.errors import InputError
from tieout.store.schema import TABLES

EXTENSIONS = {"parquet": ".parquet", "csv": ".csv", "json": ".json", "xlsx": ".xlsx"}
COPY_OPTIONS = {"parquet": "(FORMAT PARQUET, COMPRESSION ZSTD)", "csv": "(FORMAT CSV, HEADER)",
                "json": "(FORMAT JSON)"}
MAX_SHEETS = 1000


def export_store(store, fmt: str, output: str | Path, *, table: str = "facts", docs=()) -> str:
    output = Path(output)
    if fmt == "fsds":
        from tieout.store.fsds import export_fsds

        return export_fsds(store, output)
    if fmt == "xlsx":
        return _export_xlsx(store, output, docs)
    if table not in TABLES:
        raise InputError(f"no table {table!r} (one of {', '.join(TABLES)})")
    if output.suffix.lower() == EXTENSIONS[fmt]:
        output.parent.mkdir(parents=True, exist_ok=True)
        _copy(store, table, output, fmt)
        return str(output)
    if output.exists() and not output.is_dir():
        raise InputError(f"{output}: exists and is not a folder")
    output.mkdir(parents=True, exist_ok=True)
    for name in TABLES:
        _copy(store, name, output / f"{name}{EXTENSIONS[fmt]}", fmt)
    return f"{output}/ ({len(TABLES)} tables)"


def _copy(store, table: str, target: Path, fmt: str) -> None:
    quoted = str(target).replace("'", "''")
    store.con.execute(f"COPY (SELECT * FROM {table}) TO '{quoted}' {COPY_OPTIONS[fmt]}")


def select_documents(store, docs) -> list[str]:
    """doc_ids whose doc_id starts with, or path contains, any of ``docs`` (all when empty)."""
    if not docs:
        return [r[0] for r in store.con.execute(
            "SELECT doc_id FROM documents WHERE status = 'ok' ORDER BY path").fetchall()]
    found: list[str] = []
    for text in docs:
        found += [r[0] for r in store.con.execute(
            "SELECT doc_id FROM documents WHERE status = 'ok' AND (starts_with(doc_id, ?) "
            "OR contains(path, ?)) ORDER BY path", [text, text]).fetchall()]
    if not found:
        raise InputError(f"no stored document matches {', '.join(docs)}")
    return list(dict.fromkeys(found))


def document_rows(store, doc_id: str) -> dict[str, list[dict]]:
    """One document's rows back from the store, in the shape ``report_rows`` makes."""
    rows = {}
    for table in TABLES:
        if table == "files":
            continue
        cursor = store.con.execute(f"SELECT * FROM {table} WHERE doc_id = ?", [doc_id])
        columns = [d[0] for d in cursor.description]
        rows[table] = [dict(zip(columns, row)) for row in cursor.fetchall()]
    return rows


def _export_xlsx(store, output: Path, docs) -> str:
    from tieout.render.excel import rows_to_workbook

    doc_ids = select_documents(store, docs)
    n_tables = store.con.execute(
        f"SELECT count(*) FROM tables WHERE doc_id IN ({', '.join('?' * len(doc_ids))})",
        doc_ids).fetchone()[0] if doc_ids else 0
    if n_tables > MAX_SHEETS:
        raise InputError(f"{n_tables} tables are too many sheets for one workbook "
                         f"(at most {MAX_SHEETS}); choose documents with --doc")
    workbook = rows_to_workbook([document_rows(store, doc_id) for doc_id in doc_ids])
    output.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(output)
    return f"{output} ({len(doc_ids)} documents, {n_tables} tables)"
