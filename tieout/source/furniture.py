"""Page furniture: the lines a printed page carries that are neither table nor text.

A filing was laid out for paper, so every page repeats things that are not
content: ``<PAGE>`` markers, page numbers (``2``, ``- 2 -``, ``Page 2``,
``F-3``, ``iii``), running heads (``HECLA REPORTS FIRST QUARTER RESULTS   Page
2``, a conference-call header repeated on every page) and letterheads or
footers (the seed's four-line "Contact Bill Booth ..." block). Later stages
must not read these as paragraphs, headings or table rows, so the source
stage lists their line numbers in ``Document.furniture``.

Rules, applied to lines outside ``<TABLE>``...``</TABLE>`` (inside, only
``<PAGE>`` lines are furniture):

1. ``<PAGE>`` / ``</PAGE>`` lines, and lines that held only a form feed;
2. a page-number line, when a blank line, a page break or the document's
   edge is on one side of it (so a lone value in a list is not taken), or,
   with text on both sides, when it is numbered one more than the page
   number a page's length before it; page 0 does not exist (``-0-`` is nil);
3. a running head: text, two or more spaces, then ``Page N`` (or the reverse);
4. a repeated block: a run of 1-5 non-blank lines, bounded by blank lines,
   page breaks or the document's edges, whose text (whitespace collapsed,
   digits ignored) occurs ``min_repeats`` times or more, at least half of
   them at a page's top or bottom. Runs with a line of numbers in columns, a
   rule-only line or SGML markup are never furniture, nor a footnote (``(1) ...``,
   ``* ...``) repeated under a table's pages, nor an occurrence that
   leads straight into a table (a column header repeated on each page).

Rules 1-3 are page breaks for rule 4. Everything here is one pass over the
lines plus a dictionary of short runs: linear in the document's size.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from tieout.model import Line


@dataclass(frozen=True, slots=True)
class FurnitureSettings:
    min_repeats: int = 3  # a block must occur this often to be a letterhead/footer
    max_block_lines: int = 5  # longer runs of text are content, however often repeated
    max_page_number_chars: int = 20  # longest stripped line tried as a page number
    page_lines: tuple[int, int] = (15, 200)  # lines from one page number to the next (rule 2b)


DEFAULT_SETTINGS = FurnitureSettings()

_PAGE_TAG = re.compile(r"</?PAGE>", re.IGNORECASE)
_TABLE_TAG = re.compile(r"<(/?)TABLE\b", re.IGNORECASE)
# 2, - 2 -, -19-, Page 2, PAGE 2 of 5, F-3, A-12, ii, - iii -
_PAGE_NUMBER = re.compile(
    r"(?:-[ \t]*)?(?:(?:Page|PAGE|page)[ \t]+)?(?:[A-Z]{1,2}-[ \t]?)?(?:[1-9]\d{0,2}|[ivx]{1,6}|[IVX]{1,6})"
    r"(?:[ \t]+of[ \t]+\d{1,3})?(?:[ \t]*-)?"
)
# HECLA REPORTS FIRST QUARTER RESULTS          Page 2   /   Page 2        ANNUAL REPORT
_RUNNING_HEAD = re.compile(
    r"\S[^\n]{0,200}?\S[ \t]{2,}(?:Page|PAGE)[ \t]+(?:[A-Z]{1,2}-)?\d{1,4}"
    r"|(?:Page|PAGE)[ \t]+(?:[A-Z]{1,2}-)?\d{1,4}[ \t]{2,}\S[^\n]{0,200}"
)
_GAP = re.compile(r"[ \t]{2,}")
_NUMBER = re.compile(r"[$(]{0,2}[ \t]*-?(?:\d[\d,]*(?:\.\d+)?|\.\d+)\)?%?|-{1,3}|- -")
_DIGITS = re.compile(r"\d+")
_FOOTNOTE = re.compile(r"\(\w{1,2}\)|\*|\d{1,2}\)|[a-z]\)")
_RULE_CHARS = "-=_*~.+ \t"


def lines_to_furniture(lines: Sequence[Line], page_breaks: frozenset[int] = frozenset(),
                       settings: FurnitureSettings = DEFAULT_SETTINGS) -> frozenset[int]:
    """The original line numbers of ``lines`` that are page furniture (rules above)."""
    count = len(lines)
    if not count:
        return frozenset()
    texts = [line.text for line in lines]
    blank = [not text or text.isspace() for text in texts]
    in_table = _table_mask(texts)
    is_break = [False] * count  # a page break line: furniture of rules 1-3
    form_feed = [line.number in page_breaks for line in lines] if page_breaks else [False] * count
    longest = settings.max_page_number_chars
    glued: list[int] = []  # page numbers with text right above and below: checked by sequence
    for index, text in enumerate(texts):
        if blank[index]:
            is_break[index] = form_feed[index]
            continue
        stripped = text.strip()
        if stripped[0] == "<":
            if _PAGE_TAG.match(stripped):
                is_break[index] = True
            continue
        if in_table[index]:
            continue
        if len(stripped) <= longest and _PAGE_NUMBER.fullmatch(stripped):
            if _isolated(index, texts, blank, is_break):
                is_break[index] = True
            elif stripped.isdigit():
                glued.append(index)
        elif ("age " in stripped or "AGE " in stripped) and _RUNNING_HEAD.fullmatch(stripped):
            is_break[index] = True
    if glued:
        _sequence_page_numbers(glued, texts, is_break, settings)
    furniture = {lines[i].number for i in range(count) if is_break[i]}
    furniture.update(_repeated_blocks(lines, texts, blank, in_table, is_break, form_feed, settings))
    return frozenset(furniture)


def _sequence_page_numbers(glued: list[int], texts: list[str], is_break: list[bool],
                           settings: FurnitureSettings) -> None:
    """Rule 2b: a bare number between text lines is a page number when it is one more than
    the page number before it, a page's length further on (``... 10 ... 11 ...``), as in
    tag-stripped 10-Ks where page numbers sit right between a table and the next heading."""
    pending = iter(glued)
    candidate = next(pending, None)
    last, last_index = None, 0
    low, high = settings.page_lines
    for index, text in enumerate(texts):
        if candidate is None:
            return
        if index == candidate:
            value = int(text.strip())
            if last is not None and value == last + 1 and low <= index - last_index <= high:
                is_break[index] = True
                last, last_index = value, index
            candidate = next(pending, None)
        elif is_break[index]:
            stripped = text.strip()
            if stripped.isdigit():
                last, last_index = int(stripped), index


def _isolated(index: int, texts: list[str], blank: list[bool], is_break: list[bool]) -> bool:
    """A blank line, a page break or the document edge just before or just after ``index``."""
    if index == 0 or blank[index - 1] or is_break[index - 1]:
        return True
    if index + 1 == len(texts) or blank[index + 1]:
        return True
    return _PAGE_TAG.match(texts[index + 1].strip()) is not None


def _table_mask(texts: list[str]) -> list[bool]:
    """True for lines from ``<TABLE>`` to ``</TABLE>`` inclusive (an unclosed table runs to the end)."""
    mask = [False] * len(texts)
    inside = False
    for index, text in enumerate(texts):
        if "<" in text and text.lstrip()[:1] == "<":
            tag = _TABLE_TAG.match(text.lstrip())
            if tag:
                mask[index] = True
                inside = not tag.group(1)
                continue
        mask[index] = inside
    return mask


def _repeated_blocks(lines: Sequence[Line], texts: list[str], blank: list[bool], in_table: list[bool],
                     is_break: list[bool], form_feed: list[bool],
                     settings: FurnitureSettings) -> set[int]:
    """Rule 4: letterheads, footers and running heads that recur at page edges."""
    count = len(texts)
    runs: dict[str, list[tuple[int, int]]] = {}
    start = -1
    for index in range(count + 1):
        inside = (index < count and not blank[index] and not is_break[index] and not in_table[index]
                  and not (form_feed[index] and start >= 0))
        if inside:
            if start < 0:
                start = index
            continue
        if start >= 0:
            if index - start <= settings.max_block_lines:
                key = _run_key(texts, start, index)
                if key:
                    runs.setdefault(key, []).append((start, index - 1))
            start = -1
        if index < count and form_feed[index] and not blank[index] and not is_break[index] \
                and not in_table[index]:
            start = index  # a form feed opens a new run on this very line
    marked: set[int] = set()
    for occurrences in runs.values():
        if len(occurrences) < settings.min_repeats:
            continue
        kept = [(first, last) for first, last in occurrences
                if not _leads_into_table(last, texts, blank, in_table, is_break)]
        edges = sum(1 for first, last in kept if _at_page_edge(first, last, blank, is_break, form_feed))
        if len(kept) < settings.min_repeats or edges * 2 < len(kept):
            continue
        for first, last in kept:
            marked.update(lines[i].number for i in range(first, last + 1))
    return marked


def _run_key(texts: list[str], start: int, stop: int) -> str:
    """The run's text, whitespace collapsed and digits masked; "" when the run is table-like."""
    if _FOOTNOTE.match(texts[start].lstrip()):
        return ""  # a table's footnote, repeated under each page of the table
    parts = []
    for text in texts[start:stop]:
        stripped = text.strip()
        if stripped[:1] == "<" or not stripped.strip(_RULE_CHARS) or _tabular(stripped):
            return ""
        parts.append(" ".join(stripped.split()))
    return _DIGITS.sub("#", "\n".join(parts))


