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
not a total (on the corpus such rows were tables tieout misread, not filing
errors) -- except when only one column can be evaluated and the layout declares
the total beyond doubt (a rule line closes a plain run of at least two rows of its
unit and the label says "Total" or there is none): then the plain sum is asserted,
since nothing else could confirm or deny it. A "Total ..." row under a single item
is that item's total and consumes it. A ``====`` rule closes a grand total and empties
the stack. Rows with different units never add up; an item printed blank in a
column (its row shows numbers in others) counts as zero there.

What declares a total: a rule line above the row; a label "Total"/"Net", or one that
names a statement subtotal ("Gross profit", "Loss from operations", "Income before
income taxes"); an empty label (unless many rows lack labels: then the reader lost
them). In a table that prints no rule lines, or a rule under nearly every row (a
ruled grid: decoration), a "Total ..." label alone declares the total. A total that
no column confirms takes the shape of a like total of the same table that footed (the
same label but for its date: the next block of a roll-forward), in the columns where
that one footed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tieout.model import Relation
from tieout.relations.grid import ZERO, Grid

TOTAL_LABEL = re.compile(
    r"^\W*(total|net|sub-?total)\b"
    # the subtotals of a statement of operations say so by name
    r"|^\W*gross (profit|margin|loss)\b"
    r"|^\W*(operating )?(income|loss|earnings|profit)( ?\([a-z]+\))? (from operations|before)\b"
    r"|^\W*operating (income|loss|profit)\b", re.I)
STRONG_LABEL = re.compile(r"^\W*(total|sub-?total)\b", re.I)
MAX_EXTENSION = 6


@dataclass(slots=True)
class _Entry:
    row: int
    tag: int


def layout_relations(grid: Grid, covered: set[int]) -> list[Relation]:
    memory: list[tuple[tuple, frozenset[int], str]] = []
    relations, unresolved = _walk(grid, memory, None)
    if unresolved and memory:  # a repeated block of this table may say what the unresolved totals add
        relations, _ = _walk(grid, [], memory)
    return relations


def _walk(grid: Grid, learn: list, memory):
    """One pass down the table. ``learn`` collects the shapes of totals the columns confirm;
    ``memory`` (from a first pass) lets a total no column confirms take the shape of a like
    total of the same table (the same roll-forward block for another year)."""
    table = grid.table
    rows = table.rows
    numbered = set(grid.number_rows)
    ruled = _rule_style(grid)
    # many rows without a label are items whose labels the reader lost (years read as
    # figures), not unlabeled subtotals
    unlabeled_items = 3 * sum(1 for r in grid.number_rows if not rows[r].label.strip()) > len(grid.number_rows)
    stack: list[_Entry] = []
    rules_seen = 0
    heading_at = 0  # stack length at the last heading row
    prev: int | None = None  # previous row index (number or heading)
    prev_is_number = False
    relations: list[Relation] = []
    unresolved = 0
    for i, row in enumerate(rows):
        if i not in numbered:
            if row.heading or row.label.strip():
                between = _rule_between(rows[prev], row) if prev is not None and ruled != "grid" else ""
                if between == "=":
                    stack.clear()
                if ruled == "grid" and prev_is_number and not _rule_between(rows[prev], row):
                    continue  # in a ruled grid, a label line inside the number row's cell wraps its label
                if between:
                    rules_seen += 1
                elif not row.path:  # a top-level section heading starts a new run
                    rules_seen += 1
                heading_at = len(stack)
                prev, prev_is_number = i, False
            continue
        rule = _rule_between(rows[prev], row) if prev is not None and ruled != "grid" else ""
        closes = bool(rule) and prev_is_number
        if rule:
            rules_seen += 1
        if rule == "=":
            stack.clear()
            closes = False
        label = row.label.strip()
        strong_label = bool(STRONG_LABEL.match(label))
        if closes:
            seg_len = _suffix_len(stack, lambda e: e.tag == rules_seen - 1)
        elif TOTAL_LABEL.match(label) or (not label and not unlabeled_items):
            seg_len = _suffix_len(stack[heading_at:], lambda e: e.tag == rules_seen)
        else:
            seg_len = -1
        consumed = 0
        if seg_len >= 0 and stack:
            # declared beyond doubt: a rule line closes the run and the label says total (or
            # there is none); in a table that prints no rules (or rules under every row) the
            # label "Total ..." alone carries the declaration
            declared = (closes and (not label or strong_label)) or (ruled in ("none", "grid") and strong_label)
            found, consumed, shape = _choose(grid, i, stack, seg_len, declared and seg_len >= 2,
                                             single=strong_label, closes=closes, memory=memory)
            relations.extend(found)
            if shape is not None:
                learn.append(shape)
            elif closes and not found:
                unresolved += 1
        if consumed:
            del stack[len(stack) - consumed:]
        stack.append(_Entry(i, rules_seen))
        if row.rule_below == "=" and ruled != "grid":
            stack.clear()
        prev, prev_is_number = i, True
    return relations, unresolved


