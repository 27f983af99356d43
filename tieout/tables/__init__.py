"""Stage 3, tables: a table block -> Table (title, note, columns with periods, rows).

The work is a chain of small pure functions, one module each:

    block_to_table
      line_to_cells          each line -> label + numeric cells          cells.py
      fold_years_into_labels "Balance at September 30, / 1994  ..."      rows.py
      splits_to_columns      cells of all number lines -> column spans   columns.py
      find_header            the column-header lines                     headers.py
      lines_to_note          the scale note: title, header, lead-in      here, headers.py
      standing_note          "Unless otherwise noted, tables are ... in   headers.py
                             millions": the note of the tables after it
      header_to_columns      header phrases -> each column's header      headers.py
      headers_to_columns     each header -> Column with its period       here, periods.py
      lines_to_rows          labels, section paths, rules                rows.py
      row_unit               unit and scale of a row                     units.py
      table_kind             data, or contents / cover (no facts)        kinds.py

Then, over all of a document's tables (the loader):

      tables_with_fiscal_years   a bare year of an annual report -> its fiscal year
      tables_on_weekly_calendar  months of a 52/53-week filer -> the weeks they cover
      tables_in_statement_scale  a notes table in "$" with no note -> its statements' scale

A table that cannot be read well is still returned with what was read, and a
``Problem`` says what was odd; nothing here raises on bad input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from tieout.model import Block, Column, Document, Line, Problem, Row, Table
from tieout.tables.cells import holds_only_years, is_year_header, line_to_cells, strip_markup
from tieout.tables.columns import columns_by_hints, columns_by_rank, percent_columns, splits_to_columns
from tieout.tables.headers import (collapse, find_header, header_line_note, header_to_columns, header_unit, is_note_line,
                                   blocks_before, lead_in_note, standing_note, stub_text, title_lines)
from tieout.tables.kinds import table_kind
from tieout.tables.periods import (PeriodContext, header_to_period, is_balance_title, is_flow_statement, is_instant_table,
                                  title_heading_period,
                                   months_named, text_to_dates, text_to_length, text_to_month_day, year_only,
                                   fiscal_year_ends, is_weekly_end, parse_period, weekly_period, year_to_fiscal_period,
                                   years_from_consecutive_ends)
from tieout.tables.rows import finish_row, fold_years_into_labels, lines_to_rows, rows_to_periods
from tieout.tables.units import find_note, note_to_scale

__all__ = ["block_to_table", "standing_note", "TableSettings", "tables_with_fiscal_years", "tables_on_weekly_calendar",
           "tables_in_statement_scale"]


@dataclass(frozen=True)
class TableSettings:
    max_title_lines: int = 6
    title_gap: int = 3  # blank lines allowed between a title block and its table


DEFAULT = TableSettings()
CONTINUATION_GAP = 15  # lines between a table and its continuation on the next page (furniture, blanks)


_GLUED = re.compile(r"\S [($]?[\d.,]*\d[)%]?$")  # a label ending in a number one space off


def block_to_table(block: Block, document: Document, index: int, blocks=(), settings: TableSettings = DEFAULT,
                   standing: str = "", previous: Table | None = None) -> tuple[Table | None, list[Problem]]:
    """``standing`` is the document's sentence above this table that sets its tables' scale
    ("Unless otherwise noted, tables are presented in U.S. dollars in millions"): the note of a
    table of money that prints none of its own. ``previous`` is the document's table before this
    one: a table that prints neither title nor note and follows it (over a page break, or as the
    next ``<table>``) is its continuation, with its title and note (``continues``)."""
    problems: list[Problem] = []
    # lines that hold only markup (<S> <C>, <CAPTION>) are dropped; the rest without their markup
    kept = [(line, strip_markup(tab_gaps(line))) for line in block.lines]
    kept = [(line, text) for line, text in kept if text.strip() or not line.text.strip()]
    if not kept:
        return None, problems
    lines = [line for line, _ in kept]
    texts = [text for _, text in kept]
    splits = fold_years_into_labels(texts, [line_to_cells(text) for text in texts])
    data = [bool(s.cells) and not is_year_header(s) for s in splits]
    if not any(data):
        return None, problems
    columns = splits_to_columns([s for s, d in zip(splits, data) if d])
    # second pass: a number one space from its label counts when it sits in a known column
    splits = fold_years_into_labels(texts, [line_to_cells(text, columns) if s.cells and _glued(s.label)
                                            else s for text, s in zip(texts, splits)])
    data = [bool(s.cells) and not is_year_header(s) for s in splits]
    headed = _labeled_years_as_headers(splits, data)
    if headed is not data:  # a section's line of years again further down: its label, no figures
        first = next(k for k, d in enumerate(data) if d)
        splits = [replace(s, cells=()) if d and not h and k > first else s
                  for k, (s, d, h) in enumerate(zip(splits, data, headed))]
        data = headed
    if not any(data):
        return None, problems
    data_splits = [s for s, d in zip(splits, data) if d]
    clustered = splits_to_columns(data_splits)
    ranked = columns_by_rank(clustered, data_splits)
    by_rank = len(ranked) if ranked != clustered else 0  # cells placed by their order in the line
    columns = columns_by_hints(ranked, block.hints)
    first_data = data.index(True)

    header_top, body_start = find_header(texts, splits, data, first_data, columns)
    titles = title_lines(block, lines, header_top, blocks, settings)
    title_texts = [collapse(strip_markup(line.text)) for line in titles]
    note = lines_to_note(title_texts, texts[header_top:body_start], columns, block, blocks, settings)
    title_parts = [t for t in title_texts if t and not is_note_line(t)]
    stub = stub_text(texts[header_top:body_start], columns)
    if stub:
        title_parts.append(stub)
    title = collapse(" ".join(title_parts))
    scale = note_to_scale(note)

    header_texts = header_to_columns(texts[header_top:body_start], columns, by_order=bool(by_rank))
    all_header = " ".join(header_texts)
    title_text = " ".join(title_texts + [stub])
    context = PeriodContext(
        instant=is_instant_table(title, all_header),
        title_dates=tuple(text_to_dates(title_text)),
        length=text_to_length(title_text),
        flows=is_flow_statement(title),
        month_day=text_to_month_day(title_text),
    )
    percent_cols = percent_columns(splits, data, columns, header_texts)
    built_columns = headers_to_columns(columns, header_texts, percent_cols, context, title, title_text)
    drafts, attributable = lines_to_rows(lines[body_start:], texts[body_start:], splits[body_start:], columns,
                                         problems, document.name, by_rank=by_rank)
    built_columns = columns_under_title_date(built_columns, drafts, title, context)
    dollar = any(d.dollar for d in drafts)
    note_from = "table"
    if not note and not title and previous is not None and continues(previous, block, blocks, built_columns):
        title, note = previous.title, previous.note
        scale = note_to_scale(note)
        if not any(c.period for c in built_columns) and not any(d.heading and _date_heading(d.label) for d in drafts):
            # a page that does not repeat the header (and opens no section of another date): its
            # columns are the previous page's, a percent column ("% Change") included
            built_columns = [replace(c, period=p.period, kind=p.kind) for c, p in zip(built_columns, previous.columns)]
    if not note and standing and dollar:
        note, note_from = standing, "document"
        scale = note_to_scale(note)
    # a financial statement that prints neither note nor "$" is in money when its figures are whole dollars (a
    # million or more somewhere); small ones (total assets 8,916) are in a scale it states elsewhere, unknown
    money_table = scale.money != 1 or bool(note) or dollar or (
        (is_flow_statement(title) or is_balance_title(title)) and _in_full_dollars(drafts))
    rows = tuple(finish_row(d, built_columns, money_table) for d in drafts)
    if not any(c.period for c in built_columns):
        rows = rows_in_dated_sections(rows, title, context)
    if len({c.period for c in built_columns if c.kind == "amount"} - {None}) <= 1:
        # a roll-forward dates its rows ("Balance, September 30, 1997"); its columns are the
        # components of equity, whose one shared header ("YEARS ENDED SEPTEMBER 30, 1997, 1998,
        # AND 1999") dates no single row
        dated = rows_to_periods(rows)
        if dated is not rows:
            rows = dated
            built_columns = [replace(c, period=None) for c in built_columns]
    if not any(r.cells and any(c is not None for c in r.cells) for r in rows):
        return None, problems
    adjacent = titles and titles[-1].number >= block.first - settings.title_gap - 1
    first = titles[0].number if adjacent else lines[0].number  # a section heading far above is not the table
    return Table(
        document=document.name, index=index, title=title, note=collapse(note.strip("()")) if note else "",
        scale=scale.money, shares_scale=scale.shares if scale.shares_source != "none" else Decimal(1),
        first=first, last=lines[-1].number, columns=tuple(built_columns), rows=rows,
        attributable=tuple(attributable), kind=table_kind(title, built_columns, rows), note_from=note_from,
    ), problems


def _labeled_years_as_headers(splits, data: list[bool]) -> list[bool]:
    """A line of years under a header that prints none heads the columns, though it has a label.

    "Three months ended June 30,  Six months ended June 30," over "Net Sales  2023  2022  2023
    2022": the years complete the header and "Net Sales" names the rows below; read as numbers
    they would leave the columns undated and give facts of 2,023. The same years again further
    down (over "Operating Performance") head a second section.
    """
    first = next((k for k, d in enumerate(data) if d), None)
    if first is None or not holds_only_years(splits[first]) or len(splits[first].cells) < 2:
        return data
    if any(holds_only_years(s) or any(1900 <= (c.value or 0) <= 2100 for c in s.cells) for s in splits[:first]
           if s.cells):
        return data  # the header has its years already: these are figures
    years = [c.value for c in splits[first].cells]
    return [d and not (holds_only_years(s) and [c.value for c in s.cells] == years) for s, d in zip(splits, data)]


def _in_full_dollars(drafts) -> bool:
    """Does a figure of a million or more show the table's figures are whole dollars?"""
    return any(cell is not None and cell.value is not None and abs(cell.value) >= 1_000_000
               for draft in drafts for cell in draft.cells)


