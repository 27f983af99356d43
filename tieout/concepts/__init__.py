"""The concept layer: row labels -> a small standard vocabulary (US-GAAP names).

Checks that tie statements name concepts, not line numbers, so they work on
any report: "the balance-sheet cash equals the cash-flow cash at end" is one
rule whatever the rows are called. The vocabulary is data
(``tieout/concepts/vocabulary.py``); this module decides a table's statement
kind (balance, operations, cashflow, equity, highlights, production, other)
and gives each fact its concept, the statement it is printed in and whether it
is a total.

``assign_concepts(report) -> Report`` returns the report with ``Fact.concept``,
``Fact.stmt`` and ``Fact.is_total`` filled (new facts via ``dataclasses.replace``). The checks stage calls it when
the loader has not.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from tieout.concepts.vocabulary import CHANGE_NAMES, CHANGE_OF, CONCEPTS, PATH_RULES, STMT_OF_KIND, VOCABULARY, Concept
from tieout.model import Fact, Report, Table
from tieout.records import record_replacer

__all__ = ["assign_concepts", "concept_of", "custom_concept", "CUSTOM", "concept_info", "stands_for", "statement_kind", "normalise",
           "CHANGE_OF", "CONCEPTS", "Concept", "STMT_OF_KIND"]

_COMPILED = tuple((concept, kinds, re.compile(pattern)) for concept, kinds, pattern in VOCABULARY)
_PATH_RULES = tuple((concept, kinds, re.compile(section), re.compile(pattern))
                    for concept, kinds, section, pattern in PATH_RULES)
_CHANGE_CONCEPTS = {**CHANGE_NAMES, **{balance: change for balance, (change, _) in CHANGE_OF.items()}}
_with_concept = record_replacer(Fact)  # replace(fact, concept=...) for every fact, built directly


_NON_WORD = re.compile(r"[^a-z0-9$%]+")


def without_parens(text: str) -> str:
    """Each "(" and the first ")" after it -> one space, like re.sub(r"[(][^)]*[)]", " ", text).

    A scan with ``str.find``: that regex is quadratic on a long run of "(" with no ")".
    """
    out: list[str] = []
    start = 0
    while (opening := text.find("(", start)) >= 0 and (closing := text.find(")", opening)) >= 0:
        out.append(text[start:opening])
        out.append(" ")
        start = closing + 1
    out.append(text[start:])
    return "".join(out)


@lru_cache(maxsize=16384)
def normalise(label: str) -> str:
    """'Income (loss) from operations' -> 'income from operations'; '&' reads as 'and'."""
    text = label.lower().replace("'", "").replace("&", " and ")
    text = without_parens(text)
    text = _NON_WORD.sub(" ", text)
    return " ".join(text.split())


_KINDS: dict[int, tuple[Table, str]] = {}  # id(table) -> (table, kind); the table is kept so its id stays its own


def statement_kind(table: Table) -> str:
    """What statement a table is, from its title, note, headers and row labels (cached per table)."""
    hit = _KINDS.get(id(table))
    if hit is not None and hit[0] is table:
        return hit[1]
    if len(_KINDS) > 1024:
        _KINDS.clear()
    kind = _statement_kind(table)
    _KINDS[id(table)] = (table, kind)
    return kind


_EQUITY_TITLE = re.compile(r"statements? of (consolidated )?(changes in )?(share|stock)(holders?|owners?) (equity|investment)"
                           r"|statements? of (consolidated )?changes in equity")


def _statement_kind(table: Table) -> str:
    head = " ".join([table.title, table.note, *(c.header for c in table.columns)]).lower()
    labels = [normalise(r.label) for r in table.rows]
    if "highlight" in head:
        return "highlights"
    if "cash flow" in head:
        return "cashflow"
    if "balance sheet" in head or "financial position" in head or "financial condition" in head:
        return "balance"
    if "production" in head:
        return "production"
    if re.search(r"statements? of (consolidated )?(operations|income|earnings)|income statement", head):
        return "operations"
    if _EQUITY_TITLE.search(normalise(head)):
        return "equity"
    joined = "\n".join(labels)
    if re.search(r"^net cash (provided|used)", joined, re.M):
        return "cashflow"
    if re.search(r"^total assets$", joined, re.M) and re.search(r"^total liabilities", joined, re.M):
        return "balance"
    if re.search(r"per (common )?share", joined) and re.search(r"^net (income|loss|earnings)", joined, re.M):
        return "operations"
    if re.search(r"(ounces|tons|oz)", joined):
        return "production"
    return "other"


@lru_cache(maxsize=16384)
def concept_of(label: str, path: tuple[str, ...] = (), kind: str = "other", unit: str = "") -> str:
    """The concept of one row, or "" when the vocabulary has none.

    ``path`` (the section headings above the row) decides labels such as
    "Basic" or "Deferred income taxes"; ``unit`` (the fact's, or "" to read
    the label's own "(in shares)" / "(in dollars per share)") keeps a money
    concept off a per-share or share-count row.
    """
    text = normalise(label)
    if not text:
        return ""
    if not unit:
        unit = _unit_hint(label)
    concept = (_by_label(text, kind) or _by_path(text, path, kind) or _by_change(text, path, kind)
               or _by_unit(text, kind, unit))
    return _unit_checked(concept, text, path, unit)


@lru_cache(maxsize=64)
def _patterns_of(kind: str) -> tuple[tuple[str, re.Pattern], ...]:
    """The vocabulary's patterns that apply to a statement kind, in order."""
    return tuple((concept, pattern) for concept, kinds, pattern in _COMPILED if "*" in kinds or kind in kinds)


def _by_label(text: str, kind: str) -> str:
    for concept, pattern in _patterns_of(kind):
        if pattern.match(text):
            return concept
    return ""


def _by_path(text: str, path: tuple[str, ...], kind: str) -> str:
    if not path:
        return ""
    context = " ".join(normalise(p) for p in path)
    for concept, kinds, section, pattern in _PATH_RULES:
        if kind in kinds and pattern.match(text) and section.search(context):
            return concept
    return ""


def _by_change(text: str, path: tuple[str, ...], kind: str) -> str:
    """In a cash-flow statement a balance-sheet line ("Accounts receivable", "(Increase) decrease in
    inventories") is the change in that balance."""
    if kind != "cashflow":
        return ""
    changed = _CHANGED.match(text)
    inner = text[changed.end():] if changed else text
    for concept, pattern in _patterns_of("balance"):
        if pattern.match(inner):
            return _CHANGE_CONCEPTS.get(concept, "")
    return ""


_CHANGED = re.compile(r"(increase |decrease |change )+(in )?")
_PER_SHARE_TWIN = {"EarningsPerShareBasic": "WeightedAverageNumberOfSharesOutstandingBasic",
                   "EarningsPerShareDiluted": "WeightedAverageNumberOfDilutedSharesOutstanding"}
_SHARES_TWIN = {shares: eps for eps, shares in _PER_SHARE_TWIN.items()}
_INCOME = {"NetIncomeLoss", "NetIncomeLossAvailableToCommonStockholdersBasic"}


_BASIC = re.compile(r"(basic|primary)( shares)?$")
_DILUTED = re.compile(r"(fully )?diluted( shares)?$|assuming (full )?dilution$")


def _by_unit(text: str, kind: str, unit: str) -> str:
    """A bare "Basic" / "Diluted" of a statement of operations: earnings per share when the figure is
    per share, the weighted average when it counts shares."""
    if kind not in ("operations", "highlights") or unit not in ("USD/share", "shares"):
        return ""
    basic, diluted = ("EarningsPerShareBasic", "EarningsPerShareDiluted") if unit == "USD/share" else \
        ("WeightedAverageNumberOfSharesOutstandingBasic", "WeightedAverageNumberOfDilutedSharesOutstanding")
    if _BASIC.match(text):
        return basic
    if _DILUTED.match(text):
        return diluted
    return ""


def _unit_hint(label: str) -> str:
    """The unit a label names in parentheses, as the SEC's rendered statements print it."""
    low = label.lower()
    if "per share)" in low:
        return "USD/share"
    if "(in shares)" in low or "(shares)" in low:
        return "shares"
    return ""


def _unit_checked(concept: str, text: str, path: tuple[str, ...], unit: str) -> str:
    """``concept`` unless the row's unit says otherwise: a per-share figure of "Net income" is
    earnings per share; "Basic" counted in shares is the weighted average, not EPS."""
    if not concept or not unit:
        return concept
    own = CONCEPTS[concept].unit if concept in CONCEPTS else ""
    if unit == "USD/share" and own != "USD/share":
        if concept in _SHARES_TWIN:
            return _SHARES_TWIN[concept]
        if concept in _INCOME:
            diluted = "dilut" in text or any("dilut" in p.lower() for p in path)
            return "EarningsPerShareDiluted" if diluted else "EarningsPerShareBasic"
        return ""
    if unit == "shares" and own == "USD/share":
        return _PER_SHARE_TWIN.get(concept, "")
    return concept


def concept_info(concept: str) -> Concept | None:
    """The vocabulary's entry for a concept: statement, total flag, unit, the tags it stands for."""
    return CONCEPTS.get(concept)


def stands_for(concept: str) -> frozenset[str]:
    """The US-GAAP elements a concept stands for: its own name and its tags."""
    entry = CONCEPTS.get(concept)
    return frozenset((concept, *entry.tags)) if entry else frozenset((concept,))


CUSTOM = "custom:"  # the prefix of a filer-specific concept (an extension element, in XBRL's terms)
_GENERIC = {"total", "other", "net", "subtotal", "basic", "diluted", "primary", "fully diluted", "other net",
            "total other", "balance", "net of tax", "as reported", "pro forma", "cost", "less"}
_DATE_WORD = re.compile(r"\d+|jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t|tember)?"
                        r"|oct(ober)?|nov(ember)?|dec(ember)?")
_TRAILING = {"at", "of", "as", "on", "the", "a", "an", "and", "in", "for", "to", "by", "from", "ended", "ending"}


@lru_cache(maxsize=16384)
def custom_concept(label: str, path: tuple[str, ...] = ()) -> str:
    """A filer-specific concept for a statement row the vocabulary lacks, named from its label
    like an XBRL extension element ("Accrued marketing and distribution" ->
    "custom:AccruedMarketingAndDistribution"); a generic label ("Other", "Total") takes its
    section's heading first ("custom:CurrentAssetsOther"); dates and figures are dropped. ""
    for a label with no words."""
    text = normalise(label)
    if text in _GENERIC and path:
        text = f"{normalise(path[-1])} {text}"
    words = [w for w in text.split() if w.isalnum() and not _DATE_WORD.fullmatch(w)]
    while words and words[-1] in _TRAILING:
        words.pop()
    name = "".join(w[:1].upper() + w[1:] for w in words)[:120]
    return CUSTOM + name if name and name[0].isalpha() else ""


def assign_concepts(report: Report) -> Report:
    """The report with every table fact's ``concept`` filled where the vocabulary knows it (a
    ``custom:`` one for the other rows of a primary statement), and ``stmt`` (BS/IS/CF/EQ of its
    table, "" elsewhere) and ``is_total`` on every table fact."""
    kinds = [statement_kind(t) for t in report.tables]
    facts = []
    for fact in report.fact_records:
        if fact.source == "table" and 0 <= fact.table_index < len(kinds):
            kind = kinds[fact.table_index]
            stmt = STMT_OF_KIND.get(kind, "")
            concept = fact.concept or concept_of(fact.label, tuple(fact.path), kind, fact.unit) or \
                (custom_concept(fact.label, tuple(fact.path)) if stmt else "")
            total = _is_total(concept, fact.label)
            if concept != fact.concept or stmt or total:
                fact = _with_concept(fact, concept=concept, stmt=stmt, is_total=total)
        facts.append(fact)
    return replace(report, fact_records=tuple(facts))


@lru_cache(maxsize=16384)
def _is_total(concept: str, label: str) -> bool:
    """A total: the vocabulary says the concept is one, or the label begins "Total"."""
    entry = CONCEPTS.get(concept)
    if entry is not None and entry.total:
        return True
    text = normalise(label)
    return text == "total" or text.startswith("total ")
