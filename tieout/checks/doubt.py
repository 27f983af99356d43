"""Signs that a row or column was misread, so a check resting on it may not fail.

A failing check on a misread table is worse than no check: an auditor who meets one false
alarm stops trusting the rest. Two signs of a misread show in the facts themselves:

- a figure left at the end of the row's label ("Total U.S. $ 3,758", "Total 262,451,094
  $ 41.91"): the reader cut the row in the wrong place, so its cells may sit under the
  wrong columns;
- a column header made of figures ("13 %", "$3,104.1"): a row of figures was read as the
  header, so the column may be a percent change or belong to another table.

``reading_doubt(facts)`` says which, in words a person reads, or ""; ``header_doubt(fact)`` the
second alone (a column that foots with a clean header confirms its row's structure).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from tieout.model import Fact

# a table figure as printed: "$ 3,758", "$(1,295)", "262,451,094", "41.91", "15%"
_FIGURE = r"(?:\$\s?\(?\d[\d,]*(?:\.\d+)?\)?|\(?\d{1,3}(?:,\d{3})+(?:\.\d+)?\)?|\(?\d+\.\d+\)?|\d+(?:\.\d+)?\s?%)"
_ENDS_IN_FIGURE = re.compile(r"(?<![\w$(,.])" + _FIGURE + r"\s*$")
_HEADER_FIGURE = re.compile(r"(?<![\w$(,.])" + _FIGURE + r"(?![\w,.])")


def reading_doubt(facts: Iterable[Fact]) -> str:
    for fact in facts:
        if fact.label and _ENDS_IN_FIGURE.search(fact.label):
            return f"the row {fact.label!r} ends in a figure, so its cells may be misread"
        if header_doubt(fact):
            return header_doubt(fact)
    return ""


def header_doubt(fact: Fact) -> str:
    if fact.column_header and _HEADER_FIGURE.search(fact.column_header):
        return f"the column headed {fact.column_header!r} is headed by figures (a row read as its header?)"
    return ""
