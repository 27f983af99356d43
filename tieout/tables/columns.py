"""Number cells -> columns: which character spans of a table hold one column each.

Right-aligned numbers of one column overlap each other; two columns are set
apart by white space, so columns are clusters of overlapping cell spans. A
stray wide cell that merged two clusters is split by right edges; tab-set
tables whose cells drift are re-read by rank.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from functools import lru_cache

from tieout.tables.cells import RawCell, SplitLine


def splits_to_columns(splits: list[SplitLine]) -> tuple[tuple[int, int], ...]:
    """Cells of every number line -> column spans, by merging overlapping cell spans.

    Right-aligned numbers of one column overlap each other; two columns are
    set apart by white space. A cluster in which one line has two cells was
    merged by a stray wide cell and is split again by right edges.
    """
    spans = sorted((c.start, c.end) for s in splits for c in s.cells)
    clusters: list[list[int]] = []
    for start, end in spans:
        if clusters and start < clusters[-1][1]:
            clusters[-1][1] = max(clusters[-1][1], end)
        else:
            clusters.append([start, end])
    # every cell lies in the one cluster its span went into: the last that starts at or before it
    lefts = [left for left, _ in clusters]
    members: list[list[RawCell]] = [[] for _ in clusters]
    crowded: set[int] = set()  # clusters where one line has two cells
    for s in splits:
        seen = set()
        for c in s.cells:
            k = bisect_right(lefts, c.start) - 1
            members[k].append(c)
            if k in seen:
                crowded.add(k)
            seen.add(k)
    result: list[tuple[int, int]] = []
    for k, (left, right) in enumerate(clusters):
        if k in crowded:
            result.extend(_split_by_right_edges(members[k]))
        else:
            result.append((left, right))
    return tuple(result)


def columns_by_rank(columns, splits: list[SplitLine]) -> tuple[tuple[int, int], ...]:
    """Tab-set tables drift: when no line fills every column found, but most lines hold the
    same number of cells, the i-th cell of a line is in the i-th column."""
    if not splits or not columns:
        return columns
    counts = Counter(len(s.cells) for s in splits)
    if max(counts) >= len(columns):
        return columns  # some line fills every column: the clustering stands
    common, frequency = counts.most_common(1)[0]
    if common == 0 or frequency < 0.6 * len(splits):
        return columns
    full = [s for s in splits if len(s.cells) == common]
    return tuple((min(s.cells[j].start for s in full), max(s.cells[j].end for s in full)) for j in range(common))


def columns_by_hints(columns, hints: tuple[int, ...]) -> tuple[tuple[int, int], ...]:
    """An SGML ``<S> <C> <C>`` line marks where each column starts: clusters that fall in one
    marked column are one column (never split, only merged)."""
    starts = sorted(hints[1:])  # hints[0] is the <S> label column
    if len(starts) < 2 or len(columns) <= len(starts):
        return columns
    zones: dict[int, list[tuple[int, int]]] = {}
    for left, right in columns:
        zone = max((i for i, start in enumerate(starts) if start <= right - 1), default=0)
        zones.setdefault(zone, []).append((left, right))
    return tuple((min(l for l, _ in spans), max(r for _, r in spans)) for _, spans in sorted(zones.items()))


def _split_by_right_edges(cells: list[RawCell]) -> list[tuple[int, int]]:
    def edge(c: RawCell) -> int:
        return c.end - (1 if c.display.endswith((")", "%")) else 0)

    groups: list[list[RawCell]] = []
    for cell in sorted(cells, key=edge):
        if groups and edge(cell) - edge(groups[-1][-1]) <= 1:
            groups[-1].append(cell)
        else:
            groups.append([cell])
    return [(min(c.start for c in g), max(c.end for c in g)) for g in groups]


def cell_to_column(cell: RawCell, columns: tuple[tuple[int, int], ...]) -> int | None:
    """The column a cell falls in: the one it overlaps most, else the nearest within 8 characters."""
    return _span_to_column(cell.start, cell.end, columns)


# Every cell is placed twice (percent_columns, then the rows), and right-aligned figures of
# one column share their span: a small cache answers most calls.
@lru_cache(maxsize=4096)
def _span_to_column(start: int, end: int, columns: tuple[tuple[int, int], ...]) -> int | None:
    best, best_overlap = None, 0
    for i, (left, right) in enumerate(columns):
        # min(right, end) - max(left, start), without two calls per column: this runs for every cell
        overlap = (right if right < end else end) - (left if left > start else start)
        if overlap > best_overlap:
            best, best_overlap = i, overlap
    if best is not None:
        return best
    centre = (start + end) / 2
    distances = [(abs((left + right) / 2 - centre), i) for i, (left, right) in enumerate(columns)]
    distance, nearest = min(distances) if distances else (999, None)
    return nearest if distance <= 8 else None


_YEAR_WORD = re.compile(r"\b(?:19|20)\d\d\b")
_FOUR_DIGITS = re.compile(r"\d{4}")


def percent_columns(splits, data, columns, header_texts) -> set[int]:
    counts: dict[int, list[int]] = {}
    for split, is_data in zip(splits, data):
        if not is_data:
            continue
        for cell in split.cells:
            j = cell_to_column(cell, columns)
            if j is not None:
                tally = counts.setdefault(j, [0, 0])
                tally[0] += cell.percent
                tally[1] += 1
    out = {j for j, (p, n) in counts.items() if p * 2 > n and not _YEAR_WORD.search(header_texts[j])}
    out |= {j for j, h in enumerate(header_texts) if h.strip() in ("%", "Percent", "% Change", "% of Sales",
                                                                     "Change %", "%Change", "Percent Change")
            or re.fullmatch(r"(?:%|percent)\b.*|.*\b(?:%|percent)(?:\s+change)?", h.strip(), re.IGNORECASE)
            and not _FOUR_DIGITS.search(h)}
    return out
