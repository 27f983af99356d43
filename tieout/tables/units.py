"""Scale notes and row labels -> unit and scale of each number.

DESIGN.md's rule: a table's scale note ("dollars in thousands, except
per-share amounts") applies to money only; per-share amounts, prices,
ounces, tons and grades keep the value printed; "dollars and shares in
thousands" (or a plain "in thousands") scales share counts too.

The unit of a row comes from its label, then its section path, then the
table: ``Gold - Ounces`` is oz, ``Cash cost ($/oz.)`` is USD/oz,
``Ore grade milled - Silver (oz./ton)`` is oz/ton, ``Lead - LME Cash
(cents/pound)`` is USD/lb with the value divided by 100.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from decimal import Decimal

ONE = Decimal(1)
# "000" that is no part of a number ("(1,000)", "2000"): the thousands of "($000)", "in 000's"
_THOUSANDS_ZEROS = r"(?<![\d,.])\$?000(?:'?s)?(?![\d,.])"
_MAGNITUDE = re.compile(r"\b(?P<word>billion|million|thousand)s?\b|" + _THOUSANDS_ZEROS, re.IGNORECASE)
_FACTORS = {"billion": Decimal(10) ** 9, "million": Decimal(10) ** 6, "thousand": Decimal(1000)}
# a clause that gives shares a scale of their own, apart from the money's
_SHARES_CLAUSE = re.compile(r"\bshares?\s+(?:are\s+|amounts\s+)?in\s+(?P<word>billion|million|thousand)s?\b")

# The wordings of a scale note, each bounded (no nested quantifiers):
#   (in thousands, except per share data)  (Dollars in millions)  (thousands of dollars)
#   (000's omitted)  ($000)  (Dollars in 000s)  (in 000s, except share data)  Amounts in millions
#   in thousands of dollars, except ...   $000 omitted
_NOTE = re.compile(
    r"\((?=[^()]{0,60}\b(?:thousands|millions|billions)\b)[^()]{0,140}\)"
    r"|\((?=[^()]{0,40}" + _THOUSANDS_ZEROS + r")[^()]{0,100}\)"
    r"|\b(?:(?:amounts|dollars|figures|expressed|stated|shares|\$)(?:\s{1,3}(?:and|&)\s{1,3}(?:shares|dollars|amounts))?"
    r"\s{1,3})?in\s{1,3}(?:thousands|millions|billions)\b[^()]{0,80}"
    r"|\b(?:thousands|millions|billions)\s{1,3}of\s{1,3}(?:u\.?s\.?\s{1,3})?dollars\b[^()]{0,80}"
    r"|\bin\s{1,3}" + _THOUSANDS_ZEROS + r"[^()]{0,80}"
    r"|" + _THOUSANDS_ZEROS + r"\s{1,6}omitted\b"
    r"|(?<![\w$(])\$\s?000(?:'?s)?(?![\w,.)])",  # "$000" alone over the labels
    re.IGNORECASE,
)
# Every note holds one of these; _NOTE is only run in a window around each anchor: linear.
# (the lookahead names the first letters, so the search passes other characters at one test each)
_NOTE_ANCHOR = re.compile(r"(?=[tmb0$])(?:\b(?:thousands|millions|billions)\b|" + _THOUSANDS_ZEROS + ")",
                          re.IGNORECASE)
_NOTE_REACH = 62  # characters a note can start before its anchor
_NOTE_TAIL = 142  # characters a note can run past its anchor


@dataclass(frozen=True, slots=True)
class Scale:
    money: Decimal = ONE
    shares: Decimal = ONE
    shares_source: str = "none"  # "note" when the note names shares, "inferred" when taken from money
    note: str = ""


def note_to_scale(note: str) -> Scale:
    """``"(dollars and shares in thousands, except per-share amounts)"`` -> Scale(1000, 1000, "note")."""
    lowered = note.lower()
    shares_clause = _SHARES_CLAUSE.search(lowered)
    if shares_clause:  # "(dollars in millions except per share data; shares in thousands)"
        rest = lowered[:shares_clause.start()] + lowered[shares_clause.end():]
        magnitude = _MAGNITUDE.search(rest)
        shares = _FACTORS[shares_clause.group("word")]
        # "dollars and shares in thousands": the one magnitude is both's
        money = shares if magnitude is None else _FACTORS[magnitude.group("word") or "thousand"]
        return Scale(money, shares, "note", note.strip())
    magnitude = _MAGNITUDE.search(lowered)
    money = ONE if magnitude is None else _FACTORS[magnitude.group("word") or "thousand"]
    if money == ONE:
        return Scale(note=note.strip())
    names_shares = re.search(r"\bshares?\b(?![- ]*(data|amounts?|information))", lowered)
    except_shares = re.search(r"except\b[^)]*\bshares?\b(?!\s*[- ]?(?:per|data))", lowered) and not \
        re.search(r"except\s+(?:for\s+)?per[- ]share", lowered)
    dollars_only = re.search(r"\b(dollars|\$)\b|\$", lowered) is not None
    if names_shares and not except_shares and re.search(r"shares\s+(?:and\s+\w+\s+)?in\s+(thousands|millions)|and\s+shares",
                                                           lowered):
        return Scale(money, money, "note", note.strip())
    if except_shares:
        return Scale(money, ONE, "note", note.strip())
    if not dollars_only:  # "In thousands, except per share data": every count is in thousands
        return Scale(money, money, "note", note.strip())
    return Scale(money, money, "inferred", note.strip())


def find_note(text: str) -> str:
    """The scale note in a title line, or ''."""
    searched = 0
    for anchor in _NOTE_ANCHOR.finditer(text):
        start = max(searched, anchor.start() - _NOTE_REACH)
        match = _NOTE.search(text, start, anchor.end() + _NOTE_TAIL)
        if match:
            return match.group(0).strip()
        searched = max(searched, anchor.start() + 1)
    return ""


# --------------------------------------------------------------------------
# row units

# A leading (?=[...]) names the letters a match can start with: searching a label, the engine
# then passes the other characters at one test each instead of trying every alternative.
_PER_SHARE = re.compile(r"(?=[ped])(?:per\s+(?:common\s+|basic\s+|diluted\s+|weighted\s+)?"
                        r"(?:and\s+common\s+equivalent\s+)?(?:share|unit)|\beps\b|"
                        r"per\s+(?:basic|diluted)\s+share|dividends?\s+declared\s+per)", re.IGNORECASE)
# "Cash dividends of $0.48 per common share": the rate is in the label, the row holds totals
_RATE_IN_LABEL = re.compile(r"\$\s*\d*\.?\d+\s+per\b", re.IGNORECASE)
_SHARES = re.compile(r"(?=[snw])(?:\bshares\b|\bnumber of (?:common )?shares\b|shares outstanding|"
                     r"weighted average (?:number|shares|common))", re.IGNORECASE)
_SHARE_COUNT = re.compile(r"^\s*(?:shares\b|weighted[- ]average (?:number of )?(?:common )?(?:shares|number)|"
                          r"average (?:number of )?(?:common )?shares|number of (?:common )?shares)|"
                          r"(?=s)(?:shares outstanding|shares used in)", re.IGNORECASE)

# label text -> unit; first match wins. Order matters: rates before plain amounts.
_LABEL_UNITS: tuple[tuple[re.Pattern, str, Decimal], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), unit, Decimal(factor))
    for pattern, unit, factor in (
        (r"cents\s*/\s*(?:pound|lb)", "USD/lb", "0.01"),
        (r"cents\s*/\s*(?:oz|ounce)", "USD/oz", "0.01"),
        (r"\$\s*/\s*(?:oz|ounce)|dollars per ounce|per ounce", "USD/oz", "1"),
        (r"\$\s*/\s*(?:ton)|per ton\b", "USD/ton", "1"),
        (r"\$\s*/\s*(?:lb|pound)|per pound", "USD/lb", "1"),
        (r"oz\.?\s*/\s*ton|ounces per ton", "oz/ton", "1"),
        (r"g\s*/\s*t\b|grams per tonne", "g/t", "1"),
        (r"\bounces\b|\(oz\.?\)|\boz\.?$", "oz", "1"),
        (r"\btons?\b|\(tons\)", "ton", "1"),
        (r"\bpounds\b|\(lbs?\.?\)", "lb", "1"),
        (r"\bpercent\b|\(%\)|%\s*$", "%", "1"),
        (r"\bdays\b", "days", "1"),
        (r"\bunit sales\b|\bunits (?:sold|shipped|produced|delivered|in service)\b|\bnumber of (?:units|employees|"
         r"stores|customers|accounts|locations|branches|subscribers|offices|restaurants)\b|\bheadcount\b",
         "count", "1"),
    )
)


# any of _LABEL_UNITS: one search rules out the common label that names no unit, before
# the patterns are tried one by one for the first that matches
_ANY_LABEL_UNIT = re.compile(
    "(?=[cdpogt$(%uneh])(?:" + "|".join(f"(?:{pattern.pattern})" for pattern, _, _ in _LABEL_UNITS) + ")", re.IGNORECASE)
_NOT_SHARES = re.compile(r"\$|amount|value|proceeds|issuance of|dividends?|repurchase|purchase of|sale of|"
                         r"capital|stock,? net|common stock\b(?! shares)|at cost|(?<![\d,])\d[\d,]*\s+shares", re.IGNORECASE)


def unit_heading(text: str) -> bool:
    """"Earnings per share:", "NET INCOME PER COMMON SHARE", "Weighted average shares": a heading
    that gives the rows below it their unit (per-share amounts, or share counts)."""
    return (bool(_PER_SHARE.search(text)) and not _RATE_IN_LABEL.search(text)) or bool(_SHARE_COUNT.search(text))


@dataclass(frozen=True, slots=True)
class RowUnit:
    unit: str  # "USD", "USD/share", "shares", "oz", ...
    factor: Decimal  # multiply the printed value by this (before any table scale)
    scaled: str  # which table scale applies: "money", "shares" or "none"


@lru_cache(maxsize=4096)
def row_unit(label: str, path: tuple[str, ...], money_table: bool, dollar: bool, percent: bool) -> RowUnit:
    """The unit of a row's numbers from its label, then its section path."""
    if percent:
        return RowUnit("%", ONE, "none")
    if _SHARE_COUNT.search(label) or (path and _SHARE_COUNT.search(path[-1]) and not _PER_SHARE.search(label)):
        # "Shares outstanding" or "WEIGHTED AVERAGE SHARES > Basic"; "(in thousands)" in the label is its own scale
        return _counted("shares", label) or RowUnit("shares", ONE, "shares")
    for text, of_label in ((label, True), *((heading, False) for heading in reversed(path))):
        if text:
            found = _text_unit(text, of_label)
            if found is not None:
                return found
    if dollar or money_table:
        return RowUnit("USD", ONE, "money")
    return RowUnit("", ONE, "none")


