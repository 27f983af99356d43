"""Numbers as printed in a table line -> cells.

A table line is a label followed by a *numeric tail*: cells separated by
white space, right-aligned under their column. This module finds that tail
and parses each cell, keeping exactly what was printed:

    "Net income (loss)        $  1,475     $ (2,464)"
     label                       cell        cell

* ``$`` is decoration (kept out of the display), ``(2,464)`` is negative,
  ``- -``, ``--``, ``---`` and a lone ``-`` are nil (zero), a ``%`` marks a
  percentage, a marker glued after the number (``454,033(2)``, ``12,345*``)
  is a footnote, dot leaders (``Total assets.......  3,424``) separate the label.
* A cell must be set off from the label by two spaces, a tab, dot leaders or
  a ``$``; one space is not enough, so "of 1995" inside a label is not a cell.
  ``line_to_cells(..., columns=...)`` relaxes that for a number that sits
  under a known column.

Everything is linear in the line length; the regular expressions have no
nested quantifiers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from decimal import Decimal, InvalidOperation

from tieout.records import record_maker

# The tokens of a line, left to right: a cell (group "cell": "num" the number with its
# sign decoration, "dollar" a leading '$', "fn" a footnote marker glued on) ending at a
# space or the end of the line; a run of leader dots; any other word. Cells are then
# peeled off the right end. No nested quantifiers: linear in the line length. No token starts
# with a blank, and the leading (?=[^ \t]) says so: the engine then passes over the blanks
# between cells at one test a character instead of trying every alternative (twice as fast).
_TOKENS = re.compile(
    r"""
    (?=[^ \t])
    (?:
    (?P<cell>
        (?P<dollar>\$[ \t]{0,48})?
        (?P<num>
            \([ ]?\$?[ ]?(?:\d(?:[\d,]*\d)?(?:\.\d+)?|\.\d+)[ ]?%?[ ]?\)(?:[ ]?%)?  # (2,464)  ( 12.5%)  (16)%
          | [-+]?\$?\d(?:[\d,]*\d)?(?:\.\d+)?(?:[ ]?%)?              # 1,475  -3.2  45%  1.38 %
          | [-+]?\$?\.\d+(?:[ ]?%)?                                 # .25
          | (?:-[ ]-|-{1,3}|\u2014|\u2013)%?                          # nil: - -  --  ---  -  --%
        )
        (?P<fn>(?:\(\w{1,2}\))+|\*{1,3}|[a-z](?![a-z]))?             # footnote markers glued on
    )(?=[ \t]|$)
    | (?P<na>N/A|n/a|N\.A\.|NA|NM|n\.m\.|nm)(?=[ \t]|$)                    # not applicable: a blank
    | \.{2,}                                                         # dot leaders
    | [^ \t.]+                                                       # a word
    | \.
    )
    """,
    re.VERBOSE,
)

# dot leaders or an underscore run at the END of a label, matched on the reversed text:
# anchored at one place, so linear (searching "(?:\.\s?){2,}\.?\s*$" is quadratic in a dot run)
_DOT_LEADER_REVERSED = re.compile(r"\s*\.?(?:\s?\.){2,}|\s*_{2,}")


@dataclass(frozen=True, slots=True)
class RawCell:
    """A cell found on a line: text positions are 1-based, end exclusive, in tab-expanded text."""

    display: str
    value: Decimal | None  # None for "N/A"
    decimals: int
    nil: bool
    start: int
    end: int
    footnote: str = ""
    percent: bool = False
    dollar: bool = False


@dataclass(frozen=True, slots=True)
class SplitLine:
    label: str  # text left of the cells, rstripped (dot leaders removed)
    label_end: int  # 1-based column just after the label text
    cells: tuple[RawCell, ...]


# line_to_cells makes one of these per line and cell: built directly (tieout/records.py)
_raw_cell = record_maker(RawCell)
_split_line = record_maker(SplitLine)


def parse_number(display: str) -> tuple[Decimal, int, bool, bool] | None:
    """``"(2,464)"`` -> (Decimal(-2464), 0 decimals, nil=False, percent=False).

    Returns None if the text is not a number as tables print them.
    """
    text = display.replace("$", "").replace(" ", "")
    percent = text.endswith("%")
    if percent and text.endswith(")%"):  # "(16)%": the sign outside the parentheses
        text = text[:-1]
    if (text and not text.strip("-%")) or text.rstrip("%") in ("\u2014", "\u2013"):
        return Decimal(0), 0, True, percent
    negative = False
    if text.startswith("(") and text.endswith(")"):
        negative, text = True, text[1:-1]
    if text.endswith("%"):  # "(2.5%)": the sign outside, the percent inside
        percent, text = True, text[:-1]
    if text.startswith("-"):
        negative, text = (not negative), text[1:]
    elif text.startswith("+"):
        text = text[1:]
    digits = text.replace(",", "")
    if digits == "000":  # "$000", "($000)", "(000)": a scale note over the columns, no zero is printed so
        return None
    # isdigit() first: the common "1234" skips the per-character scan
    if not text or not (digits.isdigit() or any(ch.isdigit() for ch in text)):
        return None
    try:
        value = Decimal(digits)
    except InvalidOperation:
        return None
    if not value.is_finite():
        return None
    decimals = len(digits.split(".", 1)[1]) if "." in digits else 0
    return (-value if negative else value), decimals, False, percent


def without_leader(text: str) -> str:
    """``"Total assets.......  "`` -> ``"Total assets"``: the trailing dot leader or ``__`` run removed."""
    match = _DOT_LEADER_REVERSED.match(text[::-1])
    return text[: len(text) - match.end()] if match else text


def _leader_before(before: str) -> bool:
    """Does ``before`` end with dot leaders ("Total assets.......") or an underscore run?"""
    tail = before.rstrip()[-3:]
    return tail.endswith("..") or tail.endswith(". .") or tail.endswith("__")


def _set_off(text: str, start: int, dollar: bool) -> bool:
    """Is the cell starting at 0-based ``start`` set off from what is left of it?"""
    if start == 0 or dollar:
        return True
    before = text[:start]
    if before.endswith(".."):
        return True
    if before.endswith("  ") or before.endswith("\t") or before.rstrip().endswith("$"):
        return True
    return _leader_before(before)


MAX_LABEL = 300
_NOT_APPLICABLE = re.compile(r"\s(?:N/A|n/a|N\.A\.|NA|NM|n\.m\.|nm)$")
# the endings _NOT_APPLICABLE can match: a cheap endswith() spares most prose lines the regex search
_NOT_APPLICABLE_ENDS = ("N/A", "n/a", "N.A.", "NA", "NM", "n.m.", "nm")
_CELL_END_CHARS = frozenset("0123456789)%-*\u2014\u2013")


def _after_number(tokens: list, index: int) -> bool:
    """"(1,234) (10,571)": a number one space after another number is a cell of its own."""
    if index == 0 or tokens[index - 1].group("cell") is None:
        return False
    previous = tokens[index - 1].group("num")
    # the number before must look like a table figure ("(1,234)", "2,046", "4.66"), not "1995" or "Note 4"
    return bool(previous) and any(ch.isdigit() for ch in previous) and any(ch in previous for ch in ",(.")


def _may_end_in_cell(stripped: str) -> bool:
    """Cheap test: is the last token set off as a cell could be (two spaces, tab, '$', leaders, '(')?"""
    if stripped.endswith((" )", " %")):  # "(51 )", "1.38 %": a typesetter's space before the last sign
        return True
    space = max(stripped.rfind(" "), stripped.rfind("\t"))
    if space < 0:
        return True
    if ".." in stripped[space:]:
        return True
    before = stripped[:space + 1]
    if before.endswith("  ") or before.endswith("\t") or space == 0:
        return True
    tail = before.rstrip()
    return not tail or tail[-1] in "$(.-" or tail.endswith("..")


@lru_cache(maxsize=16384)
def line_to_cells(text: str, columns: tuple[tuple[int, int], ...] = (), max_cells: int = 64) -> SplitLine:
    """Split a tab-expanded line into label and numeric cells (peeled from the right).

    ``columns`` are known (left, right) 1-based spans; a number set off by one
    space only counts as a cell when it falls inside one of them.
    """
    stripped = text.rstrip()
    end = len(stripped)
    last = stripped[-1:]
    if not last or (last not in _CELL_END_CHARS and not (last.isalpha() and end > 1 and stripped[-2].isdigit())
                    and not (stripped.endswith(_NOT_APPLICABLE_ENDS) and _NOT_APPLICABLE.search(stripped))):
        return _split_line(label=stripped, label_end=end + 1, cells=())  # prose, headings: no cells
    if not columns and last != "-" and not _may_end_in_cell(stripped):
        return _split_line(label=stripped, label_end=end + 1, cells=())  # "... in 1996": one space before
    if last == "-" and rule_kind(text):  # a rule line ends in '-', '=' or '_'; of those only '-' gets here
        return _split_line(label=stripped, label_end=end + 1, cells=())
    tokens = list(_TOKENS.finditer(stripped))
    cells: list[RawCell] = []
    cut = end
    for index in range(len(tokens) - 1, -1, -1):
        match = tokens[index]
        # lastgroup names the outermost group that matched: "cell", "na", or None for a word or leaders
        kind = match.lastgroup
        if len(cells) >= max_cells or kind is None:
            break
        start = match.start()
        before = stripped[:start].rstrip()
        if kind == "na":  # "N/A": a cell that holds no number
            if not _set_off(stripped, start, False):
                break
            cells.append(_raw_cell(display=match.group("na"), value=None, decimals=0, nil=False,
                                   start=start + 1, end=match.end() + 1))
            cut = len(before)
            continue
        # a cell starts a token: the character before it is white space, '$', a leader dot or the margin
        if start > 0 and stripped[start - 1] not in " \t.$_:":
            break  # "1995)1,496": a number glued to a word is not a cell
        dollar_text, num, fn = match.group("dollar", "num", "fn")  # one call, not three
        num_start, num_end = match.span("num")
        dollar = bool(dollar_text)
        parsed = parse_number(num)
        if parsed is None:
            break
        value, decimals, nil, percent = parsed
        if not _set_off(stripped, start, dollar) and not _after_number(tokens, index):
            if not cells or before.endswith(","):
                break  # only a row already holding cells may have a label-glued first cell
            inside = any(left - 1 <= start and num_end <= right + 1 for left, right in columns)
            if not (inside and stripped[start - 1] == " "):
                break
        num_text = num.replace(" ", "") if not nil else num
        cells.append(_raw_cell(
            display=num_text.lstrip("$") if num_text.startswith("$") else num_text,
            value=value, decimals=decimals, nil=nil,
            start=num_start + 1, end=num_end + 1,
            footnote=_footnote(fn) if fn else "",
            percent=percent, dollar=dollar or "$" in num or before.endswith("$"),
        ))
        cut = len(before)
    label_text = stripped[:cut]
    if cells and label_text.endswith("$"):  # "investments$ 194": the '$' belongs to the cell
        label_text = label_text[:-1]
    if _leader_before(label_text):
        label = without_leader(label_text).rstrip().rstrip(" .:")
    else:
        label = label_text.rstrip()
    if cells and len(label) > MAX_LABEL:  # no printed label is this long: numbers past max_cells, or noise
        label = label[:MAX_LABEL].rstrip() + "…"
    return _split_line(label=label, label_end=len(label) + 1, cells=tuple(reversed(cells)))


_WORDS = re.compile(r"\w+")


def _footnote(marker: str) -> str:
    """``"(2)(a)"`` -> ``"2,a"``; ``"**"`` -> ``"*"``."""
    return ",".join(_WORDS.findall(marker)) or ("*" if marker.startswith("*") else "")


_MARKUP = re.compile(r"</?(?:S|C|CAPTION|FN|TABLE|PAGE)>", re.IGNORECASE)


def strip_markup(text: str) -> str:
    """Blank out in-table SGML markers (``<S>``, ``<C>``, ``<CAPTION>``) keeping columns."""
    if "<" not in text:
        return text
    return _MARKUP.sub(lambda m: " " * len(m.group()), text)


_PHRASE = re.compile(r"\S+(?: \S+)*")


def text_over(text: str, left: int) -> bool:
    """Does a phrase of ``text`` (words one space apart) start over the columns from ``left`` (1-based)?

    A column header starts there, or is centred over the columns; a line of
    prose or a label that merely runs long does not.
    """
    phrases = list(_PHRASE.finditer(text))
    if any(match.start() >= left - 4 for match in phrases):
        return True
    # a centred spanning header ("Second Quarter Ended") may start left of the first column, and
    # so may the dates a text browser runs together ("(In millions)   June 30, 2023 December 31, 2022")
    return any(match.start() >= 20 and match.end() > left for match in phrases)


_RULE = re.compile(r"^[\s\-=_]*$")


def rule_kind(text: str) -> str:
    """``"---"``/``"==="`` lines: return "-", "=" or "" for other lines."""
    stripped = text.strip()
    # a rule's last character is one of "-=_": that test spares other lines the regex
    if len(stripped) < 3 or stripped[-1] not in "-=_" or not _RULE.match(text):
        return ""
    if "=" in stripped:
        return "="
    if "-" in stripped or "_" in stripped:
        return "-"
    return ""


_RULE_RUN = re.compile(r"[-=_]{2,}(?: [-=_]{2,})*")


def rule_segments(text: str) -> list[tuple[int, int, str]]:
    """The runs of a rule line: (1-based start, end exclusive, kind).

    One space inside a run joins it ("- -----", the dash-stuffed separators of
    EDGAR), except between two long runs, which underline two column groups.
    """
    out = []
    for match in _RULE_RUN.finditer(text):
        start = match.start()
        for piece in _split_long_runs(match.group()):
            kind = "=" if "=" in piece else "-"
            out.append((start + 1, start + len(piece) + 1, kind))
            start += len(piece) + 1
    return out


def _split_long_runs(run: str) -> list[str]:
    pieces = run.split(" ")
    merged = [pieces[0]]
    for piece in pieces[1:]:
        if len(merged[-1]) >= 4 and len(piece) >= 4:
            merged.append(piece)
        else:
            merged[-1] += " " + piece
    return merged


_HEADER_WORDS = re.compile(r"\b(ended|ending|year|years|fiscal|quarter|months|weeks|as of|at|period|unaudited|"
                           r"actual|budget|change|restated|pro forma|total|thousands|millions|billions|"
                           r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2})\b|[,%]",
                           re.IGNORECASE)


def is_year_header(split: SplitLine) -> bool:
    """A line of bare years ("1996   1995") is a column header, not data."""
    if not holds_only_years(split):
        return False
    label = split.label.strip()
    return not label or bool(_HEADER_WORDS.search(label)) or label.isupper() or len(label) < 3


def holds_only_years(split: SplitLine) -> bool:
    """Are the line's cells all bare years ("Net Sales   2023   2022")?"""
    if not split.cells:
        return False
    for cell in split.cells:
        if cell.value is None or cell.nil or cell.decimals or cell.dollar or cell.percent or "," in cell.display or \
                "(" in cell.display or not (1900 <= cell.value <= 2100):
            return False
    return True
