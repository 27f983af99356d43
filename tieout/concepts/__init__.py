"""The concept layer: row labels -> a small standard vocabulary (US-GAAP names).

Checks that tie statements name concepts, not line numbers, so they work on
any report: "the balance-sheet cash equals the cash-flow cash at end" is one
rule whatever the rows are called. The vocabulary is data
(``tieout/concepts/vocabulary.py``); this module decides a table's statement
kind (balance, operations, cashflow, highlights, production, other) and gives
each fact its concept.

``assign_concepts(report) -> Report`` returns the report with ``Fact.concept``
filled (new facts via ``dataclasses.replace``). The checks stage calls it when
the loader has not.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from tieout.concepts.vocabulary import CHANGE_OF, VOCABULARY
from tieout.model import Fact, Report, Table
from tieout.records import record_replacer

__all__ = ["assign_concepts", "concept_of", "statement_kind", "normalise", "CHANGE_OF"]

_COMPILED = tuple((concept, kinds, re.compile(pattern)) for concept, kinds, pattern in VOCABULARY)
_CHANGE_CONCEPTS = {balance: change for balance, (change, _) in CHANGE_OF.items()}
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
    """'Income (loss) from operations' -> 'income from operations'."""
    text = label.lower().replace("'", "")
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


@lru_cache(maxsize=4096)
def concept_of(label: str, path: tuple[str, ...] = (), kind: str = "other") -> str:
    """The concept of one row, or "" when the vocabulary has none."""
    text = normalise(label)
    if not text:
        return ""
    for concept, kinds, pattern in _COMPILED:
        if ("*" in kinds or kind in kinds) and pattern.match(text):
            return concept
    if kind == "cashflow":  # a balance-sheet line under "Change in:" / "(Increase) decrease in"
        context = " ".join(normalise(p) for p in path)
        changed = re.match(r"(increase |decrease )+(in )?", text)
        if changed or re.search(r"change|increase|decrease", context):
            inner = text[changed.end():] if changed else text
            for concept, kinds, pattern in _COMPILED:
                if "balance" in kinds and pattern.match(inner) and concept in _CHANGE_CONCEPTS:
                    return _CHANGE_CONCEPTS[concept]
    return ""


def assign_concepts(report: Report) -> Report:
    """The report with every table fact's ``concept`` filled where the vocabulary knows it."""
    kinds = [statement_kind(t) for t in report.tables]
    facts = []
    for fact in report.fact_records:
        if fact.source == "table" and not fact.concept and 0 <= fact.table_index < len(kinds):
            kind = kinds[fact.table_index]
            concept = concept_of(fact.label, tuple(fact.path), kind)
            if concept:
                fact = _with_concept(fact, concept=concept)
        facts.append(fact)
    return replace(report, fact_records=tuple(facts))