def continues(previous: Table, block: Block, blocks, columns: list[Column]) -> bool:
    """Does the table of ``block`` go on with ``previous`` (over a page break, or in a second
    ``<table>`` of one statement)?

    Nothing but page furniture (a page number, a running head) or blocks of a few short lines
    lies between them, and it has as many columns; the caller has found neither
    title nor note of its own.
    """
    if not previous.note or previous.document != block.document or block.first <= previous.last:
        return False
    if len(columns) != len(previous.columns):
        return False
    if block.first - previous.last > CONTINUATION_GAP:
        return False
    # (a block holds a line at least, so the gap holds at most CONTINUATION_GAP of them)
    for between in blocks_before(block, blocks, CONTINUATION_GAP):
        if between.first <= previous.last:  # the previous table's own block, or above it
            continue
        if between.kind == "table" or (between.kind != "furniture" and (
                len(between.lines) > 2 or any(len(line.text.strip()) > 60 for line in between.lines))):
            return False
    return True


def lines_to_note(title_texts: list[str], header_texts: list[str], columns, block: Block, blocks,
                  settings: TableSettings) -> str:
    """The table's scale note: the first title line's; else a header line's that stands alone, says
    dollars or sits over the labels; else the lead-in sentence's ("... as follows (in millions):")."""
    note = next(filter(None, map(find_note, title_texts)), "")
    if not note:
        first_left = columns[0][0] if columns else 0
        note = next(filter(None, (header_line_note(text, first_left) for text in header_texts)), "")
    return note or lead_in_note(block, blocks, settings)


