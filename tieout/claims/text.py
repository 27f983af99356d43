"""Narrative paragraphs -> sentences that remember where every character came from.

A claim's figure must be reported at the line and column of the original file,
but claims are read from whole sentences, which wrap over lines, are justified
with runs of spaces, and are sometimes cut by a page break ("Hecla owns a" /
page furniture / "29.7% interest in the mine"). So a paragraph is flattened to
one string with single spaces, and a parallel list maps each character back to
(line number, 1-based column of the tab-expanded text, Line).

It also holds the literal prefilters the claims patterns share (``folded``,
``may_match``, ``search_at``): a regex scan of every position of every sentence
is most of what reading claims costs, and most patterns cannot match most text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from tieout.model import Block, Line, Span


@dataclass(frozen=True, slots=True)
class Passage:
    """A run of narrative text flattened to one line, with a map back to the source.

    The words of each line are joined by single spaces, the lines likewise;
    ``runs`` holds (offset in ``text``, line) for every line that contributed, in
    order, so a character is found again by re-splitting its one line.
    """

    text: str
    runs: tuple[tuple[int, Line], ...]
    heading: str = ""  # the nearest heading above, e.g. "PRODUCTION"
    document: str = ""
    starts: tuple[int, ...] = ()  # the offsets of ``runs``, for bisecting

    def at(self, index: int) -> tuple[Line, int]:
        """(line, 1-based column in line.text) of text[index]; a joining space maps after the word before it."""
        k = max(bisect_right(self.starts, index) - 1, 0)
        offset, line = self.runs[k]
        rest = index - offset
        col = 1
        for match in _RUN.finditer(line.text):
            width = match.end() - match.start()
            col = match.start() + 1 + rest
            if rest <= width:
                return line, col
            rest -= width + 1
        return line, col

    def span(self, start: int, end: int) -> Span:
        """Span of text[start:end] on the source line of its first character (end clipped to that line)."""
        line, col = self.at(start)
        last_line, last_col = self.at(max(end - 1, start))
        end_col = last_col + 1 if last_line.number == line.number else len(line.text) + 1
        return Span(line.number, line.source_col(col), line.source_col(end_col) if end_col <= len(line.text)
                    else len(line.raw) + 1)

    def line_of(self, index: int) -> int:
        return self.at(min(index, len(self.text) - 1))[0].number if self.runs else 0


_TERMINAL = (".", "!", "?", ":", '"', ")")
# a list item of a plain-text filing ("o Record net cash collections of ...", "* ...", "- ..."): its own passage,
# never the continuation of the one before, though it starts in lower case and the one before has no full stop
_BULLET = re.compile(r"[o*\-\u2022\xb7]\s")
_RUN = re.compile(r"\S+")


def lines_to_passage(lines: Sequence[Line], heading: str = "", document: str = "") -> Passage:
    """Join the words of ``lines`` with single spaces, keeping where each line starts."""
    parts: list[str] = []
    runs: list[tuple[int, Line]] = []
    pos = 0
    for line in lines:
        words = line.text.split()
        if not words:
            continue
        joined = " ".join(words)
        if parts:
            pos += 1
        runs.append((pos, line))
        parts.append(joined)
        pos += len(joined)
    return Passage(" ".join(parts), tuple(runs), heading, document, tuple(r[0] for r in runs))


def _heading_text(block: Block) -> str:
    return " ".join(" ".join(line.text.split()) for line in block.lines)


def blocks_to_passages(blocks: Iterable[Block], keep: Callable[[str], bool] | None = None) -> list[Passage]:
    """Paragraph blocks -> passages; a paragraph cut by a page break is joined to its continuation.

    A paragraph that ends without terminal punctuation is continued by the next
    paragraph of the same document when that one starts in lower case (or with a
    digit), whatever headings or page furniture lie between. ``keep``, given the
    text of a passage's lines, says whether to build it at all (claims only need
    passages that can state a figure).
    """
    passages: list[Passage] = []

    def close(lines: list[Line], heading: str, document: str) -> None:
        if keep is None or keep("\n".join(line.text for line in lines)):
            passages.append(lines_to_passage(lines, heading, document))

    pending: list[Line] = []
    pending_heading = ""
    pending_doc = ""
    heading = ""
    crossed_heading = False
    for block in blocks:
        if block.kind == "heading":
            text = _heading_text(block)
            if not pending:
                heading = text
            crossed_heading = True
            continue
        if block.kind != "paragraph":
            continue
        first = next((line.text.strip() for line in block.lines if line.text.strip()), "")
        continues = bool(pending) and block.document == pending_doc and not _BULLET.match(first) and (
            first[:1].islower() or first[:1] in "0123456789$(" or not crossed_heading)
        crossed_heading = False
        if pending and not continues:
            close(pending, pending_heading, pending_doc)
            pending = []
        if not pending:
            pending_heading, pending_doc = heading, block.document
        pending.extend(line for line in block.lines if line.text.strip())
        last = pending[-1].text.rstrip() if pending else ""
        if last.endswith(_TERMINAL) or not last:
            close(pending, pending_heading, pending_doc)
            pending = []
    if pending:
        close(pending, pending_heading, pending_doc)
    return [p for p in passages if p.text]


# A full stop ends a sentence unless it is part of a number, an initial, or a
# known abbreviation ("Inc.", "U.S.", "Calif.", "p.m.", "No.").
_ABBREVIATIONS = frozenset(
    "inc co corp ltd mr mrs ms dr st no nos vs jan feb mar apr jun jul aug sep sept oct nov dec "
    "calif mass conn fla ill wash penn ariz colo approx u.s p.m a.m e.g i.e etc jr sr cos dept "
    "est fig ave blvd".split()
)

_END = re.compile(r"[.!?](?:[\"')\]]*)(?=\s+[\"'(\[]?[A-Z0-9$]|\s*$)")
_LETTERS_DOTS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.")


def word_before(text: str, start: int, stop: int) -> str:
    """The run of letters and dots that ends ``text[start:stop]`` ("Inc.", "U.S"): what ``re.search(r"[A-Za-z.]+$",
    text[start:stop])`` finds in a passage (single spaces, no newline), read backwards from ``stop``; that search
    retried every word of the sentence at every full stop, on a copy of it."""
    at = stop
    while at > start and text[at - 1] in _LETTERS_DOTS:
        at -= 1
    return text[at:stop]


def passage_to_sentences(passage: Passage) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of a passage."""
    text = passage.text
    out: list[tuple[int, int]] = []
    start = 0
    for match in _END.finditer(text):
        stop = match.start()
        if text[stop] == ".":
            token = word_before(text, start, stop).lower().strip(".")
            if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
                continue
        end = match.end()
        if text[start:end].strip():
            out.append((start, end))
        start = end
        while start < len(text) and text[start] == " ":
            start += 1
    if start < len(text) and text[start:].strip():
        out.append((start, len(text)))
    return out