def _rule_style(grid: Grid) -> str:
    """'none' (no rule lines between number rows), 'grid' (a rule under nearly every row:
    decoration, not structure) or 'rules'."""
    rows = grid.table.rows
    numbers = grid.number_rows
    ruled = sum(1 for a, b in zip(numbers, numbers[1:]) if _rule_between(rows[a], rows[b]))
    pairs = len(numbers) - 1
    if ruled == 0:
        return "none"
    if pairs >= 3 and ruled >= pairs - 1:
        return "grid"
    return "rules"


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


def _candidates(stack: list[_Entry], seg_len: int, single: bool = False):
    """(rows with signs, is_primary) in order of simplicity.

    ``single``: a "Total ..." row under one item is that item's total (``Total minority
    interest`` under ``Minority interest``); taking it consumes the item, so a grand
    total further down does not count it twice.
    """
    seg = [e.row for e in stack[len(stack) - seg_len:]] if seg_len else []
    n = len(seg)
    if n >= 2:
        yield [(r, 1) for r in seg], True, ("seg", n)
    elif single and n == 1:
        yield [(seg[0], 1)], True, ("seg", 1)
    if n >= 2:  # income-statement style: the first line less the lines below it
        yield [(seg[0], 1)] + [(r, -1) for r in seg[1:]], False, ("less", n)
    for drop in range(1, n - 1):  # a run that starts after a total left in the segment
        yield [(r, 1) for r in seg[drop:]], False, ("drop+", n - drop)
        yield [(seg[drop], 1)] + [(r, -1) for r in seg[drop + 1:]], False, ("drop-", n - drop)
    if single and n >= 2:
        yield [(seg[-1], 1)], False, ("last", 1)
    start = len(stack) - seg_len
    for ext in range(1, min(start, MAX_EXTENSION) + 1):
        base = [(e.row, 1) for e in stack[start - ext:start]]
        if not seg:
            if len(base) >= 2:
                yield base, False, ("ext", ext, 0)
            continue
        yield base + [(r, 1) for r in seg], False, ("ext+", ext, n)
        yield base + [(r, -1) for r in seg], False, ("ext-", ext, n)


def _column_status(grid: Grid, total_row: int, items, col: int) -> str:
    """'foot', 'fail' or '' (cannot be evaluated in this column).

    An item printed blank in this column (its row shows numbers in others) counts as
    zero, as long as some item of the column is printed. A run from the table's first
    row cannot be judged in a column whose header ends in a figure (the reader took the
    first data row for a header line, so the run lacks it).
    """
    cells, iv, blank = grid.cells, grid.iv, grid.blank
    total = cells.get((total_row, col))
    if total is None:
        return ""
    if col in grid.eaten and items[0][0] == grid.number_rows[0]:
        return ""  # the run starts at the table's top, whose first row the header swallowed
    unit = total.unit
    low = high = ZERO
    printed = 0
    nonzero = total.value != 0
    for row, sign in items:
        key = (row, col)
        fact = cells.get(key)
        if fact is None:
            if key in blank:
                continue
            return ""
        if fact.unit != unit:
            return ""
        printed += 1
        a, b = iv[key]
        if sign > 0:
            low += a
            high += b
        else:
            low -= b
            high -= a
        if fact.value != 0:
            nonzero = True
    if not printed:
        return ""
    t_low, t_high = iv[(total_row, col)]
    if not (t_low <= high and low <= t_high):
        return "fail"
    if not nonzero:
        return ""  # nothing = nothing says nothing about the structure
    return "foot"


def _choose(grid: Grid, total_row: int, stack, seg_len: int, declared: bool, single: bool = False,
            closes: bool = False, memory=None):
    """The structure of the total at ``total_row``: (relations, number of stack rows consumed).

    ``declared``: a rule line closes the run above and the label says total (or there is
    none). When only one column can be evaluated such a total is asserted even if that
    column does not foot (nothing else could confirm or deny its structure).
    """
    best = None  # (n_foot, n_fail, items, statuses, shape)
    primary = None
    ncols = grid.ncols
    candidates = []
    for items, is_primary, shape in _candidates(stack, seg_len, single):
        statuses = [_column_status(grid, total_row, items, c) for c in range(ncols)]
        n_foot = statuses.count("foot")
        entry = (n_foot, statuses.count("fail"), items, statuses, shape)
        candidates.append(entry)
        if is_primary:
            primary = entry
        if n_foot and (best is None or n_foot > best[0]) and not _counts_twice(grid, items):
            best = entry
    if best is not None:
        best = _like_columns(grid, total_row, best)
    kind = _label_kind(grid.table.rows[total_row].label)
    if best is not None and best[0] >= best[1]:
        n_foot, n_fail, items, statuses, shape = best
        confidence = n_foot / (n_foot + n_fail)
        footing = frozenset(c for c, s in enumerate(statuses) if s == "foot")
        return (_relations(grid, total_row, items, statuses, confidence), len(items),
                (shape, footing, kind))
    if declared and primary is not None and primary[0] + primary[1] == 1 and _money(grid, total_row) \
            and _one_run(grid, total_row, primary[2]):
        # One column to judge by and a total the layout declares: the rule line and the
        # label say what it adds, so a column that does not foot is an error, not a guess.
        n_foot, n_fail, items, statuses, _ = primary
        return _relations(grid, total_row, items, statuses, 0.5), len(items), None
    if closes and memory:
        # A like total of this table (the same label but for its date) foots with a shape
        # this row also offers: a repeated block, so the same structure holds here.
        for n_foot, n_fail, items, statuses, shape in candidates:
            for known, columns, known_kind in memory:
                if kind and known == shape and known_kind == kind and \
                        any(statuses[c] == "fail" for c in columns):
                    kept = [s if c in columns else "" for c, s in enumerate(statuses)]
                    return _relations(grid, total_row, items, kept, 0.5), len(items), None
    return [], 0, None


