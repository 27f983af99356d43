"""Stage 3, tables: a table block -> Table (title, note, columns with periods, rows).

The work is a chain of small steps, each a pure function:

    block_to_table
      lines_to_splits      each line -> label + numeric cells (tables.cells)
      splits_to_columns    cells of all number lines -> column spans (overlap clustering)
      find_header          the column-header lines above the first number line
      header_to_columns    header phrases -> each column's header text -> period
      lines_to_rows        labels (continuations joined), section paths, rules
      rows_to_units        per-row unit (tables.units)

A table that cannot be read well is still returned with what was read, and a
``Problem`` says what was odd; nothing here raises on bad input.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from tieout.model import Block, Cell, Column, Document, Problem, Row, Table
from tieout.tables.cells import (RawCell, SplitLine, is_year_header, line_to_cells, rule_kind, rule_segments,
                                 strip_markup)
from tieout.tables.periods import (PeriodContext, header_to_period, is_instant_table, text_to_dates,
                                   text_to_length, year_only)
from tieout.tables.units import Scale, find_note, note_to_scale, row_unit

__all__ = ["block_to_table", "TableSettings"]


@dataclass(frozen=True)
class TableSettings:
    max_title_lines: int = 6
    title_gap: int = 3  # blank lines allowed between a title block and its table


DEFAULT = TableSettings()

_CONTINUES = re.compile(r"(?:\b(?:and|or|of|to|for|in|the|from|on|by|with|at|net|less|per|a|an)|[,&/-])\s*$",
                        re.IGNORECASE)
_FOOTNOTE_TAIL = re.compile(r"\s*(?:\(\s*[a-z0-9]{1,2}\s*\)|\*+)\s*$", re.IGNORECASE)
_SHARE_NOTE = re.compile(r"\(\s*(?:reflects|represents)?[^()]*?(\d+(?:\.\d+)?)\s*%\s*(?:share|interest|owned|ownership)"
                         r"[^()]*\)", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
_GLUED = re.compile(r"\S [($]?[\d.,]*\d[)%]?$")  # a label ending in a number one space off
_PERIOD_WORDS = re.compile(r"\b(ended|ending|months|weeks|quarter|years?|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|"
                           r"nov|dec)[a-z]*\b", re.IGNORECASE)
_CLOSING = re.compile(r"^(?:total|net cash(?: provided| used)?(?: \(used\))?(?: by| from| in| for)?"
                      r"(?: \((?:used in|used by|provided by)\))?)\s+")


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


def collapse(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def clean_label(text: str) -> str:
    label = collapse(text)
    label = _FOOTNOTE_TAIL.sub("", label)
    return label.rstrip(" :.")


def block_to_table(block: Block, document: Document, index: int, blocks=(),
                   settings: TableSettings = DEFAULT) -> tuple[Table | None, list[Problem]]:
    problems: list[Problem] = []
    lines = [line for line in block.lines if not _markup_only(line.text)]
    if not lines:
        return None, problems
    texts = [strip_markup(line.text) for line in lines]
    splits = fold_years_into_labels(texts, [line_to_cells(text) for text in texts])
    data = [bool(s.cells) and not is_year_header(s) for s in splits]
    if not any(data):
        return None, problems
    columns = splits_to_columns([s for s, d in zip(splits, data) if d])
    # second pass: a number one space from its label counts when it sits in a known column
    splits = fold_years_into_labels(texts, [line_to_cells(text, columns) if s.cells and _GLUED.search(s.label)
                                            else s for text, s in zip(texts, splits)])
    data = [bool(s.cells) and not is_year_header(s) for s in splits]
    columns = columns_by_rank(splits_to_columns([s for s, d in zip(splits, data) if d]),
                              [s for s, d in zip(splits, data) if d])
    first_data = data.index(True)

    header_top, body_start = find_header(texts, splits, data, first_data, columns)
    title_lines = _title_lines(block, lines, header_top, blocks, settings)
    title_texts = [collapse(strip_markup(line.text)) for line in title_lines]
    note = next((find_note(t) for t in title_texts if find_note(t)), "")
    if not note:
        for text in texts[header_top:body_start]:
            if find_note(text):
                note = find_note(text)
                break
    title_parts = [t for t in title_texts if t and not _is_note_line(t)]
    stub = _stub_text(texts[header_top:body_start], columns)
    if stub:
        title_parts.append(stub)
    title = collapse(" ".join(title_parts))
    scale = note_to_scale(note)

    header_texts = header_to_columns(texts[header_top:body_start], columns)
    all_header = " ".join(header_texts)
    title_text = " ".join(title_texts + [stub])
    context = PeriodContext(
        instant=is_instant_table(title, all_header),
        title_dates=tuple(text_to_dates(title_text)),
        length=text_to_length(title_text),
    )
    percent_cols = _percent_columns(splits, data, columns, header_texts)
    built_columns = []
    for i, (left, right) in enumerate(columns):
        header = header_texts[i]
        period = header_to_period(header, context) if i not in percent_cols else None
        if period is None and i not in percent_cols and not text_to_dates(header):
            period = year_only(header) if not context.title_dates else None
        unit, column_scale = header_unit(header)
        built_columns.append(Column(i, header, period, left, right, "percent" if i in percent_cols else "amount",
                                    unit, column_scale))

    drafts, attributable = lines_to_rows(lines[body_start:], texts[body_start:], splits[body_start:], columns,
                                         problems, document.name)
    money_table = scale.money != 1 or bool(note) or any(d.dollar for d in drafts)
    rows = tuple(_finish_row(d, built_columns, money_table) for d in drafts)
    if not any(c.period for c in built_columns):
        rows = rows_to_periods(rows)
    if not any(r.cells and any(c is not None for c in r.cells) for r in rows):
        return None, problems
    first = title_lines[0].number if title_lines else lines[0].number
    return Table(
        document=document.name, index=index, title=title, note=collapse(note.strip("()")) if note else "",
        scale=scale.money, shares_scale=scale.shares if scale.shares_source != "none" else Decimal(1),
        first=first, last=lines[-1].number, columns=tuple(built_columns), rows=rows,
        attributable=tuple(attributable),
    ), problems


def _markup_only(text: str) -> bool:
    stripped = text.strip()
    return bool(stripped) and not strip_markup(text).strip()


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
            yearlike = (not first.nil and not first.dollar and first.decimals == 0 and "," not in first.display
                        and "(" not in first.display and 1900 <= first.value <= 2100)
            label = split.label.strip()
            if yearlike and (label.endswith(",") or (not label and previous.rstrip().endswith(","))):
                new_label = text[: first.end - 1].rstrip()
                split = SplitLine(label=new_label, label_end=first.end, cells=split.cells[1:])
        out.append(split)
        if text.strip():
            previous = text
    return out


# --------------------------------------------------------------------------
# columns


def splits_to_columns(splits: list[SplitLine]) -> tuple[tuple[int, int], ...]:
    """Cells of every number line -> column spans, by merging overlapping cell spans.

    Right-aligned numbers of one column overlap each other; two columns are
    set apart by white space. A cluster in which one line has two cells was
    merged by a stray wide cell and is split again by right edges.
    """
    spans = sorted((c.start, c.end) for s in splits for c in s.cells)
    clusters: list[list[int]] = []
    for start, end in spans:
        if clusters and start < clusters[-1][1]:
            clusters[-1][1] = max(clusters[-1][1], end)
        else:
            clusters.append([start, end])
    result: list[tuple[int, int]] = []
    for left, right in clusters:
        inside = [[c for c in s.cells if left <= c.start and c.end <= right] for s in splits]
        if any(len(cells) > 1 for cells in inside):
            result.extend(_split_by_right_edges([c for cells in inside for c in cells]))
        else:
            result.append((left, right))
    return tuple(result)


def columns_by_rank(columns, splits: list[SplitLine]) -> tuple[tuple[int, int], ...]:
    """Tab-set tables drift: when no line fills every column found, but most lines hold the
    same number of cells, the i-th cell of a line is in the i-th column."""
    if not splits or not columns:
        return columns
    counts = Counter(len(s.cells) for s in splits)
    if max(counts) >= len(columns):
        return columns  # some line fills every column: the clustering stands
    common, frequency = counts.most_common(1)[0]
    if common == 0 or frequency < 0.6 * len(splits):
        return columns
    full = [s for s in splits if len(s.cells) == common]
    return tuple((min(s.cells[j].start for s in full), max(s.cells[j].end for s in full)) for j in range(common))


def _split_by_right_edges(cells: list[RawCell]) -> list[tuple[int, int]]:
    def edge(c: RawCell) -> int:
        return c.end - (1 if c.display.endswith((")", "%")) else 0)

    groups: list[list[RawCell]] = []
    for cell in sorted(cells, key=edge):
        if groups and edge(cell) - edge(groups[-1][-1]) <= 1:
            groups[-1].append(cell)
        else:
            groups.append([cell])
    return [(min(c.start for c in g), max(c.end for c in g)) for g in groups]


def cell_to_column(cell: RawCell, columns: tuple[tuple[int, int], ...]) -> int | None:
    best, best_overlap = None, 0
    for i, (left, right) in enumerate(columns):
        overlap = min(right, cell.end) - max(left, cell.start)
        if overlap > best_overlap:
            best, best_overlap = i, overlap
    if best is not None:
        return best
    centre = (cell.start + cell.end) / 2
    distances = [(abs((left + right) / 2 - centre), i) for i, (left, right) in enumerate(columns)]
    distance, nearest = min(distances) if distances else (999, None)
    return nearest if distance <= 8 else None


# --------------------------------------------------------------------------
# headers


def _over_columns(text: str, columns) -> bool:
    """Does the line have text above the number columns (not only in the label area)?"""
    if not columns:
        return False
    first_left = columns[0][0]
    return bool(text[max(first_left - 3, 0):].strip())


def find_header(texts, splits, data, first_data: int, columns) -> tuple[int, int]:
    """(top, body_start) of the column-header lines above the first number line."""
    k = first_data - 1
    lowest_header = None
    while k >= 0:
        text = texts[k]
        if not text.strip():
            if lowest_header is not None:
                break
        elif rule_kind(text):
            pass
        elif is_year_header(splits[k]) or (not data[k] and _over_columns(text, columns)):
            if lowest_header is None:
                lowest_header = k
        elif lowest_header is not None and not data[k]:
            pass  # a label-area line among the header lines ("HIGHLIGHTS" above them)
        k -= 1
    if lowest_header is None:
        return 0, 0
    top = k + 1
    while top < lowest_header and not texts[top].strip():
        top += 1
    return top, lowest_header + 1


def _phrases(text: str) -> list[tuple[int, int, str]]:
    """Runs of text separated by two or more spaces: (1-based start, end exclusive, text)."""
    return [(m.start() + 1, m.end() + 1, m.group()) for m in re.finditer(r"\S+(?: \S+)*", text)]


def header_to_columns(header_lines: list[str], columns) -> list[str]:
    """Each column's header: the header phrases above it, top to bottom."""
    parts: list[list[str]] = [[] for _ in columns]
    if not columns:
        return []
    first_left = columns[0][0]
    for i, text in enumerate(header_lines):
        if rule_kind(text):
            continue
        underline = [seg for below in header_lines[i + 1:] if rule_kind(below) for seg in rule_segments(below)]
        for start, end, phrase in _phrases(text):
            if end <= first_left - 2:
                continue  # stub text over the labels
            if _is_note_line(phrase) and re.search(r"dollar|\$", phrase, re.IGNORECASE):
                continue  # "(Dollars in millions)" set over the columns is the table's note
            extent = (start, end)
            centre = (start + end) / 2
            for u_start, u_end, _kind in underline:
                if u_start <= centre <= u_end and u_end - u_start < 200:
                    extent = (min(start, u_start), max(end, u_end))
                    break
            hits = [j for j, (left, right) in enumerate(columns)
                    if min(right, extent[1]) - max(left, extent[0]) > 0]
            lone = len([p for p in _phrases(text) if p[1] > first_left - 2]) == 1
            if lone and extent == (start, end) and len(columns) > 1 and len(hits) > 1 and \
                    _PERIOD_WORDS.search(phrase):
                # "Quarter Ended March 31," alone on its line, across the columns: it heads them all
                hits = list(range(len(columns)))
            elif not hits:
                distances = [(abs((left + right) / 2 - centre), j) for j, (left, right) in enumerate(columns)]
                distance, nearest = min(distances)
                if distance <= 10:
                    hits = [nearest]
            elif len(hits) > 1 and extent == (start, end):
                # no underline: a phrase wider than its column goes to the column it overlaps most,
                # unless it clearly spans several (covers most of each)
                covered = [j for j in hits if _coverage(columns[j], extent) >= 0.6]
                if len(covered) < 2:
                    hits = [max(hits, key=lambda j: min(columns[j][1], end) - max(columns[j][0], start))]
                else:
                    hits = covered
            for j in hits:
                parts[j].append(phrase)
    return [collapse(" ".join(p)) for p in parts]


