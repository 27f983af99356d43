"""Excel workbooks laid out like the filing, with live formulas where tieout found a total.

A renderer only: it reads store rows (``tieout.store.report_rows`` of a Report,
or the same rows back from a store) and never recomputes a fact. Each table
becomes a sheet: title, scale note, column headers and periods, then the rows
with their labels indented and one column per period, values as printed (in
the table's scale). A total whose relation was found and does not fail its
check becomes ``=SUM(...)`` of its item cells (a minus sign for subtracted
items), so an analyst can change an item and watch the total move; a total
that fails keeps the printed number, shaded red, with the formula it should
satisfy in its comment. Every check is a comment on its first cell, and every
comment starts by naming that cell (``B9 Total current assets, 1997-03-31,
shown 5,118``). A Contents sheet lists every sheet with the table's full title
and a link; Facts and Checks sheets hold the flat lists (header frozen, with
filters).

The workbook is written with XlsxWriter, which stores each formula's result
beside it: a reader that does not calculate (``pandas.read_excel``, a preview)
sees the totals as numbers, and Excel still recalculates. The layout is built
first as plain data (``Workbook``), then written in one pass by ``save``.

Sheet names are at most 31 characters, unique regardless of case, without the
characters Excel forbids (``[]:*?/\\`` and an apostrophe), and cut only
between words.

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
from typing import Any

FIRST_ROW = 7  # the first table row's sheet row; 1-6 hold title, note, source, headers, periods
RED = "#FFC7CE"
GREEN = "#C6EFCE"
MAX_SHEET_NAME = 31
CONTENTS, FACTS, CHECKS = "Contents", "Facts", "Checks"
_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
# words a long title can spare ("Consolidated Statements of Cash Flows" -> "Cash Flows")
_FILLER = re.compile(r"\b(?:consolidated|condensed|combined|unaudited|statements? of)\b", re.I)
_DANGLING = frozenset("of and the for in to on at by from with & -".split())


# -- the workbook as data ------------------------------------------------------


@dataclass
class Cell:
    """One cell to write: a value (text, number or None), its style, and a formula if it has one."""

    value: Any
    style: tuple = ()  # (name, value) pairs of an XlsxWriter format
    formula: str | None = None


@dataclass
class Sheet:
    name: str
    title: str  # what the sheet holds, in full (the Contents sheet shows it)
    cells: dict[tuple[int, int], Cell] = field(default_factory=dict)  # (row, column), 1-based
    widths: dict[int, float] = field(default_factory=dict)  # column (1-based) -> width
    comments: dict[tuple[int, int], list[str]] = field(default_factory=lambda: defaultdict(list))
    links: dict[tuple[int, int], str] = field(default_factory=dict)  # (row, column) -> sheet name
    freeze: tuple[int, int] | None = None  # first unfrozen (row, column), 1-based
    autofilter: tuple[int, int, int, int] | None = None  # first row, first col, last row, last col

    def put(self, row: int, column: int, value, style: tuple = (), formula: str | None = None) -> Cell:
        cell = Cell(value, style, formula)
        self.cells[(row, column)] = cell
        return cell

    def append(self, values: list, style: tuple = ()) -> int:
        """Values in the next free row; returns that row."""
        row = self.max_row + 1
        for column, value in enumerate(values, start=1):
            self.put(row, column, value, style)
        return row

    @property
    def max_row(self) -> int:
        return max((r for r, _ in self.cells), default=0)

    @property
    def max_column(self) -> int:
        return max((c for _, c in self.cells), default=0)


class Workbook:
    """The sheets in order; ``save`` writes them as an .xlsx file (a path or a binary file object)."""

    def __init__(self) -> None:
        self.sheets: list[Sheet] = []

    def add(self, name: str, title: str) -> Sheet:
        sheet = Sheet(name, title)
        self.sheets.append(sheet)
        return sheet

    @property
    def sheetnames(self) -> list[str]:
        return [s.name for s in self.sheets]

    def __getitem__(self, name: str) -> Sheet:
        return next(s for s in self.sheets if s.name == name)

    def save(self, target) -> None:
        _write(self, target)


@dataclass
class _Place:
    sheet: str
    cell: str
    scale: str
    row: int
    column: int
    value: float | None  # as printed, in the table's scale
    label: str = ""
    column_name: str = ""  # the column's header, else its period
    display: str = ""


@dataclass
class _Book:
    """Where each fact went, the formulas written and the sheet names taken."""

    places: dict[tuple[str, int], _Place] = field(default_factory=dict)  # (doc_id, fact_id)
    at: dict[tuple[str, int, int], _Place] = field(default_factory=dict)  # (sheet, row, column)
    formulas: dict[tuple[str, str], list[tuple[_Place, int]]] = field(default_factory=dict)
    names: set[str] = field(default_factory=set)  # lower-cased: Excel compares sheet names so
    tables: int = 0


def report_to_xlsx(report, path: str | Path) -> Path:
    """Write one Report as a workbook at ``path``."""
    from tieout.store.rows import report_rows

    workbook = rows_to_workbook([report_rows(report)])
    path = Path(path)
    workbook.save(path)
    return path


def rows_to_workbook(documents: list[dict[str, list[dict]]]) -> Workbook:
    """A workbook for the rows of one or more documents (each as ``report_rows`` makes them)."""
    workbook = Workbook()
    contents = workbook.add(CONTENTS, "The sheets of this workbook")
    contents.append(["document", "table", "title", "sheet", "lines", "facts", "checks failed"], BOLD)
    book = _Book(names={CONTENTS.lower(), FACTS.lower(), CHECKS.lower()})
    for rows in documents:
        _document_sheets(workbook, contents, book, rows)
    for rows in documents:
        _formulas(workbook, book, rows)
    _formula_values(workbook, book)
    facts = _facts_sheet(workbook, documents)
    checks = _checks_sheet(workbook, documents)
    for sheet in (facts, checks):
        row = contents.append(["", "", sheet.title, sheet.name, "", "", ""])
        contents.links[(row, 4)] = sheet.name
    contents.widths.update({1: 34, 2: 6, 3: 70, 4: 32, 5: 10, 6: 7, 7: 13})
    contents.freeze = (2, 1)
    contents.autofilter = (1, 1, contents.max_row, 7)
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
    """An Excel-safe sheet name unique in ``taken`` (lower-cased names; the new one is added).

    ``T{number} `` and the title's first words that fit in 31 characters, cut between words
    (a single word longer than that is the only thing ever cut), a long title without its filler
    words ("Consolidated Statements of"); ``[]:*?/\\`` become spaces and apostrophes go; a name
    already taken gets ``~2``, ``~3``... in place of its last words.
    """
    clean = " ".join(_FORBIDDEN.sub(" ", (title or "").replace("'", "")).split()) or "table"
    prefix = f"T{number}"
    if len(prefix) + 1 + len(clean) > MAX_SHEET_NAME:
        clean = " ".join(_FILLER.sub(" ", clean).split()) or clean
    name, k = _words_within(prefix, clean, MAX_SHEET_NAME), 2
    while name.lower() in taken:
        suffix = f"~{k}"
        name = _words_within(prefix, clean, MAX_SHEET_NAME - len(suffix)) + suffix
        k += 1
    taken.add(name.lower())
    return name


def shared_words(titles: list[str]) -> int:
    """How many leading words every title shares ("HECLA MINING COMPANY Consolidated Balance
    Sheets", "HECLA MINING COMPANY HIGHLIGHTS": 3), kept only if each title has words left:
    sheet names then say what differs, the full titles stay on the sheets and in Contents."""
    split = [t.split() for t in titles]
    if len(split) < 2:
        return 0
    n = 0
    while all(len(words) > n + 1 for words in split) and len({words[n] for words in split}) == 1:
        n += 1
    return n


def _words_within(prefix: str, text: str, limit: int) -> str:
    """``prefix`` and as many whole words of ``text`` as fit in ``limit`` characters."""
    words: list[str] = []
    for word in text.split():
        if len(prefix) + sum(len(w) + 1 for w in words) + 1 + len(word) > limit:
            if not words:  # not even the first word fits: it alone is cut
                return (prefix + " " + word)[:limit]
            break
        words.append(word)
    else:
        return " ".join([prefix, *words])
    while len(words) > 1 and words[-1].lower() in _DANGLING:  # "Results of" -> "Results"
        words.pop()
    return " ".join([prefix, *words])


def number_format(decimals: int | None) -> str:
    places = "." + "0" * decimals if decimals and decimals > 0 else ""
    return f"#,##0{places};(#,##0{places})"


BOLD = (("bold", True),)


def _document_sheets(workbook: Workbook, contents: Sheet, book: _Book, rows: dict) -> None:
    document = rows["documents"][0]
    doc_id = document["doc_id"]
    source = document.get("path") or document.get("name")
    facts_by_table: dict[int, list[dict]] = defaultdict(list)
    for fact in rows.get("facts", []):
        if fact.get("table_id") is not None:
            facts_by_table[fact["table_id"]].append(fact)
    failed = _failed_facts(rows)
    tables = sorted(rows.get("tables", []), key=lambda t: t["table_id"])
    shared = shared_words([t["title"] or "" for t in tables])
    for table in tables:
        book.tables += 1
        title = table["title"] or "(untitled table)"
        name = sheet_name(" ".join((table["title"] or "").split()[shared:]), book.tables, book.names)
        sheet = workbook.add(name, title)
        columns = _json(table["columns"])
        table_rows = _json(table["rows"])
        sheet.put(1, 1, title, (("bold", True), ("font_size", 12)))
        sheet.put(2, 1, table["note"] or "", (("italic", True),))
        sheet.put(3, 1, f"{source} ({table['document']}), lines {table['first_line']}-{table['last_line']}",
                  (("font_color", "#808080"), ("font_size", 9)))
        for k, column in enumerate(columns):
            sheet.put(5, k + 2, column.get("header") or "",
                      (("bold", True), ("align", "center"), ("text_wrap", True)))
            sheet.put(6, k + 2, column.get("period") or "",
                      (("font_color", "#808080"), ("font_size", 9), ("align", "center")))
            sheet.widths[k + 2] = 16
        sheet.widths[1] = 52
        base_indent = min((r.get("indent", 0) for r in table_rows), default=0)
        for i, row in enumerate(table_rows):
            level = max(0, (row.get("indent", 0) - base_indent) // 2) if "indent" in row else len(row["path"])
            style = (("indent", min(level, 15)),) if level else ()
            sheet.put(FIRST_ROW + i, 1, row["label"], style + (BOLD if row.get("heading") else ()))
        for fact in facts_by_table.get(table["table_id"], []):
            r, c = FIRST_ROW + fact["row_index"], fact["column_index"] + 2
            printed = value_as_printed(fact["value_text"], fact["scale"])
            value = None if printed is None else float(printed)
            row = table_rows[fact["row_index"]] if fact["row_index"] < len(table_rows) else {}
            style = [("num_format", number_format(fact.get("decimals")))]
            top = {"-": 1, "=": 6}.get(row.get("rule_above") or "")
            bottom = {"-": 1, "=": 6}.get(row.get("rule_below") or "")
            if top:
                style.append(("top", top))
            if bottom:
                style.append(("bottom", bottom))
            if fact["fact_id"] in failed:
                style.append(("bg_color", RED))
            sheet.put(r, c, value, tuple(style))
            column = columns[fact["column_index"]] if fact["column_index"] < len(columns) else {}
            place = _Place(name, _coordinate(r, c), fact["scale"] or "1", r, c, value, fact.get("label") or "",
                           fact.get("column_header") or column.get("header") or fact.get("period") or "",
                           fact.get("display") or "")
            book.places[(doc_id, fact["fact_id"])] = book.at[(name, r, c)] = place
        sheet.freeze = (FIRST_ROW, 2)
        n_facts = len(facts_by_table.get(table["table_id"], []))
        n_failed = sum(1 for f in facts_by_table.get(table["table_id"], []) if f["fact_id"] in failed)
        row = contents.append([source, table["table_id"], title, name,
                               f"{table['first_line']}-{table['last_line']}", n_facts, n_failed])
        contents.links[(row, 4)] = name


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


def cell_name(place: _Place) -> str:
    """What a comment says first: the cell it sits on and what that cell holds."""
    about = ", ".join(part for part in (place.label, place.column_name) if part)
    shown = f", shown {place.display}" if place.display else ""
    return f"{place.cell} {about}{shown}:"


def _formulas(workbook: Workbook, book: _Book, rows: dict) -> None:
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
        comments = workbook[total.sheet].comments[(total.row, total.column)]
        if relation["total_fact"] in failed:
            comments.append(f"Printed value kept: it does not equal {formula[1:]} ({label}).")
            continue
        if (total.sheet, total.cell) in book.formulas:
            continue  # a second relation for the same total: the first one's formula stays
        book.formulas[(total.sheet, total.cell)] = items
        workbook[total.sheet].cells[(total.row, total.column)].formula = formula
        comments.append(f"Formula from the total tieout found ({label}, found by {relation['found_by']}, "
                        f"confidence {relation['confidence']:.2f}).")
    for check in rows.get("checks", []):
        if not check["fact_ids"]:
            continue
        place = book.places.get((doc_id, check["fact_ids"][0]))
        if place is None:
            continue
        detail = f" expected {check['expected']}, actual {check['actual']}" if check["expected"] or check["actual"] else ""
        slack = f" (slack {check['slack']})" if check.get("slack") else ""
        workbook[place.sheet].comments[(place.row, place.column)].append(
            f"{check['status'].upper()} [{check['rule']}] {check['message']}.{detail}{slack}")
    for sheet in workbook.sheets:  # every comment names its cell first
        for (r, c), texts in sheet.comments.items():
            place = book.at.get((sheet.name, r, c))
            if place is not None and texts and not texts[0].startswith(place.cell + " "):
                texts.insert(0, cell_name(place))


def _formula_values(workbook: Workbook, book: _Book) -> None:
    """Each formula's result, as Excel would compute it, stored beside it (a total of subtotals
    sums their results); a cycle, never expected, leaves the printed value."""
    results: dict[tuple[str, str], float | None] = {}
    by_cell = {(p.sheet, p.cell): p for p in book.places.values()}

    def value_of(place: _Place, seen: frozenset) -> float | None:
        key = (place.sheet, place.cell)
        if key not in book.formulas or key in seen:
            return place.value
        if key not in results:
            parts = [value_of(p, seen | {key}) for p, _ in book.formulas[key]]
            signs = [s for _, s in book.formulas[key]]
            results[key] = sum((v or 0.0) * (1 if s > 0 else -1) for v, s in zip(parts, signs))
        return results[key]

    for (sheet, cell), items in book.formulas.items():
        total = by_cell[(sheet, cell)]
        value = value_of(total, frozenset())
        workbook[sheet].cells[(total.row, total.column)].value = _round(value)


def _round(value: float | None) -> float | None:
    """A float sum without its binary noise (1.1 + 2.2 is 3.3, not 3.3000000000000003)."""
    return None if value is None else float(f"{value:.10g}") if abs(value) < 1e10 else round(value, 6)


FACT_COLUMNS = ("doc_id", "fact_id", "document", "table_title", "label", "path", "period", "value",
                "value_text", "unit", "display", "scale", "decimals", "line", "col", "concept", "source",
                "column_index", "column_header")
CHECK_COLUMNS = ("doc_id", "check_id", "document", "rule", "status", "message", "expected", "actual",
                 "slack", "lines")
_FACT_WIDTHS = {"doc_id": 14, "document": 14, "table_title": 36, "label": 40, "path": 30, "period": 23,
                "value": 16, "value_text": 16, "display": 12, "concept": 28, "column_header": 24}


def _facts_sheet(workbook: Workbook, documents) -> Sheet:
    sheet = workbook.add(FACTS, "Every fact, one per row (values in base units)")
    sheet.append(list(FACT_COLUMNS), BOLD)
    for rows in documents:
        for fact in rows.get("facts", []):
            values = []
            for column in FACT_COLUMNS:
                value = fact.get(column)
                if column == "path":
                    value = " > ".join(value or [])
                elif column == "value":
                    value = float(Decimal(fact["value_text"])) if fact.get("value_text") else None
                values.append(value)
            sheet.append(values)
    _list_sheet(sheet, FACT_COLUMNS, _FACT_WIDTHS)
    return sheet


def _checks_sheet(workbook: Workbook, documents) -> Sheet:
    sheet = workbook.add(CHECKS, "Every check, one per row")
    sheet.append(list(CHECK_COLUMNS), BOLD)
    status_column = CHECK_COLUMNS.index("status") + 1
    for rows in documents:
        for check in rows.get("checks", []):
            row = sheet.append([", ".join(map(str, check[c] or [])) if c == "lines" else check.get(c)
                                for c in CHECK_COLUMNS])
            color = RED if check["status"] == "fail" else GREEN if check["status"] == "pass" else None
            if color:
                sheet.cells[(row, status_column)].style = (("bg_color", color),)
    _list_sheet(sheet, CHECK_COLUMNS, {"doc_id": 14, "document": 14, "rule": 18, "message": 80})
    return sheet


def _list_sheet(sheet: Sheet, columns: tuple[str, ...], widths: dict[str, float]) -> None:
    """A flat list: its header row frozen and filtered, its columns wide enough to read."""
    sheet.freeze = (2, 1)
    sheet.autofilter = (1, 1, max(sheet.max_row, 1), len(columns))
    for k, name in enumerate(columns, start=1):
        sheet.widths[k] = widths.get(name, 10)


def _json(value):
    return json.loads(value) if isinstance(value, str) else (value or [])


def _coordinate(row: int, column: int) -> str:
    """``B7`` for row 7, column 2 (both 1-based)."""
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return f"{letters}{row}"


# -- writing -----------------------------------------------------------------


def _write(workbook: Workbook, target) -> None:
    """Write the plan with XlsxWriter: text always as text (never read as a formula or a URL)."""
    import xlsxwriter

    if isinstance(target, (str, Path)):
        target = str(target)
    out = xlsxwriter.Workbook(target, {"strings_to_formulas": False, "strings_to_urls": False,
                                       "strings_to_numbers": False, "in_memory": True})
    formats: dict[tuple, Any] = {}

    def fmt(style: tuple):
        if not style:
            return None
        if style not in formats:
            formats[style] = out.add_format(dict(style))
        return formats[style]

    link_format = out.add_format({"font_color": "blue", "underline": 1})
    for plan in workbook.sheets:
        ws = out.add_worksheet(plan.name)
        for column, width in plan.widths.items():
            ws.set_column(column - 1, column - 1, width)
        for (r, c), cell in plan.cells.items():
            row, col, style = r - 1, c - 1, fmt(cell.style)
            if (r, c) in plan.links:
                target_sheet = plan.links[(r, c)]
                ws.write_url(row, col, f"internal:'{target_sheet}'!A1", link_format, string=str(cell.value))
            elif cell.formula is not None:
                ws.write_formula(row, col, cell.formula, style, 0 if cell.value is None else cell.value)
            elif cell.value is None or cell.value == "":
                if style is not None:
                    ws.write_blank(row, col, None, style)
            elif isinstance(cell.value, bool):
                ws.write_boolean(row, col, cell.value, style)
            elif isinstance(cell.value, (int, float, Decimal)):
                ws.write_number(row, col, float(cell.value), style)
            else:
                ws.write_string(row, col, str(cell.value), style)
        for (r, c), texts in plan.comments.items():
            text = "\n".join(texts)[:30000]
            ws.write_comment(r - 1, c - 1, text, {"author": "tieout", "x_scale": 3,
                                                  "y_scale": min(1 + 0.5 * len(texts), 6)})
        if plan.freeze:
            ws.freeze_panes(plan.freeze[0] - 1, plan.freeze[1] - 1)
        if plan.autofilter:
            first_row, first_col, last_row, last_col = plan.autofilter
            ws.autofilter(first_row - 1, first_col - 1, last_row - 1, last_col - 1)
    out.close()