def headers_to_columns(columns, header_texts: list[str], percent_cols: set[int], context: PeriodContext,
                       title: str, title_text: str) -> list[Column]:
    """Each column span and its header -> a Column with its period, unit and scale.

    A header that dates itself gives the period; else a bare year (ISO "1996"); else the title's
    one dated period when the title states a length or is a balance sheet (columns that print no
    date: Company, Acquiree, Adjustments, Pro Forma); three year-ends a year apart over a flow
    statement that prints no length are fiscal years.
    """
    built = []
    for i, (left, right) in enumerate(columns):
        header = header_texts[i]
        percent = i in percent_cols
        period = header_to_period(header, context) if not percent else None
        if period is None and not percent and not text_to_dates(header) and not context.title_dates \
                and text_to_length(header) in (None, (12, "months")):
            period = year_only(header)  # a bare year (a quarter's bare year stays unknown)
        if period is None and not percent and len(context.title_dates) == 1 and months_named(title_text) == 1 \
                and (context.length or is_balance_title(title)) and not text_to_dates(header) \
                and not year_only(header):
            period = header_to_period(title_text, context)
        unit, column_scale = header_unit(header)
        built.append(Column(i, header, period, left, right, "percent" if percent else "amount", unit, column_scale))
    built = _years_by_title_order(built, context, title)
    amounts = [c for c in built if c.kind == "amount"]
    if not context.instant and amounts and (
            (context.flows and not any(c.period for c in built))
            or all(c.period and "/" not in c.period and not _AT_DATE.search(c.header) for c in amounts)):
        # three year-ends a year apart and no length: the fiscal years of a statement of flows,
        # or of a table of a 10-K's flows ("restructuring expense by caption") dated as instants
        ends = [(text_to_dates(c.header) or [None])[-1] if c.kind == "amount" else None for c in built]
        years = years_from_consecutive_ends([e for e, c in zip(ends, built) if c.kind == "amount"])
        if any(years):
            by_index = dict(zip([c.index for c in amounts], years))
            built = [replace(c, period=by_index[c.index]) if by_index.get(c.index) else c for c in built]
    return built


