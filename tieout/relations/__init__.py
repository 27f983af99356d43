"""Stage: relations -- which rows of a table are totals of which.

A printed statement declares its arithmetic with layout: a rule line (``----``)
closes a run of items and the row after it is their total; ``====`` closes a
grand total; "Total ..." and unlabeled rows are totals; an income statement
subtracts a block of costs from the running total above it. The layout says
*that* a row is a total; the arithmetic of the other columns says *of what*
(which run, which sign), because a table has one structure for all its periods.

Two finders, run in order:

- ``layout``  (``tieout/relations/layout.py``): candidates declared by rule lines and
  labels, the structure chosen by the columns that foot; every column gets a
  relation, so a column that does not foot is a failing check.
- ``search``  (``tieout/relations/search.py``): for rows layout left alone, a run of rows
  directly above that sums to the row in every column. Found only by arithmetic,
  so it never produces a failing check (a search that fails just isn't a relation).

``find_relations(report) -> (relations, problems)``; ``FINDERS`` may be replaced.
"""

from __future__ import annotations

from tieout.model import Problem, Relation, Report
from tieout.relations.grid import table_grids
from tieout.relations.layout import layout_relations
from tieout.relations.search import search_relations

FINDERS = (layout_relations, search_relations)


def find_relations(report: Report, finders=FINDERS) -> tuple[list[Relation], list[Problem]]:
    """Every footing relation of every table of ``report``, one per column."""
    relations: list[Relation] = []
    problems: list[Problem] = []
    grids = table_grids(report)
    covered: set[int] = set()  # fact ids already a total or an item
    for finder in finders:
        for grid in grids:
            try:
                found = finder(grid, covered)
            except Exception as exc:  # noqa: BLE001 - one table must not lose the rest
                problems.append(Problem("relations", f"{finder.__name__} failed on table "
                                        f"{grid.table_index} ({grid.table.title!r}): "
                                        f"{type(exc).__name__}: {exc}",
                                        line=grid.table.first, severity="error"))
                continue
            for relation in found:
                relations.append(relation)
                covered.add(relation.total)
                covered.update(fid for fid, _ in relation.items)
    return relations, problems


__all__ = ["find_relations", "FINDERS"]
