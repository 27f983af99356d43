"""A store in the layout of the SEC's Financial Statement Data Sets: sub, num, pre, tag (+ chk).

Tools built for the SEC's quarterly data sets (``sub.txt``, ``num.txt``, ``pre.txt``,
``tag.txt``: UTF-8, tab-delimited, ``\\n``-terminated, a header line of lower-case names, an
empty field for NULL; readme.htm of the data sets) load a tieout export unchanged. How the
pre-XBRL values fill the SEC's columns:

    sub  one row per stored filing: adsh = the accession (a file without one gets
         ``0000000000-NN-NNNNNN`` from its doc_id), cik, name, sic, fye, form, period and
         filed (yyyymmdd), fy/fp of the period of report, instance = the file's name
    num  one row per value: tag = its concept (version ``us-gaap/tieout``), else a custom tag
         made of its label (version = the adsh, as the SEC gives a filer's own tags); ddate =
         the period end rounded to the nearest month end, qtrs = its length in quarters (0 for
         an instant), uom as XBRL spells it (``USD/shares``), value with four decimals. Where one
         filing prints the same tag and period twice, the primary statement's value is kept
         (then EX-27, then other tables; pro forma columns last)
    pre  one row per (table, row) of those values: report = the table's number in the filing,
         line = the row's, stmt BS/IS/CF/EQ (UN for any other table), rfile T (text) or H (HTML),
         plabel = the label as printed
    tag  one row per (tag, version) used; custom 1 for label tags
    chk  tieout's own: per num row, its check status (fail, pass, unverifiable, unchecked),
         the rules that named it, and where it is printed (document, line, col)
"""

from __future__ import annotations

import calendar
import hashlib
import re
from datetime import date, timedelta
from decimal import ROUND_HALF_EVEN, Decimal
from pathlib import Path

SUB_COLUMNS = ("adsh", "cik", "name", "sic", "countryba", "stprba", "cityba", "zipba", "bas1", "bas2", "baph",
               "countryma", "stprma", "cityma", "zipma", "mas1", "mas2", "countryinc", "stprinc", "ein", "former",
               "changed", "afs", "wksi", "fye", "form", "period", "fy", "fp", "filed", "accepted", "prevrpt",
               "detail", "instance", "nciks", "aciks")
NUM_COLUMNS = ("adsh", "tag", "version", "ddate", "qtrs", "uom", "segments", "coreg", "value", "footnote")
PRE_COLUMNS = ("adsh", "report", "line", "stmt", "inpth", "rfile", "tag", "version", "plabel", "negating")
TAG_COLUMNS = ("tag", "version", "custom", "abstract", "datatype", "iord", "crdr", "tlabel", "doc")
CHK_COLUMNS = ("adsh", "tag", "version", "ddate", "qtrs", "uom", "segments", "coreg", "status", "rules",
               "document", "line", "col", "doc_id", "fact_id")
FILES = {"sub": SUB_COLUMNS, "num": NUM_COLUMNS, "pre": PRE_COLUMNS, "tag": TAG_COLUMNS, "chk": CHK_COLUMNS}

STANDARD_VERSION = "us-gaap/tieout"
UOMS = {"USD/share": "USD/shares", "%": "pure"}
STMT_OF = {"income": "IS", "balance": "BS", "cashflow": "CF", "equity": "EQ"}
_WORD = re.compile(r"[A-Za-z0-9]+")
_FOUR_PLACES = Decimal("0.0001")


def export_fsds(store, output: str | Path) -> str:
    """Write sub.txt, num.txt, pre.txt, tag.txt and chk.txt into the folder ``output``."""
    from tieout.errors import InputError

    output = Path(output)
    if output.exists() and not output.is_dir():
        raise InputError(f"{output}: exists and is not a folder")
    output.mkdir(parents=True, exist_ok=True)
    tables = fsds_rows(store)
    for name, rows in tables.items():
        write_txt(output / f"{name}.txt", FILES[name], rows)
    return f"{output}/ ({len(tables['sub'])} submissions, {len(tables['num'])} values)"


def write_txt(path: Path, columns, rows) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write("\t".join(columns) + "\n")
        for row in rows:
            out.write("\t".join(field(row.get(column)) for column in columns) + "\n")


