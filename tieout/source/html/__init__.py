"""The HTML reader of the source stage: an HTML document -> a Document of fixed-width lines.

From about 2001 EDGAR filings are HTML, and every earnings release to this day is. The later
stages read lines of text (layout finds paragraphs and tables, tables find periods and scale),
so an HTML document enters them as the text a careful typesetter would have printed: each block
element a paragraph, each ``<table>`` of numbers an SGML ``<TABLE>`` region laid out on its cell
grid, ``<pre>`` as printed. Nothing downstream knows the difference but positions: every word
placed on a line keeps the offset of its first character in the file, and ``SourceMap`` turns a
(line, column) of the rendering back into the file's own line and column (tags counted), which
the loader gives every fact, claim and check.

    text_to_blocks      HTML -> paragraphs and tables, words with offsets     parse.py
    table_to_grid ...   a table -> aligned lines                              grid.py
    blocks_to_lines     blocks -> lines, page breaks, each line's anchors     here
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from tieout.model import Document, Line
from tieout.source.html.grid import (GridLine, glue_signs, grid_columns, grid_to_lines, is_data_table, joined,
                                     table_to_grid)
from tieout.source.html.parse import HtmlTable, Para, Run, line_starts, text_to_blocks

__all__ = ["html_to_document", "SourceMap"]

WRAP = 100  # paragraph lines are wrapped at this width, as a typed filing's were


@dataclass(frozen=True, slots=True)
class SourceMap:
    """Rendered (line, column) -> the file's (line, column), both 1-based.

    ``anchors[n - 1]`` holds, for rendered line ``n``, the words placed on it as
    (column, offset in the part's text, exact length or 0); ``line_starts`` the offset of each
    line of the part's text, whose first line is line ``first_line`` of the file.
    """

    anchors: tuple[tuple[tuple[int, int, int], ...], ...]
    line_starts: tuple[int, ...]
    first_line: int

    def offset(self, line: int, col: int) -> int | None:
        if not 1 <= line <= len(self.anchors):
            return None
        row = self.anchors[line - 1]
        if not row:
            return None
        k = bisect.bisect_right(row, (col, float("inf"), 0)) - 1
        if k < 0:
            k = 0
        at, offset, exact = row[k]
        return offset + (col - at) if exact and 0 <= col - at < exact else offset

    def position(self, line: int, col: int) -> tuple[int, int]:
        """The file's line and column of rendered (line, col); the nearest line above without words."""
        offset = self.offset(line, col)
        probe = line
        while offset is None and probe > 1:
            probe -= 1
            row = self.anchors[probe - 1] if probe <= len(self.anchors) else ()
            offset = row[0][1] if row else None
        if offset is None:
            return self.first_line, 1
        k = bisect.bisect_right(self.line_starts, offset) - 1
        return self.first_line + k, offset - self.line_starts[k] + 1


def html_to_document(text: str, first_line: int, *, name: str, type: str, sequence: int,
                     filename: str) -> tuple[Document, frozenset[int]]:
    """The HTML ``text`` (lines of the file from ``first_line``, joined by "\\n") as a Document.

    Returns the document and the rendered line numbers that follow a page break.
    """
    starts = line_starts(text)
    texts, anchors, breaks = blocks_to_lines(text_to_blocks(text, starts))
    lines = tuple(Line(n, t, t) for n, t in enumerate(texts, start=1))
    origin = SourceMap(tuple(tuple(a) for a in anchors), tuple(starts), first_line)
    return Document(name=name, type=type, sequence=sequence, filename=filename, lines=lines,
                    origin=origin), frozenset(breaks)


def blocks_to_lines(blocks: list[Para | HtmlTable]) -> tuple[list[str], list[list], set[int]]:
    texts: list[str] = []
    anchors: list[list] = []
    breaks: set[int] = set()

    def emit(text: str, marks: list) -> None:
        texts.append(text)
        anchors.append(marks)

    def blank() -> None:
        if texts and texts[-1]:
            emit("", [])

    for block in blocks:
        if block.page_break:
            blank()
            breaks.add(len(texts) + 1)
        if isinstance(block, Para):
            if block.pre:
                for line in block.lines:
                    text, marks = _pre_line(line)
                    emit(text, marks)
            else:
                for line in block.lines:
                    for text, marks in _wrapped(line):
                        emit(text, marks)
            blank()
            continue
        rows = [glue_signs(cells) for cells in table_to_grid(block)]
        if is_data_table(rows):
            laid: list[GridLine] = grid_to_lines(rows, grid_columns(rows))
            blank()
            emit("<TABLE>", [])
            for line in laid:
                emit(line.text, line.anchors)
            emit("</TABLE>", [])
            blank()
            continue
        for cells in rows:  # a table used for layout: its cells are paragraphs
            lines = [line for cell in cells for line in cell.lines]
            short = all(len(cell.lines) <= 1 for cell in cells)
            if short and lines:
                for text, marks in _wrapped(joined(lines)):
                    emit(text, marks)
            else:
                for line in lines:
                    for text, marks in _wrapped(line):
                        emit(text, marks)
                    blank()
            blank()
    while texts and not texts[-1]:
        texts.pop()
        anchors.pop()
    return texts, anchors, breaks


def _wrapped(runs: list[Run]):
    """One paragraph line of words -> lines of at most WRAP characters, with their anchors."""
    text = ""
    marks: list = []
    for run in runs:
        glue = text and not run.space_before
        if text and not glue and len(text) + 1 + len(run.text) > WRAP:
            yield text, marks
            text, marks = "", []
        if text and not glue:
            text += " "
        marks.append(run.anchor(len(text) + 1))
        text += run.text
    if text:
        yield text, marks


def _pre_line(runs: list[Run]) -> tuple[str, list]:
    text = ""
    marks = []
    for run in runs:
        marks.append(run.anchor(len(text) + 1))
        text += run.text
    return text.expandtabs(8) if "\t" in text else text, marks
