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

1. ``<PAGE>`` / ``</PAGE>`` lines, lines that held only a form feed, and a converted HTML page's
   rule (a line of box-drawing dashes) with the "Table of Contents" link printed after it;
2. a page-number line, when a blank line, a page break or the document's
   edge is on one side of it (so a lone value in a list is not taken), or,
   with text on both sides, when it is numbered one more than the page
   number a page's length before it; page 0 does not exist (``-0-`` is nil);
3. a running head: text, two or more spaces, then ``Page N`` (or the reverse);
4. a repeated block: a run of 1-5 non-blank lines (at most 1,500 characters), bounded by blank lines,
   page breaks or the document's edges, whose text (whitespace collapsed,
   digits ignored) occurs ``min_repeats`` times or more, at least half of
   them at a page's top or bottom. Runs with a line of numbers in columns, a
   rule-only line or SGML markup are never furniture, nor a footnote (``(1) ...``,
   ``* ...``) repeated under a table's pages, nor a block that leads straight into
   a table on most of its pages (a column header repeated on each page; a running
   head that mostly does not is furniture above a table too).

Rules 1-3 are page breaks for rule 4. For speed (this stage must read tens of
MB/s) the lines are joined once and the candidates found by anchored regexes
that start with a literal newline and use possessive quantifiers, so the
scan runs in C and in linear time; Python only looks at the few matches and
at each blank-separated run of lines.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate

from tieout.model import Line


@dataclass(frozen=True, slots=True)
class FurnitureSettings:
    min_repeats: int = 3  # a block must occur this often to be a letterhead/footer
    max_block_lines: int = 5  # longer runs of text are content, however often repeated
    max_block_chars: int = 1500  # and so are runs of very long lines
    page_lines: tuple[int, int] = (15, 200)  # lines from one page number to the next (rule 2b)


DEFAULT_SETTINGS = FurnitureSettings()

# All scanners run over "\n" + lines joined by "\n" + "\n"; each match starts at a
# line's "\n", so a match's line is found by bisecting the line offsets. Each
# starts with a literal (or "\n"), which the regex engine finds fast.
_MARK = re.compile(
    r"\n[ \t]*+(?:<(/?)((?i:PAGE|TABLE))\b"
    # page number: 2, - 2 -, -19-, Page 2, PAGE 2 of 5, F-3, A-12, ii, - iii -  (never 0: "-0-" is nil).
    # The lookahead says the line holds only characters a page number can (a prose line fails at
    # its first lower-case word), so the alternatives below are only tried on the few that might be.
    r"|(?=[-\t \dA-Zaefgiopvx]*+\n)((?:-[ \t]*)?(?:(?:Page|PAGE|page)[ \t]+)?(?:[A-Z]{1,2}-[ \t]?)?"
    r"(?:[1-9]\d{0,2}|[ivx]{1,6}|[IVX]{1,6})(?:[ \t]+of[ \t]+\d{1,3})?(?:[ \t]*-)?)[ \t]*(?=\n))"
)
_PAGE_TAG = re.compile(r"[ \t]*+</?(?i:PAGE)>")
# a page rule of converted HTML (a text browser prints <hr> as a line of box-drawing dashes), and
# the "Table of Contents" link many filings print at the top of each page after it
_PAGE_RULE = re.compile("\n[ \t]*+[\u2500\u2501\u2550\u25ac]{10,}+[ \t]*+(?=\n)")
_BACK_LINK = re.compile(r"(?<![ \t])[ \t]*(?:(?:back|return)[ \t]+to[ \t]+)?(?:table[ \t]+of[ \t]+contents|index|contents)"
                        r"[ \t]*+", re.IGNORECASE)
