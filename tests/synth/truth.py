"""The answer key of a synthetic release: every printed number, its table, and the sums that hold.

Why: a benchmark can only score a reader against a key it trusts. The generator
writes the document and this key from the same values, so the key is exact by
construction: positions are where the characters were put, values are what was
printed times the table's scale, periods are the fiscal calendar's own days.

Positions follow tieout's convention: 1-based line and column of the raw file
(a tab counts as one column), ``end_col`` exclusive.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Number:
    """One number as printed in a table cell, and what it means."""

    id: int
    line: int
    col: int  # the first character of the number: "(" of "(2,464)", the digit after "$ "
    end_col: int  # exclusive; a glued "%" belongs to the number
    display: str  # the number as printed, without "$": "(2,464)", "- -", "1.15%"
    value: Decimal  # base units after the table's scale, sign as printed
    unit: str  # USD, USD/share, shares, %
    period: str  # ISO instant "1998-06-30" or duration "1998-04-01/1998-06-30"
    label: str  # the row label, continuation lines joined, no leaders
    path: tuple[str, ...]  # headings above the row, outermost first
    table: int  # 0-based position of the table in the document
    column: int  # 0-based column of the table
    header: str  # the column's header lines as printed, joined by one space
    scale: Decimal  # the factor from printed to base units
    scale_source: str  # note, inferred, header, label, none
    rounded_to: Decimal | None  # a full-dollar figure rounded to this quantum (1000), else None
    features: tuple[str, ...]  # "name=value" layout features the number was printed with


@dataclass(frozen=True)
class Relation:
    """A total and the numbers it sums: ``total = sum(weight * item)`` within ``slack``.

    ``slack`` is 0 when the figures foot exactly as printed; for rounded tables it is
    half a quantum for every figure involved (each was rounded on its own).
    """

    table: int
    total: int  # Number id
    items: tuple[tuple[int, int], ...]  # (Number id, weight +1/-1)
    slack: Decimal
    axis: str  # "column" (rows down one column) or "row" (columns across one row)


@dataclass(frozen=True)
class TableTruth:
    index: int
    kind: str  # income, balance, cashflow, segment, equity, proforma, bank-income, ...
    title: str  # the statement name as printed
    first_line: int
    last_line: int
    scale: Decimal  # the money scale (1, 1000, 1000000)
    note: str  # the scale note as printed, "" when none
    features: tuple[str, ...]


@dataclass(frozen=True)
class ClaimTruth:
    """One figure the narrative states (``tests/synth/claims.py``) and what is true of it."""

    line: int  # 1-based line and column of the figure's first character in the raw file (a tab one column)
    col: int
    text: str  # the figure as written: "$23.1 million", "13%", "48 cents"
    truth: str  # "true", "false" or "trap" (about nothing a table holds, or a goal: must never fail)
    kind: str  # amount, fiscal, per-share, compared, change, change-implicit, share-of, hedged, trap-row, goal
    error: str = ""  # for a false figure: "digit" (one digit changed) or "period" (another period's figure)
    detectable: bool = True  # a false figure whose interval misses the one the table's printed figures allow
    row: str = ""  # the label of the row it is about ("" for a trap)
    period: str = ""  # the ISO period it is about
    sentence: str = ""


@dataclass(frozen=True)
class Synth:
    """A generated release: its text and its answer key."""

    seed: int
    text: str
    features: tuple[str, ...]  # document-level features
    tables: tuple[TableTruth, ...]
    numbers: tuple[Number, ...]
    relations: tuple[Relation, ...]
    claims: tuple[ClaimTruth, ...] = ()  # narrative figures, when generated with ``claims=True``

    def to_json(self) -> dict:
        """The key as JSON-ready data (Decimals as strings)."""
        out = {
            "seed": self.seed,
            "features": list(self.features),
            "tables": [_plain(asdict(t)) for t in self.tables],
            "numbers": [_plain(asdict(n)) for n in self.numbers],
            "relations": [_plain(asdict(r)) for r in self.relations],
        }
        if self.claims:
            out["claims"] = [_plain(asdict(c)) for c in self.claims]
        return out


def _plain(value):
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value
