"""Sentence text -> the figures it states, each with its unit and the interval it admits.

Only figures that say how much of something there is become claims: money
("$537,000", "$43.6 million", "1 cent"), per-unit money ("$4.66 per ounce",
"9 cents per common share"), percentages ("17%"), quantities with a unit noun
("255,038 tons", "over 47,000 ounces") and stated multiples ("nearly doubled").
A bare number has no unit to tie to, so years, dates, phone numbers, zip codes,
street numbers, note and item numbers, product codes and times are never figures.

Intervals (DESIGN.md, "Numbers"; no percentage tolerance anywhere):

* plain figure: the rounding of the digits shown. Decimals give the step
  ("43.6 million" -> 0.1 million, so [43.55M, 43.65M]); a whole number ending
  in ",000" groups was rounded to those groups ("$537,000" -> [536,500, 537,500],
  "39,000 ounces" -> [38,500, 39,500]); otherwise the step is 1 ("$400").
* hedged figure: the hedge moves within one step of the precision shown
  (the same step as above: "47,000" -> 1,000; "3.00" -> 0.01; "43.6 million" -> 0.1 million):
  "over/more than X" -> [X, X+step], "nearly/almost/under/less than X" ->
  [X-step, X], "approximately/about X" -> [X-step/2, X+step/2].
  So "over 47,000 ounces" admits 47,272 and not 46,900 or 48,100.
* multiples: "doubled" -> [1.75, 2.25], "nearly doubled" -> [1.5, 2],
  "more than doubled" -> [2, 2.5].
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from tieout.claims.text import folded, may_match, search_at
from tieout.claims.words import (
    MULTIPLE_STEP, MULTIPLES, NUMBER_WORDS, PER_UNITS, QUANTITY_UNITS, SCALES, text_to_hedge,
)


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure found in a sentence (offsets are into the sentence's passage text)."""

    start: int
    end: int
    text: str
    magnitude: Decimal  # in base units, unsigned
    negative: bool  # printed in parentheses or with a minus
    unit: str  # "USD", "USD/share", "oz", "%", "x" (a multiple) ...
    rounding: Decimal  # half-width of the interval a plain figure stands for
    step: Decimal  # place value of the last significant digit (for hedges)
    qualifier: str = ""  # canonical hedge
    hedge_text: str = ""  # the hedge as written
    tail: int = 0  # end of the figure with its unit words ("$4.66 per ounce"); >= end


_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+"
_WORDNUM = "|".join(NUMBER_WORDS)
_SCALE = r"(?:\s*(?P<scale>million|billion|thousand|trillion)\b|(?P<abbr>mm|bn|m|b|k)\b)?"

# "$(1.6) million" and "($1.6) million" close the parenthesis before the scale word ("close0")
_MONEY = re.compile(
    r"(?P<neg>\(\s?|-\s?)?(?:US|U\.S\.\s?)?\$\s?(?P<neg2>\(|-)?\s?(?P<num>" + _NUM + r")(?P<close0>\))?" + _SCALE
    + r"(?P<close>\))?", re.I)
_CENTS = re.compile(r"(?<![\w.,/$-])(?P<neg>\()?(?P<num>" + _NUM + "|" + _WORDNUM + r")(?P<close>\))?\s+cents?\b",
                    re.I)
_PERCENT = re.compile(r"(?<![\w.,/$-])(?P<neg>\(|-)?(?P<num>" + _NUM + r")\s?(?:%|percent\b|per cent\b)(?P<close>\))?",
                      re.I)
# a number, a scale word, a unit adjective, each without a space, then the unit: ``_quantities`` relies on it
_QUANTITY = re.compile(
    r"(?<![\w.,/$-])(?P<num>" + _NUM + "|" + _WORDNUM + r")(?:\s+(?P<scale>million|billion|thousand)\b)?"
    r"\s+(?:(?:short|metric|troy|dry|net|gold|silver|equivalent|fine)\s+)?"
    r"(?P<unit>ounces|ounce|oz\.?|tons|ton|tonnes|pounds|lbs\.?|shares|acres|feet|barrels|employees)\b",
    re.I)
_MULTIPLE = re.compile(r"\b(?P<word>" + "|".join(MULTIPLES) + r")\b", re.I)
# applied with match() right after a figure, which never ends in whitespace. Linear under search() too: the
# lookbehind starts it only where a run of whitespace starts, each run is taken whole (possessive: what
# follows is never whitespace), and at most eight qualifier words ("per diluted common share")
_PER = re.compile(
    r"(?<!\s)\s*+(?:\((?:diluted|basic)\)\s*+)?(?:per|an?|each)\s++(?:(?:common|diluted|basic|fully[- ]diluted|"
    r"primary|outstanding|class [ab])\s++){0,8}(?P<what>share|ounce|oz|pound|lb|ton|tonne|unit|barrel)s?\b",
    re.I)