def _years_by_title_order(columns: list[Column], context: PeriodContext, title: str) -> list[Column]:
    """"April 30, 1996 and January 31, 1996" over two columns headed "1996  1996": the title's
    dates are the columns' in order, as many dates as columns, each in its column's year.

    Only for a balance sheet (or a table headed as of its dates), and only where a year repeats:
    elsewhere a bare year finds its own date in the title (``header_to_period``).
    """
    amounts = [c for c in columns if c.kind == "amount"]
    dates = list(context.title_dates)
    years = [year_only(c.header) if not text_to_dates(c.header) else None for c in amounts]
    if len(amounts) < 2 or len(dates) != len(amounts) or None in years or len(set(years)) == len(years):
        return columns
    if not (context.instant or is_balance_title(title)) or any(str(d.year) != y for d, y in zip(dates, years)):
        return columns
    by_index = {c.index: d.isoformat() for c, d in zip(amounts, dates)}
    return [replace(c, period=by_index[c.index]) if c.index in by_index else c for c in columns]


def columns_under_title_date(columns: list[Column], drafts, title: str, context: PeriodContext) -> list[Column]:
    """Columns that print no date under a title that ends in one ("... (in millions) December 31,
    2023" over Amortized Cost, Gross Unrealized Gains, Fair Value) hold the balances at that date.

    Not when a heading inside the table names another date or year ("December 31, 2022:" over
    the same rows again): the title dates only the first section, and which rows are whose is
    the table's to say (``rows_to_periods``), not the title's.
    """
    if any(c.period or text_to_dates(c.header) or year_only(c.header) for c in columns):
        return columns
    if any(d.heading and (text_to_dates(d.label) or year_only(d.label)) for d in drafts):
        return columns
    headed = title_heading_period(title, context)
    if not headed:
        return columns
    return [replace(c, period=headed) if c.kind == "amount" else c for c in columns]


