"""``generate(seed)``: one fictional plain-text earnings release and its exact answer key.

Why: real filings have no answer key, and a reader that improves on one layout
can quietly break another. A generated release draws a company (industrial or
bank), a fiscal calendar, a quarter, a scale, a typist's house style and 2-4
statements, prints them, and returns the text with every number's position,
value, unit, period and scale, and every total that foots. The same seed gives
the same document, byte for byte.
"""

from __future__ import annotations

import random
import textwrap
from dataclasses import dataclass
from decimal import Decimal

from tests.synth.claims import MARK, claim_paragraphs
from tests.synth.books import Books, Periods, bank_books, industrial_books, release_periods
from tests.synth.fiscal import MONTH_NAMES, FiscalCalendar, Span, full_date
from tests.synth.headers import Header, build_header, column_headers, length_words, title_note
from tests.synth.printing import Printing
from tests.synth.prose import Company, Figures, closing_lines, draw_company, release_lines
from tests.synth.render import Placed, RenderedTable, render_table
from tests.synth.spec import TableSpec
from tests.synth import statements
from tests.synth.style import House, TableStyle, draw_house, draw_money_mode, draw_table_style, table_printing
from tests.synth.tabs import retype
from tests.synth.truth import ClaimTruth, Number, Relation, Synth, TableTruth

TICKS = {"thousands": (1000, 1000), "millions": (100_000, 100_000), "full": (1, 1), "full_rounded": (1, 1)}
MONEY_ONLY = {"cashflow", "segment", "allowance"}  # kinds that print no share counts or per-share amounts


@dataclass
class _Table:
    """One statement on its way to the page."""

    kind: str
    spec: TableSpec
    style: TableStyle
    printing: Printing
    header: Header
    title: list[str]
    rendered: RenderedTable
    first_line: int = 0  # 0-based line of the document where the table's first line is


def generate(seed: int, claims: bool = False) -> Synth:
    """The release of ``seed``; with ``claims``, also paragraphs of narrative claims and their key
    (``tests/synth/claims.py``), drawn from their own random stream, so the rest is unchanged."""
    rng = random.Random(seed)
    bank = rng.random() < 0.3
    company = draw_company(rng, bank)
    calendar = _draw_calendar(rng)
    periods = release_periods(calendar, rng.randint(1995, 2007), rng.randint(1, 4))
    money_mode = draw_money_mode(rng)
    tick, shares_tick = TICKS[money_mode]
    if money_mode in ("full", "full_rounded") and rng.random() < 0.3:
        shares_tick = 1000  # share counts printed "(in thousands)" in a full-dollar release
    house = draw_house(rng)
    books = (bank_books if bank else industrial_books)(rng, periods, tick, shares_tick)
    shares_full = rng.random() < 0.3
    spans = _flow_spans(rng, periods)
    tables = [_table(kind, rng, company, books, periods, spans, money_mode, shares_full, house)
              for kind in _draw_kinds(rng, bank)]
    doc_features = (f"company={'bank' if bank else 'industrial'}", f"calendar={calendar.weekly or 'month-end'}",
                    f"fiscal_year_end={MONTH_NAMES[calendar.end_month]}", f"quarter=Q{periods.quarter}",
                    f"money={money_mode}") + house.features()
    marks: list[tuple[int, int]] = []
    planned: list[dict] = []
    lines, keep = _document(rng, company, periods, tables, house,
                            random.Random(f"claims-{seed}") if claims else None, marks, planned)
    raw, where = _retype_all(lines, keep, house)
    numbers, relations = _key(tables, raw, where, doc_features)
    truths = tuple(_table_truth(index, t, doc_features) for index, t in enumerate(tables))
    said = tuple(ClaimTruth(line=line + 1, col=where[line][col] + 1, **plan) for (line, col), plan in zip(marks, planned))
    return Synth(seed, "\n".join(raw) + "\n", doc_features, truths, tuple(numbers), tuple(relations), said)


def _draw_calendar(rng: random.Random) -> FiscalCalendar:
    month = rng.choices((12, 3, 6, 9, 1, 5, 10), (8, 2, 2, 2, 1, 1, 1))[0]
    weekly = rng.choices(("", "last", "nearest"), (8, 1, 1))[0]
    return FiscalCalendar(month, weekly)


def _flow_spans(rng: random.Random, periods: Periods) -> list[Span]:
    """The columns of the flow statements: the quarter, or the quarter and the year to date."""
    if periods.quarter == 1:
        return [periods.q0, periods.q1]
    if rng.random() < 0.7:
        return [periods.q0, periods.q1, periods.y0, periods.y1]
    return [periods.y0, periods.y1] if periods.quarter == 4 else [periods.q0, periods.q1]


def _draw_kinds(rng: random.Random, bank: bool) -> list[str]:
    if bank:
        others = ["bank-balance", "allowance", "ratios", "equity"]
        return ["bank-income"] + sorted(rng.sample(others, rng.randint(1, 3)), key=others.index)
    others = ["balance", "cashflow", "segment", "equity", "proforma"]
    weights = {"balance": 0.8, "cashflow": 0.6, "segment": 0.35, "equity": 0.3, "proforma": 0.25}
    chosen = [k for k in others if rng.random() < weights[k]][:3] or ["balance"]
    return ["income"] + chosen


