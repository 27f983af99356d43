"""Rule "fee-computation": the arithmetic of a Form 24F-2 notice (investment companies).

A 24F-2 notice is a form, not a table: numbered items, and in item 12 a fee
computation with lettered lines. The form itself states the arithmetic:

- item 10 (securities sold in reliance on rule 24f-2) is part of item 9 (all
  securities sold): its aggregate price cannot exceed item 9's, and for the
  same number of securities the price must be the same;
- line 12(i) is "from Item 10", line 12(ii) "from item 11";
- 12(v) = (i) + (ii) - (iii) + (iv);
- 12(vii), the fee, = (v) (or (i)) x the multiplier (vi), in interval arithmetic
  since the multiplier is printed rounded.

Read from the document lines directly (the numbers sit in prose, not columns).
Only documents that are 24F-2 notices are looked at.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

from tieout.checks.intervals import allowance, fmt_apart, fmt_plain, gap, interval_sum, meets
from tieout.model import Check, Report, Span

RULE = "fee-computation"
ITEM = re.compile(r"^\s{0,6}(\d{1,2})\.\s+\S")
SUB = re.compile(r"^\s*\((i|ii|iii|iv|v|vi|vii)\)\s")
PAIR = re.compile(r"^\s*(?P<count>-0-|\d[\d,]*)\s+\$?\s*(?P<price>-0-|\d[\d,]*(?:\.\d+)?)\s*$")
# starts only at the first space of a run, takes the run whole: linear on long runs of spaces
TRAILING = re.compile(r"(?<!\s)\s{3,}+(?P<op>[$+x-]?)\s*(?P<num>-0-|\d[\d,]*(?:\.\d+)?)\s*+$")


class _Num:
    __slots__ = ("value", "decimals", "span", "text")

    def __init__(self, text: str, line: int, col: int):
        self.text = text
        clean = text.replace(",", "")
        self.value = Decimal(0) if clean == "-0-" else Decimal(clean)
        self.decimals = len(clean.split(".")[1]) if "." in clean else 0
        self.span = Span(line, col, col + len(text))

    @property
    def interval(self):
        half = Decimal(1).scaleb(-self.decimals) / 2
        return self.value - half, self.value + half


def check_fee_computation(report: Report) -> Iterable[Check]:
    for document in report.filing.documents:
        kind = (document.type or report.filing.form_type or "").upper()
        text_head = " ".join(line.text for line in document.lines[:80]).lower()
        if not (kind.startswith("24F-2") or ("24f-2" in text_head and "notice" in text_head)):
            continue
        items, subs = _parse(document.lines)
        yield from _checks(items, subs, document.name)


def _parse(lines):
    items: dict[int, tuple[_Num, _Num]] = {}
    subs: dict[str, _Num] = {}
    item = None
    sub = None
    for line in lines:
        m = ITEM.match(line.text)
        if m and int(m.group(1)) <= 20:
            item, sub = int(m.group(1)), None
        s = SUB.match(line.text)
        if s and item == 12:
            sub = s.group(1)
        p = PAIR.match(line.text)
        if p and item is not None and item not in items:
            items[item] = (_num(line, p, "count"), _num(line, p, "price"))
        t = TRAILING.search(line.text)
        if t and item == 12 and sub is not None and not p:
            subs[sub] = _num(line, t, "num")
    return items, subs


def _num(line, match, group) -> _Num:
    col = line.source_col(match.start(group) + 1)
    return _Num(match.group(group), line.number, col)


def _check(status, message, nums, expected="", actual="", slack="", document="", **numbers):
    return Check(RULE, status, message, tuple(n.span for n in nums), expected=expected,
                 actual=actual, slack=slack, document=document, **numbers)


def _numbers(shown: _Num, other) -> dict:
    """The arithmetic in numbers for the Check: the figure shown against the interval ``other``."""
    computed = (other[0] + other[1]) / 2
    return {"shown": shown.value, "computed": computed,
            "allowance": allowance(shown.interval, shown.value, other, computed)}


def _equal(label, shown: _Num, parts, document):
    total = interval_sum((p.interval, s) for p, s in parts)
    expected = fmt_plain((total[0] + total[1]) / 2, shown.decimals)
    numbers = _numbers(shown, total)
    if meets(shown.interval, total):
        return _check("pass", f"{label}: {shown.text}", [shown, *(p for p, _ in parts)],
                      expected, shown.text, document=document, **numbers)
    apart = fmt_apart(shown.value - numbers["computed"], numbers["allowance"], decimals=shown.decimals)
    return _check("fail", f"{label}: shown {shown.text}, expected {expected}: {apart}",
                  [shown, *(p for p, _ in parts)], expected, shown.text,
                  fmt_plain(gap(shown.interval, total), shown.decimals), document, **numbers)


def _checks(items, subs, document):
    if 9 in items and 10 in items:
        (count9, price9), (count10, price10) = items[9], items[10]
        nums = [price10, price9, count10, count9]
        if count9.value == count10.value and price9.value != price10.value:
            yield _check("fail", f"Item 10 reports the same {count10.text} securities as item 9 but an "
                         f"aggregate sale price of {price10.text} against item 9's {price9.text}",
                         nums, price9.text, price10.text,
                         fmt_plain(abs(price10.value - price9.value), 0), document)
        elif price10.value > price9.value:
            yield _check("fail", f"Item 10 (sold under rule 24f-2, {price10.text}) exceeds item 9 "
                         f"(all securities sold, {price9.text})", nums, price9.text, price10.text,
                         fmt_plain(price10.value - price9.value, 0), document)
        else:
            yield _check("pass", "Item 10 is within item 9", nums, document=document)
    if "i" in subs and 10 in items:
        yield _equal("Line 12(i) = item 10 aggregate sale price", subs["i"], [(items[10][1], 1)], document)
    if "ii" in subs and 11 in items:
        yield _equal("Line 12(ii) = item 11 aggregate price", subs["ii"], [(items[11][1], 1)], document)
    if "v" in subs and "i" in subs:
        parts = [(subs[k], s) for k, s in (("i", 1), ("ii", 1), ("iii", -1), ("iv", 1)) if k in subs]
        yield _equal("Line 12(v) = (i) + (ii) - (iii) + (iv)", subs["v"], parts, document)
    base = subs.get("v") or subs.get("i")
    if "vii" in subs and "vi" in subs and base is not None:
        fee, rate = subs["vii"], subs["vi"]
        products = [a * b for a in base.interval for b in rate.interval]
        product = (min(products), max(products))
        expected = fmt_plain((product[0] + product[1]) / 2, fee.decimals)
        nums = [fee, base, rate]
        numbers = _numbers(fee, product)
        if meets(fee.interval, product):
            yield _check("pass", f"Fee {fee.text} = {base.text} x {rate.text}", nums, expected,
                         fee.text, document=document, **numbers)
        else:
            apart = fmt_apart(fee.value - numbers["computed"], numbers["allowance"], decimals=fee.decimals)
            yield _check("fail", f"Fee shown {fee.text}, but {base.text} x {rate.text} = {expected}: {apart}",
                         nums, expected, fee.text, fmt_plain(gap(fee.interval, product), fee.decimals),
                         document, **numbers)
