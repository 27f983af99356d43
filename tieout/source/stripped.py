"""Recover a submission whose SGML tags a downloader stripped.

Some public mirrors of EDGAR (the Apple 10-Ks in corpus/aapl-10k/) removed
every ``<...>`` tag and kept the values, so the header survives as bare
``ACCESSION NUMBER:`` lines and each ``<TYPE>10-K`` / ``<SEQUENCE>1`` pair
survives as two bare lines::

    EX-27          <- was <TYPE>EX-27
    4              <- was <SEQUENCE>4
    ART. 5 FDS FOR FY95 FORM 10-K      <- first line of the document

A document boundary is a line that is exactly a form or exhibit type (no
surrounding spaces) followed by a line that is exactly the next sequence
number (1, 2, 3, ... in order). Requiring the count to advance by one keeps
numbers inside the documents (page numbers, EX-27 values) from posing as
boundaries. Where no ``<FILENAME>``/``<DESCRIPTION>`` tag survives their
value lines stay as the first text lines; they cannot be told from text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tieout.model import Problem
from tieout.source.header import lines_to_header
from tieout.source.sgml import Container, Part
from tieout.source.sniff import lines_to_kind

STAGE = "source"
SNIFF_LINES = 80
PEM_END = "-----END PRIVACY-ENHANCED MESSAGE-----"

# EX-27, EX-10.A-8, 10-K, 10-K405, 8-K, 10-Q, or a few known non-exhibit types
_TYPE_LINE = re.compile(r"EX-[0-9A-Z][0-9A-Z.()/-]{0,20}|\d{1,3}-[0-9A-Z][0-9A-Z./-]{0,12}"
                        r"|GRAPHIC|ARS|COVER|CORRESP")


def is_stripped(raw: Sequence[str]) -> bool:
    """True when the top of the file holds bare EDGAR header lines but no tags."""
    keys = {line.split(":", 1)[0].strip() for line in raw[:SNIFF_LINES] if ":" in line}
    return "ACCESSION NUMBER" in keys and "CONFORMED SUBMISSION TYPE" in keys


def stripped_to_container(raw: Sequence[str], text: str) -> Container:
    """Find the documents of a tag-stripped submission by their TYPE/SEQUENCE lines.

    ``text`` is the file's text with "\n" line endings, scanned once by a regex.
    """
    header_probe = lines_to_header(raw[:400])
    form_type = header_probe.form_type
    pattern = _TYPE_LINE.pattern + (f"|{re.escape(form_type)}" if form_type else "")
    boundary = re.compile(rf"\n({pattern})\n(\d{{1,3}})(?=\n)")
    starts: list[tuple[int, str]] = []  # (index of the type line, type)
    expected = 1
    number, position = 1, 0
    for match in boundary.finditer(text):
        number += text.count("\n", position, match.start() + 1)
        position = match.start() + 1
        if int(match.group(2)) == expected:
            starts.append((number - 1, match.group(1)))
            expected += 1
    problems: list[Problem] = []
    last = len(raw)
    while last > 0 and (not raw[last - 1].strip() or raw[last - 1].strip() == PEM_END):
        last -= 1
    if not starts:
        problems.append(Problem(STAGE, "the SGML tags of this submission were stripped and no "
                                       "TYPE/SEQUENCE lines were found; read as one document",
                                severity="info"))
        return Container("stripped", header_probe, (Part(form_type, 1, "", "", 1, last),), tuple(problems))
    header = lines_to_header(raw[: starts[0][0]])
    parts: list[Part] = []
    for position, (index, doc_type) in enumerate(starts):
        first = index + 3  # 1-based line after the sequence line
        end = starts[position + 1][0] if position + 1 < len(starts) else last
        kind = lines_to_kind(raw[first - 1: min(end, first + 199)])
        parts.append(Part(doc_type, position + 1, "", "", first, max(end, first - 1), kind))
    message = (f"the SGML tags of this submission were stripped; found {len(parts)} document(s) "
               "by their bare TYPE/SEQUENCE lines")
    count = _document_count(raw[: starts[0][0]])
    if count and count != len(parts):
        message += f" (the header says {count})"
    problems.append(Problem(STAGE, message, severity="info"))
    return Container("stripped", header, tuple(parts), tuple(problems))


def _document_count(lines: Sequence[str]) -> int:
    for line in lines:
        if line.startswith("PUBLIC DOCUMENT COUNT:"):
            value = line.split(":", 1)[1].strip()
            return int(value) if value.isdigit() else 0
    return 0