def _tabular(stripped: str) -> bool:
    """A line with a number in a column after its label: ``Total   5,018``."""
    fields = _GAP.split(stripped)
    return any(_NUMBER.fullmatch(field) for field in fields[1:])


def _at_page_edge(first: int, last: int, blank: list[bool], is_break: list[bool],
                  form_feed: list[bool]) -> bool:
    """Only blank lines between the run and a page break or the document's edge."""
    if form_feed[first]:
        return True
    index = first - 1
    while index >= 0 and blank[index] and not is_break[index]:
        index -= 1
    if index < 0 or is_break[index]:
        return True
    index = last + 1
    while index < len(blank) and blank[index] and not is_break[index]:
        index += 1
    return index >= len(blank) or is_break[index] or form_feed[index]


def _leads_into_table(last: int, texts: list[str], blank: list[bool], in_table: list[bool],
                      is_break: list[bool]) -> bool:
    """The next non-blank line after the run is a table, a rule or a row of numbers."""
    index = last + 1
    while index < len(texts) and blank[index]:
        index += 1
    if index >= len(texts) or is_break[index]:
        return False
    if in_table[index]:
        return True
    stripped = texts[index].strip()
    return stripped[:1] == "<" or not stripped.strip(_RULE_CHARS) or _tabular(stripped)
