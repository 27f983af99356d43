"""Hostile inputs, made in code: the files a user (or a crawler) may hand tieout by mistake.

Shared by ``test_hostile_inputs.py`` (small sizes, through the real CLI) and
``benchmarks/reliability.py`` (the same classes, plus 20 MB and 50 MB filings).
Each maker returns the file's bytes; ``write_hostile`` puts one on disk.
Everything is deterministic (fixed seeds), so a failure reproduces.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

# A small release in the style of the seed: title, scale note, headers, rules, a total.
TABLE = """\
                     EXAMPLE MINING COMPANY
        (dollars in thousands, except per-share amounts)

                                          First Quarter Ended
                                       ---------------------------
                                       Mar. 31, 1996  Mar. 31, 1995
                                       -------------  -------------
Sales of products                        $  36,450      $  38,130
Cost of sales                               (2,464)        1,475
Other income                                   - -           312
                                          ---------      ---------
Net income (loss)                        $  33,986      $  39,917
                                          =========      =========
Net income (loss) per common share       $    0.35      $    0.41
"""

NARRATIVE = """\
      Example Mining Company today reported net income of $34.0 million, or 35 cents
per common share, for the first quarter of 1996, compared to $39.9 million a year ago.

"""

RELEASE = NARRATIVE + TABLE

MODERN_HTML = """\
<?xml version="1.0" encoding="utf-8"?>
<html xmlns="http://www.w3.org/1999/xhtml">
<head><title>10-Q</title></head>
<body>
<div style="font-family:Times New Roman"><p>UNITED STATES SECURITIES AND EXCHANGE COMMISSION</p>
<table><tr><td>Total assets</td><td>$</td><td>3,424</td></tr><tr><td>Total liabilities</td><td>$</td><td>1,200</td></tr></table>
</div></body></html>
"""

SGML_HEAD = """\
<SEC-DOCUMENT>0000950144-96-000001.txt : 19960425
<SEC-HEADER>0000950144-96-000001.hdr.sgml : 19960425
ACCESSION NUMBER:\t\t0000950144-96-000001
CONFORMED SUBMISSION TYPE:\t8-K
PUBLIC DOCUMENT COUNT:\t\t2
CONFORMED PERIOD OF REPORT:\t19960331
FILED AS OF DATE:\t\t19960425
</SEC-HEADER>
<DOCUMENT>
<TYPE>EX-99.1
<SEQUENCE>2
<DESCRIPTION>PRESS RELEASE
<TEXT>
"""


HOSTILE_HTML = """\
<html><head><script>document.title = 'pwned'; fetch('https://evil.example/x')</script>
<style>@import url(https://evil.example/font.css);</style></head>
<body onload="alert(1)"><p>Example Corp reported net income of $3.4 million.</p>
<img src="https://evil.example/pixel.gif" onerror="alert(2)">
<a href="javascript:alert(3)">click</a><iframe src="https://evil.example/"></iframe>
<table><tr><td onmouseover="alert(4)">Revenue</td><td>$</td><td>1,200</td><td>$</td><td>1,000</td></tr>
<tr><td>Costs</td><td></td><td>(800</td><td>)</td><td></td><td>(700</td><td>)</td></tr>
<tr><td>Net income<script>alert(5)</script></td><td>$</td><td>400</td><td>$</td><td>300</td></tr></table>
</body></html>
"""


def html_table(rows: int, columns: int) -> str:
    """One <table> of ``rows`` x ``columns`` numbers, with "$" and ")" cells of their own."""
    rng = random.Random(rows)
    cells = "".join(f"<td>$</td><td>{rng.randint(1, 999999):,}</td>" for _ in range(columns))
    return "<html><body><table>" + "".join(f"<tr><td>Row {i}</td>{cells}</tr>\n" for i in range(rows)) \
        + "</table></body></html>\n"


def number_line(count: int, seed: int = 0) -> str:
    """A label and ``count`` right-aligned numbers, each set off by two spaces."""
    rng = random.Random(seed)
    cells = [f"{rng.randint(-99999, 999999):>9,}" for _ in range(count)]
    return "Revenue  " + "  ".join(cells)


def _release_with(extra: str) -> bytes:
    return (RELEASE + extra).encode("ascii")


MAKERS: dict[str, Callable[[], bytes]] = {
    "empty": lambda: b"",
    "whitespace only": lambda: b" \n\t\r\n  \n",
    "binary": lambda: random.Random(1).randbytes(8192),
    "pdf": lambda: b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + RELEASE.encode(),
    "html (modern .htm)": lambda: MODERN_HTML.encode(),
    "html in sgml": lambda: (SGML_HEAD.replace("<TEXT>\n", "<FILENAME>ex99.htm\n<TEXT>\n") + MODERN_HTML
                             + "</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n").encode(),
    "html hostile (script, onerror, javascript:)": lambda: HOSTILE_HTML.encode(),
    "html 100k nested tags": lambda: ("<html><body>" + "<div><span>" * 50_000 + "Total  1,234"
                                      + "</span></div>" * 50_000 + "</body></html>").encode(),
    "html 100k unclosed tags": lambda: ("<html><body><table>" + "<tr><td>1" * 100_000).encode(),
    "html 1 MB one cell": lambda: ("<html><body><table><tr><td>" + "9" * 1_000_000 + "</td></tr></table>").encode(),
    "html colspan 1e9": lambda: ('<html><body><table><tr><td colspan="999999999" rowspan="-5">Net</td>'
                                 '<td rowspan="99999">1,234</td><td>5</td></tr></table>').encode(),
    "html table 2000 x 20": lambda: html_table(2000, 20).encode(),
    "utf-16 with bom": lambda: RELEASE.encode("utf-16"),
    "utf-16-le no bom": lambda: RELEASE.encode("utf-16-le"),
    "utf-16-be no bom": lambda: RELEASE.encode("utf-16-be"),
    "utf-32 with bom": lambda: RELEASE.encode("utf-32"),
    "latin-1": lambda: (RELEASE.replace("EXAMPLE", "EXAMPL\u00c9 \u00a7 \u00bd") + "Caf\u00e9 \u00a3 10\n")
    .encode("latin-1"),
    "cp1252": lambda: (RELEASE.replace("today", "\u201ctoday\u201d \u2014")
                       + "Sales \u2013 net   \u20ac 1,234   \u2014\n").encode("cp1252"),
    "invalid utf-8": lambda: RELEASE.encode() + b"\xc3\x28 \xa0\xa1 \xf0\x28\x8c\x28 \x81\x8d\x8f\x90\x9d\n",
    "nul bytes": lambda: RELEASE.encode().replace(b"  ", b" \x00"),
    "nul heavy": lambda: b"\x00" * 3000 + RELEASE.encode(),
    "crlf and tabs": lambda: RELEASE.replace("    ", "\t").replace("\n", "\r\n").encode(),
    "lone cr": lambda: RELEASE.replace("\n", "\r").encode(),
    "form feeds": lambda: RELEASE.replace("\n\n", "\n\f\n").encode() * 3,
    "control chars": lambda: RELEASE.replace("  ", "\x1b\x1a").encode(),
    "1 MB single line (numbers)": lambda: ("Total" + "  1,234" * 150_000).encode(),
    "1 MB single line (text)": lambda: ("word " * 210_000).encode(),
    "1 MB single line (no spaces)": lambda: ("x" * 1_050_000).encode(),
    "100k nested parens": lambda: _release_with("Net  " + "(" * 100_000 + "1" + ")" * 100_000 + "\n"),
    "100k unmatched parens": lambda: _release_with("Net  " + "(" * 100_000 + "\n" + ")" * 100_000 + "\n"),
    "100k paren numbers": lambda: _release_with("Net  " + "(1)  " * 100_000 + "\n"),
    "5000 numbers on a line": lambda: _release_with(number_line(5000) + "\n"),
    "table of 100 x 5000 numbers": lambda: _release_with(
        "".join(number_line(5000, seed) + "\n" for seed in range(100))),
    "20k dashes and dollars": lambda: _release_with(("- " * 20_000) + "\n" + ("$ " * 20_000) + "1\n"
                                                   + ("." * 20_000) + "  5\n" + ("," * 20_000) + "  5\n"),
    "10k tables": lambda: (TABLE * 2000).encode(),
    "deep headings": lambda: _release_with("".join(" " * (i % 60) + f"HEADING {i}\n" for i in range(20_000))
                                           + "Total   1\nTotal   2\n"),
    "huge numbers": lambda: _release_with("Net income   " + "9" * 5000 + "   1" + "0" * 4000 + ".5\n"
                                          + "Exponent   1E+999999   (2e-99999)\n"),
    "truncated sgml": lambda: (SGML_HEAD + RELEASE)[: len(SGML_HEAD) + len(RELEASE) // 2].encode(),
    "sgml header only": lambda: SGML_HEAD.split("<DOCUMENT>")[0].encode(),
    "sgml unclosed tags": lambda: (SGML_HEAD + "<TABLE>\n<S>  <C>\n" + RELEASE + "<TABLE>\n<TABLE>\n"
                                   + "<DOCUMENT>\n<TYPE>\n<SEQUENCE>x\n<TEXT>\n" * 50).encode(),
    "markup only": lambda: b"<PAGE>\n<TABLE>\n<S>\n<C>\n</TABLE>\n<PAGE>\n",
    "mixed line endings": lambda: b"Sales   1\r\nCost   2\rTotal   3\n\r\n\n\r" + RELEASE.encode(),
}


def write_hostile(directory: Path, name: str) -> Path:
    """Write the input ``name`` to a file in ``directory`` and return its path."""
    stem = name.replace(" ", "_").replace("(", "").replace(")", "").replace(".", "").replace(",", "").replace(":", "")
    path = directory / (stem + (".htm" if name.startswith("html") else ".txt"))
    path.write_bytes(MAKERS[name]())
    return path
