"""The DuckDB schema of a tieout store, and the migrations that bring an old store up to date.

The schema is a contract: the web viewer and users' SQL read these names, so
columns are only ever added, never renamed or given a new meaning. Each
change is one entry of ``MIGRATIONS`` (a list of SQL statements); opening a
store applies, in order and in one transaction each, every migration above the
store's ``schema_version``. docs/schema.md documents every column.

Numbers are stored twice: ``DECIMAL(38,10)`` for arithmetic in SQL and the
exact decimal text the reader produced (``value_text``), which never rounds.
"""

from __future__ import annotations

# Each table's columns in order, with DuckDB types. The row builders
# (tieout.store.rows) produce dicts with exactly these keys, and the Parquet
# partitions use the same names, so DuckDB, Parquet and Spark agree.
TABLES: dict[str, tuple[tuple[str, str], ...]] = {
    "documents": (
        ("doc_id", "VARCHAR PRIMARY KEY"),
        ("path", "VARCHAR"),
        ("name", "VARCHAR"),
        ("size", "BIGINT"),
        ("encoding", "VARCHAR"),
        ("form_type", "VARCHAR"),
        ("company", "VARCHAR"),
        ("cik", "VARCHAR"),
        ("period", "VARCHAR"),
        ("filed", "VARCHAR"),
        ("accession", "VARCHAR"),
        ("status", "VARCHAR"),
        ("error", "VARCHAR"),
        ("n_tables", "INTEGER"),
        ("n_facts", "INTEGER"),
        ("n_pass", "INTEGER"),
        ("n_fail", "INTEGER"),
        ("n_unverifiable", "INTEGER"),
        ("seconds", "DOUBLE"),
        ("ingested_at", "TIMESTAMP"),
        ("text", "VARCHAR"),
        # added in version 1 beyond the viewer's contract
        ("n_claims", "INTEGER"),
        ("n_relations", "INTEGER"),
        ("n_problems", "INTEGER"),
        ("tieout_version", "VARCHAR"),
        # added in version 3
        ("html_parts", "JSON"),
        # added in version 4
        ("sic", "VARCHAR"),
        ("fiscal_year_end", "VARCHAR"),
    ),
    "files": (
        ("path", "VARCHAR PRIMARY KEY"),
        ("doc_id", "VARCHAR"),
        ("size", "BIGINT"),
        ("mtime_ns", "BIGINT"),
        ("seen_at", "TIMESTAMP"),
    ),
    "tables": (
        ("doc_id", "VARCHAR"),
        ("table_id", "INTEGER"),
        ("document", "VARCHAR"),
        ("table_index", "INTEGER"),
        ("title", "VARCHAR"),
        ("note", "VARCHAR"),
        ("scale", "VARCHAR"),
        ("first_line", "INTEGER"),
        ("last_line", "INTEGER"),
        ("columns", "JSON"),
        ("rows", "JSON"),
        ("shares_scale", "VARCHAR"),
    ),
    "facts": (
        ("doc_id", "VARCHAR"),
        ("fact_id", "INTEGER"),
        ("document", "VARCHAR"),
        ("table_id", "INTEGER"),
        ("table_title", "VARCHAR"),
        ("row_index", "INTEGER"),
        ("column_index", "INTEGER"),
        ("label", "VARCHAR"),
        ("path", "VARCHAR[]"),
        ("period", "VARCHAR"),
        ("value", "DECIMAL(38,10)"),
        ("value_text", "VARCHAR"),
        ("unit", "VARCHAR"),
        ("display", "VARCHAR"),
        ("scale", "VARCHAR"),
        ("scale_source", "VARCHAR"),
        ("decimals", "INTEGER"),
        ("line", "INTEGER"),
        ("col", "INTEGER"),
        ("end_col", "INTEGER"),
        ("concept", "VARCHAR"),
        ("source", "VARCHAR"),
        ("low_text", "VARCHAR"),
        ("high_text", "VARCHAR"),
        # added in version 2
        ("column_header", "VARCHAR"),
        # added in version 4
        ("fy", "INTEGER"),
        ("fp", "VARCHAR"),
        ("period_end", "VARCHAR"),
        ("months", "INTEGER"),
        ("stmt", "VARCHAR"),
        ("is_total", "BOOLEAN"),
    ),
    "checks": (
        ("doc_id", "VARCHAR"),
        ("check_id", "INTEGER"),
        ("document", "VARCHAR"),
        ("rule", "VARCHAR"),
        ("status", "VARCHAR"),
        ("message", "VARCHAR"),
        ("expected", "VARCHAR"),
        ("actual", "VARCHAR"),
        ("slack", "VARCHAR"),
        ("fact_ids", "INTEGER[]"),
        ("claim_ids", "INTEGER[]"),
        ("lines", "INTEGER[]"),
    ),
    "check_spans": (
        ("doc_id", "VARCHAR"),
        ("check_id", "INTEGER"),
        ("line", "INTEGER"),
        ("col", "INTEGER"),
        ("end_col", "INTEGER"),
    ),
    "claims": (
        ("doc_id", "VARCHAR"),
        ("claim_id", "INTEGER"),
        ("document", "VARCHAR"),
        ("sentence", "VARCHAR"),
        ("text", "VARCHAR"),
        ("value", "VARCHAR"),
        ("unit", "VARCHAR"),
        ("low", "VARCHAR"),
        ("high", "VARCHAR"),
        ("qualifier", "VARCHAR"),
        ("about", "VARCHAR"),
        ("period", "VARCHAR"),
        ("line", "INTEGER"),
        ("col", "INTEGER"),
        ("end_col", "INTEGER"),
    ),
    "relations": (
        ("doc_id", "VARCHAR"),
        ("relation_id", "INTEGER"),
        ("kind", "VARCHAR"),
        ("name", "VARCHAR"),
        ("total_fact", "INTEGER"),
        ("item_facts", "INTEGER[]"),
        ("item_signs", "INTEGER[]"),
        ("found_by", "VARCHAR"),
        ("confidence", "DOUBLE"),
    ),
    "problems": (
        ("doc_id", "VARCHAR"),
        ("problem_id", "INTEGER"),
        ("stage", "VARCHAR"),
        ("severity", "VARCHAR"),
        ("message", "VARCHAR"),
        ("line", "INTEGER"),
        ("col", "INTEGER"),
        ("end_col", "INTEGER"),
    ),
}

