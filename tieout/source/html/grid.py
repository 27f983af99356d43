"""An HTML table -> the fixed-width lines of a table the text reader reads, and where each word came from.

Why render instead of reading the cells straight into a Table: periods from stacked and spanning
headers, scale notes, section paths, rules and units are what the text reader already does, and
does on every layout of 1993-2008. An HTML table gives what a text table only suggests (which
cell is in which column), so it is laid out here with that certainty: every number right-aligned
in its column, a header centred over the columns it spans, three spaces between columns, a rule
line where the cells have a border, the label indented as styled. The text stages then read it as
an SGML ``<TABLE>`` region.

    table_to_grid    rows of cells -> a matrix (colspan, rowspan; bad spans clamped)
    glue_signs       "$", "(", ")" and "%" cells joined to their number
    grid_columns     which matrix columns hold numbers (body rows); the label column
    grid_to_lines    the lines, each with the source offsets of the words placed on it
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tieout.source.html.parse import HtmlTable, Run

MAX_COLUMNS = 200
GAP = 3  # spaces between columns
LABEL_GAP = 4

_NUMBER = re.compile(r"[-\u2212]?(?:\d[\d,]*(?:\.\d+)?|\.\d+)")
_NIL = re.compile(r"[-\u2012-\u2015\u2212]+|n/?a|nm|nil|\*+", re.I)
_YEAR = re.compile(r"(?:19|20)\d\d")
_PERIOD_HEADER = re.compile(r"\bend(?:ed|ing)\b[^.;]{0,40}\b(?:19|20)\d\d\b", re.IGNORECASE)
_FOOTNOTE = re.compile(r"\(\w\)$|(?<!\*)\*++$")  # a run of stars from its first: linear on a long run
_GLUE_LEFT = frozenset({"$", "($", "$(", "(", "US$", "\u20ac", "\u00a3"})
_GLUE_RIGHT = frozenset({")", "%", ")%", "%)", "pts", "bps"})


@dataclass(slots=True)
class Placed:
    """One cell's text on the grid: its runs (one line each), the matrix columns it covers."""

    lines: list[list[Run]]
    first: int
    last: int
    align: str
    indent: int
    border_top: str
    border_bottom: str


def runs_text(runs: list[Run]) -> str:
    return "".join((" " if r.space_before and k else "") + r.text for k, r in enumerate(runs))


def cell_text(cell: Placed) -> str:
    """The cell's lines as one line of text."""
    return " ".join(runs_text(line) for line in cell.lines)


def is_number_text(text: str) -> bool:
    core = text.replace("$", "").replace("(", "").replace(")", "").replace("%", "").strip()
    core = _FOOTNOTE.sub("", core).strip()
    return bool(_NUMBER.fullmatch(core) or (core and _NIL.fullmatch(core)))


def table_to_grid(table: HtmlTable) -> list[list[Placed]]:
    """Each row's cells placed on the matrix; a cell spanning rows is placed in its first row."""
    taken: dict[int, set[int]] = {}  # row -> matrix columns taken by a rowspan from above
    out: list[list[Placed]] = []
    for r, row in enumerate(table.rows):
        placed: list[Placed] = []
        busy = taken.pop(r, set())
        col = 0
        for cell in row:
            while col in busy:
                col += 1
            if col >= MAX_COLUMNS:
                break
            last = min(col + cell.colspan - 1, MAX_COLUMNS - 1)
            lines = [line for line in cell.lines if line]
            placed.append(Placed(lines, col, last, cell.align, cell.indent, cell.border_top, cell.border_bottom))
            for below in range(r + 1, min(r + cell.rowspan, len(table.rows))):
                taken.setdefault(below, set()).update(range(col, last + 1))
            col = last + 1
        out.append(placed)
    return out


