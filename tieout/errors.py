"""Errors for people and for tools.

Bad input is never a traceback: the source stage raises ``InputError`` for a
file it cannot read at all (missing, a directory, binary, PDF, empty), and the
command line turns it into one line on stderr and exit code 2. Everything a
later stage cannot do is a ``Problem`` value collected beside its result.

``format_location`` prints hledger-style: ``FILE:LINE:COL: message``, then the
source line with ``^^^`` under the characters involved.
"""

from __future__ import annotations

import re

from collections.abc import Iterable, Sequence

from tieout.model import Problem, Span


class InputError(Exception):
    """The input cannot be read as a text filing at all (exit code 2)."""


def excerpt(raw_lines: Sequence[str], spans: Iterable[Span], *, context: int = 0) -> str:
    """The source lines of ``spans`` with ``^`` under each span's characters.

    Tabs in the source are shown expanded so the carets line up.
    """
    by_line: dict[int, list[Span]] = {}
    for span in spans:
        if 1 <= span.line <= len(raw_lines):
            by_line.setdefault(span.line, []).append(span)
    out: list[str] = []
    width = len(str(max(by_line, default=0)))
    for number in sorted(by_line):
        raw = raw_lines[number - 1]
        text = raw.expandtabs(8)
        marks = [" "] * (len(text) + 1)
        for span in by_line[number]:
            start = _expanded_col(raw, span.col)
            end = max(_expanded_col(raw, span.end_col), start + 1)
            for i in range(start - 1, min(end - 1, len(marks))):
                marks[i] = "^"
        text, carets = _window(text, "".join(marks).rstrip())
        out.append(f"{number:>{width}} | {text}")
        out.append(f"{'':>{width}} | {carets}")
    return "\n".join(out)


EXCERPT_WIDTH = 160  # a longer line (an HTML filing's markup, a megabyte on one line) is cut around its marks


def _window(text: str, carets: str) -> tuple[str, str]:
    """A long line cut to the stretch around its marks, "..." where it was cut; the carets cut alike.

    Marks far apart on one line (an HTML filing's whole table on one line) are shown each with
    its own stretch, "..." between them.
    """
    if len(text) <= EXCERPT_WIDTH:
        return text, carets
    first = carets.find("^")
    last = carets.rfind("^") + 1
    if last - first + 2 * _AROUND <= EXCERPT_WIDTH:
        start = max(0, min(first - _AROUND, last - EXCERPT_WIDTH + _AROUND))
        stretches = [(start, min(len(text), max(start + EXCERPT_WIDTH, last + _AROUND)))]
    else:
        stretches = []
        for mark in re.finditer(r"\^+", carets):
            start, end = max(0, mark.start() - _AROUND), min(len(text), mark.end() + _AROUND)
            if stretches and start <= stretches[-1][1] + 3:
                stretches[-1] = (stretches[-1][0], end)
            else:
                stretches.append((start, end))
    shown, under, at = "", "", 0
    for start, end in stretches:
        cut = "..." if start > at else ""
        shown += cut + text[start:end]
        under += " " * len(cut) + carets[start:end].ljust(end - start)
        at = end
    if at < len(text):
        shown += "..."
    return shown, under.rstrip()


_AROUND = 40  # characters shown either side of a mark on a cut line


def _expanded_col(raw: str, col: int) -> int:
    """1-based column in ``raw`` -> 1-based column after tab expansion."""
    width = 0
    for ch in raw[: max(col - 1, 0)]:
        width = (width // 8 + 1) * 8 if ch == "\t" else width + 1
    return width + 1


def format_problem(path: str, problem: Problem, raw_lines: Sequence[str] = ()) -> str:
    where = f"{path}:{problem.line}:{problem.col}" if problem.line else path
    text = f"{where}: {problem.severity}: {problem.message}"
    if problem.line and raw_lines:
        span = Span(problem.line, problem.col or 1, problem.end_col or (problem.col or 1) + 1)
        text += "\n" + excerpt(raw_lines, [span])
    if problem.remedy:
        text += f"\n  remedy: {problem.remedy}"
    return text
