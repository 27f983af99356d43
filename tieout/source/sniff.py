"""Say early, in one sentence, why a file cannot be a plain-text filing.

The source stage reads anything a user may point it at: a PDF, a Word file,
a ZIP, an image, a modern HTML filing, an empty file, a folder. Each gets one
``InputError`` sentence naming the file, the reason and a remedy, instead of a
traceback or a page of mojibake further down the pipeline. The tests here are
cheap (magic numbers, a sample of the first bytes) so they cost nothing on
real filings.

``text_kind`` does the same job for one ``<DOCUMENT>`` inside an EDGAR
submission, where an unreadable part is skipped (with a Problem), not fatal.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tieout.errors import InputError

HTML_MESSAGE = "HTML filings are not read yet; tieout reads plain-text filings (1993-2008)"

# (magic prefix, what it is, remedy)
MAGIC: tuple[tuple[bytes, str, str], ...] = (
    (b"%PDF", "a PDF file", "convert it to text first (for example 'pdftotext -layout FILE')"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a Microsoft Word/OLE document", "save it as plain text"),
    (b"PK\x03\x04", "a ZIP archive (or .docx/.xlsx)", "unpack it and pass the .txt filing"),
    (b"\x1f\x8b", "a gzip-compressed file", "decompress it first (gunzip)"),
    (b"BZh", "a bzip2-compressed file", "decompress it first (bunzip2)"),
    (b"\xfd7zXZ\x00", "an xz-compressed file", "decompress it first (unxz)"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image", "pass the text filing instead"),
    (b"GIF87a", "a GIF image", "pass the text filing instead"),
    (b"GIF89a", "a GIF image", "pass the text filing instead"),
    (b"\xff\xd8\xff", "a JPEG image", "pass the text filing instead"),
    (b"II*\x00", "a TIFF image", "pass the text filing instead"),
    (b"MM\x00*", "a TIFF image", "pass the text filing instead"),
    (b"\x7fELF", "an executable program", "pass the text filing instead"),
    (b"{\\rtf", "an RTF document", "save it as plain text"),
)

SAMPLE_BYTES = 65536
# bytes that never occur in a text filing; \t \n \r \f, ESC (printer codes)
# and SUB (DOS end-of-file) do occur and are allowed
CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 26, 27)) + b"\x7f"


def bytes_to_kind(data: bytes, name: str) -> None:
    """Raise ``InputError`` when ``data`` is plainly not a text file (empty, magic, binary).

    NUL-heavy UTF-16 text is left for the decoder; so are stray NULs (up to a
    quarter of the sample: padding from old transfers), which it removes.
    """
    if not data:
        raise InputError(f"{name}: the file is empty")
    head = data[:16].lstrip()
    for magic, what, remedy in MAGIC:
        if data.startswith(magic) or head.startswith(magic):
            raise InputError(f"{name}: is {what}, not a plain-text filing; {remedy}")
    sample = data[:SAMPLE_BYTES]
    if _looks_utf16(sample) or sample[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return
    nuls = sample.count(0)
    bad = len(sample) - len(sample.translate(None, CONTROL_BYTES)) - nuls
    if bad * 20 > len(sample) or nuls * 4 > len(sample):  # >5% control bytes, >25% NULs
        share = round(100 * (bad + nuls) / len(sample))
        raise InputError(f"{name}: looks binary ({share}% control bytes in the first "
                         f"{len(sample):,} bytes), not a plain-text filing")


def _looks_utf16(sample: bytes) -> bool:
    """BOM-less UTF-16: NULs in every other byte (ASCII text stored as UTF-16)."""
    return utf16_order(sample) != ""


def utf16_order(sample: bytes) -> str:
    """"le" or "be" when ``sample`` is BOM-less UTF-16 of mostly ASCII text, else ""."""
    sample = sample[:4096]
    if len(sample) < 4:
        return ""
    half = len(sample) // 2
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    if odd_nuls > 0.7 * half and even_nuls < 0.1 * half:
        return "le"
    if even_nuls > 0.7 * half and odd_nuls < 0.1 * half:
        return "be"
    return ""


def text_to_kind(text: str, name: str) -> None:
    """Raise ``InputError`` for decoded text that is blank."""
    if not text.strip():
        raise InputError(f"{name}: the file is empty (only whitespace)")


def plain_to_kind(lines: Sequence[str], name: str) -> None:
    """Raise ``InputError`` for a file (not an EDGAR submission) that is an HTML or XML page."""
    kind = lines_to_kind(lines[:200])
    if kind == "html":
        raise InputError(f"{name}: {HTML_MESSAGE}")
    if kind == "xml":
        raise InputError(f"{name}: is an XML document (XBRL?), not a plain-text filing; {HTML_MESSAGE}")
    if kind in ("pdf", "uuencoded"):
        raise InputError(f"{name}: holds {'a PDF' if kind == 'pdf' else 'a uuencoded file'}, "
                         "not a plain-text filing")


_HTML_START = re.compile(r"\s*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE)
# tags that plain-text EDGAR documents never use (they use <TABLE> <S> <C> <PAGE> <FN> <CAPTION>)
_HTML_TAG = re.compile(r"<(?:p|div|font|br|td|tr|span|b|i|center|hr|img|a\s)\b[^>\n]{0,200}>",
                       re.IGNORECASE)


def lines_to_kind(lines: Sequence[str]) -> str:
    """What the first lines of a text are: "text", "html", "xml", "pdf" or "uuencoded".

    Looks at the first 40 non-blank lines only, so it is cheap on any size.
    """
    seen = 0
    html_tags = 0
    for line in lines:
        stripped = line.strip()
        if not stripped:
            continue
        seen += 1
        if seen == 1:
            low = stripped[:16].lower()
            if low.startswith("<pdf>") or stripped.startswith("%PDF"):
                return "pdf"
            if low.startswith("begin 6") or low.startswith("begin 7"):
                return "uuencoded"
            if low.startswith("<?xml") or low.startswith("<xml>") or low.startswith("<xbrl"):
                return "html" if "<html" in " ".join(lines[:40])[:20000].lower() else "xml"
        if _HTML_START.match(stripped):
            return "html"
        if "<" in stripped:
            html_tags += len(_HTML_TAG.findall(stripped[:2000]))
            if html_tags >= 3:
                return "html"
        if seen >= 40:
            break
    return "text"