def rows_in_dated_sections(rows: tuple[Row, ...], title: str, context: PeriodContext) -> tuple[Row, ...]:
    """A table whose title ends in a date and whose headings name others dates its rows by section.

    "(in millions) December 31, 2023:" over the fair values of plan assets, then a heading
    "December 31, 2022:" over the same rows for the year before: the rows above the first dated
    heading are at the title's date, those under each heading at its date (instants).
    """
    headed = title_heading_period(title, context)
    if not headed or len(headed) != 10:  # an instant "2023-12-31", not a bare year
        return rows
    marks = {k: text_to_dates(r.label)[0] for k, r in enumerate(rows)
             if r.heading and _date_heading(r.label)}
    if not marks:
        return rows
    current = headed
    out = []
    for k, row in enumerate(rows):
        if k in marks:
            current = marks[k].isoformat()
        out.append(row if row.heading or row.period else replace(row, period=current))
    return tuple(out)


def _date_heading(label: str) -> bool:
    """Is a heading one date and little else ("December 31, 2022:", "As of June 30, 2023")?"""
    dates = text_to_dates(label)
    return len(dates) == 1 and len(label) <= 40 and months_named(label) == 1


def tab_gaps(line: Line) -> str:
    """The line's text with a tab that expanded to one space kept as a tab.

    "6/30/96<TAB>6/30/95" expands to "6/30/96 6/30/95", one phrase; a raw tab always
    separates two cells or header phrases, and a tab character in the text says so
    (columns stay where the expansion put them).
    """
    text = line.text
    raw = line.raw
    if "\t" not in raw:
        return text
    out = list(text)
    width = 0
    for k, ch in enumerate(raw):
        if ch == "\t":
            step = 8 - width % 8
            # one space between two words: the tab is all that parts them
            if step == 1 and 0 < width < len(out) and out[width] == " " and out[width - 1] != " " \
                    and raw[k + 1:k + 2] not in (" ", "\t", ""):
                out[width] = "\t"
            width += step
        else:
            width += 1
    return "".join(out)


def _glued(label: str) -> bool:
    """Does the label end in a number one space off ("Balance at June 30, 1995")?"""
    last = label[-1:]  # _GLUED ends in a digit, ")" or "%": the test spares most labels the search
    return (last.isdecimal() or last in (")", "%")) and bool(_GLUED.search(label))


# a column of balances at the year's end, whatever the table's title: "2023 Carrying Amount",
# "Fair Value 2022", "Benefit Obligation 2022"
_STOCK_HEADER = re.compile(r"\b(?:carrying\s+(?:amount|value)|fair\s+value|(?:benefit\s+)?obligations?|"
                           r"balances?|outstanding|as\s+of)\b", re.IGNORECASE)
# a roll-forward: balances at both ends, flows between ("Beginning of Period", "New awards", ...)
_ROLLS_FORWARD = re.compile(r"\b(?:beginning|end)\s+of\s+(?:the\s+)?(?:period|year)|\bbalances?\b", re.IGNORECASE)


