"""Reports built by hand for the web tests: real records of ``tieout.model``, made
without the reader, so the view can be tested on exactly known facts and checks."""

from __future__ import annotations

import hashlib
import re
from decimal import Decimal

from tieout.model import Check, Claim, Column, Document, Fact, Filing, Line, Report, Span, Table

NUMBER = re.compile(r"\(?\$?\s?\d[\d,]*(?:\.\d+)?\)?")


def filing(text: str, name: str = "doc.txt", company: str = "") -> Filing:
    raw = text.split("\n")
    lines = tuple(Line(i + 1, r.expandtabs(8), r) for i, r in enumerate(raw))
    doc = Document(name=name, type="", sequence=1, filename=name, lines=lines)
    return Filing(path=name, sha256=hashlib.sha256(text.encode()).hexdigest(), size=len(text), encoding="utf-8", documents=(doc,),
                  company=company, form_type="8-K", raw_lines=tuple(raw))


def number_value(display: str) -> Decimal:
    negative = display.startswith("(")
    digits = display.strip("()$ ").replace(",", "")
    value = Decimal(digits)
    return -value if negative else value


def fact(fid: int, raw_lines, line: int, nth: int = 0, label: str = "", period: str = "1996-03-31",
         scale: int = 1000) -> Fact:
    """The ``nth`` number on ``line`` (1-based) as a Fact with its original columns."""
    raw = raw_lines[line - 1]
    found = [m for m in NUMBER.finditer(raw) if any(ch.isdigit() for ch in m.group())]
    m = found[nth]
    display = m.group().replace("$", "").strip()
    start = m.start() + m.group().index(display[0])
    value = number_value(display) * scale
    return Fact(id=fid, document="doc.txt", table="T", table_index=0, row_index=line, column_index=nth,
                label=label or raw[:found[0].start()].strip(" .$\t") or f"line {line}", path=("Assets",),
                period=period, value=value, unit="USD", display=display, scale=Decimal(scale),
                scale_source="note", decimals=0, line=line, col=start + 1, end_col=start + 1 + len(display))


def sum_check(total: Fact, items: list[Fact], rule: str = "sum") -> Check:
    expected = sum((f.value for f in items), Decimal(0))
    status = "pass" if expected == total.value else "fail"
    return Check(rule=rule, status=status, message=f"{total.label}: items add to {expected}, total shows {total.value}",
                 spans=tuple(f.span for f in [total, *items]), expected=str(expected), actual=str(total.value),
                 facts=tuple(f.id for f in [total, *items]))


def claim(cid: int, raw_lines, line: int, text: str, value: Decimal, about: str) -> Claim:
    col = raw_lines[line - 1].index(text) + 1
    return Claim(id=cid, document="doc.txt", sentence=raw_lines[line - 1].strip(), text=text, value=value,
                 unit="USD", low=value, high=value, qualifier="", about=about, period=None,
                 line=line, col=col, end_col=col + len(text))


def table(title: str = "BALANCE SHEET", first: int = 5, last: int = 10) -> Table:
    columns = (Column(0, "1996", "1996-03-31", 32, 37), Column(1, "1995", "1995-12-31", 41, 45))
    return Table(document="doc.txt", index=0, title=title, note="in thousands", scale=Decimal(1000),
                 shares_scale=Decimal(1), first=first, last=last, columns=columns, rows=())


def report(f: Filing, facts, checks=(), claims=(), tables=None) -> Report:
    return Report(filing=f, tables=(table(),) if tables is None else tuple(tables),
                  fact_records=tuple(facts), claims=tuple(claims), checks=tuple(checks))


SMALL = """ACME MINING <b>& Co.</b>
\tNet income of $1,500 was reported; <script>alert(1)</script>
<img src=x onerror=alert(2)>

                               (in thousands)
Cash\t\t\t       1,000      900
Receivables                    2,000    2,200
                               -----    -----
Total current assets           3,000    3,100
                               =====    =====
"""


def small_report(break_total: bool = False, text: str | None = None, offset: int = 0) -> Report:
    """SMALL read by hand: two columns that foot (or, broken, the second does not) and a claim.

    ``text``/``offset``: the same lines placed ``offset`` lines down a longer text.
    """
    if text is None:
        text = SMALL.replace("3,100", "3,200") if break_total else SMALL
    f = filing(text, name="acme-broken.txt" if break_total else "acme.txt", company="Acme <Mining>")
    raw = f.raw_lines
    n = offset
    cash, cash2 = fact(0, raw, 6 + n, 0), fact(1, raw, 6 + n, 1, period="1995-12-31")
    rec, rec2 = fact(2, raw, 7 + n, 0), fact(3, raw, 7 + n, 1, period="1995-12-31")
    tot, tot2 = fact(4, raw, 9 + n, 0), fact(5, raw, 9 + n, 1, period="1995-12-31")
    c = claim(0, raw, 2 + n, "$1,500", Decimal(1500000), "net income")
    checks = [sum_check(tot, [cash, rec]), sum_check(tot2, [cash2, rec2]),
              Check(rule="claim", status="unverifiable", message="no table states net income",
                    spans=(Span(c.line, c.col, c.end_col),), claims=(0,))]
    return report(f, [cash, cash2, rec, rec2, tot, tot2], checks, [c])


def write_store(path, reports):
    """A store at ``path`` holding ``reports``, written through ``tieout.store``."""
    from tieout.store import open_store

    with open_store(path, write=True) as store:
        for r in reports:
            store.write_report(r)
    return path
