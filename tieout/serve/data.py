"""Reading the store for the web pages: small functions from a read-only connection to rows.

Every query is parameterised (document text and user input never reach SQL
as text), and a document id is accepted only in the store's shape (a SHA-256
in hex), so no request can name anything but a row of the store.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

DOC_ID = re.compile(r"[0-9a-f]{64}")

# the facts page's columns: (name, heading, SQL expression to sort by)
FACT_COLUMNS = (
    ("fact_id", "#", "fact_id"),
    ("table_title", "table", "table_id, fact_id"),
    ("label", "label", "lower(label)"),
    ("path", "path", "array_to_string(path, ' / ')"),
    ("period", "period", "period"),
    ("column_header", "column", "table_id, column_index, fact_id"),
    ("display", "as printed", "fact_id"),
    ("value_text", "value", "value"),
    ("unit", "unit", "unit"),
    ("scale", "scale", "try_cast(scale AS DOUBLE)"),
    ("concept", "concept", "concept"),
    ("line", "line", "line, col"),
    ("status", "checks", "status_rank"),
)
SORTS = {name: expr for name, _, expr in FACT_COLUMNS}
# a fact's verdict, in the words the document view and the checks use: a check on it fails, one
# passes (none fails), its checks are all unverifiable, or no check involves it
FACT_STATUSES = {"fail": "fail", "pass": "pass", "unverifiable": "unverifiable", "none": "not checked"}

HOME_STATUSES = {"all": "TRUE", "fail": "n_fail > 0", "clean": "n_fail = 0 AND status = 'ok'",
                 "error": "status <> 'ok'"}


def valid_doc_id(doc_id: str) -> bool:
    return bool(DOC_ID.fullmatch(doc_id or ""))


def _dicts(cursor) -> list[dict]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def existing_tables(con) -> set[str]:
    return {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}


def list_documents(con, *, q: str = "", form: str = "", status: str = "all") -> list[dict]:
    where = [HOME_STATUSES.get(status, "TRUE")]
    params: list = []
    if q:
        where.append("(company ILIKE ? OR name ILIKE ? OR cik ILIKE ? OR accession ILIKE ? OR period ILIKE ?)")
        params += [f"%{q}%"] * 5
    if form:
        where.append("form_type = ?")
        params.append(form)
    sql = ("SELECT doc_id, name, company, cik, form_type, period, filed, status, error, n_tables, n_facts, "
           "n_pass, n_fail, n_unverifiable, size FROM documents WHERE " + " AND ".join(where)
           + " ORDER BY lower(coalesce(nullif(company, ''), name)), period, name")
    return _dicts(con.execute(sql, params))


def form_types(con) -> list[str]:
    return [r[0] for r in con.execute(
        "SELECT DISTINCT form_type FROM documents WHERE coalesce(form_type, '') <> '' ORDER BY 1").fetchall()]


def totals(con) -> dict:
    row = con.execute("SELECT count(*), coalesce(sum(n_facts),0), coalesce(sum(n_pass),0), "
                      "coalesce(sum(n_fail),0), coalesce(sum(n_unverifiable),0) FROM documents").fetchone()
    return dict(zip(("documents", "facts", "pass", "fail", "unverifiable"), row))


def get_document(con, doc_id: str, *, text: bool = True) -> dict | None:
    if not valid_doc_id(doc_id):
        return None
    # without the text: every other column (a store of schema < 3 has no html_parts)
    columns = "*" if text else "* EXCLUDE (text)"
    rows = _dicts(con.execute(f"SELECT {columns} FROM documents WHERE doc_id = ?", [doc_id]))
    return rows[0] if rows else None


def document_rows(con, doc_id: str, tables: set[str]) -> dict[str, list[dict]]:
    """Facts, claims, checks, check spans and tables of one document, for ``rows_to_view``."""
    def rows(table: str, order: str) -> list[dict]:
        if table not in tables:
            return []
        return _dicts(con.execute(f"SELECT * FROM {table} WHERE doc_id = ? ORDER BY {order}", [doc_id]))
    return {
        "facts": rows("facts", "fact_id"),
        "claims": rows("claims", "claim_id"),
        "checks": rows("checks", "check_id"),
        "spans": rows("check_spans", "check_id"),
        "tables": rows("tables", "table_id"),
    }


_FACT_STATUS_SQL = """
WITH fs AS (
  SELECT unnest(fact_ids) AS fact_id, status FROM checks WHERE doc_id = ?
), st AS (
  SELECT fact_id,
         CASE WHEN bool_or(status = 'fail') THEN 'fail' WHEN bool_or(status = 'pass') THEN 'pass'
              ELSE 'unverifiable' END AS status,
         count(*) AS n_checks
  FROM fs GROUP BY fact_id
)
SELECT f.*, coalesce(st.status, 'none') AS status, coalesce(st.n_checks, 0) AS n_checks,
       CASE coalesce(st.status, 'none') WHEN 'fail' THEN 0 WHEN 'unverifiable' THEN 1 WHEN 'none' THEN 2
            ELSE 3 END AS status_rank
