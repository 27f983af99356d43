"""How a table prints its figures: scale, rounding, and the characters of each number.

Why: the same value is "5,018" in a thousands table, "5,018,000" in a full-dollar
one and "5.0" in millions; "(2,464)" or "-2,464"; nil as "--" or "- -". The key
records the printed value times the scale, so the printing rules live in one
place, used both to write a cell and to say what it stands for.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal

ONE = Decimal(1)


@dataclass(frozen=True)
class Printing:
    """The scale and rounding of one table's money and share counts."""

    money_scale: int  # 1, 1000, 1000000: printed money times this is base units
    money_quantum: int  # base units a printed money figure is a multiple of
    money_source: str  # "note", "header", "none"
    shares_scale: int
    shares_quantum: int
    shares_source: str  # "note", "inferred", "label", "none"
    rounded: bool  # money rounded past the books' precision (full dollars to thousands)

    def money(self, amount: int) -> int:
        """The base-unit value a money figure prints as."""
        return _round_to(amount, self.money_quantum)

    def shares(self, count: int) -> int:
        return _round_to(count, self.shares_quantum)

    @property
    def money_decimals(self) -> int:
        return _decimals(self.money_scale, self.money_quantum)

    @property
    def shares_decimals(self) -> int:
        return _decimals(self.shares_scale, self.shares_quantum)


def _round_to(amount: int, quantum: int) -> int:
    return int((Decimal(amount) / quantum).to_integral_value(ROUND_HALF_EVEN)) * quantum


def _decimals(scale: int, quantum: int) -> int:
    digits = 0
    while quantum * 10 ** digits < scale:
        digits += 1
    return digits


def per_share(income: int, shares: int) -> Decimal:
    """Earnings per share from the figures as printed, to the cent."""
    return (Decimal(income) / Decimal(shares)).quantize(Decimal("0.01"), ROUND_HALF_UP)


@dataclass(frozen=True)
class NumberStyle:
    """The characters a document prints numbers with."""

    negative: str  # "paren" (1,234) or "minus" -1,234
    nil: str  # "--", "-", "- -"
    leading_zero: bool  # "0.06" or ".06" for amounts under one


def number_text(printed: Decimal, decimals: int, style: NumberStyle, percent: str = "") -> str:
    """``Decimal('-2464')`` -> ``(2,464)``; ``percent`` is "%" glued or " %" spaced after the digits."""
    digits = f"{abs(printed):,.{decimals}f}"
    if not style.leading_zero and digits.startswith("0."):
        digits = digits[1:]
    digits += percent
    if printed < 0:
        return f"({digits})" if style.negative == "paren" else f"-{digits}"
    return digits

