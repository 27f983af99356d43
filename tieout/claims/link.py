"""Claims -> Checks: tie every narrative figure to the table value it states, or flag it.

An auditor ticking a release reads "a net loss of $537,000" and looks for the
row that holds it. So linking goes **by value first**: among the facts of the
claim's unit and period, those whose interval meets the claim's interval, the
best-worded one wins ("Loss applicable to common shareholders (537)", not "Net
income (loss) 1,475"). When no value meets, the claim *fails* only if its
wording clearly names a row for the same period (every key word of the row
label is in the sentence, "net loss" names "Net income (loss)") and the two are
of the same order of magnitude; that is what catches "$538,000" typed for
"$537,000". Anything else is *unverifiable*: the future, periods no table has,
reserves and markets, words that name no row.

Changes ("down 2.9% from $19,786,000", "a 17% reduction from last year's first
quarter costs") and multiples ("nearly doubling") are recomputed by interval
arithmetic from the facts their figures tie to (or the same row in the base
period) and compared with the interval the wording admits.

Intervals *meet* when they share more than a boundary point (a point interval
may sit on a boundary): "$538,000" = [537,500, 538,500] does not meet 537 in
thousands = [536,500, 537,500], since a value of exactly 537,500 cannot be
printed as both 537 and 538 thousand under one rounding rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from bisect import bisect_left
from datetime import date
from functools import lru_cache

from tieout.claims.nearmiss import NearMiss, claim_to_written, near_miss, render_fact
from tieout.claims.settings import ClaimSettings
from tieout.claims.words import (
    ACTION_WORDS, CONTRASTS, GOAL_RE, FIN_HEADS, GENERIC, MODIFIERS, NEGATIVE_WORDS, PROFIT_WORDS, NON_TABLE_WORDS, OPTIONAL_LABEL_WORDS, QUALIFIER_WORDS, MEASURE_WORDS, UNIT_WORDS, label_to_groups,
    text_to_words, unit_family,
)
from tieout.claims.periods import LENGTHS, MONTHS, ORDINALS, iso_to_dates, months_of, text_to_phrases
from tieout.model import Check, Claim, Fact, Report, Span

Interval = tuple[Decimal, Decimal]
RULE = "claim"
# label words that make a row another quantity than one named without them ("Operating income", "Gross
# profit", "Income before income taxes", "Net interest income" are not "net income")
DISTINGUISHING = frozenset("operating gross before interest comprehensive segment extraordinary discontinued "
                           "noninterest minority".split())


def meets(a: Interval, b: Interval) -> bool:
    low, high = max(a[0], b[0]), min(a[1], b[1])
    if low < high:
        return True
    return low == high and (a[0] == a[1] or b[0] == b[1])


def magnitude(iv: Interval) -> Interval:
    low, high = iv
    if low >= 0:
        return iv
    if high <= 0:
        return -high, -low
    return Decimal(0), max(-low, high)


def interval_div(num: Interval, den: Interval) -> Interval | None:
    if den[0] <= 0 <= den[1]:
        return None
    corners = [n / d for n in num for d in den]
    return min(corners), max(corners)


def fact_interval(fact: Fact) -> Interval:
    return fact.low, fact.high


# ---------------------------------------------------------------------------
# meaning


@dataclass(frozen=True, slots=True)
class Words:
    local: frozenset[str]  # the claim's own subject words (about + the figure's unit noun)
    sentence: frozenset[str]
    context: frozenset[str]
    said: frozenset[str] = frozenset()  # sentence | context
    net: bool = False  # the subject says "net" (a generic word, dropped from the others)


_NET_LABEL = re.compile(r"\s*net\b", re.I)
_NET_WORD = re.compile(r"\bnet\s+(?!of\b)[a-z]", re.I)  # "net interest income", not "net of taxes"


@lru_cache(maxsize=4096)
def claim_to_words(claim: Claim) -> Words:
    """The claim's subject, sentence and context words (memoized: the rules of this module ask often)."""
    return _claim_to_words(claim)


def _claim_to_words(claim: Claim) -> Words:
    local = text_to_words(claim.about + " " + re.sub(r"[\d$.,%()]", " ", claim.text))
    sentence = text_to_words(claim.sentence) | local
    context = text_to_words(claim.context)
    at = claim.sentence.find(claim.text)
    lead = claim.sentence[max(0, at - 60):at] if at > 0 else ""
    return Words(local, sentence, context, sentence | context, bool(_NET_WORD.search(lead)))


@dataclass(frozen=True, slots=True)
class RowWords:
    """What a row's label and place say, computed once per distinct (label, path, table)."""

    groups: tuple[frozenset[str], ...]  # key word groups of the label
    label: frozenset[str]
    signed_in_word: bool  # the label (outside parentheses) carries its sign: "Loss from ...", "Dividends"
    where: frozenset[str]  # words of the path and table title
    qualified: frozenset[str]  # qualifier words of the row or its table ("pro forma", "adjusted")
    key: frozenset[str]  # all key words: rows with the same key mean the same thing


@lru_cache(maxsize=16384)
def row_words(label: str, path: tuple[str, ...], table: str) -> RowWords:
    groups = label_to_groups(label)
    words = text_to_words(label)
    if groups and path and all(g <= OPTIONAL_LABEL_WORDS for g in groups):
        # "Basic" under "Earnings per share:": the heading says what the row is, the label only which kind
        heading = label_to_groups(path[-1])
        groups = tuple(dict.fromkeys(heading + groups))
        words = words | text_to_words(path[-1])
    main_label = re.sub(r"\([^)]*\)", " ", label)  # "Net income (loss)" is signed: "(loss)" says so
    where = text_to_words(" ".join(path) + " " + table)
    qualified = (words | where) & QUALIFIER_WORDS
    return RowWords(groups, words, bool(text_to_words(main_label) & NEGATIVE_WORDS), where, qualified,
                    frozenset().union(*groups) if groups else frozenset())


def _row(fact: Fact) -> RowWords:
    return row_words(fact.label, fact.path, fact.table)


@dataclass(frozen=True, slots=True)
class Meaning:
    score: float
    strong: bool  # every key word of the row label is in the claim's own subject words
    overlap: bool = False  # some key word of the row label is in the sentence
    tied: bool = False  # every key word of the label is in the sentence and one in the claim's subject


_CONTRASTS_BOTH_WAYS = CONTRASTS + [(b, a) for a, b in CONTRASTS]  # built once, not per row scored


def fact_meaning(words: Words, fact: Fact) -> Meaning:
    row = _row(fact)
    groups = row.groups
    local = sum(1 for g in groups if g & words.local)
    said = sum(1 for g in groups if g & words.sentence)
    place = len(row.where & words.said)
    covered = bool(groups) and said == len(groups)
    score = 2 * local + said - 1.5 * (len(groups) - said) + 0.5 * place + (1 if covered else 0)
    named = bool(groups) and local == len(groups)
    subject = words.local - UNIT_WORDS - GENERIC
    if (words.local & QUALIFIER_WORDS) - row.label - row.where:
        named = False  # "expenses excluding interest" is not "Total expenses"
    if len(groups) == 1 and (len(subject) > 2 or (subject - groups[0]) & FIN_HEADS
                             or subject - groups[0] - row.where - MODIFIERS):
        named = False  # a one-word row ("Interest") is not named by "interest expense" or a long phrase
    if words.local & ACTION_WORDS and not row.label & ACTION_WORDS:
        named = False  # "purchase of property" does not name "Property, plant and equipment"
    distinct = (subject & DISTINGUISHING) - row.label  # "operating income" is not "Net income", whatever the
    if distinct:  # place ("Cash flows from operating activities") says
        named = False
    extra = subject - row.label - row.where - MODIFIERS  # what the claim is about that the row does not say
    needed = sum(1 for g in groups if not g <= OPTIONAL_LABEL_WORDS)
    said_needed = sum(1 for g in groups if g & words.sentence and not g <= OPTIONAL_LABEL_WORDS)
    contradicted = any(row.label & a and words.sentence & b and not words.sentence & a
                       for a, b in _CONTRASTS_BOTH_WAYS)  # "diluted" is not "Basic"
    # tied by its words: every needed key word of the label said, one in the claim's own subject, and
    # fewer subject words the row does not say than it does ("finance income" is not "Net income")
    tied = (needed > 0 and said_needed == needed and local > 0 and len(extra) < local and not contradicted
            and not (words.local & QUALIFIER_WORDS) - row.label - row.where
            and not (words.local & ACTION_WORDS and not row.label & ACTION_WORDS)
            and not (len(groups) == 1 and (subject - groups[0] - row.where) & FIN_HEADS)
            and not (subject - row.label - row.where) & FIN_HEADS  # "interest expense on long-term debt"
            and not distinct)
    return Meaning(score, named, said > 0, tied)