def _table(kind: str, rng: random.Random, company: Company, books: Books, periods: Periods, spans: list[Span],
           money_mode: str, shares_full: bool, house: House) -> _Table:
    style = draw_table_style(rng, kind, money_mode, kind in MONEY_ONLY, periods.quarter != 4,
                             bool(periods.calendar.weekly))
    printing = table_printing(style, money_mode, books.shares_tick, shares_full)
    spec = _spec(kind, rng, company, books, periods, spans, printing)
    header = build_header(spec, style, house, periods.calendar, periods.quarter)
    title = _title_lines(rng, company, spec, header, style, periods, house)
    rendered = render_table(spec, header, title, printing, house, style, rng)
    return _Table(kind, spec, style, printing, header, title, rendered)


def _spec(kind: str, rng: random.Random, company: Company, books: Books, periods: Periods, spans: list[Span],
          printing: Printing) -> TableSpec:
    if kind in ("income", "segment", "bank-income", "allowance", "ratios"):
        build = {"income": statements.income_statement, "segment": statements.segment_table,
                 "bank-income": statements.bank_income, "allowance": statements.allowance_table,
                 "ratios": statements.ratios_table}[kind]
        return build(books, periods, spans, printing, rng)
    if kind == "proforma":
        acquiree = rng.choice(("Acme", "Brandt", "Corliss", "Delmont", "Everton"))
        return statements.pro_forma(books, periods, printing, rng, (company.short, acquiree))
    build = {"balance": statements.balance_sheet, "cashflow": statements.cash_flows,
             "equity": statements.equity_rollforward, "bank-balance": statements.bank_balance_sheet}[kind]
    return build(books, periods, printing, rng)


def _title_lines(rng: random.Random, company: Company, spec: TableSpec, header: Header, style: TableStyle,
                 periods: Periods, house: House) -> list[str]:
    """2-5 short lines: company, statement, a period, the scale note, "(unaudited)"."""
    caps = rng.random() < 0.5
    lines = [company.name.upper() if caps or rng.random() < 0.5 else company.name,
             spec.statement.upper() if caps else spec.statement]
    if header.title_period:
        lines.append(header.title_period)
    elif spec.title_period is not None:
        words = length_words(spec.title_period, periods.calendar, periods.quarter, style.wording)
        lines.append(f"For the {words} {full_date(spec.title_period.end, house.abbreviated)}")
    note = title_note(style)
    if note:
        lines.append(note)
    if style.unaudited == "title":
        lines.append(rng.choice(("(unaudited)", "(Unaudited)", "UNAUDITED")))
    return lines


def _document(rng: random.Random, company: Company, periods: Periods, tables: list[_Table],
              house: House, claims_rng: random.Random | None = None, marks: list | None = None,
              planned: list | None = None) -> tuple[list[str], list[list[tuple[int, int]]]]:
    """Every line of the release (tab-free) and, per line, the spans whose blanks stay blanks.

    With ``claims_rng``, paragraphs of claims follow the narrative; ``marks`` gets each claimed figure's
    (0-based line, column) and ``planned`` its truth, in order."""
    income = tables[0]
    first = income.spec.columns[0].span
    lines = release_lines(rng, company, periods.quarter, first == periods.calendar.year(periods.fiscal_year),
                          first.end, _figures(income), house.tabs != "none")
    if claims_rng is not None:
        labels = tuple(row.label for t in tables for row in t.spec.rows)
        paragraphs, truths = claim_paragraphs(claims_rng, income, periods, labels)
        width = claims_rng.randint(68, 76)
        indent = " " * claims_rng.choice((0, 4, 5))
        for paragraph in paragraphs:
            for wrapped in textwrap.wrap(paragraph, width, initial_indent=indent):
                while MARK in wrapped:
                    marks.append((len(lines), wrapped.index(MARK)))
                    wrapped = wrapped.replace(MARK, "", 1)
                lines.append(wrapped)
            lines.append("")
        planned.extend(truths)
    keep = [_prose_keep(line) for line in lines]
    for table in tables:
        for _ in range(rng.randint(2, 3)):
            lines.append("")
            keep.append([])
        table.first_line = len(lines)
        lines.extend(table.rendered.lines)
        keep.extend(table.rendered.keep)
    closing = closing_lines(rng, company)
    lines.extend(closing)
    keep.extend(_prose_keep(line) for line in closing)
    return lines, keep


def _prose_keep(line: str) -> list[tuple[int, int]]:
    text = line.lstrip()
    return [(len(line) - len(text), len(line))] if text else []


