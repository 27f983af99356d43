"""Header lines -> each column's header text, and the title of the table.

Column headers are the lines above the first number line with text over the
number columns; a phrase goes to the columns it overlaps, or to every column
its underline (``-----``) spans. Title lines are the short blocks just above
the table and the table's own lines above its headers; the scale note is
kept apart from the title.
"""

from __future__ import annotations

import re
from decimal import Decimal

from tieout.model import Block
from tieout.tables.cells import is_year_header, rule_kind, rule_segments, text_over
from tieout.tables.periods import text_to_dates
from tieout.tables.units import find_note, note_to_scale

_DATE_WORDS = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?|\b(?:and|as of|at)\b",
                         re.IGNORECASE)

_PERIOD_WORDS = re.compile(r"\b(ended|ending|months|weeks|quarter|years?|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|"
                           r"nov|dec)[a-z]*\b", re.IGNORECASE)


def collapse(text: str) -> str:
    """White space runs -> one space, ends stripped (split() and \\s agree on what is white space)."""
    return " ".join(text.split())


def _over_columns(text: str, columns) -> bool:
    """Does the line have text above the number columns (not only in the label area)?"""
    if not columns:
        return False
    return text_over(text, columns[0][0])


def find_header(texts, splits, data, first_data: int, columns) -> tuple[int, int]:
    """(top, body_start) of the column-header lines above the first number line."""
    k = first_data - 1
    lowest_header = None
    while k >= 0:
        text = texts[k]
        if not text.strip():
            if lowest_header is not None:
                break
        elif rule_kind(text):
            pass
        elif is_year_header(splits[k]) or (not data[k] and _over_columns(text, columns)):
            if lowest_header is None:
                lowest_header = k
        elif lowest_header is not None and not data[k]:
            pass  # a label-area line among the header lines ("HIGHLIGHTS" above them)
        k -= 1
    if lowest_header is None:
        return 0, 0
    top = k + 1
    while top < lowest_header and not texts[top].strip():
        top += 1
    # a date alone just under the headers ("September 29, 1995" under "Five fiscal years ended
    # 1995  1994 ...") belongs to them, not to the body
    below = lowest_header + 1
    while below < first_data and (not texts[below].strip() or _date_only(texts[below])):
        if texts[below].strip():
            lowest_header = below
        below += 1
    return top, lowest_header + 1


def _date_only(text: str) -> bool:
    stripped = text.strip()
    return len(stripped) <= 40 and bool(text_to_dates(stripped)) and \
        not re.sub(r"[\W\d]+", " ", _DATE_WORDS.sub(" ", stripped)).strip()


# a header phrase that is one date or a year: "August 4,", "July 29, 2022", "2023", "6/30/96"
_DATE_PHRASE = re.compile(r"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?\s?\d{1,2},?"
                          r"(?:\s?(?:19|20)\d\d)?|(?:19|20)\d\d|\d{1,2}/\d{1,2}/(?:19|20)?\d\d)", re.IGNORECASE)
_PHRASE = re.compile(r"\S+(?: \S+)*")  # words one space apart (a tab is a gap: tables.tab_gaps)


def _phrases(text: str, dates_apart: bool = False) -> list[tuple[int, int, str]]:
    """Runs of text separated by two or more spaces: (1-based start, end exclusive, text).

    ``dates_apart``: a run of several dates one space apart ("Jun 30, Mar 31, Jun 30,") is one
    phrase per date: a narrow typesetting, or a text browser, left a single space between
    column headers (over the labels, "September 29, 1995, and September 30, 1994" stays whole).
    """
    out = []
    for m in _PHRASE.finditer(text):
        starts = [d.start() for d in _MONTH_START.finditer(m.group())] if dates_apart and " " in m.group() else []
        if len(starts) < 2 or starts[0] != 0:
            out.append((m.start() + 1, m.end() + 1, m.group()))
            continue
        for a, b in zip(starts, starts[1:] + [len(m.group())]):
            piece = m.group()[a:b].rstrip()
            out.append((m.start() + a + 1, m.start() + a + len(piece) + 1, piece))
    return out