def sign_flexible(words: Words, fact: Fact) -> bool:
    """Compare by magnitude when the wording or the label carries the sign ("loss", "dividends")."""
    return bool(words.local & NEGATIVE_WORDS) or _row(fact).signed_in_word


def claim_meets_fact(claim: Claim, words: Words, fact: Fact) -> bool:
    civ, fiv = (claim.low, claim.high), (fact.low, fact.high)
    if sign_flexible(words, fact) and not (_printed_negative(claim) and fact.value > 0):
        return meets(magnitude(civ), magnitude(fiv))
    return meets(civ, fiv)


def _printed_negative(claim: Claim) -> bool:
    """The figure itself is printed negative ("($1.4 million)", "-3%"), not made so by a loss word."""
    return claim.value < 0 and ("(" in claim.text or "-" in claim.text)


def _scale_words(fact: Fact) -> str:
    return {Decimal(1000): " in thousands", Decimal(10) ** 6: " in millions",
            Decimal(10) ** 9: " in billions"}.get(fact.scale, "")


def fact_to_text(fact: Fact) -> str:
    return f"{fact.label} ({fact.display}){_scale_words(fact)} [line {fact.line}]"


def _claim_name(claim: Claim) -> str:
    about = claim.about.strip()
    return f"{about} {claim.qualifier + ' ' if claim.qualifier else ''}{claim.text}".strip() if about else claim.text


def forward_reason(claim: Claim) -> str:
    """Why a forward-looking claim is not checked, in an analyst's words."""
    if GOAL_RE.search(claim.sentence):
        return "a goal, not a reported figure"
    return "a forward-looking statement, not checked"


def _fmt(value: Decimal) -> str:
    value = value.normalize()
    text = f"{value:,f}"
    return text


def _check(claim: Claim, status: str, message: str, facts: Sequence[Fact] = (), expected: str = "",
           actual: str = "") -> Check:
    spans = (Span(claim.line, claim.col, claim.end_col),) + tuple(f.span for f in facts)
    return Check(rule=RULE, status=status, message=message, spans=spans, expected=expected,
                 actual=actual or claim.text, facts=tuple(f.id for f in facts), claims=(claim.id,),
                 document=claim.document)


# ---------------------------------------------------------------------------
# the facts of a report, indexed once


class FactIndex:
    """A report's valued facts, indexed once per report so that a claim scores only the rows it could concern.

    Facts by unit family and by (unit family, period), as before; and for each such bucket the *distinct*
    rows (facts that differ only in their place: id, line, column, table and row number, the same figure
    of a repeated table), each with its row words computed once, an inverted index from key word to row
    and, per half-step, the rows sorted by magnitude. Every rule of this module picks the first of
    equally good rows in fact order, so scoring the first of each group of identical rows gives the same
    result as scoring them all.
    """

    __slots__ = ("by_unit", "by_unit_period", "periods", "_buckets", "_base_by_row", "_base_by_label")

    def __init__(self, facts: Iterable[Fact]):
        self.by_unit: dict[str, list[Fact]] = {}
        self.by_unit_period: dict[tuple[str, str | None], list[Fact]] = {}
        self.periods: set[str] = set()
        self._buckets: dict[tuple, _Bucket] = {}
        self._base_by_row: dict[tuple, Fact | None] = {}
        self._base_by_label: dict[tuple, Fact] = {}
        for fact in facts:
            if fact.period:
                self.periods.add(fact.period)
            self._base_by_row.setdefault((fact.table_index, fact.row_index, fact.period),
                                         fact if fact.value is not None else None)
            if fact.value is None:
                continue
            self._base_by_label.setdefault((fact.label, fact.path, fact.period), fact)
            family = unit_family(fact.unit)
            self.by_unit.setdefault(family, []).append(fact)
            self.by_unit_period.setdefault((family, fact.period), []).append(fact)

    def candidates(self, claim: Claim) -> tuple[list[Fact], list[Fact]]:
        """(facts of the claim's unit, those of its period too); zeros only for a zero claim."""
        family = unit_family(claim.unit)
        typed = self.by_unit.get(family, [])
        in_period = typed if claim.period is None else self.by_unit_period.get((family, claim.period), [])
        if claim.value != 0:
            typed = [f for f in typed if f.value != 0]
            in_period = [f for f in in_period if f.value != 0]
        return typed, in_period

    def bucket(self, family: str, period: str | None, any_period: bool) -> "_Bucket":
        key = (family, None, True) if any_period else (family, period, False)
        bucket = self._buckets.get(key)
        if bucket is None:
            facts = self.by_unit.get(family, []) if any_period else self.by_unit_period.get((family, period), [])
            bucket = self._buckets[key] = _Bucket(facts)
        return bucket

    def base_fact(self, current: Fact, period: str | None) -> Fact | None:
        """``_base_fact`` by look-up: the same table row in ``period``, else the same label and path."""
        if period is None:
            return None
        key = (current.table_index, current.row_index, period)
        if key in self._base_by_row:
            return self._base_by_row[key]
        return self._base_by_label.get((current.label, current.path, period))


def _same_row_key(fact: Fact) -> tuple:
    """What a rule of this module can read of a fact, apart from where it is printed."""
    return (fact.label, fact.path, fact.table, fact.period, fact.value, fact.unit, fact.display, fact.scale,
            fact.scale_source, fact.decimals, fact.concept, fact.source)


class _Bucket:
    """The distinct rows of one (unit family, period) bucket, in fact order, indexed by key word and value."""

    __slots__ = ("facts", "rows", "by_word", "by_step", "nonzero")

    def __init__(self, facts: Sequence[Fact]):
        seen: set[tuple] = set()
        self.facts: list[Fact] = []
        for fact in facts:
            key = _same_row_key(fact)
            if key not in seen:
                seen.add(key)
                self.facts.append(fact)
        self.rows = [_row(f) for f in self.facts]
        self.nonzero = [f.value != 0 for f in self.facts]
        self.by_word: dict[str, list[int]] = {}
        for i, row in enumerate(self.rows):
            for word in row.key:
                self.by_word.setdefault(word, []).append(i)
        steps: dict[Decimal, list[tuple[Decimal, int]]] = {}
        for i, f in enumerate(self.facts):
            steps.setdefault(f.half_step, []).append((abs(f.value), i))
        self.by_step = [(step, sorted(pairs)) for step, pairs in steps.items()]

    def worded(self, words: frozenset[str], nonzero: bool) -> list[int]:
        """Positions of the rows a key word of whose label is in ``words``, in fact order."""
        hits: set[int] = set()
        for word in words:
            hits.update(self.by_word.get(word, ()))
        return sorted(i for i in hits if not nonzero or self.nonzero[i])

    def near_value(self, iv: Interval, nonzero: bool) -> list[int]:
        """Positions of the rows whose interval could meet ``iv`` by magnitude (a superset of those that meet
        it signed or by magnitude), in fact order."""
        low, high = magnitude(iv)
        hits: list[int] = []
        for step, pairs in self.by_step:
            start = bisect_left(pairs, (low - step, -1))
            for value, i in pairs[start:]:
                if value > high + step:
                    break
                if not nonzero or self.nonzero[i]:
                    hits.append(i)
        hits.sort()
        return hits