@lru_cache(maxsize=4096)
def _text_unit(text: str, of_label: bool) -> RowUnit | None:
    """The unit the label (``of_label``) or a heading on the row's path names, or None.

    Apart from ``row_unit`` and cached: the headings of a table's path recur on every row.
    """
    if _PER_SHARE.search(text) and not _RATE_IN_LABEL.search(text):
        return RowUnit("USD/share", ONE, "none")
    if _ANY_LABEL_UNIT.search(text):
        for pattern, unit, factor in _LABEL_UNITS:
            if pattern.search(text):
                if unit in ("ton", "days", "count") and not of_label:
                    continue  # "per ton" sections don't make a row tons
                if unit == "count":
                    return _counted(unit, text) or RowUnit(unit, factor, "none")
                return RowUnit(unit, factor, "none")
    if of_label and _SHARES.search(text) and not _NOT_SHARES.search(text):
        return _counted("shares", text) or RowUnit("shares", ONE, "shares")
    return None


def _counted(unit: str, label: str) -> RowUnit | None:
    """A count whose label gives its own scale ("Weighted average shares (in thousands)"), or None."""
    note = find_note(label) if ("thousand" in label.lower() or "000" in label or "million" in label.lower()) else ""
    if not note:
        return None
    return RowUnit(unit, note_to_scale(note).money, "none")
