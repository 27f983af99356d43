"""Retype tab-free lines the way a typist with tab stops every 8 columns would have.

Why: many filings were typed with real tab characters, so a number's column in
the file (a tab counts as one) differs from where it shows on screen. A run of
blanks outside the printed texts becomes tabs to each stop it reaches, then
blanks; the texts themselves are copied, and the map says where each landed.
Expanding the result with 8-column stops gives the tab-free line back.
"""

from __future__ import annotations

STOP = 8


def retype(line: str, keep: list[tuple[int, int]]) -> tuple[str, list[int]]:
    """(the line with tabs, the raw index of every character of ``line`` that was copied, else -1)."""
    inside = [False] * len(line)
    for start, end in keep:
        for index in range(start, min(end, len(line))):
            inside[index] = True
    raw: list[str] = []
    length = 0
    where = [-1] * len(line)
    index = 0
    while index < len(line):
        if line[index] != " " or inside[index]:
            where[index] = length
            raw.append(line[index])
            length += 1
            index += 1
            continue
        end = index
        while end < len(line) and line[end] == " " and not inside[end]:
            end += 1
        blanks = _blanks(index, end)
        raw.append(blanks)
        length += len(blanks)
        index = end
    return "".join(raw), where


def _blanks(start: int, end: int) -> str:
    """Blanks from ``start`` to ``end`` as tabs to every stop they reach, then spaces.

    A single blank is a tab only when it ends on a stop (a typist's tab, not a word space).
    """
    if end - start == 1 and end % STOP:
        return " "
    typed = []
    position = start
    while (position // STOP + 1) * STOP <= end:
        typed.append("\t")
        position = (position // STOP + 1) * STOP
    typed.append(" " * (end - position))
    return "".join(typed)