# ---------------------------------------------------------------------------
# amounts


def unit_matches(claim: Claim, fact: Fact) -> bool:
    return unit_family(claim.unit) == unit_family(fact.unit)


def _plausible(claim: Claim, fact: Fact, settings: ClaimSettings) -> bool:
    return _within(claim, fact, settings.magnitude_gate)


def _significant_digits(text: str) -> int:
    """How many significant digits a figure is written with ("$1,084,000" 4, "6 cents" 1)."""
    digits = "".join(ch for ch in text if ch.isdigit()).strip("0")
    return len(digits)


def _within(claim: Claim, fact: Fact, factor) -> bool:
    """Are the claim's figure and the fact's value within ``factor`` of each other?"""
    a, b = abs(claim.value), abs(fact.value or 0)
    if a == 0 or b == 0:
        return a == b
    return max(a, b) / min(a, b) <= factor


def meaning_tie(words: Words, claim: Claim, scored: Sequence[tuple[Meaning, Fact]],
                settings: ClaimSettings) -> Fact | None:
    """The row the claim's words tie it to whatever its value, when that is unambiguous.

    The best-worded row of the claim's unit and period must have every key word
    of its label in the sentence and one in the claim's own subject, and score
    clearly above every row that means something else; rows that mean the same
    (the same key words in another table) must agree in value; a row of a pro
    forma or adjusted table is not one the sentence names unless it says so.
    """
    if claim.period is None or claim.kind == "delta" or words.local & NON_TABLE_WORDS:
        return None
    tied = [(m, f) for m, f in scored if m.tied]
    if not tied:
        return None
    best_m, best = max(tied, key=lambda mf: (mf[0].score, -mf[1].id))  # ties: the row printed first
    row = _row(best)
    if row.qualified - words.said:
        return None
    for m, f in scored:
        if f is best or f.value == best.value:
            continue  # the same figure in another table or row says the same
        other = _row(f)
        if other.qualified - words.said or (words.local & QUALIFIER_WORDS) - other.label - other.where:
            continue  # a pro forma row the sentence does not mention, or a GAAP row when the claim says pro forma
        if other.key == row.key or m.score > best_m.score - settings.tie_margin:
            return None  # another row the words fit as well holds another value: which one?
    return best if _plausible(claim, best, settings) else None


def by_magnitude(claim: Claim, words: Words, fact: Fact) -> bool:
    """Compare by magnitude, as ``claim_meets_fact`` does, unless the figure is printed negative and the row positive."""
    return sign_flexible(words, fact) and not (_printed_negative(claim) and fact.value > 0)


def near_miss_message(claim: Claim, fact: Fact, miss: NearMiss) -> str:
    return (f'"{claim.text}" does not match {fact.label} {fact.display}{_scale_words(fact)} [line {fact.line}]'
            f"{' for ' + claim.period if claim.period else ''}: {miss.describe()} \u2014 a typo?")


def composite(scored: Sequence[tuple[Meaning, Fact]]) -> bool:
    """The claim's own subject names two rows that mean different things and hold different values
    ("cash, cash equivalents and short-term investments": rows with no key word in common): the figure is
    their combination, not either."""
    named: dict[frozenset[str], set] = {}
    for m, f in scored:
        if m.strong:
            named.setdefault(_row(f).key, set()).add(f.value)
    return any(not (a & b) and named[a] != named[b] for a in named for b in named)


def sign_stated(claim: Claim, words: Words, fact: Fact) -> bool:
    """Does the text state a sign the row contradicts? A figure printed negative against a positive row, or
    "income/earnings of $X" against a negative one. A plain positive amount does not: narrative states
    outflows as positive amounts ("repurchased at a cost of $2.7 million", "paid dividends of $1.2 million")
    that a cash flow statement shows in parentheses."""
    if _printed_negative(claim):
        return fact.value > 0
    return claim.value > 0 and fact.value < 0 and bool(words.local & PROFIT_WORDS)


_SET_ASIDE = re.compile(r"\b(?:before|excluding|exclusive\s+of|net\s+of|less)\b", re.IGNORECASE)


def _label_head(label: str) -> frozenset[str]:
    """The words of a label before what it sets aside ("Income" of "Income before income taxes")."""
    return text_to_words(_SET_ASIDE.split(label, maxsplit=1)[0]) or text_to_words(label)


def contradicts(words: Words, fact: Fact) -> bool:
    """The sentence says the opposite of a word of the row's label ("diluted" against "Basic"), or the
    claim names another measure than the row ("paid income taxes of" is not "Total income taxes")."""
    label = _row(fact).label
    if (words.local & MEASURE_WORDS) - label:
        return True
    return any(label & a and words.sentence & b and not words.sentence & a
               for a, b in _CONTRASTS_BOTH_WAYS)


def near_miss_fact(claim: Claim, words: Words, scored: Sequence[tuple[Meaning, Fact]],
                   settings: ClaimSettings) -> tuple[Fact, NearMiss] | None:
    """The one row a claim that ties nowhere misses by a typing slip (near-miss detection), if there is one.

    Candidates are the rows of the claim's unit and period that the sentence names
    in part (a key word of the label among its words, as for a pass), that
    the sentence does not contradict ("diluted" is not "Basic"), and that are not
    of a pro forma or adjusted table the sentence does not mention; and the row
    must be what the claim is about (key words of the label in the claim's own
    subject, outnumbering the subject words the row does not say) or tied to it by
    its words (``Meaning.tied``). An opposite sign counts only where the text states
    one (``sign_stated``). Among them, the
    rows the claim misses by one digit, two transposed digits or the sign
    (``nearmiss``) must hold one value, or one must be clearly the best worded.
    Amounts of change, forward-looking figures and reserves are never blamed.
    """
    if claim.kind != "amount" or claim.forward or words.local & NON_TABLE_WORDS or composite(scored):
        return None
    found: list[tuple[Meaning, Fact, NearMiss]] = []
    for m, f in scored:
        row = _row(f)
        if not m.overlap or row.qualified - words.said:
            continue
        if contradicts(words, f):
            continue
        miss = near_miss(claim, f, by_magnitude(claim, words, f))
        # a slip in a leading digit moves a figure by any factor ("$0.01" typed "$0.41"): the magnitude gate
        # guards the rows the words only touch, not one they tie the claim to
        if miss is not None and (m.tied or _plausible(claim, f, settings)):
            found.append((m, f, miss))
    if not found:
        return None
    # the row must be what the claim is about (a key word of its label in the claim's own subject) or
    # worded as well as any row the sentence names: a slip keeps the wording of the row it was typed from
    def about(f: Fact) -> bool:
        """The claim's subject is mostly this row: more of its key words than words the row does not say,
        and none of the row's key words left unsaid ("federal income tax rate" is not "Effective tax rate")."""
        row = _row(f)
        unsaid = [g for g in row.groups if not g & words.sentence and not g <= OPTIONAL_LABEL_WORDS]
        return mostly_about(words, f) and not unsaid  # "net income" is not "Total operating income"

    found = [(m, f, miss) for m, f, miss in found
             if (about(f) or m.tied) and (miss.kind != "sign" or sign_stated(claim, words, f))
             # "the valuation allowance" is not "Net deferred tax asset before valuation allowance": the claim's
             # subject touches what the label is, before what it sets aside
             and words.local & _label_head(f.label)]
    if not found:
        return None
    best_m, best, miss = max(found, key=lambda x: (x[0].score, -x[1].id))
    for m, f, _ in found:
        if f.value != best.value and m.score > best_m.score - settings.tie_margin:
            return None  # two rows the claim misses by a slip, worded alike: which one?
    return best, miss