# where a date starts: a month's name (abbreviated or not) followed by a day
_MONTH_START = re.compile(r"(?=[JFMASOND])\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s?\d{1,2}\b",
                          re.IGNORECASE)


def header_to_columns(header_lines: list[str], columns, by_order: bool = False) -> list[str]:
    """Each column's header: the header phrases above it, top to bottom.

    A phrase goes to the columns its underline spans, else to the columns it
    overlaps. Without underlines, a lone period phrase ("Quarter Ended March 31,")
    heads every column, and a line of fewer, wider phrases than columns ("Three
    Months Ended   Year Ended" over four columns) are group headers: each column
    takes the nearest one.
    """
    parts: list[list[str]] = [[] for _ in columns]
    if not columns:
        return []
    first_left = columns[0][0]
    centres = [(left + right) / 2 for left, right in columns]
    width = sum(right - left for left, right in columns) / len(columns)
    spacing = (centres[-1] - centres[0]) / (len(columns) - 1) if len(columns) > 1 else width
    # the rule segments of each header line, found once (None for a line that is no rule)
    # (a rule from the margin across the table separates header lines; it underlines no phrase)
    rules = [[seg for seg in rule_segments(text) if not (seg[0] <= 4 and seg[1] >= first_left)]
             if rule_kind(text) else None for text in header_lines]
    # each line's phrases over the columns: not stub text over the labels, not the table's note
    line_phrases = [[] if segments is not None else _column_phrases(text, first_left, len(columns))
                    for text, segments in zip(header_lines, rules)]

    def full_row_below(i: int) -> bool:
        return any(len(phrases) == len(columns) for phrases in line_phrases[i + 1:])

    for i, phrases in enumerate(line_phrases):
        underline = [seg for segments in rules[i + 1:] if segments is not None for seg in segments]
        if not phrases:
            continue
        # tab-set, or a line of one date (or year) per column: the i-th phrase heads the i-th column
        if len(phrases) == len(columns) and (by_order or all(_DATE_PHRASE.fullmatch(p) for _, _, p in phrases)):
            for j, (_, _, phrase) in enumerate(phrases):
                parts[j].append(phrase)
            continue
        extents = [_underlined(start, end, underline) for start, end, _ in phrases]
        underlined = any(extent != (start, end) for extent, (start, end, _) in zip(extents, phrases))
        if not underlined and len(columns) > 1:
            middle = (centres[0] + centres[-1]) / 2
            if len(phrases) == 1 and _PERIOD_WORDS.search(phrases[0][2]) and \
                    abs((phrases[0][0] + phrases[0][1]) / 2 - middle) <= max(spacing, (centres[-1] - centres[0]) / 4):
                for j in range(len(columns)):  # "Quarter Ended March 31," alone over them all: it heads them all
                    parts[j].append(phrases[0][2])
                continue
            groups = _even_groups(phrases, centres, spacing)
            if groups is not None:  # "Alcoa Corporation   Noncontrolling interest   Total" over three pairs
                for j, k in enumerate(groups):
                    parts[j].append(phrases[k][2])
                continue
            if 2 <= len(phrases) < len(columns) and all(end - start >= width for start, end, _ in phrases):
                for j, centre in enumerate(centres):
                    distance, k = min((abs((start + end) / 2 - centre), k)
                                      for k, (start, end, _) in enumerate(phrases))
                    if distance <= max(phrases[k][1] - phrases[k][0], spacing):
                        parts[j].append(phrases[k][2])
                continue
            if 2 <= len(phrases) < len(columns) and full_row_below(i):
                # group headers over a row of one header per column ("Three Months Ended   Ended" over
                # "Jun 30, Mar 31, Jun 30, Jun 30, Jun 30,"): each column takes the phrase nearest it
                for j, centre in enumerate(centres):
                    _, k = min((max(start - centre, centre - end, 0), k) for k, (start, end, _) in enumerate(phrases))
                    parts[j].append(phrases[k][2])
                continue
        for (start, end, phrase), extent in zip(phrases, extents):
            for j in _phrase_columns(start, end, extent, columns):
                parts[j].append(phrase)
    return [collapse(" ".join(p)) for p in parts]