def header_unit(header: str) -> tuple[str, Decimal]:
    """A unit printed in a column header: "Shares (in thousands)" -> ("shares", 1000)."""
    if not re.search(r"\bshares\b", header, re.IGNORECASE) or re.search(r"per\s+share", header, re.IGNORECASE):
        return "", Decimal(1)
    scale = note_to_scale(header)
    return "shares", scale.money


def _coverage(column: tuple[int, int], extent: tuple[int, int]) -> float:
    left, right = column
    width = max(right - left, 1)
    return max(0, min(right, extent[1]) - max(left, extent[0])) / width


def _stub_text(header_lines: list[str], columns) -> str:
    """Header text over the label area (e.g. "HIGHLIGHTS"), which names the table."""
    if not columns:
        return ""
    first_left = columns[0][0]
    out = []
    for text in header_lines:
        if rule_kind(text):
            continue
        for start, end, phrase in _phrases(text):
            if end <= first_left - 2 and start <= 12:
                out.append(phrase)
    return collapse(" ".join(out))


def _percent_columns(splits, data, columns, header_texts) -> set[int]:
    counts: dict[int, list[int]] = {}
    for split, is_data in zip(splits, data):
        if not is_data:
            continue
        for cell in split.cells:
            j = cell_to_column(cell, columns)
            if j is not None:
                tally = counts.setdefault(j, [0, 0])
                tally[0] += cell.percent
                tally[1] += 1
    out = {j for j, (p, n) in counts.items() if p * 2 > n and not re.search(r"\b(?:19|20)\d\d\b", header_texts[j])}
    out |= {j for j, h in enumerate(header_texts) if h.strip() in ("%", "Percent", "% Change", "% of Sales",
                                                                     "Change %", "%Change", "Percent Change")
            or re.fullmatch(r"(?:%|percent)\b.*|.*\b(?:%|percent)(?:\s+change)?", h.strip(), re.IGNORECASE)
            and not re.search(r"\d{4}", h)}
    return out


