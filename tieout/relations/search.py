"""Totals found by arithmetic alone: a run of rows directly above a row that sums to it.

Only for rows the layout finder left alone. A run qualifies when it foots in
every column where it can be evaluated, in at least two columns (or one column
with three or more items, where a coincidence is unlikely), and is not all
zeros. Such a relation is recorded with ``found_by="search"`` and never yields
a failing check: a run that does not foot simply is not a relation.
"""

from __future__ import annotations

from tieout.model import Relation
from tieout.relations.grid import ZERO, Grid

MAX_RUN = 10


def search_relations(grid: Grid, covered: set[int]) -> list[Relation]:
    relations: list[Relation] = []
    rows = list(grid.number_rows)
    cells, iv, ncols = grid.cells, grid.iv, grid.ncols
    taken: set[int] = set()  # rows already used as items by this search
    for pos, total_row in enumerate(rows):
        totals = [cells.get((total_row, c)) for c in range(ncols)]
        if any(f is not None and f.id in covered for f in totals):
            continue
        if all(f is None or f.value == 0 for f in totals):
            continue
        cols = [c for c in range(ncols) if totals[c] is not None]
        # running interval sums of the run above, per column; a column drops out for good
        # once an item is missing or of another unit (the run only grows upward)
        sums = {c: [ZERO, ZERO, 0] for c in cols}  # low, high, non-zero items
        for length in range(1, min(MAX_RUN, pos) + 1):
            row = rows[pos - length]
            if row in taken:
                break
            for c in list(sums):
                fact = cells.get((row, c))
                if fact is None or fact.unit != totals[c].unit:
                    del sums[c]
                    continue
                low, high = iv[(row, c)]
                acc = sums[c]
                acc[0] += low
                acc[1] += high
                acc[2] += fact.value != 0
            if length < 2 or not sums:
                if not sums:
                    break
                continue
            if not _foots(iv, total_row, sums, length):
                continue
            run = rows[pos - length:pos]
            label = grid.table.rows[total_row].label or "(unlabeled)"
            for col in sorted(sums):
                relations.append(Relation(
                    kind="sum", total=totals[col].id,
                    items=tuple((cells[(r, col)].id, 1) for r in run), found_by="search",
                    confidence=0.6, name=f"{label} = sum of the {length} rows above"))
            taken.update(run)
            break
    return relations


def _foots(iv, total_row: int, sums, length: int) -> bool:
    """The run foots in every column it can be evaluated in, in enough columns."""
    for col, (low, high, nonzero) in sums.items():
        t_low, t_high = iv[(total_row, col)]
        if not (t_low <= high and low <= t_high) or nonzero < 2:
            return False
    return len(sums) >= 2 or (len(sums) == 1 and length >= 3)