def _column_phrases(text: str, first_left: int, count: int) -> list[tuple[int, int, str]]:
    """A header line's phrases over the columns: not stub text over the labels, not the table's note.

    A line of exactly one date (or year) per column is the columns' own, wherever each stands: a
    header set flush left over right-aligned numbers ("2001" printed before its column starts).
    """
    phrases = [ph for ph in _phrases(text, dates_apart=True) if not _table_note(ph[2])]
    if len(phrases) == count and phrases[0][0] > 4 and all(_DATE_PHRASE.fullmatch(p) for _, _, p in phrases):
        return phrases
    return [ph for ph in phrases if ph[1] > first_left - 2]


_MONEY_NOTE = re.compile(r"dollar|\$|except", re.IGNORECASE)


def _table_note(phrase: str) -> bool:
    """"(Dollars in millions)" or "(AMOUNTS IN THOUSANDS, EXCEPT PER SHARE DATA)" set over the columns
    is the table's note; a short "(in thousands)" under "Shares" is that column's own."""
    if not is_note_line(phrase):
        return False
    return bool(_MONEY_NOTE.search(phrase)) or len(phrase.split()) >= 4


def _even_groups(phrases, centres, spacing) -> list[int] | None:
    """k phrases over k equal groups of the n columns, each centred over its group: the phrase of
    each column, or None. A group header printed once over its columns, however narrow."""
    k, n = len(phrases), len(centres)
    if not 2 <= k < n or n % k:
        return None
    size = n // k
    for g, (start, end, _) in enumerate(phrases):
        group = centres[g * size:(g + 1) * size]
        middle = (group[0] + group[-1]) / 2
        if abs((start + end) / 2 - middle) > max(spacing, 1) * 0.75:
            return None
    return [j // size for j in range(n)]


def header_line_note(text: str, first_left: int = 0) -> str:
    """The table's scale note on a header line, or '': "(Dollars in thousands)" over the columns, a
    line that holds only a note, or a note over the labels ("December 31 (In millions)   2023   2022");
    not "(IN 000'S)" under one column ("OPTIONS (IN 000'S)")."""
    note = find_note(text)
    if not note:
        return ""
    at = text.find(note)
    in_stub = first_left > 0 and 0 <= at and at + len(note) < first_left - 1
    # "(in thousands)  (in thousands)": the same note over every column is the table's
    every = all(find_note(phrase) for _, _, phrase in _phrases(text))
    return note if in_stub or every or _table_note(note) or is_note_line(text) else ""


def _underlined(start: int, end: int, underline) -> tuple[int, int]:
    """The extent of a phrase, widened to the rule printed under it, if any."""
    centre = (start + end) / 2
    for u_start, u_end, _kind in underline:
        if u_start <= centre <= u_end and u_end - u_start < 200:
            return min(start, u_start), max(end, u_end)
    return start, end


def _phrase_columns(start: int, end: int, extent: tuple[int, int], columns) -> list[int]:
    """The columns one phrase heads: those its (underlined) extent overlaps."""
    hits = [j for j, (left, right) in enumerate(columns) if min(right, extent[1]) - max(left, extent[0]) > 0]
    centre = (start + end) / 2
    if not hits:
        distance, nearest = min((abs((left + right) / 2 - centre), j) for j, (left, right) in enumerate(columns))
        return [nearest] if distance <= 10 else []
    if len(hits) > 1 and extent == (start, end):
        # no underline: a phrase wider than its column goes to the column it overlaps most,
        # unless it clearly spans several (covers most of each)
        covered = [j for j in hits if _coverage(columns[j], extent) >= 0.6]
        if len(covered) < 2:
            return [max(hits, key=lambda j: min(columns[j][1], end) - max(columns[j][0], start))]
        return covered
    return hits


_SHARES_WORD = re.compile(r"\bshares\b", re.IGNORECASE)
_PER_SHARE_WORDS = re.compile(r"per\s+share", re.IGNORECASE)


def header_unit(header: str) -> tuple[str, Decimal]:
    """A unit or scale printed in a column header: "Shares (in thousands)" -> ("shares", 1000);
    "Amount (in thousands)" -> ("", 1000), the column's money in thousands."""
    if _PER_SHARE_WORDS.search(header):
        return "", Decimal(1)
    if not _SHARES_WORD.search(header):
        note = find_note(header)
        return "", note_to_scale(note).money if note else Decimal(1)
    scale = note_to_scale(header)
    return "shares", scale.money


def _coverage(column: tuple[int, int], extent: tuple[int, int]) -> float:
    left, right = column
    width = max(right - left, 1)
    return max(0, min(right, extent[1]) - max(left, extent[0])) / width


def stub_text(header_lines: list[str], columns) -> str:
    """Header text over the label area (e.g. "HIGHLIGHTS"), which names the table."""
    if not columns:
        return ""
    first_left = columns[0][0]
    out = []
    for text in header_lines:
        if rule_kind(text):
            continue
        for start, end, phrase in _phrases(text):
            if end <= first_left - 2 and start <= 12:
                out.append(phrase)
    return collapse(" ".join(out))


def is_note_line(text: str) -> bool:
    stripped = text.strip()
    note = find_note(stripped)
    if note and len(note) >= len(stripped) - 14:
        return True
    return bool(re.fullmatch(r"\(?\s*(?:unaudited|audited|in\s+dollars|dollars)\s*\)?", stripped, re.IGNORECASE))


def title_lines(block: Block, lines, header_top: int, blocks, settings):
    """Title lines: up to three short blocks just before the table, then its own lines above its header."""
    own = [line for line in lines[:header_top] if line.text.strip() and not rule_kind(line.text)]
    first = own[0].number if own else block.first
    preceding = blocks_before(block, blocks, 3)
    before: list = []
    for previous in reversed(preceding):
        words = " ".join(line.text.strip() for line in previous.lines)
        prose = _ends_sentence(words) or (len(words.split()) > 12 and ". " in words)
        short = not prose and (previous.kind == "heading" or (
            previous.kind == "paragraph" and len(previous.lines) <= settings.max_title_lines and
            all(len(line.text.strip()) <= 75 for line in previous.lines)))
        if first - previous.last > settings.title_gap + 1:
            break
        if not short:
            # "PART I ... / ITEM 1 ... / C3.AI, INC. / BALANCE SHEETS / (In thousands ...)": the short
            # lines that end a longer paragraph are the title block
            if previous.kind == "paragraph":
                before = _title_tail(previous.lines) + before
            break
        before = list(previous.lines) + before
        first = previous.first
    if not before and not own:
        # "CAPITALIZATION", then a paragraph introducing the table: the section heading names it
        for previous in reversed(preceding):
            if previous.kind == "heading" and block.first - previous.last <= 25:
                return list(previous.lines)[-settings.max_title_lines:]
            if previous.kind not in ("paragraph", "furniture"):
                break
    return (before + own)[-settings.max_title_lines:]


def _title_tail(lines) -> list:
    """The run of short lines that ends a block, none of them the end of a sentence or a lead-in (":")."""
    tail: list = []
    for line in reversed(lines):
        text = line.text.strip()
        if not text or len(text) > 75 or _ends_sentence(text) or text.endswith(":"):
            break
        tail.insert(0, line)
    return tail


# a company name ends in one of these ("Fabrikam Industries, Inc."): a title, not a sentence
_NAME_END = re.compile(r"\b(?:inc|corp|co|cos|ltd|plc|l\.?p|n\.?a|s\.?a|n\.?v|b\.?v|ag|llc|bancorp|bancshares)\.$",
                       re.IGNORECASE)


def _ends_sentence(words: str) -> bool:
    """Does the text end a sentence (a period, inside closing quotes or a parenthesis or not)?"""
    words = words.rstrip("\"')\u201d\u2019")
    return words.endswith(".") and not _NAME_END.search(words)


def lead_in_note(block: Block, blocks, settings) -> str:
    """The scale note of the sentence that leads into the table, or '': "The following table
    disaggregates our revenue by major source (in millions):" just above it."""
    preceding = blocks_before(block, blocks, LEAD_IN_REACH)
    below = block
    tables_between = 0
    for previous in reversed(preceding):
        if previous.kind == "table" and below.first - previous.last <= settings.title_gap + 1:
            tables_between += 1  # "The following tables present ... (in millions):" leads into each
            below = previous
            continue
        break
    else:
        return ""
    if previous.kind != "paragraph" or below.first - previous.last > settings.title_gap + 1:
        return ""
    words = " ".join(line.text.strip() for line in previous.lines[-3:])
    tail = words[-160:]
    if not tail.rstrip().endswith((":", ".")) or (tables_between and not _TABLES.search(words)):
        return ""
    note = find_note(tail)
    return note if note.startswith("(") else ""


LEAD_IN_REACH = 4  # blocks looked back over: a sentence leading into "the following tables" reaches four tables
_TABLES = re.compile(r"\btables\b", re.IGNORECASE)

# A sentence that sets the scale of the tables that follow it: "Unless otherwise noted, tables are
# presented in U.S. dollars in millions", "All dollar amounts in the tables are stated in millions",
# "tabular dollars are in millions, except per share amounts".
_STANDING = re.compile(r"(?=[utia])(?:unless\s+otherwise\s+(?:noted|indicated|stated|specified)|tabular\b|"
                       r"in\s+(?:the|these|all|our)\s+tables\b|tables\s+(?:are|in)\b|all\s+(?:dollar\s+)?amounts\b)",
                       re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[a-z)])\.\s+(?=[A-Z])")