# --------------------------------------------------------------------------
# title


def _is_note_line(text: str) -> bool:
    stripped = text.strip()
    if find_note(stripped) and len(find_note(stripped)) >= len(stripped) - 14:
        return True
    return bool(re.fullmatch(r"\(?\s*(?:unaudited|audited|in\s+dollars|dollars)\s*\)?", stripped, re.IGNORECASE))


def _title_lines(block: Block, lines, header_top: int, blocks, settings: TableSettings):
    """Title lines: up to three short blocks just before the table, then its own lines above its header."""
    own = [line for line in lines[:header_top] if line.text.strip() and not rule_kind(line.text)]
    first = own[0].number if own else block.first
    preceding = [b for b in blocks if b.document == block.document and b.last < block.first]
    before: list = []
    for previous in reversed(preceding[-3:]):
        short = previous.kind == "heading" or (previous.kind == "paragraph" and len(previous.lines) <= 4 and
                                               all(len(line.text.strip()) <= 75 for line in previous.lines) and
                                               not previous.lines[-1].text.rstrip().endswith("."))
        if not short or first - previous.last > settings.title_gap + 1:
            break
        before = list(previous.lines) + before
        first = previous.first
    return (before + own)[-settings.max_title_lines:]


# --------------------------------------------------------------------------
# rows


