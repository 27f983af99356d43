"""Interval arithmetic for figures rounded as printed (XBRL Calculations 1.1).

A figure shown with d decimals at scale s stands for [v - s*10^-d/2, v + s*10^-d/2].
A total is consistent with its items when its interval meets the interval sum of
the items; a quotient (EPS = income / shares) is consistent when the interval
quotient meets the printed figure's interval. No percentage tolerance anywhere:
the only slack is the rounding the document itself shows.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from tieout.model import Fact

Interval = tuple[Decimal, Decimal]

ZERO = Decimal(0)


def interval(fact: Fact) -> Interval:
    """The interval a fact's printed figure stands for."""
    return fact.low, fact.high


def signed(iv: Interval, sign: int) -> Interval:
    low, high = iv
    return (low, high) if sign >= 0 else (-high, -low)


def interval_sum(parts: Iterable[tuple[Interval, int]]) -> Interval:
    """Sum of signed intervals: ((low, high), sign) pairs."""
    low = high = ZERO
    for iv, sign in parts:
        a, b = signed(iv, sign)
        low += a
        high += b
    return low, high


def interval_div(num: Interval, den: Interval) -> Interval | None:
    """num / den, or None when den's interval contains zero."""
    d_low, d_high = den
    if d_low <= 0 <= d_high:
        return None
    candidates = [n / d for n in num for d in den]
    return min(candidates), max(candidates)


def meets(a: Interval, b: Interval) -> bool:
    """True when the closed intervals share at least one point."""
    return a[0] <= b[1] and b[0] <= a[1]


def gap(a: Interval, b: Interval) -> Decimal:
    """How far apart two intervals are (0 when they meet)."""
    if meets(a, b):
        return ZERO
    return b[0] - a[1] if a[1] < b[0] else a[0] - b[1]


def midpoint(iv: Interval) -> Decimal:
    return (iv[0] + iv[1]) / 2


def fmt_amount(value: Decimal, scale: Decimal = Decimal(1), decimals: int = 0) -> str:
    """A base-unit value shown the way the document shows it: 5018000 at 1000 -> '5,018'."""
    shown = value / scale if scale else value
    q = Decimal(1).scaleb(-decimals) if decimals > 0 else Decimal(1)
    try:
        shown = shown.quantize(q)
    except ArithmeticError:  # pragma: no cover - absurd magnitudes
        pass
    text = f"{abs(shown):,.{max(decimals, 0)}f}"
    return f"({text})" if shown < 0 else text


def allowance(shown: Interval, shown_value: Decimal, other: Interval, other_value: Decimal) -> Decimal:
    """How far apart rounding lets two figures be, in the direction they differ.

    ``shown_value`` stands for ``shown`` and ``other_value`` (what the other figures make it)
    for ``other``; the two intervals meet exactly when the plain difference is at most this.
    """
    if shown_value >= other_value:
        return (shown_value - shown[0]) + (other[1] - other_value)
    return (shown[1] - shown_value) + (other_value - other[0])


def fmt_apart(difference: Decimal, allowed: Decimal, scale: Decimal = Decimal(1), decimals: int = 0) -> str:
    """``200 apart, rounding allows 2``: the plain difference and the rounding allowance, as printed."""
    scale = scale or Decimal(1)
    places = max(decimals, 0) + 2
    return (f"{fmt_plain(abs(difference) / scale, places)} apart, "
            f"rounding allows {fmt_plain(allowed / scale, places)}")


def fmt_interval(iv: Interval, scale: Decimal = Decimal(1), decimals: int = 0) -> str:
    low, high = iv
    extra = 2 if decimals <= 0 else decimals + 2
    return f"[{fmt_plain(low / scale, extra)}, {fmt_plain(high / scale, extra)}]"


def fmt_plain(value: Decimal, decimals: int = 2) -> str:
    text = f"{value:,.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text