# Literal text every match of a pattern contains (lower case, whitespace as " ", see ``text.may_match``):
# a sentence without it is not searched. Most sentences have a "$" but no unit word, cents or multiple.
_MONEY_NEEDLES = (("$",),)
_CENTS_NEEDLES = ((" cent",),)  # "\s+cents?": not the "cent" of "percent"
_PERCENT_NEEDLES = (("%", "percent", "per cent"),)
_QUANTITY_NEEDLES = ((" ounce", " oz", " ton", " pound", " lbs", " shares", " acres", " feet", " barrels",
                      " employees"),)  # "\s+<unit>": not the "ton" of "Boston"
_MULTIPLE_NEEDLES = (tuple(sorted({word[:4] for word in MULTIPLES})),)  # "doub", "trip", ...: fewer tests


_ANCHOR = re.compile(r"cents?\b|percent|per cent|\b(?:ounces?|oz\b|tons?\b|tonnes?\b|pounds\b|lbs\b|shares\b|"
                     r"acres\b|feet\b|barrels\b|employees\b)|doubl|tripl|quadrupl|halv", re.I)
# the literal each alternative of _ANCHOR starts with: a match starts where one of them does
_ANCHOR_STARTS = ("cent", "percent", "per cent", "ounce", "oz", "ton", "pound", "lbs", "shares", "acres", "feet",
                  "barrels", "employees", "doubl", "tripl", "quadrupl", "halv")


def may_have_figures(text: str) -> bool:
    """A cheap test: can ``text`` hold a figure at all? (Every figure has a "$", a "%", a unit word or a multiple.)"""
    return "$" in text or "%" in text or search_at(_ANCHOR, text, folded(text), _ANCHOR_STARTS)


def _finditer(pattern: re.Pattern, needles: tuple[tuple[str, ...], ...], text: str, lo: int, hi: int,
              low: str | None):
    """``pattern.finditer(text, lo, hi)``, or nothing when ``low`` (``text[lo:hi]`` folded) lacks the needles."""
    return pattern.finditer(text, lo, hi) if may_match(low, needles) else ()


def _quantities(text: str, lo: int, hi: int, low: str | None):
    """``_QUANTITY.finditer(text, lo, hi)``, tried only where a match can start.

    A quantity ends in a unit word after whitespace (a needle: " shares"), and starts within the three
    words before it (number, scale word, unit adjective: none holds a space). "shares" is common, a
    number before it is not, so trying those few positions beats scanning every one of the sentence.
    """
    if low is None:
        return _QUANTITY.finditer(text, lo, hi)
    starts: set[int] = set()
    for needle in _QUANTITY_NEEDLES[0]:
        at = low.find(needle)
        while at >= 0:
            first = at
            for _ in range(3):  # back over spaces, then over a word
                while first > 0 and low[first - 1] == " ":
                    first -= 1
                while first > 0 and low[first - 1] != " ":
                    first -= 1
            starts.update(range(lo + first, lo + at))
            at = low.find(needle, at + 1)
    found = []
    end = lo
    for start in sorted(starts):
        if start >= end and (match := _QUANTITY.match(text, start, hi)):
            found.append(match)
            end = match.end()
    return found


def digits_to_decimal(text: str) -> Decimal:
    word = NUMBER_WORDS.get(text.lower())
    return Decimal(word) if word is not None else Decimal(text.replace(",", ""))


def digits_to_rounding(text: str) -> Decimal:
    """Half the step the digits were rounded to: "43.6" -> 0.05, "537,000" -> 500, "400" -> 0.5."""
    if text.lower() in NUMBER_WORDS:
        return Decimal("0.5")
    if "." in text:
        return Decimal(1).scaleb(-len(text.split(".")[1])) / 2
    groups = 0
    rest = text
    while rest.endswith(",000"):
        groups += 1
        rest = rest[:-4]
    return Decimal(1000) ** groups / 2


def digits_to_step(text: str) -> Decimal:
    """The precision the digits were written to: "47,000" -> 1000, "3.00" -> 0.01, "50" -> 1."""
    return digits_to_rounding(text) * 2


def hedged_step(text: str) -> Decimal:
    """The precision a hedged whole number is stated to: its last nonzero digit within its last group of three.
    "more than 5,500" and "nearly 8,400" are stated to the hundred, "over 47,000" to the thousand; "3.00" keeps
    its decimals (0.01); "nearly 50" (no group) is stated to the unit."""
    step = digits_to_step(text)
    if "." in text or text.lower() in NUMBER_WORDS or text.endswith(",000") or "," not in text:
        return step  # "over 47,000": the thousand its ",000" says; "nearly 50 million": the million
    group = text.rsplit(",", 1)[1]  # "5,500" -> "500": its zeros are the hundred it is stated to
    return Decimal(10) ** (len(group) - len(group.rstrip("0")))


