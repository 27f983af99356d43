"""Facts -> the exchange formats of ``tieout extract`` (JSON Lines, CSV, JSON, Parquet).

The record layout is an interface other tools are built against; keep the
names. ``value`` is a decimal string in base units (never a float) or null
for a blank cell.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path

from tieout.model import Fact, Report

FIELDS = ("document", "table", "label", "path", "period", "value", "unit", "display", "scale", "line", "col",
          "end_col", "decimals", "scale_source", "concept", "source", "table_index", "row_index", "column_index",
          "id", "column_header", "stmt", "is_total")


def fact_to_record(fact: Fact) -> dict:
    return {
        "document": fact.document,
        "table": fact.table,
        "label": fact.label,
        "path": list(fact.path),
        "period": fact.period,
        "value": None if fact.value is None else _decimal_text(fact.value),
        "unit": fact.unit,
        "display": fact.display,
        "scale": _decimal_text(fact.scale),
        "line": fact.line,
        "col": fact.col,
        "end_col": fact.end_col,
        "decimals": fact.decimals,
        "scale_source": fact.scale_source,
        "concept": fact.concept,
        "source": fact.source,
        "table_index": fact.table_index,
        "row_index": fact.row_index,
        "column_index": fact.column_index,
        "id": fact.id,
        "column_header": fact.column_header,
        "stmt": fact.stmt,
        "is_total": fact.is_total,
    }


def _decimal_text(value) -> str:
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".") if value == value.to_integral_value() else text
    return text


def records(report: Report) -> Iterable[dict]:
    """One record per fact, made as they are written (a large filing is never held twice)."""
    return (fact_to_record(f) for f in report.fact_records)


def write_jsonl(rows: Iterable[dict], out) -> None:
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")


def write_csv(rows: Iterable[dict], out) -> None:
    writer = csv.DictWriter(out, fieldnames=FIELDS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({**row, "path": " > ".join(row["path"])})


def to_json(report: Report, rows: Iterable[dict]) -> str:
    payload = {
        "file": report.filing.path,
        "documents": [d.name for d in report.filing.documents],
        "tables": len(report.tables),
        "facts": list(rows),
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def write_parquet(rows: Iterable[dict], out: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([
        ("document", pa.string()), ("table", pa.string()), ("label", pa.string()),
        ("path", pa.list_(pa.string())), ("period", pa.string()), ("value", pa.string()),
        ("unit", pa.string()), ("display", pa.string()), ("scale", pa.string()), ("line", pa.int32()),
        ("col", pa.int32()), ("end_col", pa.int32()), ("decimals", pa.int32()), ("scale_source", pa.string()),
        ("concept", pa.string()), ("source", pa.string()), ("table_index", pa.int32()),
        ("row_index", pa.int32()), ("column_index", pa.int32()), ("id", pa.int32()),
        ("column_header", pa.string()), ("stmt", pa.string()), ("is_total", pa.bool_()),
    ])
    table = pa.Table.from_pylist(list(rows), schema=schema)
    pq.write_table(table, out)