def glue_signs(row: list[Placed]) -> list[Placed]:
    """A cell holding only "$" or "(" joins the number after it; ")" or "%" the number before it."""
    cells = [c for c in row if c.lines]
    keep: list[Placed] = []
    pending: list[Run] = []
    for k, cell in enumerate(cells):
        text = cell_text(cell)
        if text in _GLUE_LEFT and k + 1 < len(cells):
            pending.extend(run for line in cell.lines for run in line)
            continue
        if text in _GLUE_RIGHT and keep and len(keep[-1].lines) == 1:
            previous = keep[-1]
            tail = [Run(run.text, run.offset, run.exact, False) for line in cell.lines for run in line]
            previous.lines = [previous.lines[0] + tail]
            previous.border_top = previous.border_top or cell.border_top
            previous.border_bottom = previous.border_bottom or cell.border_bottom
            continue
        if pending:
            if len(cell.lines) == 1 and is_number_text(runs_text(cell.lines[0])):
                first = cell.lines[0][0]
                cell.lines = [pending + [Run(first.text, first.offset, first.exact, False)] + cell.lines[0][1:]]
            pending = []
        keep.append(cell)
    return keep


def _is_figure(text: str) -> bool:
    """A cell of its own holding a number with digits (not a dash, not words)."""
    return is_number_text(text) and any(ch.isdigit() for ch in text)


def grid_columns(rows: list[list[Placed]]) -> list[int]:
    """Matrix columns that hold a number right of the first column in some row (its last matrix
    column, numbers being right-set), or a dash in several rows (a period with nothing to report:
    "—" down the column); a dash in one row between two column groups is no column."""
    figures: set[int] = set()
    dashes: dict[int, int] = {}
    for cells in rows:
        for cell in cells:
            if cell.first == 0:
                continue
            text = cell_text(cell)
            if _is_figure(text):
                figures.add(cell.last)
            elif is_number_text(text):
                dashes[cell.last] = dashes.get(cell.last, 0) + 1
    return sorted(figures | {col for col, count in dashes.items() if count >= 2})


def is_data_table(rows: list[list[Placed]]) -> bool:
    """Two or more numbers in cells of their own right of the first column, and fewer cells of prose
    there than numbers (an exhibit index numbers its rows, "2.1" then a sentence); a column's
    header of six words or more ("Three months ended June 30, 2023") is no prose."""
    count = prose = 0
    for cells in rows:
        for cell in cells:
            if cell.first == 0:
                continue
            text = cell_text(cell)
            if _is_figure(text):
                count += 1
            elif len(text.split()) >= 6 and not _PERIOD_HEADER.search(text):
                prose += 1
    return count >= 2 and prose * 2 < count


@dataclass(slots=True)
class GridLine:
    text: str
    anchors: list[tuple[int, int, int]]  # (1-based column, source offset, exact length or 0)


