"""The EDGAR submission container: header lines, then ``<DOCUMENT>`` parts.

A complete submission file looks like::

    -----BEGIN PRIVACY-ENHANCED MESSAGE-----      (optional PEM wrapper)
    <SEC-DOCUMENT>...   <SEC-HEADER>...           (<IMS-...> before 1995)
    ACCESSION NUMBER: ... </SEC-HEADER>
    <DOCUMENT>
    <TYPE>EX-99.1  <SEQUENCE>2  <FILENAME>...  <DESCRIPTION>...
    <TEXT>
    ...the document as filed, with <TABLE> <S> <C> <PAGE> markup...
    </TEXT>
    </DOCUMENT>

This module finds the parts by line, never loading a tree: the text lines of
each part are a range of original line numbers (exclusive of the ``<TEXT>``
lines), so every later position is a position in the file. A file cut short
still gives the parts it has, with a Problem. Parts that are not plain text
(HTML, XML, PDF, uuencoded graphics) are marked so the caller can skip them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from tieout.model import Problem
from tieout.source.header import HeaderFields, lines_to_header
from tieout.source.sniff import lines_to_kind

STAGE = "source"

CONTAINER_TAGS = ("<SEC-DOCUMENT>", "<SEC-HEADER>", "<IMS-DOCUMENT>", "<IMS-HEADER>",
                  "<SUBMISSION>", "<DOCUMENT>")
META_TAGS = ("<TYPE>", "<SEQUENCE>", "<FILENAME>", "<DESCRIPTION>")
# document types that are never plain text
BINARY_TYPES = frozenset({"GRAPHIC", "ZIP", "EXCEL", "PDF", "XML", "JSON", "XBRL"})
SGML_SNIFF_LINES = 400
# the container tags, at a line start; found by one C scan of the whole text
_EVENT = re.compile(r"\n(</?(?i:DOCUMENT|TEXT|TYPE|SEQUENCE|FILENAME|DESCRIPTION|SEC-DOCUMENT"
                    r"|IMS-DOCUMENT|SUBMISSION)>)([^\n]*)")


@dataclass(frozen=True, slots=True)
class Part:
    """One document of a submission, as a range of original line numbers."""

    type: str
    sequence: int
    filename: str
    description: str
    first: int  # first text line, 1-based
    last: int  # last text line, inclusive (first - 1 when empty)
    kind: str = "text"  # "text", "html", "xml", "pdf", "uuencoded", "binary"

    @property
    def name(self) -> str:
        return f"{self.type or 'DOCUMENT'}#{self.sequence}"


@dataclass(frozen=True, slots=True)
class Container:
    style: str  # "sgml", "stripped" (tags removed by a downloader), "plain"
    header: HeaderFields
    parts: tuple[Part, ...]
    problems: tuple[Problem, ...] = field(default=())


def is_sgml(raw: Sequence[str]) -> bool:
    """True when the first lines hold an EDGAR container tag at a line start."""
    for line in raw[:SGML_SNIFF_LINES]:
        if line.startswith("<") and line[:14].upper().startswith(CONTAINER_TAGS):
            return True
    return False


def _tag(line: str) -> str:
    """``"<TYPE>EX-99"`` -> ``"<TYPE>"``; ``""`` when the line is no tag."""
    if not line.startswith("<"):
        return ""
    end = line.find(">", 1, 24)
    return line[: end + 1].upper() if end > 0 else ""


def text_to_events(text: str) -> list[tuple[int, str, str]]:
    """``(line number, TAG, rest of line)`` for every container tag at a line start.

    ``text`` has "\n" line endings (``SplitText.text``). One regex pass and a
    running newline count: linear, and in C for all but the few tag lines.
    """
    events: list[tuple[int, str, str]] = []
    first_end = text.find("\n")
    first_line = text if first_end < 0 else text[:first_end]
    if first_line.startswith("<"):
        head = _EVENT.match("\n" + first_line)
        if head:
            events.append((1, head.group(1).upper(), head.group(2)))
    number, position = 1, 0
    for match in _EVENT.finditer(text):
        number += text.count("\n", position, match.start() + 1)
        position = match.start() + 1
        events.append((number, match.group(1).upper(), match.group(2)))
    return events


def sgml_to_container(raw: Sequence[str], text: str) -> Container:
    """Split an SGML submission (its lines, and its text with "\n" endings) into header and parts."""
    problems: list[Problem] = []
    parts: list[Part] = []
    header_end = len(raw)
    state = "outside"  # outside -> meta -> text -> after
    meta: dict[str, str] = {}
    start = 0  # line number of <DOCUMENT>
    first = 0  # first text line
    closed_container = False

    def finish(last: int) -> None:
        parts.append(_part(meta, first, last, len(parts) + 1, raw))

    for number, tag, rest in text_to_events(text):
        if state == "text":
            if tag == "</TEXT>":
                finish(number - 1)
                state = "after"
            elif tag == "</DOCUMENT>":
                problems.append(Problem(STAGE, f"<DOCUMENT> at line {start} has no </TEXT>", line=number))
                finish(number - 1)
                state = "outside"
            elif tag == "<DOCUMENT>":
                problems.append(Problem(STAGE, f"<DOCUMENT> at line {start} is not closed before the "
                                               "next <DOCUMENT>", line=number))
                finish(number - 1)
                state, meta, start = "meta", {}, number
            continue
        if state == "meta":
            if tag in META_TAGS:
                meta.setdefault(tag, rest.strip())
                continue
            if tag == "<TEXT>":
                state, first = "text", number + 1
                continue
            # any other tag closes a document that had no <TEXT> tag
            first = _first_body_line(raw, start, number)
            if first < number:
                problems.append(Problem(STAGE, f"<DOCUMENT> at line {start} has no <TEXT> tag; "
                                               f"its text is read from line {first}", line=first))
                finish(number - 1)
            else:
                problems.append(Problem(STAGE, f"<DOCUMENT> at line {start} has no text", line=number))
            state = "outside"
        if tag == "<DOCUMENT>":
            if state == "after":
                problems.append(Problem(STAGE, f"<DOCUMENT> at line {start} has no </DOCUMENT>",
                                        line=number, severity="info"))
            header_end = min(header_end, number - 1)
            state, meta, start = "meta", {}, number
        elif tag == "</DOCUMENT>":
            state = "outside"
        elif tag in ("</SEC-DOCUMENT>", "</IMS-DOCUMENT>", "</SUBMISSION>"):
            closed_container = True
    last = len(raw)
    if state == "meta":
        first = _first_body_line(raw, start, last + 1)
        if first <= last:
            state = "text"
        else:
            problems.append(Problem(STAGE, f"the file ends inside the <DOCUMENT> header at line {start}; "
                                           "it may be truncated", line=last))
    if state == "text":
        finish(last)
        problems.append(Problem(STAGE, f"the file ends inside <DOCUMENT> at line {start} (no </TEXT>); "
                                       "it may be truncated", line=last,
                                remedy="download the complete submission again"))
    elif state == "after":
        problems.append(Problem(STAGE, "the file ends without </DOCUMENT>; it may be truncated",
                                line=last, severity="info"))
    elif not closed_container and parts and _opens_container(raw):
        problems.append(Problem(STAGE, "the file ends without </SEC-DOCUMENT>; it may be truncated",
                                line=last, severity="info"))
    header = lines_to_header(raw[:header_end])
    return Container("sgml", header, tuple(parts), tuple(problems))


def _first_body_line(raw: Sequence[str], start: int, stop: int) -> int:
    """The first line after ``<DOCUMENT>`` (line ``start``) that is neither a tag nor blank,
    before line ``stop``; ``stop`` when there is none."""
    for number in range(start + 1, stop):
        line = raw[number - 1]
        if line.strip() and not _tag(line):
            return number
    return stop


def _opens_container(raw: Sequence[str]) -> bool:
    return any(_tag(line) in ("<SEC-DOCUMENT>", "<IMS-DOCUMENT>", "<SUBMISSION>")
               for line in raw[:SGML_SNIFF_LINES])


def _part(meta: dict[str, str], first: int, last: int, position: int, raw: Sequence[str]) -> Part:
    sequence_text = meta.get("<SEQUENCE>", "")
    sequence = int(sequence_text) if sequence_text.isdigit() else position
    words = meta.get("<TYPE>", "").split()
    doc_type = words[0] if words else ""
    if doc_type.upper() in BINARY_TYPES:
        kind = "binary"
    else:
        kind = lines_to_kind(raw[first - 1: min(last, first + 199)])
    return Part(doc_type, sequence, meta.get("<FILENAME>", ""), meta.get("<DESCRIPTION>", ""),
                first, max(last, first - 1), kind)


def plain_container(raw: Sequence[str], name: str) -> Container:
    """A file that is not a submission: one part holding every line."""
    return Container("plain", HeaderFields(), (Part("", 1, name, "", 1, len(raw)),))
