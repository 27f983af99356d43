"""A Report as rows, one list of dicts per store table.

Pure functions: the same rows go into DuckDB (in the ingest parent), into
Parquet partitions (on a Dask worker) and across process boundaries (a pool
worker returns them), so what is stored never depends on where it was made.
Numbers stay ``Decimal``: ``value`` is the fact quantized to the store's
DECIMAL(38,10), ``value_text`` the exact decimal string, never rounded.
"""

from __future__ import annotations

import datetime as _dt
import json
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation

from tieout.fundamentals.fiscal import fiscal_period, infer_fiscal_year_end, period_end_and_months
from tieout.model import Check, Claim, Fact, Problem, Relation, Report, Table
from tieout.store.schema import DOCUMENT_TABLES, TABLES

_TEN_PLACES = Decimal("1e-10")
_DECIMAL_LIMIT = Decimal("1e28")  # DECIMAL(38,10) holds 28 digits before the point


def decimal_text(value: Decimal | None) -> str | None:
    """The exact decimal string, without exponent notation ("5.018E+6" -> "5018000")."""
    if value is None:
        return None
    text = format(value, "f")
    return text


def decimal_38_10(value: Decimal | None) -> Decimal | None:
    """``value`` as the store's DECIMAL(38,10) holds it, or None when it does not fit."""
    if value is None or not value.is_finite() or abs(value) >= _DECIMAL_LIMIT:
        return None
    try:
        return value.quantize(_TEN_PLACES, rounding=ROUND_HALF_EVEN)
    except InvalidOperation:
        return None


def _text(value) -> str | None:
    return None if value is None else str(value)


def table_row(doc_id: str, table_id: int, table: Table) -> dict:
    columns = [{"header": c.header, "period": c.period, "kind": c.kind} for c in table.columns]
    rows = [
        {
            "label": r.label, "path": list(r.path), "line": r.line, "label_line": r.label_line,
            "indent": r.indent, "rule_above": r.rule_above, "rule_below": r.rule_below,
            "unit": r.unit, "heading": r.heading,
        }
        for r in table.rows
    ]
    return {
        "doc_id": doc_id, "table_id": table_id, "document": table.document,
        "table_index": table.index, "title": table.title, "note": table.note,
        "scale": decimal_text(table.scale), "first_line": table.first, "last_line": table.last,
        "columns": json.dumps(columns), "rows": json.dumps(rows),
        "shares_scale": decimal_text(table.shares_scale),
    }


def fact_row(doc_id: str, fact: Fact, table_id: int | None, fiscal_year_end: str = "") -> dict:
    """A fact's row; ``fiscal_year_end`` (MMDD) places its period in the filer's fiscal calendar."""
    fy, fp = fiscal_period(fact.period, fiscal_year_end)
    period_end, months = period_end_and_months(fact.period)
    return {
        "doc_id": doc_id, "fact_id": fact.id, "document": fact.document, "table_id": table_id,
        "table_title": fact.table, "row_index": fact.row_index, "column_index": fact.column_index,
        "label": fact.label, "path": list(fact.path), "period": fact.period,
        "value": decimal_38_10(fact.value), "value_text": decimal_text(fact.value),
        "unit": fact.unit, "display": fact.display, "scale": decimal_text(fact.scale),
        "scale_source": fact.scale_source, "decimals": fact.decimals, "line": fact.line,
        "col": fact.col, "end_col": fact.end_col, "concept": fact.concept, "source": fact.source,
        "low_text": decimal_text(fact.low), "high_text": decimal_text(fact.high),
        "column_header": fact.column_header, "fy": fy, "fp": fp, "period_end": period_end,
        "months": months, "stmt": fact.stmt, "is_total": fact.is_total,
    }


def check_row(doc_id: str, check_id: int, check: Check) -> dict:
    return {
        "doc_id": doc_id, "check_id": check_id, "document": check.document, "rule": check.rule,
        "status": check.status, "message": check.message, "expected": check.expected,
        "actual": check.actual, "slack": check.slack, "fact_ids": list(check.facts),
        "claim_ids": list(check.claims), "lines": check.lines,
    }


def claim_row(doc_id: str, claim: Claim) -> dict:
    return {
        "doc_id": doc_id, "claim_id": claim.id, "document": claim.document,
        "sentence": claim.sentence, "text": claim.text, "value": decimal_text(claim.value),
        "unit": claim.unit, "low": decimal_text(claim.low), "high": decimal_text(claim.high),
        "qualifier": claim.qualifier, "about": claim.about, "period": claim.period,
        "line": claim.line, "col": claim.col, "end_col": claim.end_col,
    }


def relation_row(doc_id: str, relation_id: int, relation: Relation) -> dict:
    return {
        "doc_id": doc_id, "relation_id": relation_id, "kind": relation.kind, "name": relation.name,
        "total_fact": relation.total, "item_facts": [fact for fact, _ in relation.items],
        "item_signs": [sign for _, sign in relation.items], "found_by": relation.found_by,
        "confidence": float(relation.confidence),
    }


