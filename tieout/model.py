"""The typed values that flow between tieout's stages.

Every record is immutable and carries where it came from in the source file
(1-based line and column of the *original* file, so a user can open the filing
and find the characters), the way beancount's entries carry their metadata.
Stages never mutate a record; they build new ones with ``dataclasses.replace``.

Numbers are ``decimal.Decimal`` from parse to check. A value shown as ``5,018``
in thousands stands for the closed interval [5,017,500, 5,018,500]; ``Fact.low``
and ``Fact.high`` give that interval (DESIGN.md, "Numbers").

A record prints as one line saying what it is (``<Report x.txt: 1 document, 5
tables, 212 facts, 121 checks (0 fail)>``); its fields are there to look at.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal


def _short(text: str, width: int = 48) -> str:
    """``text`` on one line, cut to ``width`` characters (for the one-line reprs below)."""
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[:width - 3] + "..."


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _file_name(path: str) -> str:
    return path.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1] or path


# --------------------------------------------------------------------------
# pandas frames
#
# ``Report.facts`` and ``Table.to_frame()`` are pandas DataFrames, built by
# ``tieout.facts.frame``. The model imports nothing above it (and reading a filing
# needs no pandas), so the package installs the builders here when it is imported
# (``tieout/__init__.py``): "facts" takes the facts, "table" a Table.
FRAME_BUILDERS: dict[str, Callable] = {}


def _frame(kind: str, records):
    build = FRAME_BUILDERS.get(kind)
    if build is None:
        raise RuntimeError(f"no {kind} frame builder installed (it is installed by 'import tieout')")
    return build(records)

# --------------------------------------------------------------------------
# positions and problems


@dataclass(frozen=True, slots=True)
class Span:
    """A run of characters on one line of the original file (1-based, end exclusive)."""

    line: int
    col: int
    end_col: int


Severity = Literal["error", "warning", "info"]


@dataclass(frozen=True, slots=True)
class Problem:
    """Something a stage could not do, kept as a value beside the stage's result.

    Printed as ``file:line:col: message`` with the offending text below
    (see ``tieout.errors.format_problem``).
    """

    stage: str
    message: str
    line: int = 0
    col: int = 0
    end_col: int = 0
    severity: Severity = "warning"
    remedy: str = ""


# --------------------------------------------------------------------------
# source


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a document.

    ``number`` is the 1-based line number in the original file. ``text`` has
    tabs expanded to 8-column stops and the line ending removed, so columns
    line up as they did on the filer's printer; ``tabs`` is True when the
    original had tabs (then ``source_col`` maps a column of ``text`` back to the
    original line).
    """

    number: int
    text: str
    raw: str

    def __repr__(self) -> str:
        return f"<Line {self.number}: {_short(self.text, 60)!r}>"

    @property
    def tabs(self) -> bool:
        return "\t" in self.raw

    def source_col(self, col: int) -> int:
        """Map a 1-based column of ``text`` to the 1-based column of ``raw``.

        The raw character whose expansion reaches ``col``; walked a tab-free run
        at a time, not a character at a time (tables call this for every cell).
        """
        raw = self.raw
        if "\t" not in raw:
            return col
        width = 0  # the width of raw[:index] once expanded
        index = 0
        for piece in raw.split("\t"):
            if width + len(piece) >= col:  # a character of this run reaches col
                return index + max(col - width, 1)
            width += len(piece)
            index += len(piece)
            if index == len(raw):  # the last run: no tab after it
                break
            width = (width // 8 + 1) * 8  # the tab after the run
            index += 1
            if width >= col:
                return index
        return len(raw) + 1


@dataclass(frozen=True, slots=True)
class Document:
    """One document of a filing: the whole file, or one ``<DOCUMENT>`` of an SGML submission.

    ``name`` is what facts report as their ``document``: ``"EX-99.1#2"`` (type
    and sequence) inside a submission, else the file name. ``furniture`` holds
    the line numbers recognised as page furniture (page numbers, running
    heads, repeated letterheads and footers, ``<PAGE>`` markers).
    """

    name: str
    type: str
    sequence: int
    filename: str
    lines: tuple[Line, ...]
    furniture: frozenset[int] = frozenset()
    # an HTML document's lines are a rendering of it: ``origin.position(line, col)`` gives the
    # file's own line and column (``tieout.source.html.SourceMap``); None for text documents,
    # whose line numbers are the file's
    origin: object | None = None
    # an HTML document: the first and last line of the file that hold its markup (the document
    # viewer shows that markup as filed); None for text documents
    html_lines: tuple[int, int] | None = None

    def __repr__(self) -> str:
        return f"<Document {self.name} ({self.type or 'untyped'}): {_count(len(self.lines), 'line')}>"


@dataclass(frozen=True, slots=True)
class Filing:
    """What the source stage makes of one file: its documents and header facts."""

    path: str
    sha256: str
    size: int
    encoding: str
    documents: tuple[Document, ...]
    form_type: str = ""
    company: str = ""
    cik: str = ""
    period: str = ""  # ISO date of CONFORMED PERIOD OF REPORT, if any
    filed: str = ""  # ISO date of FILED AS OF DATE, if any
    accession: str = ""
    raw_lines: tuple[str, ...] = ()  # every line of the file, for excerpts
    problems: tuple[Problem, ...] = ()  # what the source stage noticed (encoding fallback, ...)
    sic: str = ""  # STANDARD INDUSTRIAL CLASSIFICATION code, e.g. "3571"
    fiscal_year_end: str = ""  # the filer's FISCAL YEAR END as MMDD ("0930"); from a 10-K's period without a header

    def __repr__(self) -> str:
        said = [f"form {self.form_type}"] if self.form_type else []
        said += [repr(_short(self.company, 40))] if self.company else []
        said += [f"period {self.period}"] if self.period else []
        said.append(_count(len(self.documents), "document"))
        return f"<Filing {_file_name(self.path)}: {', '.join(said)}>"


# --------------------------------------------------------------------------
# layout

BlockKind = Literal["heading", "paragraph", "table", "furniture", "markup"]


@dataclass(frozen=True, slots=True)
class Block:
    """A run of lines of one kind. ``first``/``last`` are original line numbers."""

    kind: BlockKind
    document: str
    first: int
    last: int
    lines: tuple[Line, ...]
    hints: tuple[int, ...] = ()  # column starts from an SGML <S>/<C> marker line, 1-based

    def __repr__(self) -> str:
        return f"<Block {self.kind} of {self.document}, lines {self.first}-{self.last}>"


# --------------------------------------------------------------------------
# tables


@dataclass(frozen=True, slots=True)
class Cell:
    """One number (or nil) as printed in a table."""

    display: str  # the text as printed, e.g. "$ (2,464)" -> "(2,464)"; "- -"
    value: Decimal | None  # as shown, before scale; None for a blank cell; 0 for nil
    decimals: int  # digits after the decimal point as shown
    nil: bool  # printed as "- -", "--", "---", "-"
    line: int
    col: int  # 1-based column of the first character in the original line
    end_col: int
    footnote: str = ""  # a marker glued to the number, e.g. "2" for "454,033(2)"
    percent: bool = False  # printed with a % sign


@dataclass(frozen=True, slots=True)
class Column:
    index: int
    header: str  # header text, whitespace collapsed, e.g. "First Quarter Ended Mar. 31, 1996"
    period: str | None  # ISO 8601 instant "1996-03-31" or duration "1996-01-01/1996-03-31"
    left: int  # 1-based character columns of the text (tab-expanded) the column spans
    right: int
    kind: Literal["amount", "percent"] = "amount"
    unit: str = ""  # a unit the header gives the whole column ("Shares (in thousands)" -> "shares")
    scale: Decimal = Decimal(1)  # a scale the header gives the column ("(in thousands)")


Rule = Literal["", "-", "="]


@dataclass(frozen=True, slots=True)
class Row:
    label: str  # continuation lines joined by one space, no dot leaders or markers
    path: tuple[str, ...]  # enclosing headings, outermost first
    indent: int  # leading spaces of the label's first line
    line: int  # line of the numbers (or of the label for a heading row)
    label_line: int  # first line of the label
    cells: tuple[Cell | None, ...]  # one per table column
    rule_above: Rule = ""  # rule line printed just above this row's numbers
    rule_below: Rule = ""  # rule line printed just below ("=" closes a grand total)
    unit: str = ""  # unit of the row's money-free values, e.g. "oz", "USD/oz"; "" = from table
    heading: bool = False  # a label with no numbers that opens a section
    period: str | None = None  # a period the row itself gives ("Balance at September 30, 1994")

    def __repr__(self) -> str:
        if self.heading:
            return f"<Row heading {_short(self.label)!r} at line {self.line}>"
        numbers = sum(1 for c in self.cells if c is not None and c.value is not None)
        return f"<Row {_short(self.label)!r} at line {self.line}: {numbers} of {_count(len(self.cells), 'cell')}>"


@dataclass(frozen=True, slots=True)
class Table:
    document: str
    index: int  # 0-based position among the document's tables
    title: str  # as printed, whitespace collapsed
    note: str  # scale/unit note as printed, e.g. "dollars in thousands, except per-share amounts"
    scale: Decimal  # for money: 1, 1000, 1000000
    shares_scale: Decimal  # for share counts: 1 unless the note says "shares in thousands"
    first: int  # original line numbers of the whole block including title
    last: int
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    attributable: tuple[tuple[str, Decimal], ...] = ()  # (section, share) e.g. ("AMERICAN GIRL", 0.47)
    kind: str = "data"  # "data", "contents" (page numbers) or "cover" (a form's identifiers): no facts
    note_from: str = "table"  # "table": the note is printed with it; "document": a sentence above sets it

    def __repr__(self) -> str:
        return (f"<Table {self.index} of {self.document} {_short(self.title)!r}: "
                f"{_count(len(self.rows), 'row')} x {_count(len(self.columns), 'column')}, "
                f"lines {self.first}-{self.last}>")

    def to_frame(self):
        """The table as a pandas DataFrame: a row per row label, a column per table column.

        The index has levels ``label``, ``path`` (the section headings, joined by
        " > ") and ``row`` (the row's position in ``rows``), so two rows of one
        label stay apart and ``frame.loc["Total assets"]`` finds a label. Each
        column is headed by its period, or by its period and printed header where
        periods repeat (by the header where there is no period). Values are the
        facts' ``Decimal`` in base units after scale, as in ``Report.facts``; a
        blank cell is None. ``frame.attrs`` holds the title, note and document.
        """
        return _frame("table", self)


# --------------------------------------------------------------------------
# facts


@dataclass(frozen=True, slots=True)
class Fact:
    """One number of a table, in base units, with its meaning and place.

    ``value`` is in base units after scale ("-537000", "0.019"); ``None`` for
    a blank cell. ``low``/``high`` bound what the printed figure can stand for.
    ``column_index`` and ``column_header`` say which column of the table the
    number is in: several columns can share a period (a pro forma table's
    company, acquiree, adjustments and pro forma columns).
    """

    id: int  # position in Report.facts
    document: str
    table: str
    table_index: int
    row_index: int
    column_index: int
    label: str
    path: tuple[str, ...]
    period: str | None
    value: Decimal | None
    unit: str
    display: str
    scale: Decimal
    scale_source: str  # where the scale came from: "note", "inferred" (shares from the money note), "header", "label", "document" (a sentence above the table), "ex27:multiplier", "none"
    decimals: int
    line: int
    col: int
    end_col: int
    concept: str = ""  # standard vocabulary name, filled by the concept layer
    source: str = "table"  # "table" or "ex27"
    column_header: str = ""  # the column's header as printed, all lines joined (Table.columns[i].header)
    stmt: str = ""  # the statement the row is printed in: "BS", "IS", "CF", "EQ"; "" elsewhere (concept layer)
    is_total: bool = False  # a total or subtotal: its concept is one, or its label begins "Total" (concept layer)

    def __repr__(self) -> str:
        value = "blank" if self.value is None else f"{self.value} {self.unit}".rstrip()
        period = self.period or "no period"
        return (f"<Fact {self.id} {_short(self.label)!r} {period}: {value} "
                f"(shown {self.display!r}) at line {self.line}:{self.col}>")

    @property
    def half_step(self) -> Decimal:
        return self.scale * Decimal(1).scaleb(-self.decimals) / 2

    @property
    def low(self) -> Decimal | None:
        return None if self.value is None else self.value - self.half_step

    @property
    def high(self) -> Decimal | None:
        return None if self.value is None else self.value + self.half_step

    @property
    def span(self) -> Span:
        return Span(self.line, self.col, self.end_col)


# --------------------------------------------------------------------------
# verification


@dataclass(frozen=True, slots=True)
class Relation:
    """``total = sum(sign * item)`` over facts of one column (or across tables)."""

    kind: str  # "sum", "tie", ...
    total: int  # Fact.id
    items: tuple[tuple[int, int], ...]  # (Fact.id, sign +1/-1)
    found_by: Literal["layout", "search", "rule"]
    confidence: float
    name: str = ""

    def __repr__(self) -> str:
        return f"<Relation {self.kind} ({self.found_by}): fact {self.total} = {_count(len(self.items), 'item')}>"


@dataclass(frozen=True, slots=True)
class Claim:
    """A number the narrative states, and what it says it is."""

    id: int
    document: str
    sentence: str
    text: str  # the figure as written, e.g. "$43.6 million", "1 cent", "17%"
    value: Decimal  # in base units
    unit: str
    low: Decimal  # the interval the wording admits (rounding and hedges)
    high: Decimal
    qualifier: str  # "", "over", "nearly", "approximately", "under", ...
    about: str  # words the claim is about, e.g. "net loss"
    period: str | None
    line: int
    col: int
    end_col: int
    # added by the claims stage (defaults keep older constructors valid):
    kind: str = "amount"  # "amount", "change" (a % change), "ratio" ("doubled"), "share" (47% interest)
    context: str = ""  # words of the paragraph and heading that scope the claim (a mine, a segment)
    base_period: str | None = None  # change/ratio: the period compared with
    relative_to: tuple[int, ...] = ()  # change/ratio: ids of (current figure[, base figure]) claims
    forward: bool = False  # guidance, plans, estimates: never checked against tables

    def __repr__(self) -> str:
        return (f"<Claim {self.id} {_short(self.text, 32)!r} = {self.value} {self.unit}".rstrip()
                + f" about {_short(self.about, 32)!r} at line {self.line}:{self.col}>")


Status = Literal["pass", "fail", "unverifiable"]


@dataclass(frozen=True, slots=True)
class Check:
    rule: str
    status: Status
    message: str
    spans: tuple[Span, ...]  # every cell or claim involved, the total first
    expected: str = ""
    actual: str = ""
    slack: str = ""
    facts: tuple[int, ...] = ()
    claims: tuple[int, ...] = ()
    document: str = ""
    # the arithmetic in base units, where a rule has it (None elsewhere): the figure shown, what the
    # other figures make it, how far apart rounding lets the two be; ``signs``: each fact's sign in
    # it, in the order of ``facts`` (the figure shown +1, then each item as it adds into ``computed``)
    shown: Decimal | None = None
    computed: Decimal | None = None
    allowance: Decimal | None = None
    signs: tuple[int, ...] = ()

    def __repr__(self) -> str:
        lines = self.lines
        where = ", ".join(map(str, lines[:4])) + (", ..." if len(lines) > 4 else "")
        at = f" at line{'s' if len(lines) > 1 else ''} {where}" if lines else ""
        return f"<Check {self.rule} {self.status}{at}: {_short(self.message, 60)!r}>"

    @property
    def lines(self) -> list[int]:
        return sorted({span.line for span in self.spans})


@dataclass(frozen=True, slots=True)
class Report:
    """Everything tieout read and checked in one file."""

    filing: Filing
    tables: tuple[Table, ...]
    fact_records: tuple[Fact, ...]
    relations: tuple[Relation, ...] = ()
    claims: tuple[Claim, ...] = ()
    checks: tuple[Check, ...] = ()
    problems: tuple[Problem, ...] = ()
    blocks: tuple[Block, ...] = field(default=(), repr=False)

    def __repr__(self) -> str:
        fails = sum(1 for c in self.checks if c.status == "fail")
        return (f"<Report {_file_name(self.filing.path)}: {_count(len(self.filing.documents), 'document')}, "
                f"{_count(len(self.tables), 'table')}, {_count(len(self.fact_records), 'fact')}, "
                f"{_count(len(self.checks), 'check')} ({fails} fail)>")

    @property
    def path(self) -> str:
        return self.filing.path

    @property
    def facts(self):
        """The facts as a pandas DataFrame, one row per fact (``tieout.facts.frame``).

        ``value`` is the exact ``Decimal`` (object dtype); ``value_float`` beside it
        is the same number as a float, for arithmetic and plots in pandas.
        """
        return _frame("facts", self.fact_records)
