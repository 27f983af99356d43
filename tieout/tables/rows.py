"""Body lines -> rows: labels with their continuations, section paths, rule marks.

A label may run over several lines ("Shares used in computing / basic earnings
(loss) / per share"); a label-only line that does not continue the next row's
label is a section heading, and the outline of open headings (by indentation,
and banners between full-width rules) is each row's path. A rule line touching
a row is recorded on it. A statement of changes in equity dates its rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import timedelta
from decimal import Decimal

from tieout.model import Cell, Column, Problem, Row
from tieout.records import record_maker
from tieout.tables.cells import SplitLine, is_year_header, rule_kind, rule_segments
from tieout.tables.columns import cell_to_column
from tieout.tables.headers import collapse
from tieout.tables.periods import text_to_dates
from tieout.tables.units import row_unit, unit_heading

_CONTINUES = re.compile(r"(?:\b(?:and|or|of|to|for|in|the|from|on|by|with|at|net|less|per|a|an)|[,&/-])\s*$",
                        re.IGNORECASE)


# (?<!\s) and (?<!\*): a match starts only at the first of a run of spaces or stars, so a
# search over a long run is linear, not quadratic (the leftmost match is the same)
_FOOTNOTE_TAIL = re.compile(r"(?<!\s)\s*(?:\(\s*[a-z0-9]{1,2}\s*\)|(?<!\*)\*+)\s*$", re.IGNORECASE)


_SHARE_NOTE = re.compile(r"\(\s*(?:reflects|represents)?[^()]*?(\d+(?:\.\d+)?)\s*%\s*(?:share|interest|owned|ownership)"
                         r"[^()]*\)", re.IGNORECASE)


_BALANCE = re.compile(r"balances?\b", re.IGNORECASE)
# "Accrued balance at December 31, 2022", "Liability as of December 26, 2020": a label that ends in
# the date it stands at
_STANDS_AT = re.compile(r"\b(?:at|as\s+of)\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?"
                        r"\s+\d{4}\s*:?$", re.IGNORECASE)

_CLOSING = re.compile(r"^(?:total|net cash(?: provided| used)?(?: \(used\))?(?: by| from| in| for)?"
                      r"(?: \((?:used in|used by|provided by)\))?)\s+")


# one per printed number and one per row: built directly (tieout/records.py)
_cell = record_maker(Cell)
_row = record_maker(Row)


@dataclass
class _RowDraft:
    label: str
    indent: int
    line: int
    label_line: int
    cells: list
    path: tuple[str, ...]
    rule_above: str = ""
    rule_below: str = ""
    heading: bool = False
    dollar: bool = False
    percent: bool = False
    problems: list = field(default_factory=list)


def clean_label(text: str) -> str:
    label = collapse(text)
    if label.endswith((")", "*")):  # a footnote marker ends with one of these
        label = _FOOTNOTE_TAIL.sub("", label)
    return label.rstrip(" :.")


def fold_years_into_labels(texts: list[str], splits: list[SplitLine]) -> list[SplitLine]:
    """"Balance at / September 30, / 1994   119,543   298": the year ends the label, it is no cell.

    A year-like first cell (19xx or 20xx as printed, no comma) belongs to the label
    when the label, or the line above an empty label, ends with a comma.
    """
    out = []
    previous = ""
    for text, split in zip(texts, splits):
        if split.cells and len(split.cells) > 1 and not is_year_header(split):
            first = split.cells[0]
            yearlike = (first.value is not None and not first.nil and not first.dollar and first.decimals == 0 and "," not in first.display
                        and "(" not in first.display and 1900 <= first.value <= 2100)
            label = split.label.strip()
            if yearlike and (label.endswith(",") or (not label and previous.rstrip().endswith(","))):
                new_label = text[: first.end - 1].rstrip()
                split = SplitLine(label=new_label, label_end=first.end, cells=split.cells[1:])
        out.append(split)
        if text.strip():
            previous = text
    return out


def _is_separator(text: str, columns) -> bool:
    """A rule from the left margin across the table: a section separator, not a total rule."""
    segments = rule_segments(text)
    if not segments or not columns:
        return False
    return segments[0][0] <= 4 and segments[-1][1] >= columns[0][0]


def lines_to_rows(lines, texts, splits, columns, problems, document_name, by_rank: int = 0):
    """Body lines -> row drafts with joined labels, section paths and rule marks.

    ``by_rank``: the table's cells drift with its tab stops; a line holding that many
    cells has its i-th cell in the i-th column.
    """
    drafts: list[_RowDraft] = []
    stack: list[tuple[int, str, bool]] = []  # (indent, heading, banner)
    pending: list[tuple[int, str, int]] = []  # label-only lines waiting: (indent, text, line)
    pending_rule = ""
    after_separator = False
    attributable: list[tuple[str, Decimal]] = []
    previous_was_row = False
    label_above = False  # the line just above is a label-only line

    def path() -> tuple[str, ...]:
        return tuple([text for _, text, _ in stack])

    def push_heading(indent: int, text: str, line_no: int, banner: bool):
        nonlocal stack
        name, share = _heading_name(text)
        if share is not None:
            attributable.append((name, share))
        if banner:
            stack = []
        else:
            stack = [entry for entry in stack if entry[2] or entry[0] < indent]
        drafts.append(_RowDraft(label=name, indent=indent, line=line_no, label_line=line_no, cells=[],
                                path=path(), heading=True))
        stack.append((indent, name, banner))

    def flush_pending_as_headings(banner: bool = False):
        # a heading run over two lines ("Weighted average shares" / "  outstanding:") is one heading
        joined: list[tuple[int, str, int]] = []
        for indent, text, line_no in pending:
            if joined and _starts_lower(text) and not joined[-1][1].endswith(":"):
                joined[-1] = (joined[-1][0], f"{joined[-1][1]} {text}", joined[-1][2])
            else:
                joined.append((indent, text, line_no))
        for indent, text, line_no in joined:
            push_heading(indent, text, line_no, banner)
        pending.clear()

    for line, text, split in zip(lines, texts, splits):
        if not text.strip():
            previous_was_row = label_above = False
            pending_rule = ""
            continue
        kind = rule_kind(text)
        above, label_above = label_above, False
        if kind:
            if _is_separator(text, columns):
                after_separator = True
                pending_rule = ""
                if pending:  # a banner between two separators
                    flush_pending_as_headings(banner=True)
                previous_was_row = False
                continue
            # a rule touching a row is recorded on it: below the row above, above the row below
            if drafts and not drafts[-1].heading and previous_was_row:
                drafts[-1].rule_below = "=" if "=" in (kind, drafts[-1].rule_below) else kind
            pending_rule = kind
            previous_was_row = False
            continue
        if not split.cells or is_year_header(split):
            pending_rule = ""
            label = split.label if not split.cells else text
            stripped = label.strip()
            indent = len(label) - len(label.lstrip())
            if drafts and previous_was_row and _starts_lower(stripped) and not drafts[-1].heading \
                    and drafts[-1].label:
                drafts[-1].label = f"{drafts[-1].label} {clean_label(stripped)}"
                continue
            if after_separator and indent <= 2 and not pending:
                pending.append((indent, stripped, line.number))
                after_separator = True
                previous_was_row = False
                continue
            pending.append((indent, stripped, line.number))
            previous_was_row = False
            label_above = True
            continue
        # a number line
        after_separator = False
        label_raw = split.label
        stripped = label_raw.strip()
        indent = len(label_raw) - len(label_raw.lstrip()) if stripped else -1
        label_line = line.number
        if pending and not stripped and above and not pending[-1][1].endswith(":"):
            # the label printed on the line above its numbers (a text browser's dump of an HTML
            # table): the numbers are that row's, not an unlabeled subtotal
            indent, stripped, label_line = pending.pop()
        if pending and stripped:
            # join the label-only lines this row's label continues ("Shares used in computing /
            # basic earnings (loss) / per share   26,554"): each line continues the one above
            # when it starts in lower case or the one above ends mid-phrase
            joined = stripped
            while pending:
                last_indent, last_text, last_line = pending[-1]
                if not (_starts_lower(joined) or _CONTINUES.search(last_text)):
                    break
                pending.pop()
                joined = f"{last_text} {joined}"
                indent, label_line = last_indent, last_line
            stripped = joined
        if pending:
            flush_pending_as_headings()
        # the row's place in the outline: headings at or deeper than its indent are closed
        if indent >= 0:
            # a heading that gives a unit ("EARNINGS PER SHARE:", "Weighted average shares") at the
            # rows' own indent holds the rows below it ("Basic", "Diluted"): a flat layout prints no
            # indentation to say so
            stack[:] = [entry for entry in stack if entry[2] or entry[0] < indent
                        or (entry[0] == indent and unit_heading(entry[1]))]
        else:  # an unlabeled subtotal totals the outermost open section
            banners = [entry for entry in stack if entry[2]]
            sections = [entry for entry in stack if not entry[2]]
            stack[:] = banners + sections[:1]
        draft = _RowDraft(label=clean_label(stripped), indent=max(indent, 0), line=line.number,
                          label_line=label_line, cells=[None] * len(columns), path=path(),
                          rule_above=pending_rule)
        pending_rule = ""
        tabs = line.tabs  # without tabs a column of the text is the column of the line
        ranked = by_rank and len(split.cells) == by_rank == len(columns)
        for rank, cell in enumerate(split.cells):
            j = rank if ranked else cell_to_column(cell, columns)
            if j is None:
                problems.append(Problem("tables", f"number {cell.display!r} is under no column",
                                        line.number, line.source_col(cell.start), line.source_col(cell.end)))
                continue
            if draft.cells[j] is not None:
                problems.append(Problem("tables", f"two numbers under one column: {cell.display!r}",
                                        line.number, line.source_col(cell.start), line.source_col(cell.end)))
                continue
            draft.cells[j] = _cell(
                display=cell.display, value=cell.value, decimals=cell.decimals, nil=cell.nil, line=line.number,
                col=line.source_col(cell.start) if tabs else cell.start,
                end_col=line.source_col(cell.end - 1) + 1 if tabs else cell.end,
                footnote=cell.footnote, percent=cell.percent,
            )
            draft.dollar = draft.dollar or cell.dollar
            draft.percent = draft.percent or cell.percent
        drafts.append(draft)
        previous_was_row = True
        # "Net cash provided by financing activities" closes FINANCING ACTIVITIES; "Total assets" closes ASSETS
        lowered = draft.label.lower()
        if lowered.startswith(("total", "net cash")):  # the only labels _CLOSING can shorten
            closes = _CLOSING.sub("", lowered).strip()
            if closes != lowered:
                for position, (_, heading, banner) in enumerate(stack):
                    if banner and heading.lower() == closes:
                        del stack[position:]
                        break
    flush_pending_as_headings()
    # drop trailing heading rows (notes under the table that were not rows)
    while drafts and drafts[-1].heading:
        drafts.pop()
    return drafts, attributable


def rows_to_periods(rows: tuple[Row, ...]) -> tuple[Row, ...]:
    """A statement of changes in equity dates its rows, not its columns.

    "Balance at September 30, 1994" (or any label that ends "at <date>": "Accrued balance at
    December 31, 2022", "Liability as of December 26, 2020") is an instant; the rows between two
    balances are the duration from the day after the first to the second.
    """
    dates: dict[int, object] = {}
    for index, row in enumerate(rows):
        if not row.heading and (_BALANCE.match(row.label) or _STANDS_AT.search(row.label)):
            found = text_to_dates(row.label)
            if found:
                dates[index] = found[-1]
    if len(dates) < 2:
        return rows
    out = list(rows)
    balance_rows = sorted(dates)
    for index in balance_rows:
        out[index] = replace(out[index], period=dates[index].isoformat())
    for before, after in zip(balance_rows, balance_rows[1:]):
        start = dates[before] + timedelta(days=1)
        span = f"{start.isoformat()}/{dates[after].isoformat()}"
        for index in range(before + 1, after):
            if not out[index].heading:
                out[index] = replace(out[index], period=span)
    return tuple(out)


def _starts_lower(text: str) -> bool:
    """"basic earnings", "(losses) on": the text continues a label begun above."""
    stripped = text.lstrip("( ")
    return stripped[:1].islower()


_MARKER = re.compile(r"\(\s*[a-z0-9]{1,2}\s*\)", re.IGNORECASE)  # "(a)", "( 2 )"


def _heading_name(text: str) -> tuple[str, Decimal | None]:
    """"AMERICAN GIRL UNIT (Reflects Hecla's 47% share)" -> ("AMERICAN GIRL UNIT", 0.47)."""
    share = None
    match = _SHARE_NOTE.search(text)
    if match:
        share = Decimal(match.group(1)) / 100
        text = text[: match.start()] + text[match.end():]
    text = _MARKER.sub(" ", text)
    return clean_label(text), share


def finish_row(draft: _RowDraft, columns: list[Column], money_table: bool) -> Row:
    percent = draft.percent and all(c is None or c.percent for c in draft.cells)
    unit = "" if draft.heading else row_unit(draft.label, draft.path, money_table, draft.dollar, percent).unit
    cells = tuple(draft.cells) if not draft.heading else tuple(None for _ in columns)
    return _row(label=draft.label, path=draft.path, indent=draft.indent, line=draft.line,
                label_line=draft.label_line, cells=cells, rule_above=draft.rule_above,
                rule_below=draft.rule_below, unit=unit, heading=draft.heading)