def field(value) -> str:
    """A value as the SEC's files print it: empty for NULL, no tab or line break inside."""
    if value is None:
        return ""
    text = format(value, "f") if isinstance(value, Decimal) else str(value)
    return " ".join(text.split()) if ("\t" in text or "\n" in text or "\r" in text) else text


def fsds_rows(store) -> dict[str, list[dict]]:
    from tieout.fundamentals.fiscal import fiscal_period
    from tieout.fundamentals.view import (_EQUITY_STATEMENT, _PRIMARY_TITLE, _PRO_FORMA, concept_order,
                                          statement_of)

    documents = store.con.execute(
        "SELECT doc_id, coalesce(accession, ''), coalesce(cik, ''), coalesce(company, ''), sic, "
        "fiscal_year_end, coalesce(form_type, ''), coalesce(period, ''), coalesce(filed, ''), name, "
        "html_parts FROM documents WHERE status = 'ok' ORDER BY filed, accession, path").fetchall()
    adsh_of: dict[str, str] = {}
    subs, html_docs = [], {}
    for doc_id, accession, cik, company, sic, fye, form, period, filed, name, html in documents:
        adsh = accession or synthetic_adsh(doc_id)
        adsh_of[doc_id] = adsh
        html_docs[doc_id] = html or ""
        fy, fp = fiscal_period(period, fye) if period else (None, None)
        subs.append({
            "adsh": adsh, "cik": int(cik) if cik.isdigit() else None, "name": company or None,
            "sic": int(sic) if sic and sic.isdigit() else None, "wksi": 0, "fye": fye, "form": form or None,
            "period": yyyymmdd(month_end(period)) if period else None, "fy": fy, "fp": fp,
            "filed": yyyymmdd(filed) if filed else None,
            "accepted": f"{filed} 00:00:00.0" if filed else None, "prevrpt": 0, "detail": 0,
            "instance": name, "nciks": 1,
        })
    statuses = _check_statuses(store)
    has_stmt = bool(store.con.execute(
        "SELECT count(*) FROM information_schema.columns WHERE table_name = 'facts' AND column_name = 'stmt'"
    ).fetchone()[0])
    facts = store.con.execute(
        f"""SELECT f.doc_id, f.fact_id, f.concept, f.label, f.period_end, f.months, f.value_text, f.unit,
                   coalesce(f.table_title, ''), coalesce(f.column_header, ''), f.source, f.document,
                   f.line, f.col, coalesce(f.table_id, -1), f.row_index, {'coalesce(f.stmt, %s)' % "''" if has_stmt else "''"}
            FROM facts f JOIN documents d USING (doc_id)
            WHERE d.status = 'ok' AND f.value_text IS NOT NULL AND f.period_end IS NOT NULL
              AND f.months IS NOT NULL
            ORDER BY f.doc_id, f.fact_id""").fetchall()
    order = concept_order()
    picked: dict[tuple, tuple] = {}
    for (doc_id, fact_id, concept, label, period_end, months, value, unit, title, header, source, document,
         line, col, table_id, row_index, stmt_code) in facts:
        try:
            end = date.fromisoformat(period_end)
        except ValueError:
            continue
        # a filer's own row ("custom:Name", or an EX-27 tag with no standard concept) is a custom tag
        custom = not concept or ":" in concept
        tag = concept if not custom else concept[7:] if concept.startswith("custom:") else label_tag(label)
        version = STANDARD_VERSION if not custom else adsh_of[doc_id]
        statement = statement_of(concept, stmt_code, months, title, order) if concept else ""
        pro_forma = bool(_PRO_FORMA.search(title) or _PRO_FORMA.search(header))
        primary = any(p.search(title) for p in _PRIMARY_TITLE.values())
        rank = (3 if pro_forma else 0 if primary else 1 if source == "ex27"
                else 2 + bool(_EQUITY_STATEMENT.search(title)))
        uom = UOMS.get(unit, unit or "pure")
        key = (adsh_of[doc_id], tag, version, yyyymmdd(month_end(end.isoformat())), round(months / 3), uom)
        candidate = (rank, document, line, col, doc_id, fact_id, Decimal(value), unit, label, title, source,
                     table_id, row_index, statement, custom, months, stmt_code)
        if key not in picked or candidate[:4] < picked[key][:4]:
            picked[key] = candidate
    nums, chks, pres, tags = [], [], {}, {}
    for key, (rank, document, line, col, doc_id, fact_id, value, unit, label, title, source, table_id,
              row_index, statement, custom, months, stmt_code) in picked.items():
        adsh, tag, version, ddate, qtrs, uom = key
        if unit == "%":
            value = value / 100
        nums.append({"adsh": adsh, "tag": tag, "version": version, "ddate": ddate, "qtrs": qtrs, "uom": uom,
                     "value": value.quantize(_FOUR_PLACES, rounding=ROUND_HALF_EVEN)})
        status, rules = statuses.get((doc_id, fact_id), ("unchecked", ""))
        chks.append({"adsh": adsh, "tag": tag, "version": version, "ddate": ddate, "qtrs": qtrs, "uom": uom,
                     "status": status, "rules": rules, "document": document, "line": line, "col": col,
                     "doc_id": doc_id, "fact_id": fact_id})
        report = table_id + 1 if table_id >= 0 else 0  # EX-27 schedules: report 0
        pre_key = (adsh, report, (row_index or 0) + 1 if table_id >= 0 else line)
        if pre_key not in pres:
            stmt = STMT_OF.get(statement) if statement and rank == 0 else None
            pres[pre_key] = {"adsh": adsh, "report": pre_key[1], "line": pre_key[2],
                             "stmt": stmt or _statement_code(title) or "UN", "inpth": 0,
                             "rfile": "H" if html_docs.get(doc_id, "") not in ("", "[]") else "T",
                             "tag": tag, "version": version, "plabel": label, "negating": 0}
        if (tag, version) not in tags:
            tags[(tag, version)] = {"tag": tag, "version": version, "custom": int(custom), "abstract": 0,
                                    "datatype": datatype(unit), "iord": "I" if months == 0 else "D",
                                    "crdr": None, "tlabel": label if custom else words_of(tag),
                                    "doc": None if custom else "tieout vocabulary concept (US-GAAP element name)"}
    return {"sub": subs, "num": nums, "pre": list(pres.values()), "tag": list(tags.values()), "chk": chks}