def interval_for(value: Decimal, rounding: Decimal, step: Decimal, qualifier: str) -> tuple[Decimal, Decimal]:
    """The interval a figure of unsigned magnitude ``value`` admits under its qualifier."""
    if qualifier == "over":
        return value, value + step
    if qualifier in ("nearly", "under"):
        return max(value - step, Decimal(0)), value
    if qualifier == "approximately":
        half = max(step / 2, rounding)
        return value - half, value + half
    return value - rounding, value + rounding


def _scale_of(match: re.Match) -> Decimal:
    groups = match.groupdict()
    if groups.get("close0") and not _opened(match):
        return Decimal(1)  # "(of $1.6) million": the parenthesis closes an aside, the scale word is not the figure's
    word = (groups.get("scale") or groups.get("abbr") or "").lower()
    return SCALES.get(word, Decimal(1))


def _opened(match: re.Match) -> bool:
    groups = match.groupdict()
    return bool((groups.get("neg") or "").strip() or groups.get("neg2"))


def _negative(match: re.Match) -> bool:
    groups = match.groupdict()
    opened = (groups.get("neg") or "").strip()
    opened2 = groups.get("neg2") or ""
    if opened == "-" or opened2 == "-":
        return True
    return bool((opened == "(" or opened2 == "(") and (groups.get("close") or groups.get("close0")))


def text_to_figures(text: str, lo: int = 0, hi: int | None = None) -> list[Figure]:
    """Every figure in ``text[lo:hi]`` (offsets stay those of ``text``), in order, without overlaps."""
    hi = len(text) if hi is None else hi
    low = folded(text[lo:hi])
    found: list[Figure] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y in taken)

    def add(start: int, end: int, magnitude: Decimal, negative: bool, unit: str, digits: str, scale: Decimal,
            tail: int = 0):
        tail = max(tail, end)
        if not free(start, tail):
            return
        start_trim = start
        while text[start_trim] in " ":
            start_trim += 1
        hedge_text, qualifier = text_to_hedge(text[max(lo, start_trim - 30):start_trim])
        rounding = digits_to_rounding(digits) * scale
        step = (hedged_step(digits) if qualifier else digits_to_step(digits)) * scale
        found.append(Figure(start_trim, end, text[start_trim:end], magnitude, negative, unit, rounding, step,
                            qualifier, hedge_text, tail))
        taken.append((start_trim, tail))

    for match in _finditer(_MONEY, _MONEY_NEEDLES, text, lo, hi, low):
        scale = _scale_of(match)
        digits = match.group("num")
        magnitude = digits_to_decimal(digits) * scale
        end = match.end()
        if match.group("close0") and not _opened(match):
            end = match.start("close0")  # "(of $1.6) million": a ")" closing an aside, and what follows it
        elif match.group("close") and not _opened(match):
            end -= 1  # a ")" closing an aside, not the figure
        per = _PER.match(text, end, hi)
        unit = PER_UNITS[per.group("what").lower().rstrip("s")] if per else "USD"
        add(match.start(), end, magnitude, _negative(match), unit, digits, scale, per.end() if per else end)
    for match in _finditer(_CENTS, _CENTS_NEEDLES, text, lo, hi, low):
        digits = match.group("num")
        end = match.end()
        per = _PER.match(text, end, hi)
        unit = PER_UNITS[per.group("what").lower().rstrip("s")] if per else "USD"
        cents = Decimal("0.01")
        add(match.start(), end, digits_to_decimal(digits) * cents, _negative(match), unit, digits, cents,
            per.end() if per else end)
    for match in _finditer(_PERCENT, _PERCENT_NEEDLES, text, lo, hi, low):
        digits = match.group("num")
        add(match.start(), match.end(), digits_to_decimal(digits), _negative(match), "%", digits, Decimal(1))
    for match in _quantities(text, lo, hi, low):
        digits = match.group("num")
        scale = _scale_of(match)
        unit = QUANTITY_UNITS[match.group("unit").lower()]
        add(match.start(), match.end(), digits_to_decimal(digits) * scale, False, unit, digits, scale)
    for match in _finditer(_MULTIPLE, _MULTIPLE_NEEDLES, text, lo, hi, low):
        value = MULTIPLES[match.group("word").lower()]
        if not free(match.start(), match.end()):
            continue
        hedge_text, qualifier = text_to_hedge(text[max(lo, match.start() - 30):match.start()])
        found.append(Figure(match.start(), match.end(), match.group(0), value, False, "x",
                            MULTIPLE_STEP / 2, MULTIPLE_STEP, qualifier, hedge_text, match.end()))
        taken.append((match.start(), match.end()))
    return sorted(found, key=lambda f: f.start)
