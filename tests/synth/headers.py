"""Column headers: the words a period is printed with, and how they stack over the columns.

Why: the hardest part of reading a statement is the header: "Three Months Ended"
spanning two columns over "June 30," over "1998  1997"; "June 30," over "1998"
beside "December 31," over "1997"; a description at column 0 beside the years;
the period only in the title. Each style is a list of header rows, each row a
list of spans of text over column ranges; the renderer only places them.
"""

from __future__ import annotations

from dataclasses import dataclass

from tests.synth.fiscal import NUMBER_WORDS, ORDINALS, FiscalCalendar, Span, full_date, month_day, span_months, \
    span_weeks
from tests.synth.spec import Column, TableSpec
from tests.synth.style import House, TableStyle

LABEL_AREA = -1  # a span's first column: printed at column 0, over the labels


@dataclass(frozen=True)
class HSpan:
    first: int  # first column, or LABEL_AREA
    last: int
    text: str
    fill: bool = False  # a rule of dashes across the span instead of text
    note: bool = False  # the scale note, not part of any column's header


@dataclass(frozen=True)
class Header:
    rows: tuple[tuple[HSpan, ...], ...]
    title_period: str  # a line for the title block ("For the Three Months Ended June 30, 1998 and 1997"), or ""
    layout: str  # the style laid out: a table style's choice, or "stacked" where its columns do not allow it


def length_words(span: Span, calendar: FiscalCalendar, quarter: int, wording: str) -> str:
    """How a header says how long ``span`` is: "Three Months Ended", "Thirteen Weeks Ended", "Year Ended"."""
    if calendar.weekly:
        weeks = span_weeks(span)
        if weeks == 52 and wording != "weeks":
            return "Fiscal Year Ended"
        if wording == "weeks" or weeks in (14, 53):
            return f"{NUMBER_WORDS[weeks] if weeks < 40 else weeks} Weeks Ended"
        return f"{NUMBER_WORDS[weeks // 13 * 3]} Months Ended"
    months = span_months(span)
    if months == 12:
        return "Year Ended" if wording != "quarter" else "Fiscal Year Ended"
    if months == 3 and wording == "quarter":
        return f"{ORDINALS[quarter]} Quarter Ended" if quarter else "Quarter Ended"
    return f"{NUMBER_WORDS[months]} Months Ended"


def build_header(spec: TableSpec, style: TableStyle, house: House, calendar: FiscalCalendar, quarter: int) -> Header:
    columns = spec.columns
    if all(c.kind == "named" for c in columns):
        rows, title, layout = _named_rows(columns), "", "named"
    elif columns[0].kind == "instant":
        rows, title, layout = _instant_rows(columns, style, house)
    else:
        rows, title, layout = _duration_rows(columns, style, house, calendar, quarter)
    rows = _with_note(rows, style, len(columns))
    if style.header_rule:
        rows.append(tuple(HSpan(i, i, "", fill=True) for i in range(len(columns))))
    return Header(tuple(tuple(r) for r in rows), title, layout)


def _groups(words: list[str]) -> list[tuple[int, int, str]]:
    """Runs of adjacent columns that share their length words."""
    groups: list[tuple[int, int, str]] = []
    for index, text in enumerate(words):
        if groups and groups[-1][2] == text:
            groups[-1] = (groups[-1][0], index, text)
        else:
            groups.append((index, index, text))
    return groups


def _duration_rows(columns: list[Column], style: TableStyle, house: House, calendar: FiscalCalendar,
                   quarter: int) -> tuple[list, str, str]:
    ab = house.abbreviated
    words = [length_words(c.span, calendar, quarter, style.wording) for c in columns]
    groups = _groups(words)
    ends = [c.span.end for c in columns]
    same_day = all(len({month_day(ends[i], ab) for i in range(g[0], g[1] + 1)}) == 1 for g in groups)
    years = tuple(HSpan(i, i, str(end.year)) for i, end in enumerate(ends))
    layout = style.header
    if layout in ("col0", "title") and not (same_day and len(groups) == 1):
        layout = "stacked"
    if layout == "oneline" and not same_day:
        layout = "stacked"
    if layout == "title":
        first, second = ends[0], ends[-1]
        tail = str(second.year) if len(columns) == 2 else ", ".join(str(e.year) for e in ends[1:])
        return [list(years)], f"For the {words[0]} {full_date(first, ab)} and {tail}", layout
    if layout == "col0":
        return [[HSpan(LABEL_AREA, LABEL_AREA, f"{words[0]} {month_day(ends[0], ab)}"), *years]], "", layout
    group_row = [HSpan(a, b, text) for a, b, text in groups]
    if layout == "oneline":
        rows = [[HSpan(a, b, f"{text} {month_day(ends[a], ab)}") for a, b, text in groups]]
    elif layout == "fulldate":
        rows = [group_row]
        if style.group_rule:
            rows.append([HSpan(a, b, "", fill=True) for a, b, _ in groups])
        rows.append([HSpan(i, i, full_date(end, ab)) for i, end in enumerate(ends)])
        return rows, "", layout
    else:
        rows = [group_row]
        if style.group_rule:
            rows.append([HSpan(a, b, "", fill=True) for a, b, _ in groups])
        rows.append(_day_row(groups, ends, ab))
    rows.append(list(years))
    return rows, "", layout