def passing_fact(claim: Claim, words: Words, scored: Sequence[tuple[Meaning, Fact]]) -> tuple[Meaning, Fact] | None:
    """The pass rule: among the rows a key word of whose label the sentence says, those whose value meets the
    claim's interval; the best worded wins."""
    passing = [(m, f) for m, f in scored if m.overlap and claim_meets_fact(claim, words, f)]
    return max(passing, key=lambda mf: (mf[0].score, -mf[1].id)) if passing else None


def _distinct_unsaid(words: Words, fact: Fact) -> bool:
    """Does the row's label carry a word that makes it another quantity ("operating", "gross", "before",
    "interest") which the sentence does not say? Then the claim is not about that row, whatever its value."""
    return any(g & DISTINGUISHING and not g & words.sentence for g in _row(fact).groups)


def _unsaid(words: Words, fact: Fact) -> bool:
    """Is a needed key word of the row's label missing from the sentence ("operating" of "Total operating
    income" when the sentence says "net income")?"""
    return any(not g & words.sentence and not g <= OPTIONAL_LABEL_WORDS for g in _row(fact).groups)


def _dated_period_fail(claim: Claim, name: str, other: Fact, own: Fact) -> Check | None:
    """A figure that is its row's value for another period, in a sentence that dates the claim's own period
    by its end ("for the quarter ended June 30, 2004", the only such date of the sentence, the length and the
    day those of the claim's period), or names it as a calendar quarter and year, its only period ("for the
    second quarter of 2003", April to June 2003): the text states the other period's figure. Anything vaguer
    ("the same period", "the third quarter", "the third quarter of fiscal 2003") could be a misreading of the
    period, and stays unverifiable."""
    if claim.period is None or "/" not in claim.period or own.period != claim.period:
        return None
    try:
        start, end = iso_to_dates(claim.period)
    except ValueError:
        return None
    phrases = text_to_phrases(claim.sentence)
    dated = [p for p in phrases if p.kind == "ended"]
    if len(phrases) == 1 and _names_calendar_quarter(phrases[0], start, end):
        dated = phrases
    if len(dated) != 1:
        return None
    phrase = dated[0]
    if phrase.kind == "ord_year":
        return _stated_period_fail(claim, name, other, own)
    month = MONTHS.get(phrase.get("month").lower().rstrip(".")[:3])
    try:
        day = date(int(phrase.get("year")), month or 0, int(phrase.get("day")))
    except ValueError:
        return None
    length = phrase.get("len").lower().replace("-", " ")
    months = LENGTHS.get(length, LENGTHS.get(length.rstrip("s"), 3))
    if abs((day - end).days) > 7 or months != months_of(claim.period):
        return None
    return _stated_period_fail(claim, name, other, own)


def _stated_period_fail(claim: Claim, name: str, other: Fact, own: Fact) -> Check:
    return _check(claim, "fail", (
        f"{name} is {fact_to_text(other)} for {other.period}, not for the period the sentence dates "
        f"({claim.period}), where {own.label} is {own.display}{_scale_words(own)} [line {own.line}]"),
        [own, other], expected=own.display)


def _names_calendar_quarter(phrase, start: date, end: date) -> bool:
    """"the second quarter of 2003", the sentence's only period, read as the calendar quarter it names
    (April to June 2003, a column of the tables): as plain as a date. A fiscal quarter ("the third
    quarter of fiscal 2007") depends on the reading of the filer's calendar, and is not."""
    if phrase.kind != "ord_year" or phrase.get("fiscal") or phrase.get("fiscal2"):
        return False
    ordinal = ORDINALS.get(phrase.get("ord").lower(), 0)
    try:
        year = int(phrase.get("y"))
    except ValueError:
        return False
    return (end.year, end.month) == (year, 3 * ordinal) and (start.year, start.month) == (year, 3 * ordinal - 2) \
        and start.day == 1 and end.day >= 28


def _other_period_holds(claim: Claim, words: Words, fact: Fact, index: FactIndex) -> Fact | None:
    """The same row in another period, holding the claim's figure exactly: then a slip is no explanation; the
    sentence (or the reading of its period) names another period."""
    bucket = index.bucket(unit_family(claim.unit), None, True)
    for i in bucket.near_value((claim.low, claim.high), claim.value != 0):
        f = bucket.facts[i]
        if f.period != claim.period and (f.label, f.path) == (fact.label, fact.path) \
                and claim_meets_fact(claim, words, f):
            return f
    return None


def mostly_about(words: Words, fact: Fact) -> bool:
    """The claim's own subject is mostly this row: more of the row's key words than subject words it does not say."""
    row = _row(fact)
    local = sum(1 for g in row.groups if g & words.local)
    subject = words.local - UNIT_WORDS - GENERIC
    extra = (subject - row.label - row.where - MODIFIERS) | ((subject & DISTINGUISHING) - row.label)
    return local > len(extra)


def firm_tie(claim: Claim, words: Words, meaning: Meaning, fact: Fact) -> bool:
    """Is a value match evidence of the row? Its words say more than an overlap (the row is tied or named by
    them, or is mostly what the claim's own subject is about), or the figure has three significant digits or
    more: a one- or two-digit figure meets some row of its unit and period by chance all too often ("leave
    $3.0 million of capital in Steichen" is not "Net increase (decrease) in cash 3,013,196")."""
    if meaning.tied or meaning.strong:
        return True
    if _distinct_unsaid(words, fact):
        return False  # "net income of $2.4 million" is not "Total operating income 2,368"
    written = claim_to_written(claim)
    if written is not None and len(written.digits.strip("0")) >= 3:  # "$150 million" is a round figure
        return True
    row = _row(fact)
    unsaid = sum(1 for g in row.groups if not g & words.sentence and not g <= OPTIONAL_LABEL_WORDS)
    said = sum(1 for g in row.groups if g & words.local)
    # "net income of $1.9 million" is not "Income before income taxes 1,898": most of that label is unsaid
    return mostly_about(words, fact) and unsaid <= said


def corrected_claim(claim: Claim, fact: Fact, miss: NearMiss) -> Claim | None:
    """The claim as it would read with the slip undone: the fact's value rendered at the claim's precision
    (its digits for a digit or a transposition, the other sign for a sign), the interval the wording admits
    moved with it."""
    if miss.kind == "sign":
        if _printed_negative(claim):
            text = claim.text.replace("(", "", 1).replace(")", "", 1).replace("-", "", 1)
        else:
            text = f"({claim.text})"
        return replace(claim, text=text, value=-claim.value, low=-claim.high, high=-claim.low)
    written = claim_to_written(claim)
    if written is None or claim.value == 0:
        return None
    shift = (int(render_fact(fact, written, claim.qualifier)) - int(written.digits)) * written.step
    if claim.value < 0:
        shift = -shift
    return replace(claim, value=claim.value + shift, low=claim.low + shift, high=claim.high + shift)