# Tables whose rows belong to one document (deleted and rewritten together).
DOCUMENT_TABLES = ("tables", "facts", "checks", "check_spans", "claims", "relations", "problems")


# Columns added after version 1, with the version whose migration adds them.
# Migration 1 creates each table without them, so a new store and an upgraded
# one go through the same migrations and end with the same columns in the same order.
ADDED_IN: dict[tuple[str, str], int] = {
    ("facts", "column_header"): 2,
    ("documents", "html_parts"): 3,
    ("documents", "sic"): 4,
    ("documents", "fiscal_year_end"): 4,
    ("facts", "fy"): 4,
    ("facts", "fp"): 4,
    ("facts", "period_end"): 4,
    ("facts", "months"): 4,
    ("facts", "stmt"): 4,
    ("facts", "is_total"): 4,
}


def create_table_sql(name: str, version: int | None = None) -> str:
    """CREATE TABLE for ``name`` as of schema ``version`` (default: the current schema)."""
    columns = ",\n  ".join(f"{column} {sqltype}" for column, sqltype in TABLES[name]
                           if version is None or ADDED_IN.get((name, column), 1) <= version)
    return f"CREATE TABLE IF NOT EXISTS {name} (\n  {columns}\n)"


def column_names(name: str) -> list[str]:
    return [column for column, _ in TABLES[name]]


