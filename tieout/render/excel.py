"""Excel workbooks laid out like the filing, with live formulas where tieout found a total.

A renderer only: it reads store rows (``tieout.store.report_rows`` of a Report,
or the same rows back from a store) and never recomputes anything. Each table
becomes a sheet: title, scale note, column headers and periods, then the rows
with their labels indented and one column per period, values as printed (in
the table's scale). A total whose relation was found and does not fail its
check becomes ``=SUM(...)`` of its item cells (a minus sign for subtracted
items), so an analyst can change an item and watch the total move; a total
that fails keeps the printed number, shaded red, with the formula it should
satisfy in its comment. Every check is a comment on its first cell. An Index
sheet lists the tables; Facts and Checks sheets hold the flat lists.

    >>> from tieout.render.excel import report_to_xlsx
    >>> report_to_xlsx(tieout.read("release.txt"), "release.xlsx")
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

FIRST_ROW = 7  # the first table row's sheet row; 1-6 hold title, note, source, headers, periods
RED = "FFC7CE"
GREEN = "C6EFCE"


@dataclass
class _Place:
    sheet: str
    cell: str
    scale: str
    row: int
    column: int


@dataclass
class _Book:
    """Where each fact went, and what to say on each cell."""

    places: dict[tuple[str, int], _Place] = field(default_factory=dict)  # (doc_id, fact_id)
    comments: dict[tuple[str, str], list[str]] = field(default_factory=lambda: defaultdict(list))
    names: set[str] = field(default_factory=set)


def report_to_xlsx(report, path: str | Path) -> Path:
    """Write one Report as a workbook at ``path``."""
    from tieout.store.rows import report_rows

    workbook = rows_to_workbook([report_rows(report)])
    path = Path(path)
    workbook.save(path)
    return path


def rows_to_workbook(documents: list[dict[str, list[dict]]]):
    """A workbook for the rows of one or more documents (each as ``report_rows`` makes them)."""
    from openpyxl import Workbook

    workbook = Workbook()
    index = workbook.active
    index.title = "Index"
    index.append(["document", "table", "title", "sheet", "lines", "facts", "checks failed"])
    book = _Book(names={"Index", "Facts", "Checks"})
    for rows in documents:
        _document_sheets(workbook, index, book, rows)
    for rows in documents:
        _formulas(workbook, book, rows)
    _comments(workbook, book)
    _facts_sheet(workbook, documents)
    _checks_sheet(workbook, documents)
    _bold_first_row(index)
    return workbook


def value_as_printed(value_text: str | None, scale: str | None) -> Decimal | None:
    """A fact's value in the table's scale (what the filing printed), e.g. 5018000 / 1000."""
    if value_text is None:
        return None
    try:
        value = Decimal(value_text)
        divisor = Decimal(scale) if scale else Decimal(1)
        return value / divisor if divisor else value
    except InvalidOperation:
        return None


def sheet_name(title: str, number: int, taken: set[str]) -> str:
    """An Excel-safe, unique sheet name (31 characters, no []:*?/\\)."""
    clean = re.sub(r"[\[\]:*?/\\']", " ", title or "table")
    clean = " ".join(clean.split())
    base = f"T{number} {clean}"[:31].rstrip()
    name, k = base, 2
    while name in taken:
        suffix = f"~{k}"
        name, k = base[: 31 - len(suffix)] + suffix, k + 1
    taken.add(name)
    return name


def number_format(decimals: int | None) -> str:
    places = "." + "0" * decimals if decimals else ""
    return f"#,##0{places};(#,##0{places})"


def _document_sheets(workbook, index, book: _Book, rows: dict) -> None:
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    document = rows["documents"][0]
    doc_id = document["doc_id"]
    facts_by_table: dict[int, list[dict]] = defaultdict(list)
    for fact in rows.get("facts", []):
        if fact.get("table_id") is not None:
            facts_by_table[fact["table_id"]].append(fact)
    failed = _failed_facts(rows)
    thin, double = Side(style="thin"), Side(style="double")
    for table in sorted(rows.get("tables", []), key=lambda t: t["table_id"]):
        name = sheet_name(table["title"], len(book.names) - 2, book.names)
        sheet = workbook.create_sheet(name)
        columns = _json(table["columns"])
        table_rows = _json(table["rows"])
        sheet["A1"] = table["title"] or "(untitled table)"
        sheet["A1"].font = Font(bold=True, size=12)
        sheet["A2"] = table["note"] or ""
        sheet["A2"].font = Font(italic=True)
        sheet["A3"] = (f"{document.get('path') or document.get('name')} ({table['document']}), "
                       f"lines {table['first_line']}-{table['last_line']}")
        sheet["A3"].font = Font(color="808080", size=9)
        for k, column in enumerate(columns):
            header = sheet.cell(row=5, column=k + 2, value=column.get("header") or "")
            header.font = Font(bold=True)
            header.alignment = Alignment(horizontal="center", wrap_text=True)
            period = sheet.cell(row=6, column=k + 2, value=column.get("period") or "")
            period.font = Font(color="808080", size=9)
            period.alignment = Alignment(horizontal="center")
            sheet.column_dimensions[get_column_letter(k + 2)].width = 16
        sheet.column_dimensions["A"].width = 52
        base_indent = min((r.get("indent", 0) for r in table_rows), default=0)
        for i, row in enumerate(table_rows):
            label = sheet.cell(row=FIRST_ROW + i, column=1, value=row["label"])
            level = max(0, (row.get("indent", 0) - base_indent) // 2) if "indent" in row else len(row["path"])
            label.alignment = Alignment(indent=min(level, 15))
            if row.get("heading"):
                label.font = Font(bold=True)
        for fact in facts_by_table.get(table["table_id"], []):
            r, c = FIRST_ROW + fact["row_index"], fact["column_index"] + 2
            cell = sheet.cell(row=r, column=c, value=value_as_printed(fact["value_text"], fact["scale"]))
            cell.number_format = number_format(fact.get("decimals"))
            row = table_rows[fact["row_index"]] if fact["row_index"] < len(table_rows) else {}
            top = thin if row.get("rule_above") == "-" else double if row.get("rule_above") == "=" else None
            bottom = double if row.get("rule_below") == "=" else thin if row.get("rule_below") == "-" else None
            if top or bottom:
                cell.border = Border(top=top or Side(), bottom=bottom or Side())
            if fact["fact_id"] in failed:
                from openpyxl.styles import PatternFill

                cell.fill = PatternFill("solid", fgColor=RED)
            book.places[(doc_id, fact["fact_id"])] = _Place(name, cell.coordinate, fact["scale"] or "1", r, c)
        sheet.freeze_panes = "B7"
        index.append([document.get("path") or document.get("name"), table["table_id"], table["title"],
                      name, f"{table['first_line']}-{table['last_line']}",
                      len(facts_by_table.get(table["table_id"], [])),
                      sum(1 for f in facts_by_table.get(table["table_id"], []) if f["fact_id"] in failed)])
        link = index.cell(row=index.max_row, column=4)
        link.hyperlink = f"#'{name}'!A1"
        link.style = "Hyperlink"


def _failed_facts(rows: dict) -> set[int]:
    """Fact ids that are the first (total) fact of a failing check."""
    return {c["fact_ids"][0] for c in rows.get("checks", []) if c["status"] == "fail" and c["fact_ids"]}


def sum_formula(total: _Place, items: list[tuple[_Place, int]]) -> str:
    """``=SUM(B7:B9)`` for a contiguous run of added cells, else ``=SUM(B7,-B8,'T2 x'!C9)``."""
    same = all(p.sheet == total.sheet for p, _ in items)
    if same and all(sign > 0 for _, sign in items) and len({p.column for p, _ in items}) == 1:
        rows = sorted(p.row for p, _ in items)
        if rows == list(range(rows[0], rows[0] + len(rows))) and len(rows) > 1:
            first = min(items, key=lambda x: x[0].row)[0].cell
            last = max(items, key=lambda x: x[0].row)[0].cell
            return f"=SUM({first}:{last})"
    refs = []
    for place, sign in items:
        ref = place.cell if place.sheet == total.sheet else f"'{place.sheet}'!{place.cell}"
        refs.append(ref if sign > 0 else f"-{ref}")
    return f"=SUM({','.join(refs)})"


def _formulas(workbook, book: _Book, rows: dict) -> None:
    doc_id = rows["documents"][0]["doc_id"]
    failed = _failed_facts(rows)
    for relation in rows.get("relations", []):
        total = book.places.get((doc_id, relation["total_fact"]))
        items = [(book.places.get((doc_id, f)), s) for f, s in zip(relation["item_facts"], relation["item_signs"])]
        if total is None or not items or any(p is None for p, _ in items):
            continue
        if any(p.scale != total.scale for p, _ in items):
            continue  # a formula over cells in different scales would be wrong
        formula = sum_formula(total, items)
        label = relation.get("name") or relation["kind"]
        if relation["total_fact"] in failed:
            book.comments[(total.sheet, total.cell)].append(
                f"Printed value kept: it does not equal {formula[1:]} ({label}).")
            continue
        workbook[total.sheet][total.cell] = formula
        book.comments[(total.sheet, total.cell)].append(
            f"Formula from the total tieout found ({label}, found by {relation['found_by']}, "
            f"confidence {relation['confidence']:.2f}).")
    for check in rows.get("checks", []):
        if not check["fact_ids"]:
            continue
        place = book.places.get((doc_id, check["fact_ids"][0]))
        if place is None:
            continue
        detail = f" expected {check['expected']}, actual {check['actual']}" if check["expected"] or check["actual"] else ""
        slack = f" (slack {check['slack']})" if check.get("slack") else ""
        book.comments[(place.sheet, place.cell)].append(
            f"{check['status'].upper()} [{check['rule']}] {check['message']}.{detail}{slack}")


def _comments(workbook, book: _Book) -> None:
    from openpyxl.comments import Comment

    for (sheet, cell), texts in book.comments.items():
        text = "\n".join(texts)
        comment = Comment(text[:30000], "tieout")
        comment.width, comment.height = 360, min(60 + 18 * len(texts), 400)
        workbook[sheet][cell].comment = comment


FACT_COLUMNS = ("doc_id", "fact_id", "document", "table_title", "label", "path", "period", "value",
                "value_text", "unit", "display", "scale", "decimals", "line", "col", "concept", "source",
                "column_index", "column_header")
CHECK_COLUMNS = ("doc_id", "check_id", "document", "rule", "status", "message", "expected", "actual",
                 "slack", "lines")


def _facts_sheet(workbook, documents) -> None:
    sheet = workbook.create_sheet("Facts")
    sheet.append(list(FACT_COLUMNS))
    for rows in documents:
        for fact in rows.get("facts", []):
            values = []
            for column in FACT_COLUMNS:
                value = fact.get(column)
                if column == "path":
                    value = " > ".join(value or [])
                elif column == "value":
                    value = Decimal(fact["value_text"]) if fact.get("value_text") else None
                values.append(value)
            sheet.append(values)
    _bold_first_row(sheet)


def _checks_sheet(workbook, documents) -> None:
    sheet = workbook.create_sheet("Checks")
    sheet.append(list(CHECK_COLUMNS))
    from openpyxl.styles import PatternFill

    for rows in documents:
        for check in rows.get("checks", []):
            sheet.append([", ".join(map(str, check[c] or [])) if c == "lines" else check.get(c)
                          for c in CHECK_COLUMNS])
            color = RED if check["status"] == "fail" else GREEN if check["status"] == "pass" else None
            if color:
                sheet.cell(row=sheet.max_row, column=5).fill = PatternFill("solid", fgColor=color)
    _bold_first_row(sheet)


def _bold_first_row(sheet) -> None:
    from openpyxl.styles import Font

    for cell in sheet[1]:
        cell.font = Font(bold=True)


def _json(value):
    return json.loads(value) if isinstance(value, str) else (value or [])
