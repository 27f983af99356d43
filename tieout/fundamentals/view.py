"""A company's statements across its filings: concept x fiscal period, each value from the latest filing.

A store holds one row per printed number, so a company's net income for fiscal 1995 is
printed in its 1995, 1996 and 1997 10-Ks, in the statement of operations, the five-year
summary, the cash-flow statement and the EX-27 schedule, under period strings that differ
by a few days. This module turns those rows into the series an analyst reads:

    candidates      facts with a concept and a period, of one company (``documents.cik``)
    filing_values   per filing and (concept, fiscal period): the one value that filing gives,
                    from its primary statement first, then its EX-27 schedule, then any other
                    table (pro forma columns, statements of shareholders' equity and values in
                    a unit the concept is not reported in are left out)
    cross-filing    the same concept and fiscal period in two filings must agree within
                    rounding (their intervals meet, DESIGN.md); a later value that does not is
                    a restatement, recorded beside the earlier one
    series          the latest filing's value per (concept, fiscal period), with its source
                    (document, line), its check status and the filing; a fourth quarter that no
                    filing prints is the year minus nine months, marked ``derived``

A fiscal period is ``(fy, fp)`` from the store (``tieout.fundamentals.fiscal``); a filing
whose fiscal year end is unknown keys its values on (period end, months) instead.
Values stay ``Decimal``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from tieout.errors import InputError

STATEMENTS = ("income", "balance", "cashflow")
PERIODS = ("annual", "quarterly")
QUARTERS = ("Q1", "Q2", "Q3", "Q4")
# the future Fact.stmt codes (BS/IS/CF/EQ) -> statement names
STMT_CODES = {"BS": "balance", "IS": "income", "CF": "cashflow", "EQ": "equity"}

_PRIMARY_TITLE = {
    "income": re.compile(r"statements? of (consolidated )?(operations|income|earnings|loss)"
                         r"|income statements?|results of operations", re.IGNORECASE),
    "balance": re.compile(r"balance sheets?|financial (position|condition)", re.IGNORECASE),
    "cashflow": re.compile(r"cash flows?", re.IGNORECASE),
}
_INSTANT_OF = {"H1": "Q2", "9M": "Q3", "H2": "FY"}  # a flow's fiscal period -> the instant at its end
_PRO_FORMA = re.compile(r"pro ?-?forma", re.IGNORECASE)
_EQUITY_STATEMENT = re.compile(r"(share|stock)holders'? (equity|investment)|changes in equity", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Value:
    """One value of a concept for one fiscal period, as one filing gives it."""

    concept: str
    key: tuple  # ("fiscal", fy, fp) or ("end", period_end, months)
    fy: int | None
    fp: str | None
    period: str
    period_end: str
    months: int
    value: Decimal
    low: Decimal
    high: Decimal
    unit: str
    doc_id: str
    fact_id: int
    document: str
    line: int
    label: str
    table: str
    source: str
    accession: str
    form: str
    filed: str
    report_period: str
    order: tuple  # the filing's place in time: later filings sort after earlier ones
    rank: int  # 0 primary statement, 1 EX-27, 2 another table


def concept_order() -> dict[str, tuple[int, str]]:
    """concept -> (position, statement) from the vocabulary as it is, then the EX-27 tags."""
    order: dict[str, tuple[int, str]] = {}
    try:
        from tieout.concepts.vocabulary import VOCABULARY
    except ImportError:  # pragma: no cover - the concept layer is part of tieout
        VOCABULARY = ()
    for entry in VOCABULARY:
        concept, kinds = entry[0], entry[1]
        if concept in order:
            continue
        kinds = set(kinds) if not isinstance(kinds, str) else {kinds}
        statement = ("balance" if "balance" in kinds else "income" if "operations" in kinds
                     else "cashflow" if "cashflow" in kinds else "income" if "highlights" in kinds else "")
        order[concept] = (len(order), statement)
    try:
        from tieout.ex27.tags import TAG_CONCEPTS
    except ImportError:  # pragma: no cover
        TAG_CONCEPTS = {}
    for concept in TAG_CONCEPTS.values():
        order.setdefault(concept, (len(order), ""))
    return order


def statement_of(concept: str, stmt: str, months: int, title: str, order: dict) -> str:
    """The statement a fact's concept belongs to: its ``stmt`` where the store has one, the
    vocabulary's, else its table's title, else balance for an instant and income for a flow."""
    if stmt:
        return STMT_CODES.get(stmt, stmt.lower())
    known = order.get(concept, (0, ""))[1]
    if known:
        return known
    for name, pattern in _PRIMARY_TITLE.items():
        if title and pattern.search(title):
            return name
    return "balance" if months == 0 else "income"


def _key(fy, fp, period_end, months) -> tuple:
    if fy is not None and fp is not None:
        return ("fiscal", int(fy), fp)
    return ("end", period_end, int(months))


def _in_view(value: Value, statement: str, period: str) -> bool:
    months = value.months
    if statement == "balance" and months != 0:
        return False
    if statement == "income" and months == 0:
        return False
    fp = value.fp
    if period == "annual":
        if value.key[0] == "fiscal":
            return fp == "FY"
        return months == 12
    if value.key[0] == "fiscal":
        return fp in QUARTERS or (months == 0 and fp == "FY")
    return months in (0, 3)


def resolve_cik(store, cik) -> str | None:
    """The CIK whose documents to read: ``cik`` as stored (leading zeros or not); with no
    ``cik``, the one company the store holds. InputError when there is no such company."""
    rows = store.con.execute(
        "SELECT coalesce(cik, ''), any_value(company), count(*) FROM documents WHERE status = 'ok' "
        "GROUP BY 1 ORDER BY 1").fetchall()
    if cik is None or str(cik).strip() == "":
        if len(rows) == 1:
            return rows[0][0]
        if not rows:
            raise InputError(f"{store.path}: the store holds no document; ingest some first")
        named = ", ".join(f"{c or '(none)'} {name or ''}".strip() for c, name, _ in rows[:10])
        raise InputError(f"{store.path}: the store holds {len(rows)} companies; choose one with --cik ({named})")
    wanted = str(cik).strip().lstrip("0")
    if not wanted.isdigit():
        raise InputError(f"--cik {cik}: a CIK is a number, e.g. 320193")
    for stored, _, _ in rows:
        if stored.lstrip("0") == wanted:
            return stored
    raise InputError(f"{store.path}: no document of CIK {cik} in the store")


def candidate_values(store, cik: str | None) -> list[Value]:
    """Every fact of the company that has a concept, a readable period and a value."""
    stmt = "coalesce(f.stmt, '')"
    rows = store.con.execute(
        f"""SELECT f.concept, f.fy, f.fp, f.period, f.period_end, f.months, f.value_text,
                   coalesce(f.low_text, f.value_text), coalesce(f.high_text, f.value_text), f.unit,
                   f.doc_id, f.fact_id, f.document, f.line, f.label, coalesce(f.table_title, ''),
                   f.source, coalesce(f.column_header, ''), {stmt},
                   coalesce(d.accession, ''), coalesce(d.form_type, ''), coalesce(d.filed, ''),
                   coalesce(d.period, ''), d.path
            FROM facts f JOIN documents d USING (doc_id)
            WHERE d.status = 'ok' AND coalesce(d.cik, '') = ? AND f.concept <> ''
              AND f.period_end IS NOT NULL AND f.months IS NOT NULL AND f.value_text IS NOT NULL""",
        [cik or ""]).fetchall()
    order = concept_order()
    values = []
    for (concept, fy, fp, period, period_end, months, value, low, high, unit, doc_id, fact_id, document,
         line, label, title, source, header, stmt_code, accession, form, filed, report_period, path) in rows:
        if _PRO_FORMA.search(title) or _PRO_FORMA.search(header):
            continue
        statement = statement_of(concept, stmt_code, months, title, order)
        if source == "ex27":
            rank = 1
        elif _PRIMARY_TITLE.get(statement) and _PRIMARY_TITLE[statement].search(title):
            rank = 0
        elif statement != "balance" and _EQUITY_STATEMENT.search(title):
            continue  # a statement of shareholders' equity repeats net income among its columns
        else:
            rank = 2
        if statement == "balance" and months:  # a balance in a column of flows: the instant at its end
            fp, months = _INSTANT_OF.get(fp, fp), 0
            rank = max(rank, 2)
        values.append((statement, Value(
            concept, _key(fy, fp, period_end, months), fy, fp, period, period_end, months,
            Decimal(value), Decimal(low), Decimal(high), unit, doc_id, fact_id, document, line, label, title,
            source, accession, form, filed, report_period, (filed or report_period, report_period, accession, path),
            rank)))
    # a concept is reported in one unit: its most common one (a misread EX-11 'USD/share' net income
    # or a percent-change column does not stand beside the dollars)
    counts: dict[tuple[str, str], int] = {}
    for _, v in values:
        counts[(v.concept, v.unit)] = counts.get((v.concept, v.unit), 0) + 1
    unit_of: dict[str, str] = {}
    for (concept, unit), n in sorted(counts.items(), key=lambda item: -item[1]):
        unit_of.setdefault(concept, unit)
    return [(statement, v) for statement, v in values if unit_of[v.concept] == v.unit]


def filing_values(values) -> dict[tuple, list[Value]]:
    """(statement, concept, key) -> one Value per filing, earliest filing first."""
    best: dict[tuple, Value] = {}
    for statement, v in values:
        slot = (statement, v.concept, v.key, v.doc_id)
        held = best.get(slot)
        if held is None or (v.rank, v.document, v.line) < (held.rank, held.document, held.line):
            best[slot] = v
    grouped: dict[tuple, list[Value]] = {}
    for (statement, concept, key, _), v in best.items():
        grouped.setdefault((statement, concept, key), []).append(v)
    for slot, chain in grouped.items():
        # a statement or a schedule outranks a note or a summary: where any filing gives the figure
        # in one, the others' notes (a pro forma paragraph's table) neither supply nor restate it
        if any(v.rank < 2 for v in chain):
            chain = [v for v in chain if v.rank < 2]
        grouped[slot] = sorted(chain, key=lambda v: v.order)
    return grouped


def agree(a: Value, b: Value) -> bool:
    """Two printed values of one figure agree when their rounding intervals meet."""
    return max(a.low, b.low) <= min(a.high, b.high)


def restatement_rows(grouped: dict[tuple, list[Value]]) -> list[dict]:
    """Each later filing's value that its earlier filing's value does not meet: a restatement."""
    rows = []
    for (statement, concept, key), chain in grouped.items():
        for earlier, later in zip(chain, chain[1:]):
            if not agree(earlier, later):
                rows.append({
                    "statement": statement, "concept": concept, "fy": later.fy, "fp": later.fp,
                    "period_end": later.period_end, "months": later.months, "unit": later.unit,
                    "value": later.value, "earlier_value": earlier.value,
                    "difference": later.value - earlier.value,
                    "accession": later.accession, "document": later.document, "line": later.line,
                    "earlier_accession": earlier.accession, "earlier_document": earlier.document,
                    "earlier_line": earlier.line, "doc_id": later.doc_id, "earlier_doc_id": earlier.doc_id,
                })
    return rows


def check_statuses(store, doc_ids) -> dict[tuple[str, int], str]:
    """(doc_id, fact_id) -> the worst status of the checks naming the fact: fail, pass, unverifiable."""
    doc_ids = sorted(set(doc_ids))
    if not doc_ids:
        return {}
    rows = store.con.execute(
        f"""SELECT doc_id, fact_id, CASE WHEN bool_or(status = 'fail') THEN 'fail'
                   WHEN bool_or(status = 'pass') THEN 'pass' ELSE 'unverifiable' END
            FROM (SELECT doc_id, unnest(fact_ids) AS fact_id, status FROM checks
                  WHERE doc_id IN ({', '.join('?' * len(doc_ids))}))
            GROUP BY 1, 2""", doc_ids).fetchall()
    return {(doc_id, fact_id): status for doc_id, fact_id, status in rows}


def _cell(v: Value, chain: list[Value], statuses, restated: dict) -> dict:
    prior = restated.get((v.concept, v.key, v.doc_id))
    return {
        "concept": v.concept, "fy": v.fy, "fp": v.fp, "period_end": v.period_end, "months": v.months,
        "value": v.value, "unit": v.unit, "low": v.low, "high": v.high,
        "document": v.document, "line": v.line, "label": v.label, "table": v.table, "source": v.source,
        "check": statuses.get((v.doc_id, v.fact_id), "unchecked"),
        "accession": v.accession, "form": v.form, "filed": v.filed, "doc_id": v.doc_id,
        "filings": len(chain), "restated": prior is not None,
        "restated_from": None if prior is None else prior["earlier_value"],
        "restated_accession": None if prior is None else prior["earlier_accession"],
        "derived": False,
    }


def column_ends(chains) -> dict[tuple, str]:
    """key -> the period end heading its column: as the filing whose own period it is dates it,
    else the end most values give (the earliest among equals)."""
    ends: dict[tuple, dict[str, int]] = {}
    own: dict[tuple, str] = {}
    for chain in chains:
        for v in chain:
            counts = ends.setdefault(v.key, {})
            counts[v.period_end] = counts.get(v.period_end, 0) + 1
            if v.report_period == v.period_end:
                own.setdefault(v.key, v.period_end)
    return {key: own.get(key) or min(counts, key=lambda end: (-counts[end], end)) for key, counts in ends.items()}


def financial_values(store, cik=None, statement: str = "income", period: str = "annual"):
    """The financials view in long form: one row per (concept, fiscal period), with its source."""
    import pandas as pd

    if statement not in STATEMENTS:
        raise InputError(f"statement {statement!r}: one of {', '.join(STATEMENTS)}")
    if period not in PERIODS:
        raise InputError(f"period {period!r}: one of {', '.join(PERIODS)}")
    cik = resolve_cik(store, cik)
    grouped = filing_values(candidate_values(store, cik))
    restated = {}
    for (stmt, concept, key), chain in grouped.items():
        for earlier, later in zip(chain, chain[1:]):
            if not agree(earlier, later):
                restated[(concept, key, later.doc_id)] = {
                    "earlier_value": earlier.value, "earlier_accession": earlier.accession}
    chosen = {k: chain for k, chain in grouped.items() if k[0] == statement and _in_view(chain[-1], statement, period)}
    statuses = check_statuses(store, {chain[-1].doc_id for chain in chosen.values()})
    column_end = column_ends(chain for chain in chosen.values())
    cells = []
    for (_, concept, key), chain in chosen.items():
        cell = _cell(chain[-1], chain, statuses, restated)
        cell["period_end"] = column_end[key]
        cells.append(cell)
    if period == "quarterly" and statement != "balance":
        derived = derived_fourth_quarters(grouped, statement, {(c["concept"], c["fy"], c["fp"]) for c in cells})
        quarter_ends = {(c["fy"], c["fp"]): c["period_end"] for c in cells}
        for cell in derived:
            cell["period_end"] = quarter_ends.get((cell["fy"], "Q4"), cell["period_end"])
        cells += derived
    order = concept_order()
    frame = pd.DataFrame(cells, columns=list(_cell_columns()))
    if not frame.empty:
        frame["_order"] = [order.get(c, (len(order), ""))[0] for c in frame["concept"]]
        frame = frame.sort_values(["_order", "concept", "period_end"]).drop(columns="_order").reset_index(drop=True)
    return frame


def _cell_columns():
    return ("concept", "fy", "fp", "period_end", "months", "value", "unit", "low", "high", "document",
            "line", "label", "table", "source", "check", "accession", "form", "filed", "doc_id", "filings",
            "restated", "restated_from", "restated_accession", "derived")


def derived_fourth_quarters(grouped, statement: str, present: set) -> list[dict]:
    """Q4 = FY - 9M for a flow no filing prints a fourth quarter of (per-share figures do not add)."""
    by_fiscal: dict[tuple[str, int], dict[str, Value]] = {}
    for (stmt, concept, key), chain in grouped.items():
        if stmt == statement and key[0] == "fiscal" and key[2] in ("FY", "9M") and chain[-1].months:
            by_fiscal.setdefault((concept, key[1]), {})[key[2]] = chain[-1]
    cells = []
    for (concept, fy), parts in by_fiscal.items():
        year, nine = parts.get("FY"), parts.get("9M")
        if year is None or nine is None or (concept, fy, "Q4") in present or "/" in year.unit:
            continue
        cells.append({
            "concept": concept, "fy": fy, "fp": "Q4", "period_end": year.period_end, "months": 3,
            "value": year.value - nine.value, "unit": year.unit, "low": year.low - nine.high,
            "high": year.high - nine.low, "document": year.document, "line": year.line,
            "label": year.label, "table": year.table, "source": "derived", "check": "unverifiable",
            "accession": year.accession, "form": year.form, "filed": year.filed, "doc_id": year.doc_id,
            "filings": 1, "restated": False, "restated_from": None, "restated_accession": None,
            "derived": True,
        })
    return cells


def financials(store, cik=None, statement: str = "income", period: str = "annual"):
    """A company's statement as a pandas DataFrame: rows are concepts in statement order, columns
    period ends (oldest first), cells ``Decimal`` values from the latest filing reporting each.

    ``store`` is an open store or the path of one. Each cell's source, check status, filing,
    restatement and derivation are in ``financial_values`` (the same arguments), one row per cell;
    ``frame.attrs["fiscal_periods"]`` names each column's fiscal period ("FY1995", "Q2 1997").
    """
    opened = None
    if isinstance(store, (str, bytes)) or hasattr(store, "__fspath__"):
        from tieout.store import open_store

        store = opened = open_store(store, read_only=True)
    try:
        cells = financial_values(store, cik, statement, period)
    finally:
        if opened is not None:
            opened.close()
    return cells_to_frame(cells)


def cells_to_frame(cells):
    import pandas as pd

    if cells.empty:
        frame = pd.DataFrame()
        frame.attrs["fiscal_periods"] = {}
        return frame
    concepts = list(dict.fromkeys(cells["concept"]))
    ends = sorted(set(cells["period_end"]))
    frame = pd.DataFrame(index=pd.Index(concepts, name="concept"), columns=pd.Index(ends, name="period_end"),
                         dtype=object)
    names: dict[str, str] = {}
    for row in cells.itertuples(index=False):
        frame.at[row.concept, row.period_end] = row.value
        if row.fy is not None and row.fp is not None and not pd.isna(row.fy):
            names.setdefault(row.period_end, f"FY{int(row.fy)}" if row.fp == "FY" else f"{row.fp} {int(row.fy)}")
    frame = frame.where(frame.notna(), None)
    frame.attrs["fiscal_periods"] = names
    return frame


def restatements(store, cik=None):
    """Every restatement of the company: a later filing's value its earlier one does not meet."""
    import pandas as pd

    cik = resolve_cik(store, cik)
    rows = restatement_rows(filing_values(candidate_values(store, cik)))
    columns = ("statement", "concept", "fy", "fp", "period_end", "months", "unit", "value", "earlier_value",
               "difference", "accession", "document", "line", "earlier_accession", "earlier_document",
               "earlier_line", "doc_id", "earlier_doc_id")
    frame = pd.DataFrame(rows, columns=list(columns))
    return frame.sort_values(["statement", "concept", "period_end"]).reset_index(drop=True) if rows else frame
