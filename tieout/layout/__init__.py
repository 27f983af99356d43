"""Stage 2, layout: a Document's lines -> blocks (headings, paragraphs, tables).

A filing is narrative with tables set in it. Tables are found two ways:

* an SGML ``<TABLE>`` ... ``</TABLE>`` region is a table block, whatever it
  holds; its ``<S>``/``<C>`` marker line gives column hints;
* elsewhere, a table is a run of *number lines* (a label then cells set off by
  two spaces, see ``tieout.tables.cells``) with the rule lines, headings and
  single blank gaps between them, extended upwards over its column headers.
  Three blank lines or a page break end it; narrative-looking lines end it.

Everything else is narrative: a *paragraph* block (a run of non-blank lines)
or a *heading* (a short paragraph of one or two lines). Page furniture from
the source stage is a block of its own and belongs to nothing else.

    document_to_blocks(document) -> (blocks, problems)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from operator import attrgetter

from tieout.model import Block, Document, Line, Problem
from tieout.records import record_maker
from tieout.tables.cells import is_year_header, line_to_cells, rule_kind, strip_markup, text_over
from tieout.tables.units import find_note

__all__ = ["document_to_blocks", "LayoutSettings", "strip_markup"]


@dataclass(frozen=True)
class LayoutSettings:
    max_gap: int = 5  # non-number lines allowed inside a table between number lines
    max_blank_run: int = 2  # a longer run of blank lines ends a table
    max_header_lines: int = 12  # lines above the first number line that can be headers
    narrative_width: int = 60  # a line longer than this with no cells and many words is prose


DEFAULT = LayoutSettings()

_TAG_LINE = re.compile(r"^\s*</?(TABLE|CAPTION|S|C|FN|PAGE|PRE|/?F\d)\b[^>]*>", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z]{2,}")
_CELL_END = frozenset("0123456789)%-*\u2014\u2013")
_TEXT = attrgetter("text")
_block = record_maker(Block)  # one per paragraph: built directly (tieout/records.py)


def _is_number_line(text: str) -> bool:
    split = line_to_cells(text)
    if not split.cells or is_year_header(split):
        return False
    label = split.label.strip()
    # prose with a number at its end ("... produced over  18,000") is not a table row; a long
    # label with two or more cells set well apart from it is one
    if len(label) > 70 and len(_WORD.findall(label)) > 10:
        return len(split.cells) >= 2 and split.cells[0].start - split.label_end >= 6
    return True


_WIDE_GAP = re.compile(r"\S {4,}\S")  # phrases set apart over columns, as prose never is


def _is_prose(text: str, settings: LayoutSettings) -> bool:
    stripped = text.strip()
    if len(stripped) <= settings.narrative_width:
        return False
    words = _WORD.findall(stripped)
    return len(words) >= 8 and not rule_kind(text) and not _WIDE_GAP.search(stripped)


def _prose_inside(lines: tuple[Line, ...], number: list[bool], j: int, settings: LayoutSettings) -> bool:
    """Is the line after a number line prose, ending the table? Not a heading in capitals or ending
    in a colon ("Adjustments to reconcile net income to net cash provided by operating activities:"),
    not a long label printed above its numbers, nor the rest of a label a text browser wrapped under
    its numbers ("... shares issued and outstanding as      3      3" then "of April 30, 2024 and
    2023, respectively")."""
    text = lines[j].text
    if not _is_prose(text, settings) or text.isupper():
        return False
    wrapped = number[j - 1] and text.lstrip()[:1].islower() and not text.rstrip().endswith(".")
    return not (wrapped or _section_heading(lines, number, j) or _label_above_numbers(lines, number, j))


_STATEMENT_NAME = re.compile(r"\b(?:balance\s+sheets?|statements?\s+of|financial\s+(?:condition|position))\b",
                             re.IGNORECASE)


def _next_title(text: str) -> bool:
    """After blank lines below a table's rows, a scale note ("(In thousands, except per share
    amounts)") or a statement's name ("Consolidated Statements of Financial Condition") standing
    alone is the title of the next table, not a heading inside this one ("Balance sheet data:" is)."""
    stripped = text.strip()
    if len(stripped) > 90 or _WIDE_GAP.search(stripped):
        return False
    note = find_note(stripped)
    if note and len(note) >= len(stripped) - 14:
        return True
    return bool(_STATEMENT_NAME.search(stripped)) and not stripped.endswith(":") and "data" not in stripped.lower()


def _section_heading(lines: tuple[Line, ...], number: list[bool], j: int) -> bool:
    """"Changes in assets and liabilities, net of effects of acquisitions:", or a line without a
    sentence's end between two rows ("Adjustments to reconcile net loss to net cash used in
    operating activities"): a heading over the rows below it."""
    stripped = lines[j].text.strip()
    if ". " in stripped or len(stripped) > 120 or j == 0 or not lines[j - 1].text.strip():
        return False  # (after a blank line it leads into the next table: "... consist of:")
    if stripped.endswith((":", "\u2014", "\u2013", " -")):
        return True
    return not stripped.endswith(".") and j + 1 < len(lines) and number[j + 1]


def _label_above_numbers(lines: tuple[Line, ...], number: list[bool], j: int) -> bool:
    """A long label printed on the line above its numbers (a text browser's rendering of an HTML
    table: "Change in unrecognized ... benefits" then "      183      102"; "Common stock, no par
    value; 320,000,000 shares authorized; ... issued and" then "outstanding ....   498"), not a sentence."""
    stripped = lines[j].text.strip()
    if stripped.endswith(".") or ". " in stripped:
        return False
    k = j + 1
    while k < len(lines) and not number[k] and lines[k].text.strip() and k - j < 3 \
            and not lines[k].text.strip().endswith("."):
        k += 1  # the label may run over two or three lines
    if k >= len(lines) or not number[k]:
        return False
    label = line_to_cells(lines[k].text).label.strip()
    return not label or label[:1].islower()  # no label of its own, or the rest of this one


def document_to_blocks(document: Document, settings: LayoutSettings = DEFAULT) -> tuple[list[Block], list[Problem]]:
    problems: list[Problem] = []
    lines = squeeze_double_spacing(document.lines)
    furniture = document.furniture
    kinds = _classify(lines, furniture, settings)
    blocks: list[Block] = []
    for kind, i, end in _runs(kinds):
        if kind == "blank":
            continue
        if kind == "table":
            for chunk in _split_tables(lines[i:end]):
                blocks.append(Block("table", document.name, chunk[0].number, chunk[-1].number, chunk,
                                    _hints(chunk)))
        elif kind == "text":  # a run of text lines holds no blank line (those are "blank"): one block
            blocks.append(_text_block(document.name, lines[i:end]))
        else:
            chunk = lines[i:end]
            blocks.append(Block(kind, document.name, chunk[0].number, chunk[-1].number, chunk))
    return blocks, problems


def _runs(kinds: list[str]) -> list[tuple[str, int, int]]:
    """Runs of equal kinds as (kind, start, end exclusive)."""
    runs = []
    start = 0
    n = len(kinds)
    while start < n:
        kind = kinds[start]
        end = start + 1
        while end < n and kinds[end] == kind:
            end += 1
        runs.append((kind, start, end))
        start = end
    return runs


def _split_tables(chunk: tuple[Line, ...]) -> list[tuple[Line, ...]]:
    """A run of table lines -> one chunk per table: two adjacent SGML tables (</TABLE> then <TABLE>) are two."""
    starts = [0] + [k for k in range(1, len(chunk)) if _table_break(chunk, k)]
    return [chunk[a:b] for a, b in zip(starts, starts[1:] + [len(chunk)])]


def squeeze_double_spacing(lines: tuple[Line, ...]) -> tuple[Line, ...]:
    """A double-spaced document (a blank line after nearly every line) read as if single-spaced.

    Each run of k blank lines becomes k // 2, so rows and header lines one blank
    apart are adjacent and a paragraph break (three blanks) stays a break. Line
    numbers are kept, so positions still point into the original file.
    """
    blank = [not text or text.isspace() for text in map(_TEXT, lines)]  # not text.strip(), without a copy
    filled = blank.count(False)
    if filled < 10:
        return lines
    # a filled line followed by a blank one: a False, True pair; there are never more of
    # them than blank lines, so most documents are settled by that count alone
    if len(blank) - filled < 0.8 * filled:
        return lines
    followed = sum(1 for i in range(len(blank) - 1) if blank[i + 1] and not blank[i])
    if followed < 0.8 * filled:
        return lines
    out: list[Line] = []
    run: list[Line] = []
    for line, empty in zip(lines, blank):
        if empty:
            run.append(line)
            continue
        out.extend(run[: len(run) // 2])
        run = []
        out.append(line)
    out.extend(run[: len(run) // 2])
    return tuple(out)


def _table_break(lines: tuple[Line, ...], index: int) -> bool:
    """Two adjacent SGML tables (</TABLE> then <TABLE>) are two blocks."""
    return lines[index].text.lstrip().upper().startswith("<TABLE") and index > 0


def _classify(lines: tuple[Line, ...], furniture: frozenset[int], settings: LayoutSettings) -> list[str]:
    """Each line -> "furniture" | "markup" | "table" | "text" | "blank"."""
    n = len(lines)
    kinds = ["blank"] * n
    number = [False] * n
    in_sgml_table = False
    for i, line in enumerate(lines):
        text = line.text
        # strip(), not lstrip(): the tag tests below look at a prefix with no white space in it
        stripped = text.strip()
        if not stripped:
            if line.number in furniture:
                kinds[i] = "furniture"
            elif in_sgml_table:
                kinds[i] = "table"
            continue
        if line.number in furniture:
            kinds[i] = "furniture"
            continue
        if stripped[0] == "<":  # the tag tests only for lines that start with one
            upper = stripped[:8].upper()
            if upper.startswith("<PAGE>"):
                kinds[i] = "furniture"
                continue
            if upper.startswith("<TABLE"):
                in_sgml_table = True
                kinds[i] = "table"
                continue
            if in_sgml_table:
                kinds[i] = "table"
                if upper.startswith("</TABLE"):
                    in_sgml_table = False
                continue
            if _TAG_LINE.match(text):
                kinds[i] = "markup"
                continue
        elif in_sgml_table:
            kinds[i] = "table"
            continue
        kinds[i] = "text"
        last = stripped[-1]
        if last in _CELL_END or (len(stripped) > 1 and stripped[-2].isdigit()) or last == "A":  # "1,475a", "N/A"
            number[i] = _is_number_line(text)

    # grow tables around runs of number lines outside SGML tables
    i = 0
    while i < n:
        if not number[i]:
            try:
                i = number.index(True, i)  # skip to the next number line in C
            except ValueError:
                break
        if kinds[i] != "text":
            i += 1
            continue
        start = end = i
        numbers = 1
        gap = 0
        blanks = 0
        spaced = False  # a blank line since the last number line
        j = i + 1
        while j < n:
            kind = kinds[j]
            if kind in ("furniture", "markup") or kind == "table":
                break
            if kind == "blank":
                blanks += 1
                spaced = True
                if blanks > settings.max_blank_run:
                    break
                j += 1
                continue
            if number[j]:
                end, gap, blanks, spaced = j, 0, 0, False
                numbers += 1
            else:
                if _prose_inside(lines, number, j, settings):
                    break
                if spaced and _next_title(lines[j].text):
                    break
                gap += 1
                blanks = 0
                if gap > settings.max_gap:
                    break
            j += 1
        if numbers >= 2 or _wide_row(lines[start].text):
            # take label-only lines right after the last number line that continue its label
            # (they start in lower case, like "reserve charge (Note 3)")
            while end + 1 < n and kinds[end + 1] == "text" and not number[end + 1] \
                    and lines[end + 1].text.strip()[:1].islower() and not _is_prose(lines[end + 1].text, settings):
                end += 1
            while end + 1 < n and kinds[end + 1] == "text" and rule_kind(lines[end + 1].text):
                end += 1  # the closing ==== under the last row
            top = _header_top(lines, kinds, number, start, settings)
            for k in range(top, end + 1):
                if kinds[k] in ("text", "blank"):
                    kinds[k] = "table"
            # blank lines inside stay part of the table block; trailing ones were never included
        i = end + 1
    return kinds


def _wide_row(text: str) -> bool:
    """A lone number line still makes a table when it has three or more cells."""
    return len(line_to_cells(text).cells) >= 3


def _header_top(lines, kinds, number, start: int, settings: LayoutSettings) -> int:
    """Walk up from the first number line over the column headers and section headings.

    Column headers have text over the number columns; section headings sit at
    the left margin below them. A line that is neither (a centred title, prose)
    or a run of blank lines ends the walk.
    """
    first_cells = line_to_cells(lines[start].text).cells
    num_left = first_cells[0].start if first_cells else 40
    top = start
    k = start - 1
    blanks = 0
    seen = 0
    seen_header = False
    while k >= 0 and seen < settings.max_header_lines:
        kind = kinds[k]
        if kind in ("furniture", "markup", "table"):
            break
        if kind == "blank":
            blanks += 1
            if blanks >= 2 and (seen_header or not _headers_above(lines, kinds, k, num_left)):
                break
            k -= 1
            continue
        text = lines[k].text
        label_of_next = not seen_header and _label_above_numbers(lines, number, k)
        if number[k] or (_is_prose(text, settings) and not label_of_next):
            break
        stripped = text.strip()
        over_columns = text_over(text, num_left)
        if rule_kind(text):
            pass
        elif over_columns:
            seen_header = True
        elif not seen_header and (len(stripped) <= settings.narrative_width or label_of_next):
            pass  # a section heading or label line ("ASSETS", "Cash, cash equivalents, and") below the headers
        else:
            break
        blanks = 0
        top = k
        seen += 1
        k -= 1
    return top


def _headers_above(lines, kinds, k: int, num_left: int) -> bool:
    """Do column headers (text over the numbers, or a line of years) sit just above line ``k``?"""
    seen = 0
    for j in range(k - 1, max(k - 6, -1), -1):
        if kinds[j] == "blank":
            continue
        if kinds[j] != "text":
            return False
        text = lines[j].text
        if is_year_header(line_to_cells(text)) or (text_over(text, num_left) and not _is_prose(text, DEFAULT)):
            return True
        seen += 1
        if seen == 2:
            return False
    return False


def _hints(chunk: tuple[Line, ...]) -> tuple[int, ...]:
    """Column starts from an ``<S> <C> <C>`` marker line (1-based)."""
    for line in chunk:
        stripped = line.text.strip().upper()
        if stripped.startswith("<S>") or (stripped.startswith("<C>") and stripped.count("<C>") >= 1):
            if set(re.sub(r"<[SC]>", "", stripped).strip()) <= set():
                return tuple(m.start() + 1 for m in re.finditer(r"<[SCsc]>", line.text))
    return ()


def _text_block(document: str, lines: tuple[Line, ...]) -> Block:
    """A run of non-blank text lines: a heading or a paragraph."""
    kind = "heading" if _is_heading(lines) else "paragraph"
    return _block(kind, document, lines[0].number, lines[-1].number, tuple(lines))


def _is_heading(lines: tuple[Line, ...]) -> bool:
    if len(lines) > 4:
        return False
    texts = [line.text.strip() for line in lines]
    if max(map(len, texts)) > 70:
        return False
    # every line with a letter is upper case or starts with "("
    if all(map(_capital_line, texts)):
        return True
    # centred short lines: a title
    return all(len(line.text) - len(line.text.lstrip()) >= 10 for line in lines) and not texts[-1].endswith(".")


def _capital_line(text: str) -> bool:
    """Upper case, opened by "(", or without a letter."""
    if text.isupper() or text.startswith("("):
        return True
    if text.isascii():  # an ASCII letter is the one character whose upper and lower case differ
        return text.upper() == text.lower()
    return not any(c.isalpha() for c in text)
