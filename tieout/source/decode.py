"""Bytes to text, without ever failing on a real filing.

EDGAR text filings are nominally ASCII, but real files arrive as UTF-8 (with
or without a byte-order mark), UTF-16 from Windows tools, cp1252 with curly
quotes and section signs, or bytes no code page explains. The order tried is
UTF-32/UTF-16 by BOM, BOM-less UTF-16 (NULs in every other byte), UTF-8,
cp1252, and finally latin-1, which decodes any byte. Anything short of clean
UTF-8/ASCII is reported as an "info" Problem so a reader knows what was
assumed. Stray NUL bytes (padding from old mainframe transfers) are removed.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from tieout.model import Problem
from tieout.source.sniff import utf16_order

STAGE = "source"

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    problems: tuple[Problem, ...] = ()


def bytes_to_text(data: bytes) -> Decoded:
    """Decode ``data``; the result's ``encoding`` names the codec used."""
    problems: list[Problem] = []
    for bom, encoding in BOMS:
        if data.startswith(bom):
            text = data[len(bom):].decode(encoding, errors="replace")
            if "\ufffd" in text:
                problems.append(Problem(STAGE, f"some bytes are not valid {encoding}; "
                                               "they show as \ufffd", severity="info"))
            return _without_nuls(text, encoding, problems)
    order = utf16_order(data[:4096])
    if order:
        encoding = f"utf-16-{order}"
        text = data.decode(encoding, errors="replace")
        problems.append(Problem(STAGE, f"no byte-order mark; decoded as {encoding} "
                                       "(NUL in every other byte)", severity="info"))
        return _without_nuls(text, encoding, problems)
    if b"\x00" in data:
        count = data.count(0)
        data = data.replace(b"\x00", b"")
        problems.append(Problem(STAGE, f"removed {count:,} stray NUL byte(s)", severity="info"))
    if data.isascii():
        return Decoded(data.decode("ascii"), "ascii", tuple(problems))
    try:
        return Decoded(data.decode("utf-8"), "utf-8", tuple(problems))
    except UnicodeDecodeError as exc:
        where = exc.start
    try:
        text = data.decode("cp1252")
        encoding = "cp1252"
    except UnicodeDecodeError:
        text = data.decode("latin-1")
        encoding = "latin-1"
    line = data.count(b"\n", 0, where) + 1
    problems.append(Problem(STAGE, f"not UTF-8 (first invalid byte 0x{data[where]:02x} on line "
                                   f"{line}); decoded as {encoding}", line=line, severity="info"))
    return Decoded(text, encoding, tuple(problems))


def _without_nuls(text: str, encoding: str, problems: list[Problem]) -> Decoded:
    if "\x00" in text:
        count = text.count("\x00")
        text = text.replace("\x00", "")
        problems.append(Problem(STAGE, f"removed {count:,} stray NUL character(s)", severity="info"))
    return Decoded(text, encoding, tuple(problems))