# running head: HECLA REPORTS FIRST QUARTER RESULTS      Page 2   /   Page 2      ANNUAL REPORT
_PAGE_WORD = re.compile(r"(?:Page|PAGE)[ \t]+(?:[A-Z]{1,2}-)?\d{1,4}")
# (?<![ \t]): never start inside a run of blanks, so a long all-blank line costs one pass
_RUN = re.compile(r"(?<![ \t])(?:[ \t]*+\S[^\n]*+\n)+")
_GAP = re.compile(r"[ \t]{2,}|\t")
_NUMBER = re.compile(r"[$(]{0,2}[ \t]*-?(?:\d[\d,]*(?:\.\d+)?|\.\d+)\)?%?|-{1,3}|- -")
_DIGITS = re.compile(r"\d+")
_NO_DIGITS = str.maketrans("", "", "0123456789")
_FOOTNOTE = re.compile(r"\(\w{1,2}\)|\*|\d{1,2}\)|[a-z]\)")
_RULE_CHARS = "-=_*~.+ \t"

CONTENT, BREAK, TABLE = 0, 1, 2


class _Page:
    """The document as one string, with line offsets, breaks and tables."""

    __slots__ = ("raws", "text", "starts", "breaks", "tables", "table_starts", "form_feed")

    def __init__(self, raws: Sequence[str], form_feed: set[int]):
        self.raws = raws
        self.text = "\n" + "\n".join(raws) + "\n"
        self.starts = list(accumulate(map((1).__add__, map(len, raws)), initial=1))
        self.breaks: set[int] = set()
        self.form_feed = form_feed  # indexes of lines that began with a form feed
        self.tables: list[tuple[int, int]] = []
        self.table_starts: list[int] = []

    def index(self, pos: int) -> int:
        """Index of the line holding text offset ``pos`` (a line's leading "\\n" counts as its own)."""
        return bisect_right(self.starts, pos + 1) - 1

    def blank(self, index: int) -> bool:
        raw = self.raws[index]
        return not raw or raw.isspace()

    def in_table(self, index: int) -> bool:
        at = bisect_right(self.table_starts, index) - 1
        return at >= 0 and index <= self.tables[at][1]


def lines_to_furniture(lines: Sequence[Line], page_breaks: frozenset[int] = frozenset(),
                       settings: FurnitureSettings = DEFAULT_SETTINGS) -> frozenset[int]:
    """The original line numbers of ``lines`` that are page furniture (rules above)."""
    numbers = [line.number for line in lines]
    marked = _furniture_indexes([line.raw for line in lines],
                                {i for i, n in enumerate(numbers) if n in page_breaks}, settings)
    return frozenset(numbers[i] for i in marked)


def raw_to_furniture(raws: Sequence[str], first: int, page_breaks: frozenset[int] = frozenset(),
                     settings: FurnitureSettings = DEFAULT_SETTINGS) -> frozenset[int]:
    """The same for consecutive raw lines numbered from ``first`` (no Line records needed)."""
    last = first + len(raws) - 1
    form_feed = {n - first for n in page_breaks if first <= n <= last}
    return frozenset(first + i for i in _furniture_indexes(raws, form_feed, settings))


def _furniture_indexes(raws: Sequence[str], form_feed: set[int], settings: FurnitureSettings) -> set[int]:
    if not raws:
        return set()
    page = _Page(raws, form_feed)
    _find_marks(page, settings)
    marked = set(page.breaks)
    marked.update(_repeated_blocks(page, settings))
    return marked


def _find_marks(page: _Page, settings: FurnitureSettings) -> None:
    """Tables, then rules 1-3: <PAGE> lines, form-feed-only lines, page numbers, running heads."""
    text, breaks = page.text, page.breaks
    numbers: list[tuple[int, str]] = []
    opened = -1
    for match in _MARK.finditer(text):
        index = page.index(match.start())
        tag = match.group(2)
        if tag is None:
            numbers.append((index, match.group(3)))
        elif tag.upper() == "PAGE":
            breaks.add(index)
        elif not match.group(1):
            if opened < 0:
                opened = index
        elif opened >= 0:
            page.tables.append((opened, index))
            opened = -1
    if opened >= 0:
        page.tables.append((opened, len(page.raws) - 1))
    page.table_starts = [start for start, _ in page.tables]
    breaks.update(i for i in page.form_feed if page.blank(i))
    count = len(page.raws)
    if "\u2500" in text or "\u2501" in text or "\u2550" in text or "\u25ac" in text:
        for match in _PAGE_RULE.finditer(text):
            index = page.index(match.start())
            breaks.add(index)
            following = index + 1
            while following < count and page.blank(following):
                following += 1
            if following < count and _BACK_LINK.fullmatch(page.raws[following]):
                breaks.add(following)
    glued: list[tuple[int, int]] = []  # (index, value) of bare numbers with text on both sides
    for index, number in numbers:
        if page.in_table(index):
            continue
        before = index == 0 or page.blank(index - 1) or (index - 1) in breaks
        after = index + 1 == count or page.blank(index + 1) or _PAGE_TAG.match(page.raws[index + 1])
        if before or after:
            breaks.add(index)
        elif number.isdigit():
            glued.append((index, int(number)))
    if glued:
        _sequence_page_numbers(page, glued, settings)
    for match in _PAGE_WORD.finditer(text):
        index = page.index(match.start())
        line = page.raws[index]
        col = match.start() - page.starts[index]
        head, tail = line[:col], line[col + len(match.group(0)):]
        if tail.strip():  # "Page 2    TITLE"
            running = not head.strip() and tail.startswith(("  ", "\t"))
        else:  # "TITLE    Page 2"
            running = bool(head.strip()) and head.endswith(("  ", "\t")) and head.lstrip()[:1] != "<"
        if running and not page.in_table(index):
            breaks.add(index)