def grid_to_lines(rows: list[list[Placed]], numbers: list[int]) -> list[GridLine]:
    """Lay the rows out: label at the left, each number column right-aligned, headers centred."""
    if not numbers:
        return []
    first_number = numbers[0]
    slot = {}  # matrix column -> index of the number column it belongs to (by its right end)
    k = 0
    for col in range(first_number, max(numbers) + 1):
        while numbers[k] < col:
            k += 1
        slot[col] = k
    ncols = len(numbers)
    # a row's pieces: label runs, and (number-column range, lines, align) for the rest
    laid: list[tuple[list[Placed], list[tuple[int, int, Placed]]]] = []
    label_width = 0
    widths = [1] * ncols
    for cells in rows:
        labels = [c for c in cells if c.last < first_number]
        others = []
        for cell in cells:
            if cell.last < first_number:
                continue
            covered = _covered(cell, numbers, slot)
            if covered is None:
                continue  # a dash in the spacer between two column groups stands over no column
            lo, hi = covered
            if cell.first < first_number <= cell.last and cell.first == 0 and lo == hi and \
                    not is_number_text(cell_text(cell)):
                labels.append(cell)  # a label cell spanning into the first number column
                continue
            others.append((lo, hi, cell))
        laid.append((labels, others))
        for cell in labels:
            text = cell_text(cell)
            label_width = max(label_width, min(len(text) + cell.indent, 150))
        for lo, hi, cell in others:
            if lo == hi:
                widths[lo] = max(widths[lo], max(len(runs_text(line)) for line in cell.lines))
    # a header over several columns wider than they are widens the last of them
    for _, others in laid:
        for lo, hi, cell in others:
            if lo < hi:
                need = max(len(runs_text(line)) for line in cell.lines)
                have = sum(widths[lo:hi + 1]) + GAP * (hi - lo)
                if need > have:
                    widths[hi] += need - have
    lefts = []
    x = label_width + LABEL_GAP
    for w in widths:
        lefts.append(x)
        x += w + GAP
    out: list[GridLine] = []
    pending_rule: dict[tuple[int, int], str] = {}
    for labels, others in laid:
        top_rule = {(lo, hi): cell.border_top for lo, hi, cell in others if cell.border_top}
        top_rule.update(pending_rule)
        if top_rule:
            out.append(_rule_line(top_rule, lefts, widths))
        height = max([len(c.lines) for _, _, c in others] + [1])
        body_row = any(is_number_text(cell_text(c)) for _, _, c in others)
        if body_row:
            height = 1
        lines_text = [""] * height
        anchors: list[list[tuple[int, int, int]]] = [[] for _ in range(height)]

        def put(row: int, at: int, runs: list[Run]) -> None:
            text = lines_text[row]
            if len(text) < at:
                text += " " * (at - len(text))
            elif len(text) > at:  # no room left: two spaces keep the two apart as phrases
                text += "  "
                at = len(text)
            col = at
            for k, run in enumerate(runs):
                if run.space_before and k:
                    col += 1
                anchors[row].append(run.anchor(col + 1))
                col += len(run.text)
            lines_text[row] = text + runs_text(runs)

        label_runs = joined([line for cell in labels for line in cell.lines])
        if label_runs:
            indent = max((c.indent for c in labels), default=0)
            put(height - 1 if not body_row else 0, indent, label_runs)
        for lo, hi, cell in sorted(others, key=lambda item: item[0]):
            span_left = lefts[lo]
            span_right = lefts[hi] + widths[hi]
            lines = cell.lines if not body_row else [joined(cell.lines)]
            offset_rows = height - len(lines)  # header lines sit at the bottom, over the numbers
            for k, line in enumerate(lines):
                text = runs_text(line)
                if lo == hi or is_number_text(text) or cell.align == "right":
                    at = span_right - len(text)
                else:
                    at = span_left + max((span_right - span_left - len(text)) // 2, 0)
                put(max(offset_rows, 0) + k if not body_row else 0, max(at, 0), line)
        for k in range(height):
            if lines_text[k].strip():
                out.append(GridLine(lines_text[k].rstrip(), anchors[k]))
        # a cell's bottom border under its columns; a header over several columns is underlined
        # across them, bordered or not: the span is what the HTML says for certain
        pending_rule = {(lo, hi): cell.border_bottom or "-" for lo, hi, cell in others
                        if cell.border_bottom or (lo < hi and _heads(cell, body_row))}
    if pending_rule:
        out.append(_rule_line(pending_rule, lefts, widths))
    return out


def _covered(cell: Placed, numbers: list[int], slot: dict[int, int]) -> tuple[int, int] | None:
    """The number columns a cell stands over: those inside its span, else the one its span ends in;
    None for a number or dash whose span holds no number column (it stands over none).

    A header spanning "$", number and padding cells ("June 30, 2023" over columns 3-5, the number
    in 4) stands over its number only, not the next column its padding cell reaches into.
    """
    inside = [k for k, col in enumerate(numbers) if cell.first <= col <= cell.last]
    if inside:
        return inside[0], inside[-1]
    if is_number_text(cell_text(cell)):
        return None
    ncols = len(numbers)
    return slot.get(max(cell.first, numbers[0]), ncols - 1), slot.get(cell.last, ncols - 1)


def _heads(cell: Placed, body_row: bool) -> bool:
    """Is this cell, spanning several number columns, a header over them (words, or a year)?"""
    text = cell_text(cell).strip()
    return bool(text) and (not body_row or bool(_YEAR.fullmatch(text)))


def joined(lines: list[list[Run]]) -> list[Run]:
    """Lines (of one cell, or of the label cells of a row) as one line, a space between them."""
    out: list[Run] = []
    for line in lines:
        for k, run in enumerate(line):
            out.append(Run(run.text, run.offset, run.exact, True) if out and k == 0 else run)
    return out


def _rule_line(rule: dict[tuple[int, int], str], lefts: list[int], widths: list[int]) -> GridLine:
    """One rule segment per (first, last) number column range; a range inside one drawn is left out."""
    text = ""
    for lo, hi in sorted(rule, key=lambda span: (span[0], -span[1])):
        if len(text) > lefts[lo]:
            continue
        text += " " * (lefts[lo] - len(text)) + rule[lo, hi] * (lefts[hi] + widths[hi] - lefts[lo])
    return GridLine(text, [])