def corrected_fact(claim: Claim, words: Words, scored: Sequence[tuple[Meaning, Fact]],
                   settings: ClaimSettings) -> tuple[Fact, NearMiss] | None:
    """The symmetric typo rule: the row the claim would tie to by the pass rule itself were its slip undone.

    For each row the figure misses by one slip (``nearmiss``: a digit, two
    adjacent digits transposed, or the sign where the text states one), the claim
    is corrected to that row's value at its own precision and put through
    ``passing_fact`` (the same meaning test, period, unit and tie-breaking against
    the other rows that pass a clean claim). The claim fails, tied to the row, when
    the corrections that pass all tie to one value, or one is clearly the best worded.
    A clean claim that passes never gets here, and a clean claim that does not pass
    fails only when one slip away from a figure the pass rule would tie it to.

    A corrected figure is one of some twenty one-slip neighbours of the written
    one, so its value is weaker evidence than an exact match: the words must say
    more than the bare overlap a pass needs. The claim must name its period, the
    row must not be contradicted ("diluted" is not "Basic"), and the claim's own
    subject must be mostly the row (more of its key words than subject words the
    row does not say).
    Amounts of change, forward-looking figures, reserves and combinations are never blamed.
    """
    if claim.kind != "amount" or claim.forward or claim.period is None or words.local & NON_TABLE_WORDS \
            or composite(scored):
        return None
    found: list[tuple[Meaning, Fact, NearMiss]] = []
    for m, f in scored:
        if not m.overlap or not _plausible(claim, f, settings) or contradicts(words, f):
            continue
        if not mostly_about(words, f):
            continue  # the claim's own subject must be mostly this row: a corrected figure is one of some
            # twenty one-slip neighbours, so its value says less than an exact match and the words must say more
        miss = near_miss(claim, f, by_magnitude(claim, words, f))
        if miss is None or (miss.kind == "sign" and not sign_stated(claim, words, f)):
            continue
        fixed = corrected_claim(claim, f, miss)
        tie = passing_fact(fixed, words, scored) if fixed is not None else None
        if tie is not None and tie[1].value == f.value and firm_tie(fixed, words, tie[0], tie[1]):
            found.append((tie[0], f, miss))
    if not found:
        return None
    best_m, best, miss = max(found, key=lambda x: (x[0].score, -x[1].id))
    for m, f, _ in found:
        if f.value != best.value and m.score > best_m.score - settings.tie_margin:
            return None  # two rows the claim would tie to, each one slip away: which one?
    return best, miss


def _better_named(words: Words, fact: Fact, index: FactIndex, family: str) -> bool:
    """Does the claim's own subject name another row of the document better than ``fact`` (in any period, any
    table)? "Operating income" names "Operating income", so a figure about it is never blamed on "Net income",
    whatever the place words ("Cash flows from operating activities") excuse."""
    row = _row(fact)
    own = sum(1 for g in row.groups if g & words.local)
    says_net = words.net
    # rows of the fact's own period, and rows the reader could not date (they may be that period's)
    for bucket in (index.bucket(family, fact.period, False), index.bucket(family, None, False)):
        for i in bucket.worded(words.local, False):
            other = bucket.rows[i]
            if other.key == row.key and says_net and _NET_LABEL.match(bucket.facts[i].label) \
                    and not _NET_LABEL.match(fact.label):
                return True  # "net interest income" is "Net interest income", not "Total interest income"
            if other.key == row.key or not other.groups:
                continue
            hits = sum(1 for g in other.groups if g & words.local)
            if hits > own and hits == len(other.groups) and not other.qualified - words.said:
                return True
    return False


def amount_to_check(claim: Claim, facts: Sequence[Fact] | FactIndex,
                    settings: ClaimSettings = ClaimSettings()) -> tuple[Check, Fact | None]:
    """Check one amount claim; also return the fact it is tied to (or blamed on)."""
    index = facts if isinstance(facts, FactIndex) else FactIndex(facts)
    words = claim_to_words(claim)
    name = _claim_name(claim)
    if claim.forward:
        return _check(claim, "unverifiable", f"{name}: {forward_reason(claim)}"), None
    family = unit_family(claim.unit)
    nonzero = claim.value != 0
    in_period = index.bucket(family, claim.period, claim.period is None)
    # a row none of whose key words the sentence says can neither pass nor be tied: skip its scoring
    meanings: dict[int, Meaning] = {}  # rows with the same words mean the same to this claim

    def meaning(row: RowWords, fact: Fact) -> Meaning:
        m = meanings.get(id(row))
        if m is None:
            m = meanings[id(row)] = fact_meaning(words, fact)
        return m

    worded = in_period.worded(words.sentence, nonzero)
    scored_all = [(meaning(in_period.rows[i], in_period.facts[i]), in_period.facts[i]) for i in worded]
    # only a row whose value could meet can pass (near_value, a cheap superset): no need to test the others
    near = set(in_period.near_value((claim.low, claim.high), nonzero))
    tie = passing_fact(claim, words, [mf for mf, i in zip(scored_all, worded) if i in near])
    if tie is not None:
        fact = tie[1]
        if not firm_tie(claim, words, tie[0], fact):
            return _check(claim, "unverifiable", f"{name}: the value equals {fact_to_text(fact)} but the wording "
                                                 f"does not name that row", [fact]), None
        return _check(claim, "pass", f"{name} = {fact_to_text(fact)}", [fact], expected=fact.display), fact
    blamed = None
    if claim.period is not None and claim.kind != "delta" and not (words.local & NON_TABLE_WORDS):
        subject = words.local - UNIT_WORDS - GENERIC
        named = [(m, f) for m, f in scored_all
                 if m.strong and _plausible(claim, f, settings) and not contradicts(words, f) and mostly_about(words, f)
                 and not (_row(f).qualified - words.said)
                 and not (subject - _row(f).label - _row(f).where) & FIN_HEADS]  # "interest expense on debt"
        if composite(scored_all):
            pass  # "cash, cash equivalents and short-term investments": a sum of rows, named by none
        elif named:
            named.sort(key=lambda mf: (-round(mf[0].score), abs(abs(mf[1].value) - abs(claim.value))))
            blamed = named[0][1]
        else:
            blamed = meaning_tie(words, claim, scored_all, settings)
    found = corrected_fact(claim, words, scored_all, settings) or near_miss_fact(claim, words, scored_all, settings)
    if found is not None and _better_named(words, found[0], index, family):
        found = None
    if blamed is not None and _better_named(words, blamed, index, family):
        blamed = None
    if found is not None:  # the row the figure misses by a typing slip, rather than the one its words name best
        fact, miss = found
        other = _other_period_holds(claim, words, fact, index)
        if other is not None:
            stated = _dated_period_fail(claim, name, other, fact)
            if stated is not None:
                return stated, fact
            return _check(claim, "unverifiable", f"{name} matches {fact_to_text(other)} for {other.period}, not "
                                                 f"the period the sentence names ({claim.period})", [other]), None
        return _check(claim, "fail", near_miss_message(claim, fact, miss), [fact], expected=fact.display), fact
    if blamed is not None:
        fact = blamed
        message = (f"{name} does not match {fact_to_text(fact)} for {claim.period}: the wording admits "
                   f"[{_fmt(claim.low)}, {_fmt(claim.high)}], the table [{_fmt(fact.low)}, {_fmt(fact.high)}]")
        if not _within(claim, fact, settings.blame_gate) and _significant_digits(claim.text) > 1:
            return _check(claim, "unverifiable", message + "; far more than a typing slip apart, the figure is "
                          "more likely a part of that row or another measure", [fact], expected=fact.display), None
        return _check(claim, "fail", message, [fact], expected=fact.display), fact
    matching = (in_period.facts[i] for i in in_period.near_value((claim.low, claim.high), nonzero)
                if claim_meets_fact(claim, words, in_period.facts[i]))
    fact = next(matching, None)
    if fact is not None:
        return _check(claim, "unverifiable", f"{name}: the value equals {fact_to_text(fact)} but the wording "
                                             f"does not name that row", [fact]), None
    if claim.period is not None:
        typed = index.bucket(family, None, True)
        # a row the claim's own subject names has every key word of its label among the sentence's words
        near = set(typed.near_value((claim.low, claim.high), nonzero))  # the value first: it rules out most rows
        for i in typed.worded(words.sentence, nonzero):
            f = typed.facts[i]
            if i in near and f.period != claim.period and claim_meets_fact(claim, words, f) \
                    and meaning(typed.rows[i], f).strong:
                own = index.base_fact(f, claim.period)
                stated = _dated_period_fail(claim, name, f, own) if own is not None and own.value is not None \
                    and not claim_meets_fact(claim, words, own) and not _better_named(words, own, index, family) \
                    else None
                if stated is not None:
                    return stated, own
                return _check(claim, "unverifiable", f"{name} matches {fact_to_text(f)} for {f.period}, "
                                                     f"not the period the sentence names ({claim.period})", [f]), None
    why = "no table has this period" if claim.period and claim.period not in index.periods \
        else "no table row with this meaning"
    return _check(claim, "unverifiable", f"{name}: {why}"), None