def _figures(income: _Table) -> Figures:
    """Revenue, net income and EPS of the first two columns, as the income statement prints them."""
    spec, printed = income.spec, income.rendered.printed
    keys = [row.key for row in spec.rows]

    def pair(key: str) -> tuple[Decimal, Decimal]:
        r = keys.index(key)
        return printed[(r, 0)].value, printed[(r, 1)].value

    if spec.kind == "bank-income":
        return Figures(pair("net_interest"), pair("net_income"), pair("eps_basic"), "net interest income")
    return Figures(pair("revenue"), pair("net_income"), pair("eps_basic"), "revenues")


def _retype_all(lines: list[str], keep: list[list[tuple[int, int]]], house: House) -> tuple[list[str], list[list[int]]]:
    """The lines as typed (with tabs when the house uses them) and, per line, each character's raw index."""
    if house.tabs == "none":
        return lines, [list(range(len(line))) for line in lines]
    pairs = [retype(line, spans) for line, spans in zip(lines, keep)]
    return [p[0] for p in pairs], [p[1] for p in pairs]


def _key(tables: list[_Table], raw: list[str], where: list[list[int]], doc_features: tuple[str, ...]
         ) -> tuple[list[Number], list[Relation]]:
    """Every placed number at its raw line and column (1-based, a tab one column), and the tables' sums."""
    numbers: list[Number] = []
    relations: list[Relation] = []
    for index, table in enumerate(tables):
        ids: dict[tuple[int, int], int] = {}
        headers = column_headers(table.header, len(table.spec.columns))
        features = doc_features + _table_features(table)
        for placed in table.rendered.placed:
            line = table.first_line + placed.line
            col = where[line][placed.start] + 1
            end_col = where[line][placed.end - 1] + 2
            ids[(placed.row, placed.column)] = len(numbers)
            numbers.append(_number(len(numbers), table, index, placed, line + 1, col, end_col, raw[line],
                                   headers[placed.column], features))
        relations.extend(_relations(table, index, ids, numbers))
    return numbers, relations


def _number(ident: int, table: _Table, index: int, placed: Placed, line: int, col: int, end_col: int, raw: str,
            header: str, features: tuple[str, ...]) -> Number:
    """The key's record of one printed cell: the table's features, then the cell's own."""
    row = table.spec.rows[placed.row]
    cell = row.cells[placed.column]
    printed = table.rendered.printed[(placed.row, placed.column)]
    rounded = table.printing.rounded and cell.kind == "money" and not printed.nil
    cell_features = (f"unit={printed.unit}", f"row_period={cell.row_period or 'column'}",
                     f"wrapped_label={placed.row in table.rendered.wrapped}", f"nil_value={printed.nil}",
                     f"negative_value={printed.value < 0}", f"dollar_sign={bool(printed.prefix)}",
                     f"drifted={placed.row in table.rendered.drifted}", f"scale_source={printed.scale_source}",
                     f"typed_before={_typed_before(raw[:col - 1])}")
    return Number(
        id=ident, line=line, col=col, end_col=end_col, display=raw[col - 1:end_col - 1], value=printed.value,
        unit=printed.unit, period=cell.period, label=row.label, path=row.path, table=index, column=placed.column,
        header=header, scale=printed.scale, scale_source=printed.scale_source,
        rounded_to=Decimal(table.printing.money_quantum) if rounded else None,
        features=features + cell_features,
    )


def _typed_before(before: str) -> str:
    """What separates a number from the text before it: "tab", "tab+blanks" or "blanks" (a "$" skipped)."""
    text = before.rstrip(" ")
    blanks = len(before) - len(text)
    if text.endswith("$"):
        text = text[:-1]
        blanks += len(text) - len(text.rstrip(" "))
        text = text.rstrip(" ")
    if text.endswith("\t"):
        return "tab+blanks" if blanks else "tab"
    return "blanks"


def _relations(table: _Table, index: int, ids: dict[tuple[int, int], int], numbers: list[Number]) -> list[Relation]:
    keys = {row.key: r for r, row in enumerate(table.spec.rows)}
    relations = []
    for total in table.spec.sums:
        total_id = ids[(keys[total.total[0]], total.total[1])]
        items = tuple((ids[(keys[key], column)], weight) for (key, column), weight in total.items)
        rounded = [i for i in (total_id, *(item for item, _ in items)) if numbers[i].rounded_to is not None]
        slack = sum((numbers[i].rounded_to / 2 for i in rounded), Decimal(0))
        relations.append(Relation(index, total_id, items, slack, total.axis))
    return relations


def _table_features(table: _Table) -> tuple[str, ...]:
    style = table.style
    features = [f"table={table.kind}", f"columns={len(table.spec.columns)}", f"header={table.header.layout}",
                f"title_lines={len(table.title)}"]
    features += [f for f in style.features() if not f.startswith("header=")]
    return tuple(features)


def _table_truth(index: int, table: _Table, doc_features: tuple[str, ...]) -> TableTruth:
    note = table.style.note.text if table.style.note else ""
    return TableTruth(index=index, kind=table.kind, title=table.title[1], first_line=table.first_line + 1,
                      last_line=table.first_line + len(table.rendered.lines), scale=Decimal(table.printing.money_scale),
                      note=note, features=doc_features + _table_features(table))
