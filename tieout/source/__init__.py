"""Stage 1, source: a file's bytes -> ``Filing`` (documents of numbered lines, page furniture).

The chain, one small module each::

    read      path or stdin -> bytes           (InputError: missing, directory, unreadable)
    sniff     bytes -> ok or InputError         (empty, PDF, Word, ZIP, image, binary, HTML)
    decode    bytes -> text + encoding          (UTF-8/16/32 by BOM, BOM-less UTF-16, cp1252, latin-1)
    lines     text -> raw lines + page breaks   (\\r\\n, \\n, \\r end a line; \\f is a page break)
    sgml      raw lines -> header + parts       (<SEC-DOCUMENT>, <IMS-DOCUMENT>, <DOCUMENT>...)
    stripped  the same for tag-stripped submissions
    cover     no header: form, period of report, registrant from the cover page
    furniture document lines -> furniture line numbers

``load_filing`` raises ``InputError`` only when nothing in the file can be
read as a plain-text filing; everything else is a ``Problem`` on the Filing.
See docs.md in this folder for the conventions.
"""

from __future__ import annotations

import hashlib
import sys
from dataclasses import replace
from pathlib import Path

from tieout.errors import InputError
from tieout.model import Document, Filing, Problem
from tieout.source.cover import lines_to_cover
from tieout.source.decode import bytes_to_text
from tieout.source.furniture import DEFAULT_SETTINGS, FurnitureSettings, raw_to_furniture
from tieout.source.lines import raw_to_lines, text_to_lines
from tieout.source.sgml import Container, Part, is_sgml, plain_container, sgml_to_container
from tieout.source.sniff import HTML_MESSAGE, bytes_to_kind, lines_to_kind, plain_to_kind, text_to_kind
from tieout.source.stripped import is_stripped, stripped_to_container

__all__ = ["load_filing", "path_to_bytes", "FurnitureSettings"]

STAGE = "source"


def load_filing(path: str | Path, data: bytes | None = None, *,
                settings: FurnitureSettings = DEFAULT_SETTINGS) -> Filing:
    """Read one filing: ``path`` (``"-"`` is stdin), or ``data`` already read from it."""
    path = str(path)
    name = display_name(path)
    if data is None:
        data = path_to_bytes(path)
    bytes_to_kind(data, name)
    decoded = bytes_to_text(data)
    text_to_kind(decoded.text, name)
    split = text_to_lines(decoded.text)
    raw = split.raw_lines
    container = raw_to_container(raw, split.text, document_name(path))
    if container.style == "plain":
        if lines_to_kind(raw[:200]) == "html":
            container = replace(container, parts=tuple(replace(p, kind="html") for p in container.parts))
        else:
            plain_to_kind(raw, name)
    problems = list(decoded.problems) + list(container.problems)
    documents = []
    used: set[str] = set()
    tabs = "\t" in split.text
    for part in container.parts:
        if part.kind == "html":
            document = html_part_to_document(part, raw, container.style, settings)
        elif part.kind != "text":
            problems.append(_skipped(part))
            continue
        else:
            document = part_to_document(part, raw, split.page_breaks, container.style, settings, tabs)
        if document.name in used:  # two parts with one TYPE#SEQUENCE: keep both, apart
            document = replace(document, name=f"{document.name}@{part.first}")
        used.add(document.name)
        documents.append(document)
    if not documents:
        raise InputError(_nothing_readable(name, container))
    header = container.header
    if not (header.form_type and header.period):  # no EDGAR header: the cover says what it would
        cover = lines_to_cover(line.text for line in documents[0].lines)
        header = replace(header, form_type=header.form_type or cover.form_type,
                         period=header.period or cover.period, company=header.company or cover.company)
    return Filing(
        path=path, sha256=hashlib.sha256(data).hexdigest(), size=len(data), encoding=decoded.encoding,
        documents=tuple(documents), form_type=header.form_type, company=header.company, cik=header.cik,
        period=header.period, filed=header.filed, accession=header.accession,
        raw_lines=raw, problems=tuple(problems), sic=header.sic,
        fiscal_year_end=header.fiscal_year_end or annual_year_end(header.form_type, header.period),
    )