# ---------------------------------------------------------------------------
# figures compared with each other


def sentence_groups(claims: Sequence[Claim]) -> dict[int, tuple[Claim, ...]]:
    """claim id -> the claims of its sentence (consecutive claims of one document with the same sentence)."""
    out: dict[int, tuple[Claim, ...]] = {}
    run: list[Claim] = []
    for claim in list(claims) + [None]:
        if run and (claim is None or (claim.document, claim.sentence, claim.id) !=
                    (run[-1].document, run[-1].sentence, run[-1].id + 1)):
            for member in run:
                out[member.id] = tuple(run)
            run = []
        if claim is not None:
            run.append(claim)
    return out


def _sibling_of_row(claim: Claim, fact: Fact, sentence: Sequence[Claim], index: FactIndex) -> Claim | None:
    """Another figure of the claim's sentence, stated for another period, that meets the row the claim is blamed
    on: the sentence itself puts that row's value in the other period ("rose to $36.1 million for the third
    quarter of 1995, up from $39.0 million in the third quarter of 1994" against a column dated 1994 that holds
    36,121), so the text and the table disagree about periods, not about the figure."""
    for other in sentence:
        if other.id == claim.id or other.kind != "amount" or other.period == claim.period \
                or unit_family(other.unit) != unit_family(fact.unit):
            continue
        words = claim_to_words(other)
        if claim_meets_fact(other, words, fact):
            own = index.base_fact(fact, other.period)  # the same row in the other figure's own period
            if own is None or own.value is None:
                return other  # the row has no column of the other period: the table's dates are in doubt
            if claim_meets_fact(other, words, own):
                continue  # both periods hold that figure ($0.01 a share twice): no disagreement
            if claim_meets_fact(claim, claim_to_words(claim), own):
                return other  # the two columns hold the two figures the other way round: swapped dates
    return None


def _exact_elsewhere(claim: Claim, words: Words, index: FactIndex, row: Fact) -> bool:
    """Does a row the claim's words touch, in its own period, hold its figure exactly (another row than the one
    a neighbour's place points at: "Basic" where the place says "Diluted")? Then a slip is no explanation."""
    bucket = index.bucket(unit_family(claim.unit), claim.period, False)
    for i in bucket.near_value((claim.low, claim.high), claim.value != 0):
        f = bucket.facts[i]
        if f is not row and _row(f).key & words.sentence and claim_meets_fact(claim, words, f):
            return True
    return False


def compared_to_check(claim: Claim, sentence: Sequence[Claim], anchors: dict[int, Fact], index: FactIndex,
                      settings: ClaimSettings) -> tuple[Check, Fact] | None:
    """A figure set beside another of the same sentence for another period ("averaging $400 per ounce during the
    first quarter of 1996, compared to $379 an ounce for the first quarter of 1995"): when the other meets a
    table row in its own period (``anchors``: tied by a pass, or by its value alone), this one is that row in
    its own period.

    The row is found by its place, not by words, so the claim's own subject must say nothing that row does
    not (else it is about something else). The claim passes when it meets the
    row, and fails when it is the row's value with one slip (``nearmiss``); else this rule says nothing.
    """
    if claim.kind != "amount" or claim.forward or claim.period is None:
        return None
    words = claim_to_words(claim)
    if words.local & NON_TABLE_WORDS:
        return None
    subject = words.local - UNIT_WORDS - GENERIC - MODIFIERS
    for other in sentence:
        fact = anchors.get(other.id)
        if other.id == claim.id or fact is None or other.kind != "amount" or fact.period in (None, claim.period) \
                or unit_family(other.unit) != unit_family(claim.unit):
            continue
        row = index.base_fact(fact, claim.period)
        if row is None or row.value is None or row.table_index != fact.table_index:
            continue
        if subject - _row(row).label - _row(row).where or not _plausible(claim, row, settings):
            continue
        name = _claim_name(claim)
        beside = f"(the row of {other.text}, line {other.line}, for {claim.period})"
        if claim_meets_fact(claim, words, row):
            return _check(claim, "pass", f"{name} = {fact_to_text(row)} {beside}", [row], expected=row.display), row
        miss = near_miss(claim, row, by_magnitude(claim, words, row))
        if miss is not None and (miss.kind != "sign" or sign_stated(claim, words, row)) \
                and not _exact_elsewhere(claim, words, index, row):
            return _check(claim, "fail", f"{near_miss_message(claim, row, miss)} {beside}", [row],
                          expected=row.display), row
    return None


# ---------------------------------------------------------------------------
# changes and multiples


def _base_fact(current: Fact, period: str | None, facts: Sequence[Fact]) -> Fact | None:
    if period is None:
        return None
    for fact in facts:
        if (fact.table_index, fact.row_index) == (current.table_index, current.row_index) and fact.period == period:
            return fact if fact.value is not None else None
    for fact in facts:
        if fact.label == current.label and fact.path == current.path and fact.period == period \
                and fact.value is not None:
            return fact
    return None