def _statement_code(title: str) -> str:
    from tieout.fundamentals.view import _PRIMARY_TITLE

    for name, pattern in _PRIMARY_TITLE.items():
        if title and pattern.search(title):
            return STMT_OF[name]
    return ""


def _check_statuses(store) -> dict[tuple[str, int], tuple[str, str]]:
    rows = store.con.execute(
        """SELECT doc_id, fact_id, CASE WHEN bool_or(status = 'fail') THEN 'fail'
                  WHEN bool_or(status = 'pass') THEN 'pass' ELSE 'unverifiable' END,
                  string_agg(DISTINCT rule, ',' ORDER BY rule)
           FROM (SELECT doc_id, unnest(fact_ids) AS fact_id, status, rule FROM checks) GROUP BY 1, 2""").fetchall()
    return {(doc_id, fact_id): (status, rules) for doc_id, fact_id, status, rules in rows}


def synthetic_adsh(doc_id: str) -> str:
    """An accession-shaped key for a file without one: ``0000000000-NN-NNNNNN`` from its doc_id."""
    number = int(hashlib.sha256(doc_id.encode()).hexdigest()[:12], 16) % 10**8
    return f"0000000000-{number // 10**6:02d}-{number % 10**6:06d}"


def month_end(iso: str) -> str:
    """A date rounded to the nearest month end, as the SEC's ddate is (1995-09-29 -> 1995-09-30)."""
    day = date.fromisoformat(iso)
    if day.day < 15:
        day = day.replace(day=1) - timedelta(days=1)
    return day.replace(day=calendar.monthrange(day.year, day.month)[1]).isoformat()


def yyyymmdd(iso: str) -> int:
    return int(iso.replace("-", ""))


def label_tag(label: str) -> str:
    """A custom tag from a printed label: its words capitalised and joined ("Net sales" -> "NetSales")."""
    words = _WORD.findall(label or "")
    tag = "".join(word[:1].upper() + word[1:] for word in words)[:200] or "Unlabeled"
    return tag if not tag[0].isdigit() else "X" + tag


def words_of(tag: str) -> str:
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", tag)


def datatype(unit: str) -> str:
    if unit == "USD":
        return "monetary"
    if unit == "shares":
        return "shares"
    if unit == "USD/share":
        return "perShare"
    if unit == "%":
        return "percent"
    return "decimal"
