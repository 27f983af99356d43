"""Totals found by arithmetic alone: a run of rows directly above a row that sums to it.

Only for rows the layout finder left alone. A run qualifies when it foots in
every column where it can be evaluated, in at least two columns (or one column
with three or more items, where a coincidence is unlikely), and is not all
zeros. Such a relation is recorded with ``found_by="search"`` and never yields
a failing check: a run that does not foot simply is not a relation.
"""

from __future__ import annotations

from tieout.checks.intervals import interval, interval_sum, meets
from tieout.model import Relation
from tieout.relations.grid import Grid

MAX_RUN = 10


def search_relations(grid: Grid, covered: set[int]) -> list[Relation]:
    relations: list[Relation] = []
    rows = list(grid.number_rows)
    taken: set[int] = set()  # rows already used as items by this search
    for pos, total_row in enumerate(rows):
        totals = [grid.fact(total_row, c) for c in range(grid.ncols)]
        if any(f is not None and f.id in covered for f in totals):
            continue
        if all(f is None or f.value == 0 for f in totals):
            continue
        for length in range(2, min(MAX_RUN, pos) + 1):
            run = rows[pos - length:pos]
            if any(r in taken for r in run):
                break
            found = _foots(grid, total_row, run)
            if found is None:
                continue
            label = grid.table.rows[total_row].label or "(unlabeled)"
            for col, items in found:
                relations.append(Relation(
                    kind="sum", total=grid.fact(total_row, col).id,
                    items=tuple((f.id, 1) for f in items), found_by="search",
                    confidence=0.6, name=f"{label} = sum of the {length} rows above"))
            taken.update(run)
            break
    return relations


def _foots(grid: Grid, total_row: int, run):
    evaluable = []
    for col in range(grid.ncols):
        total = grid.fact(total_row, col)
        if total is None:
            continue
        items = [grid.fact(r, col) for r in run]
        if any(f is None or f.unit != total.unit for f in items):
            continue
        if not meets(interval(total), interval_sum((interval(f), 1) for f in items)):
            return None
        if sum(1 for f in items if f.value != 0) < 2:
            return None
        evaluable.append((col, items))
    if len(evaluable) >= 2 or (len(evaluable) == 1 and len(run) >= 3):
        return evaluable
    return None
