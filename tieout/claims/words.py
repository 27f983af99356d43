"""The vocabulary claims are read with: hedges, directions, units, and label words.

Kept as plain data in one place so a reader of a check message can see why a
word counted, and so a domain pack (mining: ounces, tons, cash cost per ounce)
extends one table rather than the code.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

# hedge words as written -> canonical qualifier
HEDGES: dict[str, str] = {
    "approximately": "approximately", "approx.": "approximately", "about": "approximately",
    "around": "approximately", "roughly": "approximately", "some": "approximately",
    "an estimated": "approximately", "estimated": "approximately",
    "nearly": "nearly", "almost": "nearly", "close to": "nearly", "just under": "nearly",
    "approaching": "nearly",
    "over": "over", "more than": "over", "greater than": "over", "in excess of": "over",
    "exceeding": "over", "above": "over", "just over": "over", "upwards of": "over",
    "at least": "over", "well over": "over",
    "under": "under", "less than": "under", "below": "under", "fewer than": "under",
    "up to": "under", "as much as": "under", "as many as": "under", "no more than": "under",
}

_HEDGE_RE = re.compile(
    r"(?:^|[\s(])(" + "|".join(sorted((re.escape(h) for h in HEDGES), key=len, reverse=True)) + r")\s+$",
    re.I,
)


def text_to_hedge(before: str) -> tuple[str, str]:
    """The hedge that ends ``before`` (the text just ahead of a figure): (as written, canonical)."""
    match = _HEDGE_RE.search(before[-30:])
    if not match:
        return "", ""
    word = match.group(1).lower()
    return match.group(1), HEDGES[word]


UP_WORDS = frozenset(
    "up increase increased increases increasing rise rose risen rising grew grow grown growth "
    "gain gained gains higher improvement improved improve jump jumped climbed advanced "
    "more".split())
DOWN_WORDS = frozenset(
    "down decrease decreased decreases decreasing decline declined declines declining fell fall "
    "falling drop dropped drops lower reduction reduced reduce reductions cut cuts less "
    "shrank slipped".split())

# "doubled" etc.: the multiple the word states
MULTIPLES: dict[str, Decimal] = {
    "doubled": Decimal(2), "doubling": Decimal(2), "double": Decimal(2), "doubles": Decimal(2),
    "tripled": Decimal(3), "tripling": Decimal(3), "triple": Decimal(3), "triples": Decimal(3),
    "quadrupled": Decimal(4), "quadrupling": Decimal(4),
    "halved": Decimal("0.5"), "halving": Decimal("0.5"),
}
MULTIPLE_STEP = Decimal("0.5")  # "nearly doubled" = [1.5, 2]; "doubled" = [1.75, 2.25]

NUMBER_WORDS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
}

SCALES: dict[str, Decimal] = {
    "thousand": Decimal(1000), "million": Decimal(10) ** 6, "billion": Decimal(10) ** 9,
    "trillion": Decimal(10) ** 12, "k": Decimal(1000), "m": Decimal(10) ** 6, "mm": Decimal(10) ** 6,
    "mil": Decimal(10) ** 6, "bn": Decimal(10) ** 9, "b": Decimal(10) ** 9,
}

# quantity nouns -> unit
QUANTITY_UNITS: dict[str, str] = {
    "ounce": "oz", "ounces": "oz", "oz": "oz", "oz.": "oz",
    "ton": "ton", "tons": "ton", "tonnes": "tonne", "tonne": "tonne",
    "pounds": "lb", "lbs": "lb", "lbs.": "lb",
    "shares": "shares",
    "acres": "acre", "feet": "ft", "barrels": "bbl",
    "employees": "employees",
}

PER_UNITS: dict[str, str] = {
    "share": "USD/share", "ounce": "USD/oz", "oz": "USD/oz", "pound": "USD/lb", "lb": "USD/lb",
    "ton": "USD/ton", "tonne": "USD/tonne", "unit": "USD/unit", "barrel": "USD/bbl",
}

# a fact's unit as the reader spells it -> the family a claim's unit is compared in
UNIT_FAMILY: dict[str, str] = {
    "usd": "USD", "$": "USD", "dollars": "USD",
    "usd/share": "USD/share", "usd/sh": "USD/share", "eps": "USD/share",
    "oz": "oz", "ounces": "oz", "ounce": "oz", "oz.": "oz",
    "ton": "ton", "tons": "ton", "short ton": "ton",
    "usd/oz": "USD/oz", "$/oz": "USD/oz", "usd/ounce": "USD/oz",
    "usd/lb": "USD/lb", "cents/lb": "USD/lb", "cents/pound": "USD/lb", "usd/pound": "USD/lb",
    "%": "%", "percent": "%", "pct": "%",
    "shares": "shares", "share": "shares",
}


@lru_cache(maxsize=1024)
def unit_family(unit: str) -> str:
    return UNIT_FAMILY.get((unit or "").strip().lower(), (unit or "").strip())


# words that carry the sign: "a loss of $537,000" is -537,000 whether or not
# the figure is printed in parentheses; such rows are compared by magnitude
NEGATIVE_WORDS = frozenset(
    "loss losses deficit benefit used outflow repayment repayments payment payments paid "
    "dividend dividends expense expenses charge charges writedown provision decrease "
    "purchase purchases addition additions".split())
LOSS_WORDS = frozenset("loss losses deficit".split())
PROFIT_WORDS = frozenset("income earnings profit profits gain".split())

# claims about these are estimates of things tables do not hold (reserves, resources)
NON_TABLE_WORDS = frozenset(
    "deposit deposits resource resources reserve reserves mineralization drilling exploration "
    "acreage acres feet backlog employees headcount market guidance outlook".split())

FORWARD_RE = re.compile(
    r"\b(will|expects?|expected|expecting|anticipates?|anticipated|plans?|planned|intends?|"
    r"projects?|projected|forecasts?|forecasted|guidance|outlook|targets?|estimated|estimates?|"
    r"should|could|would|may(?!\s+\d)|might|believes?|goals?|budgeted|budget|strive|strives|striving|aims?|"
    r"aiming|seeks?|seeking|objectives?|aspires?)\b",  # "May 31, 1999" is a date, not a hedge
    re.I,
)
# the literal each alternative of FORWARD_RE starts with: a match starts where one of them does (text.search_at)
FORWARD_STARTS = ("will", "expect", "anticipate", "plan", "intend", "project", "forecast", "guidance", "outlook",
                  "target", "estimate", "should", "could", "would", "may", "might", "believe", "goal", "budget",
                  "striv", "aim", "seek", "objective", "aspire")
# a forward-looking sentence that states an aim rather than an estimate: "strive for an efficiency ratio below 50%"
GOAL_RE = re.compile(r"\b(?:goals?|targets?|strive|strives|striving|aims?|aiming|seeks?|seeking|objectives?|"
                     r"aspires?)\b", re.I)

STOP = frozenset(
    "a an the of in for to from on at by per with and or as its it this that these those was were "
    "is are be been has have had during compared compares versus vs than which who while also "
    "our their company company's quarter year period months month ended ending same last prior "
    "first second third fourth fiscal over nearly more under about approximately total net today "
    "amount amounts other all each into up down include includes including results reported based "
    "today".split())

# "purchase of property, plant and equipment" is a flow, not the balance "Property, plant and equipment"
ACTION_WORDS = frozenset(
    "purchase purchases acquisition acquisitions addition additions proceeds disposal disposition "
    "repayment repayments issuance borrowing borrowings repurchase repurchases "
    "capital expenditure expenditures".split())

# words that make a figure another measure of the subject a row names: "paid income taxes of" is the cash,
# not "Total income taxes"; "wrote down $3,950,000 in preferred securities" is a charge, not "Preferred stocks"
MEASURE_WORDS = frozenset("paid wrote".split())

# a row or table with these words restates figures on another basis ("pro forma", "as adjusted") or a part of
# them ("foreign pretax earnings" are not "Income before income taxes"): a sentence that does not say so is not
# about it, and a claim that says so is not about a row that does not
QUALIFIER_WORDS = frozenset("forma adjusted excluding non-gaap restated supplemental foreign domestic international "
                            "overseas".split())

# label words a sentence may leave out and still mean the row ("net loss per share" is "Basic and
# diluted loss per share"; "pro forma income" is "Net income on a pro forma basis")
OPTIONAL_LABEL_WORDS = frozenset("basic dilute primary fully basis accordance gaap reported consolidated "
                                 "continuing applicable provision".split())

# optional label words that exclude each other: a sentence saying one does not mean a row saying the other
CONTRASTS: list[tuple[frozenset[str], frozenset[str]]] = [
    (frozenset({"basic", "primary"}), frozenset({"dilute", "fully"})),
    (frozenset({"statutory"}), frozenset({"effective"})),  # the statutory tax rate is not the effective one
]

# words that qualify a figure without saying what it is ("a record $5.6 million")
MODIFIERS = frozenset("record new all-time high low only just slightly some o total".split())

# verbs that sit between a subject and its figure ("net loss was $537,000")
VERBS = frozenset(
    "was were is are totaled totalled amounted reached reported realized improved increased decreased "
    "rose fell grew declined climbed dropped came stood include contributed "
    "includes included compares compared comprised comprises consisted consists composed".split())

# a figure after these words is an amount of change, not the level ("benefited by $1.0 million")
DELTA_LEAD = re.compile(r"\b(?:by|up|down|increased|decreased|rose|fell|grew|declined|gained|lost|improved)\s*$",
                        re.I)
DELTA_STARTS = ("by", "up", "down", "increased", "decreased", "rose", "fell", "grew", "declined", "gained", "lost",
                "improved")  # what a match of DELTA_LEAD starts with (text.search_at)
# the figure belongs to what follows these words ("grew despite FAS 123(R) expenses of $443,000")
SUBJECT_CUT = re.compile(r"\b(?:despite|due to|because of|after|reflecting|offset by|including|"
                         r"which includes?)\b", re.I)
SUBJECT_CUT_NEEDLES = (("despite", "due to", "because of", "after", "reflecting", "offset by", "including",
                        "which include"),)  # what a match of SUBJECT_CUT contains (text.may_match)

UNIT_WORDS = frozenset("ounce ton pound share million billion thousand cent percent dollar".split())

CHANGE_NOUNS = frozenset("increase increases decrease decreases change changes variance growth decline reduction "
                         "improvement rise drop".split())

# the head nouns of financial rows: a one-word row is not named by a subject that has another one
FIN_HEADS = frozenset("expense cost income revenue profit tax margin interest dividend asset liability equity "
                      "cash debt loss receivable payable inventory ratio rate yield".split())

GENERIC = frozenset("total net other consolidated amount amounts average operations".split())

SYNONYMS: dict[str, str] = {
    "revenues": "revenue", "sales": "revenue", "sale": "revenue", "turnover": "revenue",
    "earnings": "income", "profits": "profit",
    "produced": "produce", "production": "produce", "producing": "produce", "output": "produce",
    "shipped": "ship", "shipments": "ship", "shipping": "ship",
    "oz": "ounce", "ounces": "ounce", "tons": "ton", "tonnes": "ton",
    "expenses": "expense", "costs": "cost", "dividends": "dividend",
    "shareholders": "shareholder", "stockholders": "shareholder", "stockholder": "shareholder",
    "diluted": "dilute", "dilution": "dilute", "shares": "share", "losses": "loss",
    "margins": "margin", "prices": "price", "averaging": "average", "averaged": "average",
    "milled": "mill", "mined": "mine", "mines": "mine",
    "pre": "before",  # "pre-tax income" (and "pretax", read as "pre tax") is "Income before income taxes"
}


_TOKEN = re.compile(r"[a-z][a-z']*")


@lru_cache(maxsize=65536)
def text_to_words(text: str) -> frozenset[str]:
    """Content words of a text, lower case, with plural and synonym forms folded (memoized: labels repeat)."""
    words = frozenset(map(token_to_word, _TOKEN.findall(text.lower().replace("pretax", "pre tax"))))
    return words - {""} if "" in words else words


@lru_cache(maxsize=65536)
def token_to_word(token: str) -> str:
    """One lower-case token as a content word, "" for none: "revenues" -> "revenue", "the" -> "" (memoized:
    sentences and contexts are long, their words few)."""
    token = token.removesuffix("'s").strip("'")
    if not token or token in STOP or len(token) < 2:
        return ""
    token = SYNONYMS.get(token, token)
    if token.endswith("s") and len(token) > 4 and not token.endswith("ss"):
        token = SYNONYMS.get(_singular(token), _singular(token))
    return token


def _singular(token: str) -> str:
    """The plural's own word ("taxes" -> "tax", "liabilities" -> "liability", "sales" -> "sale"), so that text
    and labels fold alike whichever number they use."""
    if token.endswith("ies"):
        return token[:-3] + "y"
    if token.endswith("xes"):
        return token[:-2]
    return token[:-1]


def _words_in_order(text: str) -> tuple[str, ...]:
    """``text_to_words`` in the order the text says them, each once (a set's order depends on the hash seed)."""
    words = map(token_to_word, _TOKEN.findall(text.lower().replace("pretax", "pre tax")))
    return tuple(dict.fromkeys(w for w in words if w))


def _parens(label: str):
    r"""(start, end, inside) of each "(...)" of ``label`` left to right, as ``re.finditer(r"\(([^)]*)\)")`` finds
    them, from the literal parentheses: linear where that pattern is quadratic on a run of "(" never closed."""
    pos = 0
    while (start := label.find("(", pos)) >= 0:
        end = label.find(")", start + 1)
        if end < 0:
            return
        yield start, end + 1, label[start + 1:end]
        pos = end + 1


@lru_cache(maxsize=65536)
def label_to_groups(label: str) -> tuple[frozenset[str], ...]:
    """A row label as key word groups: "Net income (loss)" -> [{income, loss}] ("net" is generic).

    A parenthesised word is an alternative to the word before it; a parenthesised
    unit ("($/oz.)", "(oz.)") is dropped.
    """
    groups: list[set[str]] = []
    pos = 0
    for start, end, inner in _parens(label):
        groups.extend({w} for w in _words_in_order(label[pos:start]))  # in order: "(loss)" joins the word before it
        pos = end
        if re.search(r"[$/]|\boz\b|\bper\b|\d", inner):
            continue
        alternatives = text_to_words(inner)
        if alternatives and groups:
            groups[-1] |= alternatives
        elif alternatives:
            groups.append(set(alternatives))
    groups.extend({w} for w in _words_in_order(label[pos:]))
    return tuple(dict.fromkeys(frozenset(g) for g in groups if not g <= GENERIC))
