"""Decoding: UTF-8 (BOM or not), UTF-16 (BOM or not), cp1252, latin-1; NULs removed."""

import pytest

from tieout.source import load_filing
from tieout.source.decode import bytes_to_text

TEXT = "Net income (loss)          1,475      (2,464)\nDividends \u2014 paid\n"


def infos(filing):
    return [p.message for p in filing.problems if p.severity == "info"]


def test_ascii_is_recorded_as_ascii_without_problems():
    filing = load_filing("a.txt", data=b"Total revenue   43,641\n")
    assert filing.encoding == "ascii" and filing.problems == ()


def test_utf8_with_and_without_bom():
    plain = load_filing("u.txt", data=TEXT.encode("utf-8"))
    bom = load_filing("u.txt", data=b"\xef\xbb\xbf" + TEXT.encode("utf-8"))
    assert plain.encoding == "utf-8" and bom.encoding == "utf-8-sig"
    assert plain.raw_lines == bom.raw_lines == tuple(TEXT.splitlines())


@pytest.mark.parametrize("codec, bom, name", [
    ("utf-16-le", b"\xff\xfe", "utf-16-le"),
    ("utf-16-be", b"\xfe\xff", "utf-16-be"),
])
def test_utf16_with_bom(codec, bom, name):
    filing = load_filing("w.txt", data=bom + TEXT.encode(codec))
    assert filing.encoding == name
    assert filing.raw_lines == tuple(TEXT.splitlines())
    assert filing.problems == ()


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_detected_by_its_nuls(codec):
    filing = load_filing("w.txt", data=(TEXT * 20).encode(codec))
    assert filing.encoding == codec
    assert filing.raw_lines[:2] == tuple(TEXT.splitlines())
    assert any("no byte-order mark" in m for m in infos(filing))


def test_cp1252_curly_quotes_and_dashes():
    data = "Hecla\u2019s \u201cLucky Friday\u201d mine \u2013 1996\n".encode("cp1252")
    filing = load_filing("c.txt", data=data)
    assert filing.encoding == "cp1252"
    assert filing.raw_lines == ("Hecla\u2019s \u201cLucky Friday\u201d mine \u2013 1996",)
    assert any("decoded as cp1252" in m and "line 1" in m for m in infos(filing))


def test_bytes_cp1252_cannot_decode_fall_back_to_latin1():
    data = b"line one\nbad \x81\x8d byte\n"  # 0x81 and 0x8d are undefined in cp1252
    decoded = bytes_to_text(data)
    assert decoded.encoding == "latin-1"
    assert decoded.text == "line one\nbad \x81\x8d byte\n"
    assert "line 2" in decoded.problems[0].message


def test_stray_nul_bytes_are_removed():
    filing = load_filing("n.txt", data=b"Total\x00 assets   271,873\n\x00\x00Net   1\n")
    assert filing.raw_lines == ("Total assets   271,873", "Net   1")
    assert any("removed 3 stray NUL" in m for m in infos(filing))


def test_sha256_and_size_are_of_the_original_bytes():
    import hashlib

    data = b"\xff\xfe" + TEXT.encode("utf-16-le")
    filing = load_filing("w.txt", data=data)
    assert filing.size == len(data) and filing.sha256 == hashlib.sha256(data).hexdigest()