def tables_with_fiscal_years(tables: list[Table], form_type: str, period: str) -> list[Table]:
    """In an annual report, a column headed by a bare year ("1995") is that fiscal year: its end
    (an instant) for a table of balances or a column that holds them ("2023 Carrying Amount")
    unless the rows roll a balance forward (their labels date it).

    The fiscal year ends on the month and day of the report's period
    (``CONFORMED PERIOD OF REPORT``), or on the date the document itself gives
    that year's end in a column or a title (a 52/53-week year); without an
    annual form type or a period the bare year stays as it is.
    """
    from datetime import date

    if not form_type.upper().startswith(("10-K", "10-K405", "10-KSB", "20-F", "ARS")) or not period:
        return tables
    try:
        fiscal_end = date.fromisoformat(period)
    except ValueError:
        return tables
    ends = fiscal_year_ends(_printed_dates(tables, fiscal_end), fiscal_end)
    out = []
    for table in tables:
        if any(c.period and re.fullmatch(r"\d{4}", c.period) for c in table.columns):
            instant = is_instant_table(table.title, " ".join(c.header for c in table.columns))
            rolls = any(_ROLLS_FORWARD.search(r.label) for r in table.rows)  # its rows date the balances
            columns = tuple(replace(c, period=year_to_fiscal_period(
                c.period, fiscal_end, instant or (not rolls and bool(_STOCK_HEADER.search(c.header))), ends))
                if c.period and re.fullmatch(r"\d{4}", c.period) else c for c in table.columns)
            table = replace(table, columns=columns)
        out.append(table)
    return out


_AT_DATE = re.compile(r"\b(?:as\s+of|at|balances?)\b", re.IGNORECASE)  # "As of December 31, 2023": an instant

STATEMENT_SCALE_REACH = 2  # a table read in its statements' scale stays within twice their largest figure


def tables_in_statement_scale(tables: list[Table]) -> list[Table]:
    """A table in dollars that states no scale is in the scale of its document's statements.

    A 10-K or 10-Q says "(in thousands)" over its financial statements and often nowhere
    over the tables of its notes ("Beginning balance $ 29,197"), which a reader takes in the
    same thousands; read at face value their figures are stored 1,000 times too small. The
    statements' scale (the note that all of its income statements, balance sheets and cash
    flow statements print, when they agree) is taken by a table after them (a note's, not the
    narrative's of a release) that prints "$", no note of its own, no figure in cents, no price
    per share and not only whole thousands ("$ 24,000", "$ 121,000": whole dollars), when its
    figures read in that scale stay within twice the statements' largest figure (a table of
    full dollars, "$ 1,234,567" beside a company's total assets of $500 million, would not).
    The note is marked as the document's (``note_from``), so a fact says where its scale came
    from.
    """
    by_document: dict[str, list[Table]] = {}
    for table in tables:
        by_document.setdefault(table.document, []).append(table)
    lent = {document: found for document, own in by_document.items() if (found := _statements_scale(own))}
    if not lent:
        return tables
    out = []
    for table in tables:
        found = lent.get(table.document)
        if found and _takes_statements_scale(table, *found):
            scale = note_to_scale(found[0])
            table = replace(table, note=found[0], note_from="document", scale=scale.money,
                            shares_scale=scale.shares if scale.shares_source != "none" else Decimal(1))
        out.append(table)
    return out


def _is_statement(table: Table) -> bool:
    return table.kind == "data" and _in_dollars(table) and (is_flow_statement(table.title) or is_balance_title(table.title))


def _money_figures(table: Table) -> list[Decimal]:
    return [c.value for r in table.rows if r.unit == "USD" for c in r.cells if c is not None and c.value is not None]


def _statements_scale(tables: list[Table]) -> tuple[str, Decimal, int] | None:
    """The note the document's statements print, their largest figure (a share count too) in
    base units and the first statement's line; None when they print none, disagree, or one is in full dollars."""
    statements = [t for t in tables if _is_statement(t)]
    noted = [t for t in statements if t.scale != 1 and t.note_from == "table"]
    if not noted or len({t.scale for t in noted}) != 1:
        return None
    if any(t.scale == 1 and any(abs(v) >= 1_000_000 for v in _money_figures(t)) for t in statements):
        return None  # statements in several scales (an acquiree's in full dollars): no one scale to lend
    largest = max((abs(c.value) for t in noted for r in t.rows for c in r.cells if c is not None and c.value is not None),
                  default=Decimal(0)) * noted[0].scale
    return (noted[0].note, largest, noted[0].first) if largest else None


