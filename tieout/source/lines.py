"""Text to numbered lines: the one convention every position in tieout uses.

A line ends at ``\\r\\n``, ``\\n`` or a lone ``\\r`` (old Mac files), and at
nothing else; a final line ending does not start an extra empty line. Line 1
is the first line of the file. This is what ``str.splitlines()`` gives except
that form feed, vertical tab, the ASCII separators and the Unicode line
separators do *not* end a line (an editor shows them as ``^L`` inside it).

A form feed ``\\f`` starts a new printed page. It is removed from the line
(``Line.raw`` and ``Filing.raw_lines`` are the original line without its line
ending and without form feeds, so columns match between the two) and the line
number is remembered as a page break for the furniture finder; a line that
held only form feeds becomes blank and is furniture.

``Line.text`` is ``raw`` with tabs expanded to 8-column stops, the way the
filer's printer lined up the columns, and the Unicode spaces of converted HTML
(no-break, narrow no-break, figure, thin, zero-width: a text browser prints one
column for each) as plain spaces, so "40,109\u00a0" is a number set off like any other.
"""

from __future__ import annotations

import gc
from collections.abc import Sequence
from dataclasses import dataclass

from tieout.model import Line

@dataclass(frozen=True, slots=True)
class SplitText:
    raw_lines: tuple[str, ...]
    page_breaks: frozenset[int]  # 1-based numbers of lines that began (or held) a form feed
    text: str  # the text with every line ending made "\n" (form feeds still in): for scanners


def text_to_lines(text: str) -> SplitText:
    """Split ``text`` into lines (see the module docstring for the convention)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    raw = text.split("\n")
    if raw and raw[-1] == "" and len(raw) > 1:
        raw.pop()
    breaks: frozenset[int] = frozenset()
    if "\f" in text:
        numbers = [i for i, line in enumerate(raw) if "\f" in line]
        for i in numbers:
            raw[i] = raw[i].replace("\f", "")
        breaks = frozenset(i + 1 for i in numbers)
    return SplitText(tuple(raw), breaks, text)


def _line(number: int, raw: str, new=object.__new__, cls=Line, set_number=Line.number.__set__,
          set_text=Line.text.__set__, set_raw=Line.raw.__set__) -> Line:
    """``Line(number, raw, raw)`` for a line without tabs, minus the frozen-dataclass overhead."""
    line = new(cls)
    set_number(line, number)
    set_text(line, raw)
    set_raw(line, raw)
    return line


def _tab_line(number: int, text: str, raw: str, new=object.__new__, cls=Line,
              set_number=Line.number.__set__, set_text=Line.text.__set__,
              set_raw=Line.raw.__set__) -> Line:
    line = new(cls)
    set_number(line, number)
    set_text(line, text)
    set_raw(line, raw)
    return line


_SPACES = str.maketrans({ch: " " for ch in "\u00a0\u202f\u2007\u2009\u200a\u2002\u2003\u200b"})


def _text(raw: str) -> str:
    """``raw`` as tables read it: tabs expanded, Unicode spaces plain (one column each, as printed)."""
    text = raw if raw.isascii() else raw.translate(_SPACES)
    return text.expandtabs(8) if "\t" in text else text


def raw_to_lines(raw_lines: Sequence[str], first: int, last: int, tabs: bool = True) -> tuple[Line, ...]:
    """Lines ``first``..``last`` (1-based, inclusive) of ``raw_lines`` as Line records.

    The same records ``Line(n, raw.expandtabs(8), raw)`` would give; the source
    stage makes one per line of every filing, so the slots are set directly
    (about twice as fast as the generated ``__init__``); ``tabs=False`` says the
    caller knows no line has a tab. The cyclic garbage
    collector is paused meanwhile: Line records hold only strings and ints, so
    they form no cycles, and scanning a million new records again and again
    costs a third of the time on large files.
    """
    if last < first:
        return ()
    chunk = raw_lines[first - 1:last]
    numbers = range(first, last + 1)
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        if (tabs and any("\t" in raw for raw in chunk)) or not all(raw.isascii() for raw in chunk):
            return tuple(map(_tab_line, numbers, map(_text, chunk), chunk))
        return tuple(map(_line, numbers, chunk))
    finally:
        if paused:
            gc.enable()