def _is_separator(text: str, columns) -> bool:
    """A rule from the left margin across the table: a section separator, not a total rule."""
    segments = rule_segments(text)
    if not segments or not columns:
        return False
    return segments[0][0] <= 4 and segments[-1][1] >= columns[0][0]


def lines_to_rows(lines, texts, splits, columns, problems, document_name):
    """Body lines -> row drafts with joined labels, section paths and rule marks."""
    drafts: list[_RowDraft] = []
    stack: list[tuple[int, str, bool]] = []  # (indent, heading, banner)
    pending: list[tuple[int, str, int]] = []  # label-only lines waiting: (indent, text, line)
    pending_rule = ""
    after_separator = False
    attributable: list[tuple[str, Decimal]] = []
    previous_was_row = False

    def path() -> tuple[str, ...]:
        return tuple(text for _, text, _ in stack)

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
        for indent, text, line_no in pending:
            push_heading(indent, text, line_no, banner)
        pending.clear()

    for line, text, split in zip(lines, texts, splits):
        if not text.strip():
            previous_was_row = False
            pending_rule = ""
            continue
        kind = rule_kind(text)
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
            continue
        # a number line
        after_separator = False
        label_raw = split.label
        stripped = label_raw.strip()
        indent = len(label_raw) - len(label_raw.lstrip()) if stripped else -1
        label_line = line.number
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
        flush_pending_as_headings()
        # the row's place in the outline: headings at or deeper than its indent are closed
        if indent >= 0:
            stack[:] = [entry for entry in stack if entry[2] or entry[0] < indent]
        else:  # an unlabeled subtotal totals the outermost open section
            banners = [entry for entry in stack if entry[2]]
            sections = [entry for entry in stack if not entry[2]]
            stack[:] = banners + sections[:1]
        draft = _RowDraft(label=clean_label(stripped), indent=max(indent, 0), line=line.number,
                          label_line=label_line, cells=[None] * len(columns), path=path(),
                          rule_above=pending_rule)
        pending_rule = ""
        for cell in split.cells:
            j = cell_to_column(cell, columns)
            if j is None:
                problems.append(Problem("tables", f"number {cell.display!r} is under no column",
                                        line.number, line.source_col(cell.start), line.source_col(cell.end)))
                continue
            if draft.cells[j] is not None:
                problems.append(Problem("tables", f"two numbers under one column: {cell.display!r}",
                                        line.number, line.source_col(cell.start), line.source_col(cell.end)))
                continue
            draft.cells[j] = Cell(
                display=cell.display, value=cell.value, decimals=cell.decimals, nil=cell.nil,
                line=line.number, col=line.source_col(cell.start), end_col=line.source_col(cell.end - 1) + 1,
                footnote=cell.footnote, percent=cell.percent,
            )
            draft.dollar = draft.dollar or cell.dollar
            draft.percent = draft.percent or cell.percent
        drafts.append(draft)
        previous_was_row = True
        # "Net cash provided by financing activities" closes FINANCING ACTIVITIES; "Total assets" closes ASSETS
        closes = _CLOSING.sub("", draft.label.lower()).strip()
        if closes != draft.label.lower():
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

    "Balance at September 30, 1994" is an instant; the rows between two
    balances are the duration from the day after the first to the second.
    """
    from dataclasses import replace
    from datetime import timedelta

    dates: dict[int, object] = {}
    for index, row in enumerate(rows):
        if not row.heading and re.match(r"balances?\b", row.label, re.IGNORECASE):
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


def _heading_name(text: str) -> tuple[str, Decimal | None]:
    """"AMERICAN GIRL UNIT (Reflects Hecla's 47% share)" -> ("AMERICAN GIRL UNIT", 0.47)."""
    share = None
    match = _SHARE_NOTE.search(text)
    if match:
        share = Decimal(match.group(1)) / 100
        text = text[: match.start()] + text[match.end():]
    text = re.sub(r"\(\s*[a-z0-9]{1,2}\s*\)", " ", text, flags=re.IGNORECASE)
    return clean_label(text), share


def _finish_row(draft: _RowDraft, columns: list[Column], money_table: bool) -> Row:
    percent = draft.percent and all(c is None or c.percent for c in draft.cells)
    unit = "" if draft.heading else row_unit(draft.label, draft.path, money_table, draft.dollar, percent).unit
    cells = tuple(draft.cells) if not draft.heading else tuple(None for _ in columns)
    return Row(label=draft.label, path=draft.path, indent=draft.indent, line=draft.line,
               label_line=draft.label_line, cells=cells, rule_above=draft.rule_above,
               rule_below=draft.rule_below, unit=unit, heading=draft.heading)