def arrow_type(sqltype: str):
    """The pyarrow type a column has in a Parquet partition."""
    import pyarrow as pa

    base = sqltype.split()[0]
    if base.endswith("[]"):
        return pa.list_(arrow_type(base[:-2]))
    return {
        "VARCHAR": pa.string(),
        "JSON": pa.string(),
        "INTEGER": pa.int32(),
        "BIGINT": pa.int64(),
        "DOUBLE": pa.float64(),
        "BOOLEAN": pa.bool_(),
        "TIMESTAMP": pa.timestamp("us"),
        "DECIMAL(38,10)": pa.decimal128(38, 10),
    }[base]


def arrow_schema(name: str):
    import pyarrow as pa

    return pa.schema([(column, arrow_type(sqltype)) for column, sqltype in TABLES[name]])


# Migration i (1-based) brings a store from version i-1 to version i. Append
# only; never edit a released migration. Version 1 is the first schema.
MIGRATIONS: list[list[str]] = [
    # No secondary indexes: DuckDB's ART indexes slow bulk inserts, and a
    # document's rows are only deleted when its file changed.
    [create_table_sql(name, version=1) for name in TABLES],
    # 2: which column of its table a fact is in, by the header as printed (several columns can
    # share a period: a pro forma table's company, acquiree, adjustments and pro forma columns).
    # Facts stored before get the header from their table's ``columns`` JSON; EX-27 facts get "".
    [
        "ALTER TABLE facts ADD COLUMN column_header VARCHAR DEFAULT ''",
        "UPDATE facts SET column_header = coalesce(json_extract_string(t.columns, "
        "'$[' || CAST(facts.column_index AS VARCHAR) || '].header'), '') "
        "FROM tables t WHERE t.doc_id = facts.doc_id AND t.table_id = facts.table_id",
    ],
    # 3: which lines of the file are an HTML document's markup, so the viewer can show it as filed.
    # Documents stored before have NULL (the viewer shows their lines; ``ingest --force`` fills it).
    [
        "ALTER TABLE documents ADD COLUMN html_parts JSON",
    ],
    # 4: the filer's identity and fiscal calendar (documents.sic, fiscal_year_end from the header)
    # and each fact's place in it (fy, fp, period_end, months: tieout.fundamentals.fiscal), and the
    # statement its concept belongs to and whether it is a total (stmt, is_total: tieout.concepts).
    # Rows stored before get period_end and months from their period, and sic and
    # fiscal_year_end from their header text; fy, fp, stmt and is_total stay NULL until ``ingest --force``.
    [
        "ALTER TABLE documents ADD COLUMN sic VARCHAR",
        "ALTER TABLE documents ADD COLUMN fiscal_year_end VARCHAR",
        "ALTER TABLE facts ADD COLUMN fy INTEGER",
        "ALTER TABLE facts ADD COLUMN fp VARCHAR",
        "ALTER TABLE facts ADD COLUMN period_end VARCHAR",
        "ALTER TABLE facts ADD COLUMN months INTEGER",
        "ALTER TABLE facts ADD COLUMN stmt VARCHAR",
        "ALTER TABLE facts ADD COLUMN is_total BOOLEAN",
        "UPDATE documents SET "
        "sic = nullif(regexp_extract(left(text, 20000), 'STANDARD INDUSTRIAL CLASSIFICATION:[^\\n]*\\[([0-9]{4})\\]', 1), ''), "
        "fiscal_year_end = nullif(regexp_extract(left(text, 20000), 'FISCAL YEAR END:[ \\t]*([0-9]{4})', 1), '')",
        "UPDATE facts SET period_end = CASE WHEN contains(period, '/') THEN split_part(period, '/', 2) "
        "ELSE period END, months = CASE WHEN contains(period, '/') THEN CAST(round((date_diff('day', "
        "TRY_CAST(split_part(period, '/', 1) AS DATE), TRY_CAST(split_part(period, '/', 2) AS DATE)) + 1) "
        "/ 30.436875) AS INTEGER) ELSE 0 END WHERE period IS NOT NULL",
    ],
]

SCHEMA_VERSION = len(MIGRATIONS)