# ---------------------------------------------------------------------------
# literal prefilters: most patterns cannot match most sentences, and a substring test is far cheaper
# than a regex scan. A pattern is skipped only when the text lacks literal text every match contains.


# every ASCII character ``\s`` matches, as a space: a needle " cent" then stands for ``\s+cents?``
_SPACES = str.maketrans({c: " " for c in map(chr, range(128)) if re.fullmatch(r"\s", c)})


def folded(text: str) -> str | None:
    """``text`` lower-cased, each whitespace character a space, for literal prefilters; None when they cannot
    be trusted on it. Offsets are those of ``text``.

    Patterns compiled with ``re.I`` also match a few non-ASCII letters that ``str.lower`` keeps apart from
    ASCII ("\u017f" matches "s", "\u0131" matches "i"), so only ASCII text is prefiltered (the filings are)."""
    if not text.isascii():
        return None
    low = text.lower()
    if low.isprintable():  # printable ASCII has no whitespace but " "
        return low
    low = low.replace("\n", " ")  # the usual one (a paragraph's lines joined), far cheaper than translate
    return low if low.isprintable() else low.translate(_SPACES)


def may_match(low: str | None, groups: Sequence[Sequence[str]], seen: dict[int, bool] | None = None) -> bool:
    """Can a pattern every match of which contains a needle of each group match the text ``low`` folds?

    ``low`` is ``folded(text)``, needles are lower case; None (text not prefiltered) always may match.
    ``seen`` remembers, by the group's identity, the groups tested on ``low`` already (patterns share groups)."""
    if low is None:
        return True
    for group in groups:  # plain loops: generators would cost more than the substring tests
        hit = seen.get(id(group)) if seen is not None else None
        if hit is None:
            hit = False
            for needle in group:
                if needle in low:
                    hit = True
                    break
            if seen is not None:
                seen[id(group)] = hit
        if not hit:
            return False
    return True


def search_at(pattern: re.Pattern, text: str, low: str | None, starts: Sequence[str]) -> bool:
    """``pattern.search(text) is not None``, tried only where ``low`` (``folded(text)``) has one of ``starts``.

    ``starts`` are the literals (lower case) every match of ``pattern`` starts with, one per alternative: a
    regex tried at every position of a long paragraph costs far more than a ``str.find`` per literal."""
    if low is None:
        return pattern.search(text) is not None
    for start in starts:
        at = low.find(start)
        while at >= 0:
            if pattern.match(text, at):
                return True
            at = low.find(start, at + 1)
    return False