FROM facts f LEFT JOIN st USING (fact_id)
WHERE f.doc_id = ? {where}
ORDER BY {order}
"""


def document_facts(con, doc_id: str, *, q: str = "", status: str = "", table: int | None = None,
                   sort: str = "fact_id", descending: bool = False) -> list[dict]:
    """One document's facts with the verdict of their checks, filtered and sorted."""
    where, params = [], []
    if q:
        where.append("(f.label ILIKE ? OR array_to_string(f.path, ' / ') ILIKE ? OR f.period ILIKE ? "
                     "OR f.display ILIKE ? OR f.concept ILIKE ? OR f.table_title ILIKE ?)")
        params += [f"%{q}%"] * 6
    if status in FACT_STATUSES:
        where.append("coalesce(st.status, 'none') = ?")
        params.append(status)
    if table is not None:
        where.append("f.table_id = ?")
        params.append(table)
    order = SORTS.get(sort, "fact_id")
    order = ", ".join(f"{part.strip()} {'DESC' if descending else 'ASC'}" for part in order.split(","))
    sql = _FACT_STATUS_SQL.format(where="".join(" AND " + w for w in where), order=order)
    return _dicts(con.execute(sql, [doc_id, doc_id, *params]))


def document_tables(con, doc_id: str) -> list[dict]:
    return _dicts(con.execute(
        "SELECT table_id, document, title, note, first_line, last_line, columns, rows FROM tables "
        "WHERE doc_id = ? ORDER BY table_id",
        [doc_id]))


def table_facts(con, doc_id: str, table_id: int) -> list[dict]:
    return _dicts(con.execute(
        # every column: a store of schema 1 (opened read-only, so not migrated) has no column_header
        "SELECT * FROM facts WHERE doc_id = ? AND table_id = ? AND value IS NOT NULL ORDER BY row_index, column_index",
        [doc_id, table_id]))


def company_documents(con, company: str) -> list[dict]:
    return _dicts(con.execute(
        "SELECT doc_id, name, form_type, period, filed FROM documents WHERE company = ? ORDER BY period, filed",
        [company]))


def company_labels(con, company: str, limit: int = 400) -> list[dict]:
    """Labels (and concepts) that appear in the company's facts, most documents first."""
    return _dicts(con.execute(
        "SELECT f.label, any_value(f.concept) AS concept, count(DISTINCT f.doc_id) AS n_docs, count(*) AS n "
        "FROM facts f JOIN documents d USING (doc_id) WHERE d.company = ? AND f.value IS NOT NULL "
        "AND coalesce(f.label, '') <> '' GROUP BY f.label ORDER BY n_docs DESC, n DESC, f.label LIMIT ?",
        [company, limit]))


def company_concepts(con, company: str, limit: int = 400) -> list[dict]:
    """Concepts of the company's facts, most documents first, each with its commonest label."""
    return _dicts(con.execute(
        "SELECT f.concept, mode(f.label) AS label, count(DISTINCT f.doc_id) AS n_docs, count(*) AS n "
        "FROM facts f JOIN documents d USING (doc_id) WHERE d.company = ? AND f.value IS NOT NULL "
        "AND coalesce(f.concept, '') <> '' GROUP BY f.concept ORDER BY n_docs DESC, n DESC, f.concept LIMIT ?",
        [company, limit]))


def company_series(con, company: str, *, label: str = "", concept: str = "") -> list[dict]:
    """Every fact of the company with this label (case-insensitive) or concept, across documents,
    with where it was read (table, column, document, line)."""
    if concept:
        cond, value = "f.concept = ?", concept
    else:
        cond, value = "lower(f.label) = lower(?)", label
    # f.*: a store of schema 1 (opened read-only, so not migrated) has no column_header
    return _dicts(con.execute(
        "SELECT f.*, d.name, d.form_type, d.filed, d.period AS doc_period "
        f"FROM facts f JOIN documents d USING (doc_id) WHERE d.company = ? AND {cond} "
        "AND f.value IS NOT NULL AND coalesce(f.period, '') <> '' ORDER BY f.period, d.filed, f.fact_id",
        [company, value]))


def mining_facts(con, doc_id: str) -> list[dict]:
    """Facts that look like per-mine production or cash cost (by unit or label)."""
    return _dicts(con.execute(
        "SELECT fact_id, label, path, period, value_text, unit, display, table_title, line FROM facts "
        "WHERE doc_id = ? AND value IS NOT NULL AND ("
        " regexp_matches(lower(label), 'cash cost|production|produced|ounces|tons milled|ore milled')"
        " OR regexp_matches(lower(coalesce(unit, '')), 'oz|ton|lb|pound'))"
        " ORDER BY table_id, row_index, column_index", [doc_id]))


def row_get(row: Mapping, key: str, default=""):
    value = row.get(key)
    return default if value is None else value
