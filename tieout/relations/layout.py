"""Totals declared by layout: rule lines, "Total"/"Net" labels, unlabeled subtotals.

The walk keeps a stack of rows not yet taken into a total, each tagged with the
number of rule lines seen before it. At a row that follows a rule line the
*segment* is the run of stack rows since the rule line before; the candidates are

- the segment summed as shown (``Total current assets``, the seed's unlabeled 39,012);
- the segment added to or subtracted from rows further up the stack
  (``Gross profit = Sales - 39,012``; ``Net increase in cash = operating + investing +
  financing``; ``Total liabilities and equity = total liabilities + total equity``).

A table has one structure for all its periods, so the candidate that foots in
the most columns is the structure (ties go to the simplest); every column gets a
relation, and a column where the chosen structure does not foot becomes a
failing check. When nothing foots in any column the row is taken for an item,
not a total (``ASSERT_UNCONFIRMED``: keeping the plain segment sum as a failing
relation caught nothing on the corpus but misread tables). A ``====`` rule closes a grand total and empties
the stack. Rows with different units never add up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tieout.checks.intervals import interval, interval_sum, meets
from tieout.model import Relation
from tieout.relations.grid import Grid

TOTAL_LABEL = re.compile(r"^\W*(total|net|sub-?total)\b", re.I)
STRONG_LABEL = re.compile(r"^\W*(total|sub-?total)\b", re.I)
MAX_EXTENSION = 6
# Keep a layout-declared sum that foots in no column at all? Off: on the corpus every such
# case was a table tieout misread, not a filing error (see the module docstring).
ASSERT_UNCONFIRMED = False


@dataclass(slots=True)
class _Entry:
    row: int
    tag: int


def layout_relations(grid: Grid, covered: set[int]) -> list[Relation]:
    table = grid.table
    rows = table.rows
    numbered = set(grid.number_rows)
    stack: list[_Entry] = []
    rules_seen = 0
    heading_at = 0  # stack length at the last heading row
    prev: int | None = None  # previous row index (number or heading)
    prev_is_number = False
    relations: list[Relation] = []
    for i, row in enumerate(rows):
        if i not in numbered:
            if row.heading or row.label.strip():
                if prev is not None and _rule_between(rows[prev], row) == "=":
                    stack.clear()
                if prev is not None and _rule_between(rows[prev], row):
                    rules_seen += 1
                elif not row.path:  # a top-level section heading starts a new run
                    rules_seen += 1
                heading_at = len(stack)
                prev, prev_is_number = i, False
            continue
        rule = _rule_between(rows[prev], row) if prev is not None else ""
        closes = bool(rule) and prev_is_number
        if rule:
            rules_seen += 1
        if rule == "=":
            stack.clear()
            closes = False
        if closes:
            seg_len = _suffix_len(stack, lambda e: e.tag == rules_seen - 1)
            strong = seg_len >= 2
        elif TOTAL_LABEL.match(row.label) or not row.label.strip():
            seg_len = _suffix_len(stack[heading_at:], lambda e: e.tag == rules_seen)
            strong = seg_len >= 2 and bool(STRONG_LABEL.match(row.label))
        else:
            seg_len = -1
        consumed = 0
        if seg_len >= 0 and stack:
            found, consumed = _choose(grid, i, stack, seg_len, strong)
            relations.extend(found)
        if consumed:
            del stack[len(stack) - consumed:]
        stack.append(_Entry(i, rules_seen))
        if row.rule_below == "=":
            stack.clear()
        prev, prev_is_number = i, True
    return relations


def _rule_between(above, below) -> str:
    marks = {above.rule_below, below.rule_above} - {""}
    if "=" in marks:
        return "="
    return "-" if marks else ""


def _suffix_len(entries: list[_Entry], keep) -> int:
    n = 0
    for entry in reversed(entries):
        if not keep(entry):
            break
        n += 1
    return n


def _candidates(stack: list[_Entry], seg_len: int):
    """(rows with signs, is_primary) in order of simplicity."""
    seg = [e.row for e in stack[len(stack) - seg_len:]] if seg_len else []
    if len(seg) >= 2:
        yield [(r, 1) for r in seg], True
    if len(seg) >= 2:  # income-statement style: the first line less the lines below it
        yield [(seg[0], 1)] + [(r, -1) for r in seg[1:]], False
    for drop in range(1, len(seg) - 1):  # a run that starts after a total left in the segment
        yield [(r, 1) for r in seg[drop:]], False
        yield [(seg[drop], 1)] + [(r, -1) for r in seg[drop + 1:]], False
    start = len(stack) - seg_len
    for ext in range(1, min(start, MAX_EXTENSION) + 1):
        base = [(e.row, 1) for e in stack[start - ext:start]]
        if not seg:
            if len(base) >= 2:
                yield base, False
            continue
        yield base + [(r, 1) for r in seg], False
        yield base + [(r, -1) for r in seg], False


def _column_status(grid: Grid, total_row: int, items, col: int) -> str:
    """'foot', 'fail' or '' (cannot be evaluated in this column)."""
    total = grid.fact(total_row, col)
    if total is None:
        return ""
    parts = []
    for row, sign in items:
        fact = grid.fact(row, col)
        if fact is None or fact.unit != total.unit:
            return ""
        parts.append((interval(fact), sign))
    if not meets(interval(total), interval_sum(parts)):
        return "fail"
    if total.value == 0 and all(grid.fact(r, col).value == 0 for r, _ in items):
        return ""  # nothing = nothing says nothing about the structure
    return "foot"


def _choose(grid: Grid, total_row: int, stack, seg_len: int, strong: bool):
    best = None  # (n_foot, n_fail, items, primary)
    primary = None
    for items, is_primary in _candidates(stack, seg_len):
        statuses = [_column_status(grid, total_row, items, c) for c in range(grid.ncols)]
        n_foot, n_fail = statuses.count("foot"), statuses.count("fail")
        if is_primary:
            primary = (n_foot, n_fail, items)
        if n_foot and (best is None or n_foot > best[0]):
            best = (n_foot, n_fail, items)
    if best is not None:
        best = _like_columns(grid, total_row, best)
    if best is not None and best[0] >= best[1]:
        n_foot, n_fail, items = best
        confidence = n_foot / (n_foot + n_fail)
    elif ASSERT_UNCONFIRMED and strong and primary is not None and primary[0] + primary[1] == 1 \
            and _money(grid, total_row):
        n_foot, n_fail, items = primary
        confidence = 0.5
    else:
        return [], 0
    return _relations(grid, total_row, items, confidence), len(items)


def _like_columns(grid: Grid, total_row: int, best):
    """Count only failing columns shown like the footing ones (same decimals).

    A roll-forward of options prints shares (0 decimals) beside weighted average
    prices (2 decimals): the rows add up in the first and not in the second.
    """
    n_foot, n_fail, items = best
    shown = {grid.fact(total_row, c).decimals for c in range(grid.ncols)
             if _column_status(grid, total_row, items, c) == "foot"}
    fails = sum(1 for c in range(grid.ncols) if _column_status(grid, total_row, items, c) == "fail"
                and grid.fact(total_row, c).decimals in shown)
    return n_foot, fails, items


def _money(grid: Grid, row: int) -> bool:
    return grid.row_unit(row) in ("USD", "") or grid.row_unit(row).isalpha() and len(grid.row_unit(row)) == 3


def _relations(grid: Grid, total_row: int, items, confidence: float) -> list[Relation]:
    label = grid.table.rows[total_row].label or "(unlabeled subtotal)"
    names = [grid.table.rows[r].label or "(unlabeled)" for r, _ in items]
    name = f"{label} = " + " ".join(
        f"{'+' if s > 0 else '-'} {n}" for n, (_, s) in zip(names, items)).lstrip("+ ")
    out = []
    shown = {grid.fact(total_row, c).decimals for c in range(grid.ncols)
             if _column_status(grid, total_row, items, c) == "foot"}
    for col in range(grid.ncols):
        status = _column_status(grid, total_row, items, col)
        if not status or (status == "fail" and grid.fact(total_row, col).decimals not in shown):
            continue
        out.append(Relation(
            kind="sum",
            total=grid.fact(total_row, col).id,
            items=tuple((grid.fact(r, col).id, s) for r, s in items),
            found_by="layout",
            confidence=round(confidence, 3),
            name=name,
        ))
    return out