_HAS_DIGIT = re.compile(r"\d")


def standing_note(block: Block) -> str:
    """The sentence of a paragraph that sets the scale of the document's tables from here on, or ''.

    Either a sentence that says so ("Unless otherwise noted, ...", "All amounts ...") or a
    paragraph that is nothing but a scale note in words (not in parentheses, which belong to
    the one table below them).
    """
    if block.kind not in ("paragraph", "furniture"):
        return ""
    text = " ".join(line.text.strip() for line in block.lines)
    # a line that is only a scale note, as a running head prints it on every page ("Dollars in
    # millions except per share amounts"); not a footnote ("(b) In thousands, based on ... 2023")
    if len(text) <= 160 and not _HAS_DIGIT.search(text) and not text.startswith(("(", "*")):
        note = find_note(text)
        if note and len(note) >= 0.8 * len(text.rstrip(". ")) and note_to_scale(note).money != 1:
            return note.strip().rstrip(".")
    if block.kind != "paragraph" or len(text) > 4000 or not _STANDING.search(text):
        return ""
    for sentence in _SENTENCE_END.split(text):
        if len(sentence) <= 300 and _STANDING.search(sentence):
            note = find_note(sentence)
            if note and not note.startswith("(") and note_to_scale(note).money != 1:
                return sentence.strip().rstrip(".")
    return ""


def blocks_before(block: Block, blocks, count: int) -> list[Block]:
    """The last ``count`` blocks of ``block``'s document that end above it, in order.

    Read from the end of ``blocks`` and stopped at ``count``: the tables near
    the end of a long document need not pass over every block before them.
    """
    found: list[Block] = []
    for previous in reversed(blocks):
        if previous.last < block.first and previous.document == block.document:
            found.append(previous)
            if len(found) == count:
                break
    found.reverse()
    return found
