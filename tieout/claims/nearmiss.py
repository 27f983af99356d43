"""Near misses: a narrative figure that is a table value with one typing slip, the way a checker spots it.

Real narrative errors look alike: a mistyped digit ("$587,000" for 537), two
transposed digits ("$34.6 million" for 43.6), a dropped or added minus or
parentheses. A checker reads the table value *at the precision the text
writes* and compares the digits:

* the claim's digits as written: "$43.6 million" -> "436" in steps of 0.1
  million; "$537,000" -> "537" in thousands (trailing ",000" groups are its
  rounding); "$0.53" -> "053" in cents (a leading zero is a written digit, so
  "$5.03" is "053" with two digits transposed); "1 cent" -> "1";
* the fact rendered in those steps: 43,641 thousand -> 436.41 -> "436"; the
  hedge says which way ("over 47,000" takes 47,272 down to "47", "nearly"
  and "under" round up, "approximately" and a plain figure to the nearest);
  written as the text would print it ("0.17" keeps its zero; 56 shares in
  millions is "0", not "00"), so the widths must agree;
* the comparison: one digit differs (same width), two adjacent digits are
  transposed, or the same digits with the opposite sign. A figure of one
  significant digit ("$2 million", "$0.05") is only compared by its sign: any
  other one-digit figure is one digit off it.

Only the digits are compared here; which facts may be compared (unit, period,
meaning) is the linker's business (``link.near_miss_to_check``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from functools import lru_cache

from tieout.claims.figures import text_to_figures
from tieout.model import Claim, Fact

_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?|\.\d+")


@dataclass(frozen=True, slots=True)
class Written:
    """The significant digits of a claim as written and the place value of the last one."""

    digits: str  # "436", "537", "053"
    step: Decimal  # in base units: 100000 for "43.6 million", 1000 for "$537,000", 0.01 for "$0.53"
    decimals: int  # digits after the point as written ("43.6" -> 1), to render like the text
    groups: int  # trailing ",000" groups dropped ("537,000" -> 1)


def claim_to_written(claim: Claim) -> Written | None:
    """The claim's digits as written, or None when it is not written in digits ("one cent")."""
    return text_to_written(claim.text)


@lru_cache(maxsize=4096)
def text_to_written(text: str) -> Written | None:
    """A figure's digits as written (memoized: a claim is compared with every row that could be its slip)."""
    match = _DIGITS.search(text)
    if not match:
        return None
    figures = text_to_figures(text)
    if not figures:
        return None
    step = figures[0].step
    number = match.group(0).rstrip(",")
    whole, _, fraction = number.partition(".")
    groups = 0
    if not fraction:
        while whole.endswith(",000"):
            whole = whole[:-4]
            groups += 1
    digits = (whole.replace(",", "") + fraction) or "0"
    if step <= 0:
        return None
    return Written(digits, step, len(fraction), groups)


_ROUNDING = {"over": ROUND_FLOOR, "nearly": ROUND_CEILING, "under": ROUND_CEILING}


def render_fact(fact: Fact, written: Written, qualifier: str = "") -> str:
    """The fact's magnitude in the claim's steps, as digits padded to the written width."""
    steps = (abs(fact.value) / written.step).quantize(Decimal(1), rounding=_ROUNDING.get(qualifier, ROUND_HALF_UP))
    return str(int(steps)).rjust(written.decimals + 1, "0")  # "0.53" keeps the zero it would be printed with


@dataclass(frozen=True, slots=True)
class NearMiss:
    kind: str  # "digit", "swap", "sign"
    table: str  # the fact's digits at the claim's precision, the differing ones in brackets: "5[3]7"
    text: str  # the claim's digits, likewise: "5[8]7"

    def describe(self) -> str:
        if self.kind == "digit":
            return f"one digit differs ({self.table} -> {self.text})"
        if self.kind == "swap":
            return f"two adjacent digits are transposed ({self.table} -> {self.text})"
        return f"the same digits with the opposite sign ({self.table} -> {self.text})"


def _show(digits: str, written: Written, marks: tuple[int, ...]) -> str:
    """Digits back in the text's format ("43.6", "537,000"), the marked positions in brackets."""
    fraction_at = len(digits) - written.decimals
    whole, fraction = digits[:fraction_at], digits[fraction_at:]
    out = []
    for i, ch in enumerate(whole):
        if i and (len(whole) - i) % 3 == 0:
            out.append(",")
        out.append((i, ch))
    if fraction:
        out.append(".")
        out.extend((fraction_at + i, ch) for i, ch in enumerate(fraction))
    text = ""
    open_ = False
    for item in out:
        if isinstance(item, str):
            text += ("]" if open_ else "") + item
            open_ = False
            continue
        i, ch = item
        if i in marks and not open_:
            text += "["
            open_ = True
        elif i not in marks and open_:
            text += "]"
            open_ = False
        text += ch
    text += "]" if open_ else ""
    text = text.lstrip("0") if not written.decimals else text
    return (text or "0") + ",000" * written.groups


def compare(table: str, text: str, opposite_sign: bool, written: Written) -> NearMiss | None:
    """The near miss between a fact's digits and the claim's (both at the claim's precision), if any."""
    if len(table) != len(text):
        return None
    diff = [i for i, (a, b) in enumerate(zip(table, text)) if a != b]
    if opposite_sign:
        if diff or set(text) == {"0"}:
            return None
        return NearMiss("sign", _show(table, written, ()), _show(text, written, ()))
    if len(text.lstrip("0")) < 2:
        return None  # one significant digit: every other digit is "one digit off", which tells nothing
    if len(diff) == 1:
        return NearMiss("digit", _show(table, written, tuple(diff)), _show(text, written, tuple(diff)))
    if len(diff) == 2 and diff[1] == diff[0] + 1 and table[diff[0]] == text[diff[1]] \
            and table[diff[1]] == text[diff[0]]:
        return NearMiss("swap", _show(table, written, tuple(diff)), _show(text, written, tuple(diff)))
    return None


# "Percentage of net sales" under "Gross margin": what the row measures is the row above it, which
# its label does not name, so a figure one slip from it is no evidence of a typo
_RELATIVE_ROW = re.compile(r"\s*(?:as\s+a\s+)?(?:percent(?:age)?|%)\s+of\b", re.IGNORECASE)


def near_miss(claim: Claim, fact: Fact, by_magnitude: bool) -> NearMiss | None:
    """Is ``claim`` ``fact`` with one slip? ``by_magnitude``: the wording or the row carries the sign."""
    if fact.value is None or (claim.value == 0 and fact.value == 0) or _RELATIVE_ROW.match(fact.label):
        return None
    written = claim_to_written(claim)
    if written is None:
        return None
    table = render_fact(fact, written, claim.qualifier)
    opposite = not by_magnitude and (claim.value < 0) != (fact.value < 0) and fact.value != 0
    found = compare(table, written.digits, opposite, written)
    if found is not None and found.kind == "sign":
        shown = _show(table, written, ())
        negative = (f"({shown})", shown) if fact.value < 0 else (shown, f"({shown})")
        return NearMiss("sign", *negative)
    return found