def relative_to_check(claim: Claim, claims: dict[int, Claim], tied: dict[int, Fact | None],
                      facts: Sequence[Fact] | FactIndex) -> Check:
    """Check a change ("up 14.0% from ...") or a multiple ("nearly doubling") claim."""
    name = _claim_name(claim)
    if claim.forward:
        return _check(claim, "unverifiable", f"{name}: {forward_reason(claim)}")
    if not claim.relative_to:
        return _check(claim, "unverifiable", f"{name}: the sentence states no figure this is a change of")
    current_claim = claims.get(claim.relative_to[0])
    current_fact = tied.get(claim.relative_to[0])
    base_claim = claims.get(claim.relative_to[1]) if len(claim.relative_to) > 1 else None
    if current_claim is not None and base_claim is not None and current_claim.unit != base_claim.unit \
            and "%" in (current_claim.unit, base_claim.unit):  # "51% ... over the prior year's 38 cents"
        return _check(claim, "unverifiable", f"{name}: the figures it compares ({current_claim.text}, "
                                             f"{base_claim.text}) are not of one unit")
    used: list[Fact] = []
    if current_fact is not None:
        current_iv, current_text = fact_interval(current_fact), fact_to_text(current_fact)
        used.append(current_fact)
    elif current_claim is not None and len(claim.relative_to) > 1:
        current_iv, current_text = (current_claim.low, current_claim.high), current_claim.text
    else:
        return _check(claim, "unverifiable", f"{name}: the figure it compares is not in a table")
    base_fact = None
    base_text = ""
    if len(claim.relative_to) > 1:
        base_fact = tied.get(claim.relative_to[1])
        if base_fact is None and base_claim is not None:
            base_iv, base_text = (base_claim.low, base_claim.high), base_claim.text
    elif current_fact is not None:
        base_fact = facts.base_fact(current_fact, claim.base_period) if isinstance(facts, FactIndex) \
            else _base_fact(current_fact, claim.base_period, facts)
    if base_fact is None and not base_text and current_fact is not None and len(claim.relative_to) == 1 \
            and claim.base_period is None and isinstance(facts, FactIndex):
        return implicit_base_check(claim, name, current_fact, facts)
    if base_fact is not None:
        base_iv, base_text = fact_interval(base_fact), fact_to_text(base_fact)
        used.append(base_fact)
    elif not base_text:
        return _check(claim, "unverifiable", f"{name}: no table value for the base period "
                                             f"({claim.base_period or 'not stated'})", used)
    ratio = interval_div(magnitude(current_iv), magnitude(base_iv))
    if ratio is None:
        return _check(claim, "unverifiable", f"{name}: the base is zero", used)
    if claim.kind == "change":
        computed = ((ratio[0] - 1) * 100, (ratio[1] - 1) * 100)
        shown = f"{_fmt(computed[0].quantize(Decimal('0.01')))}% .. {_fmt(computed[1].quantize(Decimal('0.01')))}%"
    else:
        computed = ratio
        shown = f"{_fmt(ratio[0].quantize(Decimal('0.001')))}x .. {_fmt(ratio[1].quantize(Decimal('0.001')))}x"
    ok = meets((claim.low, claim.high), computed)
    if not ok and len(claim.relative_to) > 1 and current_claim is not None and base_claim is not None:
        # "$7.3 million ... up 35.2% from $5.4 million": the text may compute from its own rounded figures
        own = interval_div(magnitude((current_claim.low, current_claim.high)),
                           magnitude((base_claim.low, base_claim.high)))
        if own is not None:
            own = ((own[0] - 1) * 100, (own[1] - 1) * 100) if claim.kind == "change" else own
            if meets((claim.low, claim.high), own):
                return _check(claim, "pass", f"{name}: the stated {current_claim.text} against {base_claim.text} "
                                             f"gives it (the tables give {shown})", used, expected=shown)
    message = (f"{name}: {current_text} against {base_text} gives {shown}; the wording admits "
               f"[{_fmt(claim.low)}, {_fmt(claim.high)}]")
    return _check(claim, "pass" if ok else "fail", message, used, expected=shown)


def _change_interval(claim: Claim, current: Interval, base: Interval) -> Interval | None:
    ratio = interval_div(magnitude(current), magnitude(base))
    if ratio is None:
        return None
    return ((ratio[0] - 1) * 100, (ratio[1] - 1) * 100) if claim.kind == "change" else ratio


def _shown(claim: Claim, computed: Interval) -> str:
    if claim.kind == "change":
        return f"{_fmt(computed[0].quantize(Decimal('0.01')))}% .. {_fmt(computed[1].quantize(Decimal('0.01')))}%"
    return f"{_fmt(computed[0].quantize(Decimal('0.001')))}x .. {_fmt(computed[1].quantize(Decimal('0.001')))}x"


def prior_periods(period: str | None, periods: Iterable[str]) -> tuple[str | None, str | None]:
    """(the same period a year earlier, the period just before) among ``periods``, each None if absent."""
    if not period or "/" not in period:
        return None, None
    try:
        start, end = (date.fromisoformat(x) for x in period.split("/"))
    except ValueError:
        return None, None
    days = (end - start).days
    year_ago = preceding = None
    for other in sorted(periods):
        if "/" not in other or other == period:
            continue
        try:
            a, b = (date.fromisoformat(x) for x in other.split("/"))
        except ValueError:
            continue
        if abs((b - a).days - days) > 10:
            continue
        if abs((end - b).days - 365) <= 10:
            year_ago = other
        elif abs((start - b).days - 1) <= 7:
            preceding = other
    return year_ago, preceding


def implicit_base_check(claim: Claim, name: str, current: Fact, index: FactIndex) -> Check:
    """A change whose sentence states no base ("rose 13% to $23.1 million"): the same row a year earlier (the
    column beside it), or the period just before; it fails only when neither gives it."""
    year_ago, preceding = prior_periods(current.period, index.periods)
    tried = []
    for period in (year_ago, preceding):
        base = index.base_fact(current, period) if period else None
        if base is None or base.value is None:
            continue
        computed = _change_interval(claim, fact_interval(current), fact_interval(base))
        if computed is None:
            continue
        shown = _shown(claim, computed)
        if meets((claim.low, claim.high), computed):
            return _check(claim, "pass", f"{name}: {fact_to_text(current)} against {fact_to_text(base)} for {period} "
                                         f"gives {shown}", [current, base], expected=shown)
        tried.append((base, period, shown))
    if not tried:
        return _check(claim, "unverifiable", f"{name}: the sentence does not say what it is compared with, and no "
                                             f"table has {current.label} for the year before", [current])
    if year_ago is None or tried[0][1] != year_ago:
        return _check(claim, "unverifiable", f"{name}: the sentence does not say what it is compared with; against "
                                             f"the period before ({tried[0][1]}) it gives {tried[0][2]}", [current])
    base, period, shown = tried[0]
    others = "; against the period before it gives " + tried[1][2] if len(tried) > 1 else ""
    return _check(claim, "fail", f"{name}: {fact_to_text(current)} against {fact_to_text(base)} for {period} (the "
                                 f"year before) gives {shown}{others}; the wording admits [{_fmt(claim.low)}, "
                                 f"{_fmt(claim.high)}]", [current, base], expected=shown)


# ---------------------------------------------------------------------------
# shares of another row: "gross profit was 32% of revenues"


def _named_row(words: Words, bucket: "_Bucket") -> tuple[Fact | None, str]:
    """The one row (one value) the words name (every key word of its label in them, or tied by them), and
    why not when there is none or several."""
    found: dict[Decimal, Fact] = {}
    for i in bucket.worded(words.local, True):
        f = bucket.facts[i]
        m = fact_meaning(words, f)
        if (m.strong or m.tied) and not _row(f).qualified - words.said and mostly_about(words, f):
            found.setdefault(abs(f.value), f)
    if len(found) == 1:
        return next(iter(found.values())), ""
    return None, "several rows" if found else "no table row"


def portion_to_check(claim: Claim, index: FactIndex, settings: ClaimSettings) -> Check:
    """"X was 32% of revenues": 100 * X / revenues by interval arithmetic, from the rows the two phrases name in
    the claim's period. A percentage row the words name (a "% of sales" table) may tie it as an amount first;
    it fails only when both rows are named and the quotient misses."""
    name = _claim_name(claim)
    if claim.forward:
        return _check(claim, "unverifiable", f"{name}: {forward_reason(claim)}")
    direct, fact = amount_to_check(replace(claim, kind="amount"), index, settings)
    if direct.status == "pass":
        return direct
    part_text, _, base_text = claim.about.rpartition(" of ")
    if not part_text.strip() or claim.period is None:
        return _check(claim, "unverifiable", f"{name}: the sentence does not say what is {claim.text} of what, "
                                             "or for which period")
    bucket = index.bucket("USD", claim.period, False)
    context = text_to_words(claim.context)
    part_words = text_to_words(part_text)
    base_words = text_to_words(base_text)
    part, why_part = _named_row(Words(part_words, part_words, context, part_words | context), bucket)
    base, why_base = _named_row(Words(base_words, base_words, context, base_words | context), bucket)
    if part is None or base is None:
        what = part_text.strip() if part is None else base_text.strip()
        why = why_part if part is None else why_base
        reason = f"{why} about {what.lower()}" if why == "no table row" else f"{why} fit {what.lower()}"
        return _check(claim, "unverifiable", f"{name}: {reason} for {claim.period}")
    if part is base:
        return _check(claim, "unverifiable", f"{name}: both phrases name {part.label}")
    computed = interval_div(tuple(x * 100 for x in magnitude(fact_interval(part))), magnitude(fact_interval(base)))
    if computed is None:
        return _check(claim, "unverifiable", f"{name}: {fact_to_text(base)} is zero", [part, base])
    shown = f"{_fmt(computed[0].quantize(Decimal('0.01')))}% .. {_fmt(computed[1].quantize(Decimal('0.01')))}%"
    ok = meets((claim.low, claim.high), computed)
    message = (f"{name}: {fact_to_text(part)} of {fact_to_text(base)} is {shown}; the wording admits "
               f"[{_fmt(claim.low)}, {_fmt(claim.high)}]")
    return _check(claim, "pass" if ok else "fail", message, [part, base], expected=shown)


