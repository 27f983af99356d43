"""HTML text -> page blocks: paragraphs and tables of cells, every word with its source offset.

Why a tokenizer and a small tree builder of our own rather than a DOM: tieout must put
each number at the line and column where the filer's file has it, tags counted, and the
standard library's ``html.parser`` is the one parser that reports the exact position of
every piece of text (lxml and lexbor give an element's line at best; see docs/html.md). It
never raises on bad markup and keeps no tree of its own, so 100,000 nested tags cost a
list, not a recursion.

What this module keeps of the page:

* ``Para``: the words of a block element (p, div, h1, li, a table row used for layout ...),
  as ``Run``s of text with the offset of their first character; ``<br>`` starts a new line;
  ``<pre>`` keeps its lines and spaces as printed;
* ``HtmlTable``: rows of ``HtmlCell`` (lines of runs, colspan, rowspan, alignment, borders,
  indent), for ``tieout.source.html.grid`` to lay out;
* page breaks (``page-break-before/after``, ``<hr>``).

Hidden content (script, style, head, ``display:none``, ``ix:header``) is skipped; inline
XBRL tags are read as the inline elements they are (the reader never uses them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser

MAX_SPAN = 100  # colspan / rowspan beyond this are clamped
MAX_STACK_SEARCH = 64  # an end tag closes an element at most this deep (linear time on hostile nesting)

VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
HIDDEN_TAGS = frozenset({"script", "style", "head", "title", "ix:header", "template", "noscript", "xml"})
BLOCK = frozenset("""p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd center blockquote section article header
footer address table tr caption pre hr body html form fieldset nav main aside figure""".split())
_DISPLAY_NONE = re.compile(r"display\s*:\s*none", re.I)
_ALIGN = re.compile(r"text-align\s*:\s*(left|right|center|justify)", re.I)
_BREAK = re.compile(r"page-break-(?:before|after)\s*:\s*always|break-(?:before|after)\s*:\s*page", re.I)
_INDENT = re.compile(r"(?<![\w-])(padding-left|margin-left|text-indent)\s*:\s*(-?[\d.]+)\s*(pt|px|em|in|%)?", re.I)
_BORDER = re.compile(r"border-(top|bottom)\s*:\s*([^;]*)", re.I)
_BORDER_STYLE = re.compile(r"border-(top|bottom)-style\s*:\s*(\w+)", re.I)
_WORD = re.compile(r"\S+")
_SET_APART = re.compile(r"\S {3,}\S")  # words set apart, as in a typed table
_SPACE = re.compile(r"[ \t\n\r\f\v\u00a0\u2002-\u200b\u202f\u205f\u3000]+")


@dataclass(slots=True)
class Run:
    """A word (or, in ``<pre>``, a stretch of a line) and the source offset of its first character.

    ``exact``: each character of ``text`` stands at ``offset + i`` (the source has no entity in it).
    """

    text: str
    offset: int
    exact: bool = True
    space_before: bool = False

    def anchor(self, col: int) -> tuple[int, int, int]:
        """Where this run is placed at 1-based ``col`` of a line: (col, offset, exact length or 0)."""
        return col, self.offset, len(self.text) if self.exact else 0


@dataclass(slots=True)
class Para:
    lines: list[list[Run]] = field(default_factory=lambda: [[]])
    pre: bool = False
    page_break: bool = False  # a page break comes before this block


@dataclass(slots=True)
class HtmlCell:
    lines: list[list[Run]] = field(default_factory=lambda: [[]])
    colspan: int = 1
    rowspan: int = 1
    align: str = ""
    border_top: str = ""  # "", "-", "="
    border_bottom: str = ""
    indent: int = 0  # spaces, from padding / margin / text-indent


@dataclass(slots=True)
class HtmlTable:
    rows: list[list[HtmlCell]] = field(default_factory=list)
    page_break: bool = False


def style_align(attrs: dict) -> str:
    found = _ALIGN.search(attrs.get("style") or "")
    return (found.group(1) if found else (attrs.get("align") or "")).lower()


def style_indent(style: str) -> int:
    """Spaces of indent a style gives (about one space per 5 points)."""
    spaces = 0
    for _, number, unit in _INDENT.findall(style):  # not the padding shorthand: its first value is the top
        try:
            value = float(number)
        except ValueError:
            continue
        unit = unit.lower()
        points = value * {"px": 0.75, "em": 10.0, "in": 72.0, "%": 0.0}.get(unit, 1.0)
        spaces += round(points / 5)
    return max(0, min(spaces, 40))


def style_borders(attrs: dict) -> tuple[str, str]:
    style = attrs.get("style") or ""
    found = {"top": "", "bottom": ""}
    for side, value in _BORDER.findall(style):
        value = value.lower()
        if "none" in value or "hidden" in value or re.match(r"\s*0(?:px|pt)?\b", value):
            continue
        found[side.lower()] = "=" if "double" in value else "-"
    for side, value in _BORDER_STYLE.findall(style):
        value = value.lower()
        found[side.lower()] = "" if value in ("none", "hidden") else ("=" if value == "double" else "-")
    return found["top"], found["bottom"]


class PageReader(HTMLParser):
    """One pass over the page: ``blocks`` (Para and HtmlTable, in order)."""

    def __init__(self, line_starts: list[int]) -> None:
        super().__init__(convert_charrefs=False)
        self.line_starts = line_starts
        self.blocks: list[Para | HtmlTable] = []
        self.stack: list[str] = []
        self.hidden: list[str] = []  # the tag that opened each hidden subtree
        self.para: Para | None = None
        self.tables: list[HtmlTable] = []  # the open tables (innermost last); only the innermost is read
        self.table_depth = 0
        self.cell: HtmlCell | None = None
        self.pre = 0
        self.space = False  # white space seen since the last word
        self.page_break = False

    @property
    def in_grid(self) -> bool:
        """Inside the innermost open table (not a frame around another table): text goes in cells."""
        return bool(self.tables) and self.table_depth == len(self.tables)

    # ---- positions

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col if line - 1 < len(self.line_starts) else col

    # ---- where text goes

    def _lines(self) -> list[list[Run]]:
        if self.cell is not None:
            return self.cell.lines
        if self.para is None:
            self.para = Para(pre=self.pre > 0, page_break=self.page_break)
            self.page_break = False
        return self.para.lines

    def _end_para(self) -> None:
        if self.para is not None and any(self.para.lines):
            self.blocks.append(self.para)
        self.para = None
        self.space = False

    def _new_line(self) -> None:
        lines = self._lines()
        if lines[-1] or (self.pre and self.cell is None):
            lines.append([])
        self.space = False

    # ---- parser events

    def handle_starttag(self, tag, attrs):
        if self.hidden:
            if tag not in VOID:
                self.hidden.append(tag)
            return
        values = {k: v or "" for k, v in attrs}
        style = values.get("style", "")
        if tag in HIDDEN_TAGS or (style and _DISPLAY_NONE.search(style)) or "hidden" in values and tag != "input":
            if tag not in VOID:
                self.hidden.append(tag)
            return
        if style and _BREAK.search(style):
            self.page_break = True
        if tag == "hr":
            self.page_break = True
        if tag == "table":
            self._start_table()
        elif self.in_grid:
            self._table_tag(tag, values)
        if tag == "pre":
            self.pre += 1
        if tag == "br":
            self._new_line()
        elif tag in BLOCK and tag != "table":
            if self.cell is not None:
                self._new_line()
                indent = style_indent(style)
                if indent and not any(self.cell.lines[:-1]):
                    self.cell.indent += indent
                align = style_align(values)
                if align and not self.cell.align:
                    self.cell.align = align
                top, bottom = style_borders(values)
                self.cell.border_top = self.cell.border_top or top
                self.cell.border_bottom = self.cell.border_bottom or bottom
            elif not self.in_grid:
                self._end_para()
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if self.hidden:
            if tag in self.hidden[-MAX_STACK_SEARCH:]:
                while self.hidden and self.hidden.pop() != tag:
                    pass
            return
        if tag in VOID:
            if tag == "br":
                self._new_line()
            return
        depth = len(self.stack)
        found = -1
        for k in range(depth - 1, max(depth - 1 - MAX_STACK_SEARCH, -1), -1):
            if self.stack[k] == tag:
                found = k
                break
            if self.stack[k] == "table" and tag != "table":
                break  # an end tag never closes an open table
        if found < 0:
            return
        closed = self.stack[found:]
        del self.stack[found:]
        for name in reversed(closed):
            self._close(name)

    def _close(self, tag: str) -> None:
        if tag == "pre":
            self.pre = max(self.pre - 1, 0)
        if tag == "table":
            self._end_table()
        elif tag in ("td", "th"):
            self.cell = None
        elif tag in BLOCK:
            if self.cell is not None:
                self._new_line()
            elif not self.in_grid:
                self._end_para()

    def handle_data(self, data):
        if self.hidden or not data:
            return
        if self.in_grid and self.cell is None:
            if not data.strip():
                return
            self._table_tag("td", {})  # text in a row outside any cell: a cell of its own
        offset = self._offset()
        if self.pre and self.cell is None:
            self._pre_data(data, offset)
            return
        if self.cell is None and data.count("\n") >= 5 and _typed(data):
            # a typed filing wrapped in <html><body><div>: its lines and spaces are the layout
            self._end_para()
            self.pre += 1
            self._pre_data(data, offset)
            self.pre -= 1
            self._end_para()
            return
        lines = self._lines()
        line = lines[-1]
        end = 0
        for found in _WORD.finditer(data):
            if found.start() > end or end:
                self.space = True
            line.append(Run(found.group(), offset + found.start(), True, self.space))
            self.space = False
            end = found.end()
        if end < len(data):
            self.space = True

    def _pre_data(self, data: str, offset: int) -> None:
        lines = self._lines()
        start = 0
        for k, piece in enumerate(data.split("\n")):
            if k:
                lines.append([])
            if piece:
                lines[-1].append(Run(piece, offset + start, True, False))
            start += len(piece) + 1

    def handle_entityref(self, name):
        self._char(unescape(f"&{name};"))

    def handle_charref(self, name):
        self._char(unescape(f"&#{name};"))

    def _char(self, text: str) -> None:
        if self.hidden:
            return
        if self.in_grid and self.cell is None:
            if not text.strip() or text == "\u00a0":
                return
            self._table_tag("td", {})
        offset = self._offset()
        if _SPACE.fullmatch(text) or text in ("\u00ad", "\u200b"):
            if text != "\u00ad":
                self.space = True
            if self.pre and self.cell is None:
                lines = self._lines()
                lines[-1].append(Run(" ", offset, False, False))
            return
        lines = self._lines()
        line = lines[-1]
        if line and not self.space and not (self.pre and self.cell is None):
            last = line[-1]
            line[-1] = Run(last.text + text, last.offset, False, last.space_before)
        else:
            line.append(Run(text, offset, False, self.space))
        self.space = False

    # ---- tables

    def _start_table(self) -> None:
        if self.cell is not None or self.table_depth > len(self.tables):
            # a table inside a cell: the outer table was only a frame; what it held so far is
            # read on its own, and the rest of it as paragraphs
            self._end_table(keep_open=True)
        else:
            self._end_para()
        self.table_depth += 1
        table = HtmlTable(page_break=self.page_break)
        self.page_break = False
        self.tables.append(table)
        self.cell = None

    def _end_table(self, keep_open: bool = False) -> None:
        if self.in_grid:
            table = self.tables.pop()
            if table.rows:
                self.blocks.append(table)
        elif keep_open:
            self._end_para()
        self.cell = None
        if not keep_open:
            self.table_depth = max(self.table_depth - 1, 0)
            self._end_para()

    def _table_tag(self, tag: str, values: dict) -> None:
        table = self.tables[-1]
        if tag == "tr":
            self.cell = None
            table.rows.append([])
        elif tag in ("td", "th"):
            if not table.rows:
                table.rows.append([])
            top, bottom = style_borders(values)
            cell = HtmlCell(colspan=_span(values.get("colspan")), rowspan=_span(values.get("rowspan")),
                            align=style_align(values), border_top=top, border_bottom=bottom,
                            indent=style_indent(values.get("style") or ""))
            table.rows[-1].append(cell)
            self.cell = cell
            self.space = False


def _typed(data: str) -> bool:
    """Lines of a typed filing: two or more of them hold words set apart by three spaces."""
    return sum(1 for line in data.split("\n") if _SET_APART.search(line)) >= 2


def _span(text: str | None) -> int:
    try:
        return max(1, min(int(str(text).strip() or 1), MAX_SPAN))
    except ValueError:
        return 1


def line_starts(text: str) -> list[int]:
    """The offset of each line's first character (lines end in "\\n")."""
    starts = [0]
    find = text.find
    k = find("\n")
    while k >= 0:
        starts.append(k + 1)
        k = find("\n", k + 1)
    return starts


def text_to_blocks(text: str, starts: list[int]) -> list[Para | HtmlTable]:
    """The page's blocks in order; ``text`` is the HTML as decoded, ``starts`` its ``line_starts``."""
    reader = PageReader(starts)
    reader.feed(text)
    reader.close()
    while reader.tables:
        reader._end_table()
    reader._end_para()
    return reader.blocks