def _takes_statements_scale(table: Table, note: str, largest: Decimal, first: int) -> bool:
    if table.scale != 1 or table.note or table.kind != "data" or table.first <= first or _is_statement(table) \
            or not _in_dollars(table):
        return False
    figures = _money_figures(table)
    if not figures or any(c.decimals >= 2 for r in table.rows if r.unit == "USD" for c in r.cells
                          if c is not None and c.value is not None):
        return False  # cents: dollars as printed
    nonzero = [v for v in figures if v]
    if len(nonzero) > 1 and all(v % 1000 == 0 for v in nonzero):
        return False  # "$ 24,000", "$ 121,000": whole dollars rounded to thousands
    return max(map(abs, figures)) * note_to_scale(note).money <= STATEMENT_SCALE_REACH * largest


def _in_dollars(table: Table) -> bool:
    """Do the table's rows read as money (it printed "$"), none of them a price per share?

    A table of stock options prints its exercise prices in whole dollars ("$ 173") among
    counts of options: its dollars are not the statements' thousands.
    """
    return any(r.unit == "USD" for r in table.rows) \
        and not any(_PER_SHARE_COLUMN.search(c.header) for c in table.columns) \
        and not any(_PRICE.search(r.label) for r in table.rows if r.unit == "USD")


# "Weighted-Average Exercise Price", "Average Price Paid Per Share", "Grant-Date Fair Value"
# (not "Quoted Prices in Active Markets", nor "exercise of stock options")
_PRICE = re.compile(r"\b(?:exercise|strike|average|purchase)\s+price|\bprice\s+(?:paid\s+)?per\b|\bgrant[- ]date\b",
                    re.IGNORECASE)
_PER_SHARE_COLUMN = re.compile(_PRICE.pattern + r"|\bper\s+(?:common\s+)?(?:share|unit)\b", re.IGNORECASE)


def tables_on_weekly_calendar(tables: list[Table]) -> list[Table]:
    """A document whose periods end near, not on, a month's end (June 29, October 1) keeps a
    52/53-week calendar: its periods printed in months are counted in weeks (``weekly_period``).

    The year ends it dates are the ends of its twelve-month columns and the balance dates a year
    apart from them (a 53-week year is known only when the year before it is dated).
    """
    spans = [parse_period(c.period) for t in tables for c in t.columns]
    if not any(start and is_weekly_end(end) for start, end in spans):
        return tables
    years = {end for start, end in spans if start and 357 <= (end - start).days + 1 <= 378}
    dated = {end for start, end in spans if end and not start}
    year_ends = years | {day for day in dated if any(_near_year_end(day, end) for end in years)}
    out = []
    for table in tables:
        columns = tuple(replace(c, period=weekly_period(c.period, year_ends)) if c.period and "/" in c.period else c
                        for c in table.columns)
        out.append(table if columns == table.columns else replace(table, columns=columns))
    return out


def _near_year_end(day, end) -> bool:
    """Is ``day`` within about a week of the month and day of the year end ``end``, in any year?"""
    offset = (day - end).days % 365.2425
    return min(offset, 365.2425 - offset) <= 8


def _printed_dates(tables: list[Table], fiscal_end):
    """The full dates the tables print for year ends: their columns' period ends, and a title's
    dates when it names the ends of two or more fiscal years ("At December 31, 2023 and January
    1, 2023"; a lone date in a title may be any day near a year end: "effective January 1")."""
    from datetime import date

    yield fiscal_end
    for table in tables:
        titled = text_to_dates(table.title)
        if len(fiscal_year_ends(titled, fiscal_end)) >= 2:
            yield from titled
        for column in table.columns:
            end = (column.period or "").rpartition("/")[2]
            if len(end) == 10:
                try:
                    yield date.fromisoformat(end)
                except ValueError:
                    pass