def _sequence_page_numbers(page: _Page, glued: list[tuple[int, int]], settings: FurnitureSettings) -> None:
    """Rule 2b: a bare number between text lines is a page number when it is one more than
    the page number before it, a page's length further on (``... 10 ... 11 ...``), as in
    tag-stripped 10-Ks where page numbers sit right between a table and the next heading."""
    low, high = settings.page_lines
    numbered = sorted((i, int(page.raws[i].strip())) for i in page.breaks if page.raws[i].strip().isdigit())
    events = sorted([(i, value, True) for i, value in numbered] + [(i, value, False) for i, value in glued])
    last, last_index = None, 0
    for index, value, known in events:
        if known or (last is not None and value == last + 1 and low <= index - last_index <= high):
            if not known:
                page.breaks.add(index)
            last, last_index = value, index


def _pieces(page: _Page, breaks: list[int], first: int, last: int) -> list[tuple[int, int, int]]:
    """Split the run of non-blank lines ``first``..``last`` at page breaks and tables.

    ``breaks`` is the sorted list of break lines; a break inside a table stays in the table.
    """
    cuts: list[tuple[int, int, int]] = []
    at = bisect_right(page.table_starts, last)
    while at > 0 and page.tables[at - 1][1] >= first:
        start, end = page.tables[at - 1]
        cuts.append((max(start, first), min(end, last), TABLE))
        at -= 1
    for at in range(bisect_left(breaks, first), bisect_right(breaks, last)):
        if not page.in_table(breaks[at]):
            cuts.append((breaks[at], breaks[at], BREAK))
    if not cuts:
        return [(first, last, CONTENT)]
    cuts.sort()
    pieces: list[tuple[int, int, int]] = []
    cursor = first
    for start, end, kind in cuts:
        if start > cursor:
            pieces.append((cursor, start - 1, CONTENT))
        pieces.append((start, end, kind))
        cursor = end + 1
    if cursor <= last:
        pieces.append((cursor, last, CONTENT))
    return pieces