# ---------------------------------------------------------------------------
# ownership shares

# "AMERICAN GIRL (Reflects 47% share)": the first "47% share" of a path part; the section is what comes
# before the parenthesis (or other text without parentheses) that leads up to it. Found from the
# literal anchor in linear time; the same as matching r"^(?P<section>.*?)\(?[^()]*?(?P<pct>\d+(?:\.\d+)?)%\s*
# (?:share|interest)" (re.I), which backtracks quadratically on long parts.
_SHARE_TAIL = re.compile(r"(?<!\d)(?P<pct>\d+(?:\.\d+)?)%\s*+(?:share|interest)", re.I)


def share_in_path(part: str) -> tuple[str, str] | None:
    """(section as written, percentage digits) of a path part that states an attributable share, else None."""
    tail = _SHARE_TAIL.search(part)
    if tail is None:
        return None
    start = max(part.rfind("(", 0, tail.start()), part.rfind(")", 0, tail.start())) + 1
    if start > 0 and part[start - 1] == "(":
        start -= 1  # "(Reflects 47% share)": the parenthesis opens the share, not the section
    if "\n" in part[:start]:
        return None
    return part[:start], tail.group("pct")


def report_to_shares(report: Report) -> list[tuple[str, Decimal, Decimal, tuple[Fact, ...]]]:
    """(section, share %, half-step, facts of the section) from Table.attributable or "(Reflects 47% share)"."""
    out: dict[str, tuple[Decimal, Decimal]] = {}
    for table in report.tables:
        for section, share in table.attributable:
            percent = share * 100 if share <= 1 else share
            exponent = percent.normalize().as_tuple().exponent
            half = Decimal(1).scaleb(min(int(exponent), 0)) / 2
            out.setdefault(section, (percent, half))
    for fact in report.fact_records:
        for part in fact.path:
            found = share_in_path(part)
            if found:
                section = re.sub(r"\s+", " ", found[0]).strip(" -(")
                digits = found[1]
                half = Decimal(1).scaleb(-len(digits.split(".")[1])) / 2 if "." in digits else Decimal("0.5")
                out.setdefault(section, (Decimal(digits), half))
    facts_by_section = {s: tuple(f for f in report.fact_records if any(s.lower() in p.lower() for p in f.path))
                        for s in out}
    return [(s, p, h, facts_by_section[s]) for s, (p, h) in out.items()]


def share_to_check(claim: Claim, shares: Sequence[tuple[str, Decimal, Decimal, tuple[Fact, ...]]]) -> Check:
    name = _claim_name(claim)
    if claim.forward:
        return _check(claim, "unverifiable", f"{name}: {forward_reason(claim)}")
    words = claim_to_words(claim)
    said = words.sentence | words.context
    scored = []
    for section, percent, half, facts in shares:
        key = text_to_words(section) - {"unit", "mine", "share", "reflect", "reflects"}
        hits = len(key & said)
        scored.append((hits, bool(key) and key <= said, section, percent, half, facts))
    for hits, _, section, percent, half, facts in sorted(scored, key=lambda s: -s[0]):
        if hits and meets((claim.low, claim.high), (percent - half, percent + half)):
            return _check(claim, "pass", f"{name} = {section} attributable share {_fmt(percent)}%", facts[:1])
    named = [s for s in scored if s[1]]
    if named:
        _, _, section, percent, half, facts = max(named, key=lambda s: s[0])
        return _check(claim, "fail", f"{name} does not match {section} attributable share {_fmt(percent)}%",
                      facts[:1], expected=f"{_fmt(percent)}%")
    return _check(claim, "unverifiable", f"{name}: no table shows this interest")


# ---------------------------------------------------------------------------


def claims_to_checks(claims: Iterable[Claim], report: Report,
                     settings: ClaimSettings = ClaimSettings()) -> list[Check]:
    """One Check per claim, in claim order."""
    claims = list(claims)
    facts = report.fact_records
    index = FactIndex(facts)
    by_id = {c.id: c for c in claims}
    out: dict[int, Check] = {}
    tied: dict[int, Fact | None] = {}
    for claim in claims:
        if claim.kind in ("amount", "delta"):
            out[claim.id], tied[claim.id] = amount_to_check(claim, index, settings)
    # the rows a figure meets in its own period: tied by a pass, or matched by value alone ("the value equals
    # ... but the wording does not name that row"); two figures of one sentence that meet one row in two
    # periods are tied by the pair, and one that misses the row a neighbour meets by one slip is a typo
    anchors = {i: f for i, f in tied.items() if f is not None and out[i].status == "pass"}
    for claim in claims:
        check = out.get(claim.id)
        if claim.kind == "amount" and check.status == "unverifiable" and len(check.facts) == 1:
            fact = report.fact_records[check.facts[0]]
            if fact.id == check.facts[0] and fact.period == claim.period \
                    and claim_meets_fact(claim, claim_to_words(claim), fact):
                anchors[claim.id] = fact
    sentences = sentence_groups(claims)
    for claim in claims:
        if claim.kind == "amount" and out[claim.id].status == "unverifiable":
            found = compared_to_check(claim, sentences[claim.id], anchors, index, settings)
            if found is not None:
                out[claim.id], tied[claim.id] = found
    for claim in claims:
        check = out.get(claim.id)
        if check is not None and check.status == "fail" and claim.kind == "amount" and tied.get(claim.id) is not None:
            fact = tied[claim.id]
            stated = next((o for o in sentences[claim.id] if o.id != claim.id and anchors.get(o.id) is fact), None)
            if stated is not None:
                # "the tax benefit of the net operating loss carryforwards was $23.3 million, ... against the net
                # operating loss carryforwards of $68.5 million": the row is the sentence's other figure
                out[claim.id] = _check(claim, "unverifiable", (
                    f"{_claim_name(claim)}: {fact_to_text(fact)} is the figure the same sentence states as "
                    f"{stated.text}; this figure is another measure"), [fact])
                tied[claim.id] = None
                continue
            other = _sibling_of_row(claim, fact, sentences[claim.id], index)
            if other is not None:
                out[claim.id] = _check(claim, "unverifiable", (
                    f"{_claim_name(claim)}: {fact_to_text(fact)} is the figure the same sentence states for "
                    f"{other.period or 'another period'} ({other.text}); the periods of the text and the table "
                    "disagree"), [fact])
                tied[claim.id] = None
    shares = None
    for claim in claims:
        if claim.kind in ("change", "ratio"):
            out[claim.id] = relative_to_check(claim, by_id, tied, index)
        elif claim.kind == "portion":
            out[claim.id] = portion_to_check(claim, index, settings)
        elif claim.kind == "share":
            if shares is None:
                shares = report_to_shares(report)
            out[claim.id] = share_to_check(claim, shares)
    return [out[c.id] for c in claims if c.id in out]