def annual_year_end(form_type: str, period: str) -> str:
    """A filing without a FISCAL YEAR END line: an annual report's period of report is one (MMDD)."""
    if period and form_type.upper().startswith(("10-K", "20-F", "40-F", "10-KSB")):
        return period[5:7] + period[8:10]
    return ""


def path_to_bytes(path: str) -> bytes:
    """The file's bytes; ``InputError`` with the reason when it cannot be read."""
    if path == "-":
        return sys.stdin.buffer.read()
    file = Path(path)
    if not file.exists():
        hint = "; check the path" if not file.parent.exists() else ""
        raise InputError(f"{path}: no such file{hint}")
    if file.is_dir():
        raise InputError(f"{path}: is a directory, not a filing; give a file, "
                         f"or read the whole folder with 'tieout ingest {path} --db FILE'")
    try:
        return file.read_bytes()
    except PermissionError:
        raise InputError(f"{path}: permission denied; tieout cannot read this file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from None


def display_name(path: str) -> str:
    return "stdin" if path == "-" else path


def document_name(path: str) -> str:
    """The name of a document that is the whole file: the file name, ``stdin`` for ``-``."""
    return "stdin" if path == "-" else Path(path).name


def raw_to_container(raw: tuple[str, ...], text: str, name: str) -> Container:
    """Pick the container reading for these lines: SGML, tag-stripped, or a plain file.

    ``text`` is the same file with "\n" line endings (for the regex scanners).
    """
    if is_sgml(raw):
        return sgml_to_container(raw, text)
    if is_stripped(raw):
        return stripped_to_container(raw, text)
    return plain_container(raw, name)


def part_to_document(part: Part, raw: tuple[str, ...], page_breaks: frozenset[int], style: str,
                     settings: FurnitureSettings = DEFAULT_SETTINGS, tabs: bool = True) -> Document:
    lines = raw_to_lines(raw, part.first, part.last, tabs)
    furniture = raw_to_furniture(raw[part.first - 1: part.last], part.first, page_breaks, settings)
    if style == "plain":
        return Document(name=part.filename, type="", sequence=1, filename=part.filename,
                        lines=lines, furniture=furniture)
    return Document(name=part.name, type=part.type, sequence=part.sequence, filename=part.filename,
                    lines=lines, furniture=furniture)


def html_part_to_document(part: Part, raw: tuple[str, ...], style: str,
                          settings: FurnitureSettings = DEFAULT_SETTINGS) -> Document:
    """An HTML document (a whole .htm file, or a submission's <TEXT>) read by ``tieout.source.html``."""
    from tieout.source.html import html_to_document

    plain = style == "plain"
    document, breaks = html_to_document(
        "\n".join(raw[part.first - 1: part.last]), part.first,
        name=part.filename if plain else part.name, type="" if plain else part.type,
        sequence=1 if plain else part.sequence, filename=part.filename)
    texts = [line.text for line in document.lines]
    return replace(document, furniture=raw_to_furniture(texts, 1, breaks, settings),
                   html_lines=(part.first, part.last))


def _skipped(part: Part) -> Problem:
    what = {"html": "HTML", "xml": "XML", "pdf": "a PDF", "uuencoded": "a uuencoded file",
            "binary": "not text"}.get(part.kind, part.kind)
    reason = HTML_MESSAGE if part.kind == "html" else "only plain-text documents are read"
    return Problem(STAGE, f"skipped document {part.name} (lines {part.first}-{part.last}): it is "
                          f"{what}; {reason}", line=max(part.first - 1, 1), severity="info")


def _nothing_readable(name: str, container: Container) -> str:
    if not container.parts:
        return (f"{name}: the EDGAR submission has a header but no <DOCUMENT>; "
                "the file may be truncated")
    kinds = sorted({part.kind for part in container.parts})
    if "html" in kinds:
        return f"{name}: no plain-text document in this submission; {HTML_MESSAGE}"
    return (f"{name}: no plain-text document in this submission (found: {', '.join(kinds)}); "
            "tieout reads plain-text filings (1993-2008)")