def _repeated_blocks(page: _Page, settings: FurnitureSettings) -> set[int]:
    """Rule 4: letterheads, footers and running heads that recur at page edges."""
    text, starts = page.text, page.starts
    limit, longest = settings.max_block_lines, settings.max_block_chars
    breaks = sorted(page.breaks)
    barriers = bool(breaks or page.tables)
    # Pass 1 groups short runs by a cheap key (word count, first and last word without
    # digits); pass 2 builds the real key only for groups that recur.
    rough: dict[tuple[int, str, str], list[tuple[int, int, int, int]]] = {}
    index, position = 0, 1  # line index at text offset ``position``
    for match in _RUN.finditer(text):
        start, end = match.span()
        first = index + text.count("\n", position, start)
        size = text.count("\n", start, end)
        index, position = first + size, end
        last = first + size - 1
        if barriers and _has_barrier(page, breaks, first, last):
            for low, high, kind in _pieces(page, breaks, first, last):
                if kind == CONTENT and high - low < limit and starts[high + 1] - starts[low] <= longest:
                    _add_rough(rough, text, starts[low], starts[high + 1] - 1, low, high)
        elif size <= limit and end - start <= longest:
            _add_rough(rough, text, start, end, first, last)
    runs: dict[str, list[tuple[int, int]]] = {}  # key -> (first, last) line indexes
    for group in rough.values():
        if len(group) >= settings.min_repeats:
            for low, high, start, end in group:
                key = _DIGITS.sub("#", " ".join(text[start:end].split()))
                runs.setdefault(key, []).append((low, high))
    marked: set[int] = set()
    for occurrences in runs.values():
        if len(occurrences) < settings.min_repeats:
            continue
        first, last = occurrences[0]
        if not _furniture_like(page.raws[first: last + 1]):
            continue
        # a block that leads into a table on most of its pages is the table's own header or title,
        # repeated on each page; one that mostly does not is a running head ("Table of Contents"),
        # and is one above a table too
        leads = [_leads_into_table(page, high) for _, high in occurrences]
        kept = occurrences if sum(leads) * 2 < len(occurrences) else \
            [occurrence for occurrence, lead in zip(occurrences, leads) if not lead]
        edges = sum(1 for low, high in kept if _at_page_edge(page, low, high))
        if len(kept) < settings.min_repeats or edges * 2 < len(kept):
            continue
        for low, high in kept:
            marked.update(range(low, high + 1))
    return marked


def _add_rough(rough: dict, text: str, start: int, end: int, first: int, last: int) -> None:
    words = text[start:end].split()
    if words:  # coarser than the real key: equal real keys give equal rough keys
        key = (len(words), _without_digits(words[0]), _without_digits(words[-1]))
        rough.setdefault(key, []).append((first, last, start, end))


def _without_digits(word: str) -> str:
    # a word of letters has no digit to delete: isalpha() is cheaper than translate()
    return word if word.isalpha() else word.translate(_NO_DIGITS)


def _has_barrier(page: _Page, breaks: list[int], first: int, last: int) -> bool:
    """A page-break line or a table line among lines ``first``..``last``."""
    if bisect_left(breaks, first) < bisect_right(breaks, last):
        return True
    at = bisect_right(page.table_starts, last)
    return at > 0 and page.tables[at - 1][1] >= first


def _furniture_like(raws: list[str]) -> bool:
    """No footnote, markup, rule-only line or row of numbers in the run."""
    if _FOOTNOTE.match(raws[0].lstrip()):
        return False  # a table's footnote, repeated under each page of the table
    for raw in raws:
        stripped = raw.strip()
        if stripped[:1] == "<" or not stripped.strip(_RULE_CHARS) or _tabular(stripped):
            return False
    return True


def _tabular(stripped: str) -> bool:
    """A line with a number in a column after its label: ``Total   5,018``."""
    fields = _GAP.split(stripped)
    return any(_NUMBER.fullmatch(field) for field in fields[1:])


def _neighbour(page: _Page, index: int, step: int) -> int:
    """The first line from ``index`` going ``step`` (+1/-1) that is not blank, or is a
    break (a form-feed-only line is blank and a break); -1 or len(raws) at the edge."""
    raws, breaks = page.raws, page.breaks
    while 0 <= index < len(raws) and index not in breaks and (not raws[index] or raws[index].isspace()):
        index += step
    return index


def _at_page_edge(page: _Page, first: int, last: int) -> bool:
    """Only blank lines between the lines and a page break or the document's edge."""
    if first in page.form_feed:
        return True
    before = _neighbour(page, first - 1, -1)
    if before < 0 or before in page.breaks:
        return True
    after = _neighbour(page, last + 1, 1)
    return after >= len(page.raws) or after in page.breaks or after in page.form_feed


def _leads_into_table(page: _Page, last: int) -> bool:
    """The next non-blank line after ``last`` is a table, a rule or a row of numbers."""
    after = _neighbour(page, last + 1, 1)
    if after >= len(page.raws) or after in page.breaks:
        return False
    if page.in_table(after):
        return True
    stripped = page.raws[after].strip()
    return stripped[:1] == "<" or not stripped.strip(_RULE_CHARS) or _tabular(stripped)