def _day_row(groups: list[tuple[int, int, str]], ends: list, abbreviated: bool) -> list[HSpan]:
    """ "June 30," once over a group whose columns share it, else over each column ("June 27," "June 28,")."""
    row = []
    for first, last, _ in groups:
        days = {month_day(ends[i], abbreviated) for i in range(first, last + 1)}
        if len(days) == 1:
            row.append(HSpan(first, last, days.pop()))
        else:
            row.extend(HSpan(i, i, month_day(ends[i], abbreviated)) for i in range(first, last + 1))
    return row


def _instant_rows(columns: list[Column], style: TableStyle, house: House) -> tuple[list, str, str]:
    ab = house.abbreviated
    days = [c.instant for c in columns]
    years = [HSpan(i, i, str(d.year)) for i, d in enumerate(days)]
    unaudited = [HSpan(0, 0, "(unaudited)")] if style.unaudited == "column" else []
    if style.header == "title":
        if len({month_day(d, ab) for d in days}) == 1:
            title = f"{full_date(days[0], ab)} and {days[1].year}"
        else:
            title = f"{full_date(days[0], ab)} and {full_date(days[1], ab)}"
        return [years] + ([unaudited] if unaudited else []), title, "title"
    if style.header == "fulldate":
        rows = [[HSpan(i, i, full_date(d, ab)) for i, d in enumerate(days)]]
    elif len({month_day(d, ab) for d in days}) == 1:
        rows = [[HSpan(0, len(days) - 1, month_day(days[0], ab))], years]
    else:
        rows = [[HSpan(i, i, month_day(d, ab)) for i, d in enumerate(days)], years]
    if unaudited:
        rows.append(unaudited)
    return rows, "", "fulldate" if style.header == "fulldate" else "stacked"


def _named_rows(columns: list[Column]) -> list:
    """Each column's words stacked, bottom-aligned, under a group word where columns have one."""
    depth = max(len(c.names) for c in columns)
    rows = []
    groups = [(a, b, text) for a, b, text in _groups([c.group for c in columns]) if text]
    if groups:
        rows.append([HSpan(a, b, text) for a, b, text in groups])
    for level in range(depth):
        row = []
        for index, column in enumerate(columns):
            offset = level - (depth - len(column.names))
            if offset >= 0:
                row.append(HSpan(index, index, column.names[offset]))
        rows.append(row)
    return rows


def _with_note(rows: list, style: TableStyle, count: int) -> list:
    """The scale note as a header line over every column, at column 0 beside the top header line, or per column."""
    if style.note is None or style.note_position in ("title", "none"):
        return rows
    text = _note_text(style)
    if style.note_position == "header_first":
        return [[HSpan(0, count - 1, text, note=True)]] + rows
    if style.note_position == "column":
        return rows + [[HSpan(i, i, text, note=True) for i in range(count)]]
    top = rows[0]
    if any(span.first == LABEL_AREA for span in top):
        return [[HSpan(LABEL_AREA, LABEL_AREA, text, note=True)]] + rows
    return [[HSpan(LABEL_AREA, LABEL_AREA, text, note=True), *top]] + rows[1:]


def _note_text(style: TableStyle) -> str:
    text = style.note.text
    if style.unaudited == "note" and text.endswith(")"):
        text = f"{text[:-1]}; unaudited)"
    return text.upper() if style.note_caps else text


def title_note(style: TableStyle) -> str:
    """The note as a line of the title block, or "" when it prints elsewhere."""
    if style.note is None or style.note_position != "title":
        return ""
    return _note_text(style)


def column_headers(header: Header, count: int) -> list[str]:
    """Each column's header as printed: every text over it, top to bottom, and a period at column 0."""
    texts: list[list[str]] = [[] for _ in range(count)]
    for row in header.rows:
        for span in row:
            if span.fill or span.note or not span.text:
                continue
            targets = range(count) if span.first == LABEL_AREA else range(span.first, span.last + 1)
            for index in targets:
                texts[index].append(span.text)
    return [" ".join(t) for t in texts]