def problem_row(doc_id: str, problem_id: int, problem: Problem) -> dict:
    return {
        "doc_id": doc_id, "problem_id": problem_id, "stage": problem.stage,
        "severity": problem.severity, "message": problem.message, "line": problem.line,
        "col": problem.col, "end_col": problem.end_col,
    }


def document_row(report: Report, *, seconds: float = 0.0,
                 ingested_at: _dt.datetime | None = None, version: str = "") -> dict:
    filing = report.filing
    statuses = [check.status for check in report.checks]
    return {
        "doc_id": filing.sha256, "path": filing.path, "name": _name(filing.path),
        "size": filing.size, "encoding": filing.encoding, "form_type": filing.form_type,
        "company": filing.company, "cik": filing.cik, "period": filing.period,
        "filed": filing.filed, "accession": filing.accession, "status": "ok", "error": None,
        "n_tables": len(report.tables), "n_facts": len(report.fact_records),
        "n_pass": statuses.count("pass"), "n_fail": statuses.count("fail"),
        "n_unverifiable": statuses.count("unverifiable"), "seconds": float(seconds),
        "ingested_at": ingested_at, "text": "\n".join(filing.raw_lines),
        "n_claims": len(report.claims), "n_relations": len(report.relations),
        "n_problems": len(report.problems) + len(filing.problems), "tieout_version": version,
        "html_parts": json.dumps(html_parts(filing)),
        "sic": filing.sic or None, "fiscal_year_end": report_fiscal_year_end(report) or None,
    }


def report_fiscal_year_end(report: Report) -> str:
    """The filer's fiscal year end (MMDD): its header's, an annual report's period of report,
    else the end of the twelve-month periods its tables print (``""`` when none)."""
    return report.filing.fiscal_year_end or infer_fiscal_year_end(f.period for f in report.fact_records)


def html_parts(filing) -> list[dict]:
    """The HTML documents of a filing and the file lines their markup fills (``documents.html_parts``)."""
    return [{"document": d.name, "first_line": d.html_lines[0], "last_line": d.html_lines[1]}
            for d in filing.documents if d.html_lines is not None]


def failure_row(path: str, doc_id: str, error: str, status: str, *, size: int | None = None,
                seconds: float = 0.0, ingested_at: _dt.datetime | None = None,
                version: str = "") -> dict:
    """The documents row of a file that could not be read ('error') or took too long ('timeout')."""
    row = {column: None for column, _ in TABLES["documents"]}
    row.update(doc_id=doc_id, path=path, name=_name(path), size=size, status=status,
               error=one_line(error), seconds=float(seconds), ingested_at=ingested_at,
               n_tables=0, n_facts=0, n_pass=0, n_fail=0, n_unverifiable=0, n_claims=0,
               n_relations=0, n_problems=0, tieout_version=version)
    return row


def report_rows(report: Report, *, seconds: float = 0.0,
                ingested_at: _dt.datetime | None = None, version: str = "") -> dict[str, list[dict]]:
    """Every store row of one report: {"documents": [one row], "facts": [...], ...}."""
    doc_id = report.filing.sha256
    table_ids = {(table.document, table.index): position for position, table in enumerate(report.tables)}
    check_spans = [
        {"doc_id": doc_id, "check_id": check_id, "line": s.line, "col": s.col, "end_col": s.end_col}
        for check_id, check in enumerate(report.checks) for s in check.spans
    ]
    problems = list(report.filing.problems) + list(report.problems)
    fiscal_year_end = report_fiscal_year_end(report)
    return {
        "documents": [document_row(report, seconds=seconds, ingested_at=ingested_at, version=version)],
        "tables": [table_row(doc_id, position, table) for position, table in enumerate(report.tables)],
        "facts": [
            fact_row(doc_id, fact, None if fact.source != "table"
                     else table_ids.get((fact.document, fact.table_index)), fiscal_year_end)
            for fact in report.fact_records
        ],
        "checks": [check_row(doc_id, check_id, check) for check_id, check in enumerate(report.checks)],
        "check_spans": check_spans,
        "claims": [claim_row(doc_id, claim) for claim in report.claims],
        "relations": [relation_row(doc_id, i, relation) for i, relation in enumerate(report.relations)],
        "problems": [problem_row(doc_id, i, problem) for i, problem in enumerate(problems)],
    }


def failure_rows(path: str, doc_id: str, error: str, status: str, **kwargs) -> dict[str, list[dict]]:
    rows: dict[str, list[dict]] = {name: [] for name in DOCUMENT_TABLES}
    rows["documents"] = [failure_row(path, doc_id, error, status, **kwargs)]
    return rows


def one_line(text: str, limit: int = 500) -> str:
    """An error message squeezed onto one line, as the documents row keeps it."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _name(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]