def _counts_twice(grid: Grid, items) -> bool:
    """Does the run hold a row that totals the rows just above it in it ("Capital expenditures",
    "Proceeds ...", then "Cash used for investing activities"; or one item and its "Net cash used
    in investing activities")? Such a run counts those rows twice; when it foots, it foots by chance."""
    rows = [r for r, _ in items]
    signs = [s for _, s in items]
    labels = grid.table.rows
    for k in range(1, len(rows)):
        for m in range(1, min(k, 8) + 1):
            if signs[k - m] != signs[k]:
                break
            if m == 1 and not TOTAL_LABEL.match(labels[rows[k]].label):
                continue  # two equal rows side by side are no total and item unless the label says so
            if _sums_to(grid, rows[k - m:k], rows[k]):
                return True
    return False


def _sums_to(grid: Grid, parts: list[int], total: int) -> bool:
    """Do ``parts`` add to ``total`` within rounding in every column where all are printed (and in one at least)?"""
    judged = False
    for col in range(grid.ncols):
        if (total, col) not in grid.iv or any((r, col) not in grid.iv for r in parts):
            continue
        low = sum(grid.iv[(r, col)][0] for r in parts)
        high = sum(grid.iv[(r, col)][1] for r in parts)
        t_low, t_high = grid.iv[(total, col)]
        if not (t_low <= high and low <= t_high) or grid.cells[(total, col)].value == 0:
            return False
        judged = True
    return judged


MONTHS = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b\.?")


def _label_kind(label: str) -> str:
    """What makes two total rows alike: the same label but for its date
    ("Outstanding at December 31, 1997" / "... 1998"); "" for labels that carry no date."""
    text = label.lower()
    if not re.search(r"\d", text):
        return ""
    text = MONTHS.sub(" ", re.sub(r"[\d,.]+", " ", text))
    return " ".join(re.findall(r"[a-z]+", text))


def _one_run(grid: Grid, total_row: int, items) -> bool:
    """Items that are a plain run of at least two rows of the total's own unit."""
    if any(s < 0 for _, s in items) or len(items) < 2:
        return False
    unit = grid.row_unit(total_row)
    return all(grid.row_unit(r) == unit for r, _ in items)


def _like_columns(grid: Grid, total_row: int, best):
    """Count only failing columns shown like the footing ones (same decimals).

    A roll-forward of options prints shares (0 decimals) beside weighted average
    prices (2 decimals): the rows add up in the first and not in the second.
    """
    n_foot, n_fail, items, statuses, shape = best
    shown = {grid.fact(total_row, c).decimals for c, s in enumerate(statuses) if s == "foot"}
    fails = sum(1 for c, s in enumerate(statuses) if s == "fail" and grid.fact(total_row, c).decimals in shown)
    return n_foot, fails, items, statuses, shape


def _money(grid: Grid, row: int) -> bool:
    unit = grid.row_unit(row)
    return unit in ("USD", "") or unit.isalpha() and len(unit) == 3


def _relations(grid: Grid, total_row: int, items, statuses, confidence: float) -> list[Relation]:
    label = grid.table.rows[total_row].label or "(unlabeled subtotal)"
    names = [grid.table.rows[r].label or "(unlabeled)" for r, _ in items]
    name = f"{label} = " + " ".join(
        f"{'+' if s > 0 else '-'} {n}" for n, (_, s) in zip(names, items)).lstrip("+ ")
    out = []
    shown = {grid.fact(total_row, c).decimals for c, s in enumerate(statuses) if s == "foot"}
    asserted = not shown
    for col, status in enumerate(statuses):
        if not status or (status == "fail" and not asserted and grid.fact(total_row, col).decimals not in shown):
            continue
        out.append(Relation(
            kind="sum",
            total=grid.fact(total_row, col).id,
            items=tuple((grid.fact(r, col).id, s) for r, s in items if (r, col) in grid.cells),
            found_by="layout",
            confidence=round(confidence, 3),
            name=name,
        ))
    return out
