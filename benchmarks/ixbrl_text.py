"""Score tieout against the answer key of inline-XBRL filings rendered as plain text.

Why: the plain-text corpus has no truth to score the reader against, but an inline-XBRL
filing carries one. Every statement number of the 10-K/10-Q documents in
``../shared/corpus-html/ixbrl`` is wrapped in an ``ix:nonFraction`` tag naming its concept,
period (via ``xbrli:context``), scale and sign. Drop the hidden ``ix:header``, unwrap the
other ``ix:`` tags, give cells styled ``text-align:right`` (or center) an ``align`` attribute,
render the page with Debian's text browser (``w3m -dump -cols 200``), and the page reads as a
plain-text filing whose every table number has a known value and period. This script reads
that text with ``tieout.read`` and scores each tagged number.

    .venv/bin/python benchmarks/ixbrl_text.py [CORPUS_DIR] [--only SUBSTR] [--sample K]
        [--jobs N] [--fresh] [--plain-spaces] [--misses N] [--fails N]
        [--json OUT] [--compare OLD.json]

Per document, then in total:

* tagged: ``ix:nonFraction`` numbers inside a ``<table>`` whose text is a number or a dash
  (nested tags of one printed number count once; words such as "two" are left out);
* located: found in the rendering. The number tokens of the untagged page's visible text
  (tagged or not) are aligned with those of the rendered text (difflib over the token
  sequences; a tagged token left out is then placed on the nearest free equal token among
  its neighbours', for cells wrapped over two lines print out of order). This is the
  benchmark's own alignment rate, not tieout's;
* found: a tieout fact whose ``line``, ``col``..``end_col`` cover the located number's first
  digit (or dash); a number printed inside a cell of words ("net of tax of $12") is a miss
  of its own;
* value right: ``|fact value| == |tag value|`` (tag value = printed number * 10**scale,
  negated for ``sign="-"``; a fact in ``%`` is divided by 100, as XBRL stores 21.5% as
  0.215); sign agreement is counted apart, since XBRL signs are concept-relative and
  tieout keeps the sign as printed; wrong scale = the ratio is 10**(+-3, 6, 9);
* period right: same end date and same length in months (instant, or round(days / 30.44));
  misses split into none, not ISO dates, instant vs duration, wrong end, wrong length; a
  number carrying nested tags is right when one of them is;
* the same for the "primary" numbers, whose context has no dimensions;
* tieout's checks without the claim rules: pass, fail, unverifiable, fail % of evaluated.

Renderings are cached in ``artifacts/ixbrl-text/NAME.txt`` (``--fresh`` renders again);
tieout reads the cached file, so lines and columns refer to it. w3m writes ``&nbsp;`` as
U+00A0; ``--plain-spaces`` makes it (and U+202F, U+200B) a space in ``NAME.plain.txt``
first, as in a plain-text filing. ``--misses N`` prints up to N examples of each miss
category, ``--fails N`` up to N failing checks with their lines; ``--json OUT`` writes the
figures and ``--compare OLD.json`` prints the change against an earlier run.
"""

from __future__ import annotations

import argparse
import bisect
import difflib
import html
import json
import multiprocessing
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEFAULT = ROOT.parent / "shared" / "corpus-html" / "ixbrl"
CACHE = ROOT / "artifacts" / "ixbrl-text"
W3M = ["w3m", "-config", "/dev/null", "-dump", "-cols", "200", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8"]
W3M_TIMEOUT = 300  # seconds for one document
PLAIN_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u200b": " "})
REACH = 30  # tokens either side searched for a tagged number the alignment left out

VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
INLINE = frozenset("a abbr b big cite code em font i s small span strike strong sub sup u".split())
SILENT = frozenset({"head", "script", "style", "title"})  # elements without visible text
ALIGN = re.compile(r"text-align\s*:\s*(right|center)", re.I)
# a number token (digits with , or . groups) or a dash standing alone (a nil in a table)
TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[\u2012-\u2015\u2212]+|(?<![\w-])-+(?![\w-])")
WORDS = re.compile(r"[^\W\d_]{2,}")  # a word of two letters or more
ZERO_FORMATS = frozenset({"fixed-zero", "fixedzero", "zerodash"})
COMMA_DECIMAL = frozenset({"num-comma-decimal", "numcommadecimal"})
WRONG_SCALES = {Decimal(10) ** e for e in (3, 6, 9, -3, -6, -9)}
HUNDRED = Decimal(100)

# miss categories, in the order they are printed
NOT_LOCATED = "not located in the rendering"
NO_FACT_WORDS = "no fact: a number inside a cell of words"
NO_FACT_OUTSIDE = "no fact: line outside tieout's tables"
NO_FACT_INSIDE = "no fact: inside a tieout table"
WRONG_SCALE = "value: wrong scale"
PERCENT_AS_NUMBER = "value: percent read as a plain number"
WRONG_VALUE = "value: wrong"
NO_PERIOD = "period: none"
NOT_ISO = "period: not ISO dates (a year only)"
KIND = "period: instant vs duration"
WRONG_END = "period: wrong end"
WRONG_LENGTH = "period: wrong length"
MISSES = (NOT_LOCATED, NO_FACT_WORDS, NO_FACT_OUTSIDE, NO_FACT_INSIDE, WRONG_SCALE, PERCENT_AS_NUMBER, WRONG_VALUE,
          NO_PERIOD, NOT_ISO, KIND, WRONG_END, WRONG_LENGTH)
COUNTS = ("tagged", "located", "found", "value", "sign", "scale", "period")


# --------------------------------------------------------------------------
# the answer key: contexts and tagged numbers of the inline-XBRL page


@dataclass(frozen=True, slots=True)
class Context:
    start: str  # "" for an instant
    end: str
    dims: bool  # the context has xbrli:segment / xbrli:scenario members


@dataclass(frozen=True, slots=True)
class Tag:
    concept: str
    context: Context
    unit: str
    decimals: str
    scale: int
    value: Decimal
    display: str

    @property
    def period(self) -> str:
        return f"{self.context.start}/{self.context.end}" if self.context.start else self.context.end


@dataclass(frozen=True, slots=True)
class TaggedNumber:
    """One printed table number: its tags (outermost first; nested tags share the text)."""

    tags: tuple[Tag, ...]
    token: int  # index among the number tokens of the page's visible text
    in_words: bool  # printed inside a cell of words ("net of tax of $12"), not a cell of its own

    @property
    def primary(self) -> bool:
        return any(not tag.context.dims for tag in self.tags)


@dataclass(slots=True)
class _RawTag:
    attrs: dict[str, str]
    start: int  # offsets in the visible text
    end: int = -1
    in_table: bool = False
    parent: int = -1  # index of the enclosing ix:nonFraction, -1 for none
    cell: tuple[int, int] = (0, 0)  # offsets of the enclosing <td>/<th> in the visible text


class _Untagger(HTMLParser):
    """One pass over the page: the untagged HTML, its visible text, contexts and tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.html: list[str] = []
        self.text: list[str] = []
        self.text_len = 0
        self.contexts: dict[str, Context] = {}
        self.tags: list[_RawTag] = []
        self._open: list[int] = []  # open ix:nonFraction tags
        self._header = False
        self._silent = 0
        self._tables = 0
        self._cells: list[tuple[int, list[int]]] = []  # open cells: text offset, tags inside
        self._context: dict[str, str] = {}
        self._field = ""

    def handle_starttag(self, tag, attrs):
        if self._header:
            self._header_start(tag.rpartition(":")[2], dict(attrs))
        elif tag == "ix:header":
            self._header = True
        elif tag == "ix:nonfraction":
            parent = self._open[-1] if self._open else -1
            self._open.append(len(self.tags))
            if self._cells:
                self._cells[-1][1].append(len(self.tags))
            self.tags.append(_RawTag({k: v or "" for k, v in attrs}, self.text_len,
                                     in_table=self._tables > 0, parent=parent))
        elif not tag.startswith("ix:"):
            self._silent += tag in SILENT
            self._tables += tag == "table"
            if tag in ("td", "th"):
                self._cells.append((self.text_len, []))
            self.html.append(start_tag_to_html(tag, aligned_attrs(tag, attrs, self._tables > 0)))
            self._break(tag)

    def handle_endtag(self, tag):
        if self._header:
            self._header_end(tag)
        elif tag == "ix:nonfraction":
            if self._open:
                self.tags[self._open.pop()].end = self.text_len
        elif not tag.startswith("ix:"):
            self._silent -= tag in SILENT and self._silent > 0
            self._tables -= tag == "table" and self._tables > 0
            if tag in ("td", "th") and self._cells:
                start, inside = self._cells.pop()
                for index in inside:
                    self.tags[index].cell = (start, self.text_len)
            if tag not in VOID:
                self.html.append(f"</{tag}>")
            self._break(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_data(self, data):
        if self._header:
            if self._field:
                self._context[self._field] = self._context.get(self._field, "") + data.strip()
        elif self._silent:
            self.html.append(data)
        else:
            self.html.append(html.escape(data, quote=False))
            self.text.append(data)
            self.text_len += len(data)

    def handle_decl(self, decl):
        self.html.append(f"<!{decl}>")

    def _break(self, tag: str) -> None:
        """A block element separates the words of the visible text."""
        if tag not in INLINE:
            self.text.append("\n")
            self.text_len += 1

    def _header_start(self, local: str, attrs: dict) -> None:
        if local == "context":
            self._context = {"id": attrs.get("id", "")}
        elif local in ("startdate", "enddate", "instant"):
            self._field = local
        elif local in ("segment", "scenario"):
            self._context["dims"] = "yes"

    def _header_end(self, tag: str) -> None:
        local = tag.rpartition(":")[2]
        self._field = ""
        if tag == "ix:header":
            self._header = False
        elif local == "context" and self._context.get("id"):
            c = self._context
            self.contexts[c["id"]] = Context(c.get("startdate", ""), c.get("enddate") or c.get("instant", ""),
                                             "dims" in c)


def aligned_attrs(tag: str, attrs: list, in_table: bool) -> list:
    """Add ``align="right"`` (or center) where the style says so, for the text browser."""
    if tag in ("td", "th") or (in_table and tag in ("p", "div")):
        values = dict(attrs)
        found = ALIGN.search(values.get("style") or "")
        if found and "align" not in values:
            return [*attrs, ("align", found.group(1).lower())]
    return attrs


def start_tag_to_html(tag: str, attrs: list) -> str:
    parts = "".join(f" {k}" if v is None else f' {k}="{html.escape(v)}"' for k, v in attrs)
    return f"<{tag}{parts}>"


def display_to_number(display: str, fmt: str) -> Decimal | None:
    """The printed number (no scale, no sign): 0 for a dash, None for words and empty text."""
    text, local = display.strip(), fmt.rpartition(":")[2].lower()
    if local in COMMA_DECIMAL:
        text = text.replace(".", "").replace(" ", "").replace(",", ".")
    if not re.search(r"\d", text):
        return Decimal(0) if TOKEN.fullmatch(text) else None
    if local in ZERO_FORMATS:
        return Decimal(0)
    try:
        return Decimal(re.sub(r"[^\d.]", "", text).strip("."))
    except InvalidOperation:
        return None


def raw_to_tag(raw: _RawTag, visible: str, contexts: dict[str, Context]) -> Tag | None:
    a = raw.attrs
    display = visible[raw.start:raw.end].strip()
    number = display_to_number(display, a.get("format", ""))
    context = contexts.get(a.get("contextref", ""))
    if number is None or context is None:
        return None
    scale = int(a.get("scale") or 0)
    value = number.scaleb(scale)
    return Tag(a.get("name", ""), context, a.get("unitref", ""), a.get("decimals", ""), scale,
               -value if a.get("sign") == "-" else value, display)


@dataclass
class Page:
    """What one inline-XBRL page gives: the untagged HTML, its number tokens, the key."""

    html: str
    tokens: list[str]  # normalised number tokens of the visible text, in order
    numbers: list[TaggedNumber]
    untokened: int  # table tags whose text is not a number (words, empty)


def html_to_page(source: str) -> Page:
    parser = _Untagger()
    parser.feed(source)
    parser.close()
    visible = "".join(parser.text)
    spans = [(m.start(), m.end(), token_to_norm(m.group())) for m in TOKEN.finditer(visible)]
    starts = [s for s, _, _ in spans]
    groups: dict[int, tuple[int, bool, list[Tag]]] = {}  # outermost tag -> token, text cell, tags
    untokened = 0
    for index, raw in enumerate(parser.tags):
        outer = outermost_tag(parser.tags, index)
        if not parser.tags[outer].in_table:
            continue
        tag = raw_to_tag(raw, visible, parser.contexts)
        token = span_to_token(raw.start, raw.end, spans, starts)
        if tag is None or token is None:
            untokened += outer == index
        elif outer in groups:
            groups[outer][2].append(tag)
        else:
            groups[outer] = (token, bool(WORDS.search(visible[slice(*raw.cell)])), [tag])
    numbers = [TaggedNumber(tuple(tags), token, words) for token, words, tags in groups.values()]
    return Page("".join(parser.html), [norm for _, _, norm in spans], numbers, untokened)


def outermost_tag(tags: list[_RawTag], index: int) -> int:
    """The index of the outermost ix:nonFraction around tag ``index`` (nested tags share one number)."""
    while tags[index].parent >= 0:
        index = tags[index].parent
    return index


def token_to_norm(token: str) -> str:
    return token if token[0].isdigit() else "-"


def span_to_token(start: int, end: int, spans: list, starts: list[int]) -> int | None:
    """The first number token overlapping visible[start:end]."""
    if end <= start:
        return None
    index = max(bisect.bisect_right(starts, start) - 1, 0)
    while index < len(spans) and spans[index][0] < end:
        if spans[index][1] > start:
            return index
        index += 1
    return None


# --------------------------------------------------------------------------
# rendering and locating


def html_to_text(page_html: str) -> str:
    """Render with w3m from a temporary file (w3m keeps only 10,000 lines of standard input)."""
    with tempfile.NamedTemporaryFile("w", suffix=".html", encoding="utf-8") as tmp:
        tmp.write(page_html)
        tmp.flush()
        done = subprocess.run([*W3M, tmp.name], capture_output=True, timeout=W3M_TIMEOUT, check=True)
    return done.stdout.decode("utf-8")


def text_to_tokens(text: str) -> list[tuple[int, int, str]]:
    """(line, col, normalised token) of every number token, 1-based."""
    return [(number, m.start() + 1, token_to_norm(m.group()))
            for number, line in enumerate(text.split("\n"), 1) for m in TOKEN.finditer(line)]


def tokens_to_alignment(page_tokens: list[str], text_tokens: list[str], wanted: list[int]) -> dict[int, int]:
    """Page token index -> rendered token index: difflib's matching blocks, then each wanted
    token they left out placed on the nearest free equal token among its neighbours' (a cell
    wrapped over two lines prints its second line after the row's numbers, out of order)."""
    matcher = difflib.SequenceMatcher(None, page_tokens, text_tokens, autojunk=False)
    alignment = {a + k: b + k for a, b, size in matcher.get_matching_blocks() for k in range(size)}
    taken = set(alignment.values())
    for index in wanted:
        if index in alignment:
            continue
        before = [alignment[j] for j in range(max(index - REACH, 0), index) if j in alignment]
        after = [alignment[j] for j in range(index + 1, index + REACH) if j in alignment]
        if not before or not after:
            continue
        free = [k for k in range(min(before), max(after) + 1)
                if k not in taken and text_tokens[k] == page_tokens[index]]
        if free:
            alignment[index] = min(free, key=lambda k: abs(k - before[-1]))
            taken.add(alignment[index])
    return alignment


# --------------------------------------------------------------------------
# scoring one document


def period_to_end_length(period: str) -> tuple[str, int | None] | None:
    """(end date, length in months or None for an instant) of an ISO period; None if not ISO dates."""
    try:
        if "/" in period:
            start, end = (date.fromisoformat(p) for p in period.split("/"))
            return end.isoformat(), round(((end - start).days + 1) / 30.44)
        return date.fromisoformat(period).isoformat(), None
    except ValueError:
        return None


def period_to_miss(fact_period: str | None, tag_period: str) -> str:
    """"" when the fact's period is the tag's (end and length), else the miss category."""
    if not fact_period:
        return NO_PERIOD
    got, want = period_to_end_length(fact_period), period_to_end_length(tag_period)
    if got is None or want is None:
        return NOT_ISO
    if (got[1] is None) != (want[1] is None):
        return KIND
    if got[0] != want[0]:
        return WRONG_END
    return "" if got[1] == want[1] else WRONG_LENGTH


def fact_to_base(fact) -> Decimal:
    return fact.value / HUNDRED if fact.unit == "%" else fact.value


def value_to_miss(fact, tag: Tag) -> str:
    got = fact_to_base(fact)
    if abs(got) == abs(tag.value):
        return ""
    if got and tag.value:
        ratio = abs(got / tag.value)
        if ratio in WRONG_SCALES:
            return WRONG_SCALE
        if ratio == HUNDRED and tag.scale == -2:
            return PERCENT_AS_NUMBER
    return WRONG_VALUE


def facts_by_line(facts) -> dict[int, list]:
    lines: dict[int, list] = {}
    for fact in facts:
        if fact.value is not None and fact.col:
            lines.setdefault(fact.line, []).append(fact)
    return lines


def fact_at(lines: dict[int, list], line: int, col: int):
    return next((f for f in lines.get(line, ()) if f.col <= col < f.end_col), None)


@dataclass
class Score:
    counts: Counter = field(default_factory=Counter)  # COUNTS, and "primary " + COUNTS
    misses: Counter = field(default_factory=Counter)
    examples: dict[str, list[dict]] = field(default_factory=dict)


def score_number(number: TaggedNumber, where, lines, tables, rendered: list[str], score: Score,
                 keep: int) -> None:
    """Count one tagged number in ``score`` (and keep an example of its miss)."""
    count = number_counter(number, score)
    tag = number.tags[0]
    fact = None
    missed: list[str] = []
    count("tagged")
    if where is None:
        missed.append(NOT_LOCATED)
    else:
        count("located")
        fact = fact_at(lines, *where)
        if fact is None and number.in_words:
            missed.append(NO_FACT_WORDS)
        elif fact is None:
            inside = any(t.first <= where[0] <= t.last for t in tables)
            missed.append(NO_FACT_INSIDE if inside else NO_FACT_OUTSIDE)
        else:
            count("found")
            missed.extend(fact_to_misses(fact, number.tags, count))
    add_misses(score, missed, keep, lambda: miss_to_example(tag, where, fact, rendered))


def number_counter(number, score: Score):
    """``count(name)``: one more ``name``, and ``primary name`` for a number without dimensions."""
    keys = ("", "primary ") if number.primary else ("",)

    def count(name: str) -> None:
        for key in keys:
            score.counts[key + name] += 1

    return count


def fact_to_misses(fact, tags: tuple[Tag, ...], count) -> list[str]:
    """Count value, scale, sign and period of the fact found for a number with ``tags``
    (outermost first); return its misses."""
    tag = tags[0]
    missed = []
    value_miss = value_to_miss(fact, tag)
    if value_miss:
        missed.append(value_miss)
    else:
        count("value")
    if value_miss == WRONG_SCALE:
        count("scale")
    if (fact_to_base(fact) < 0) == (tag.value < 0) or not tag.value or not fact.value:
        count("sign")
    period_misses = [period_to_miss(fact.period, t.period) for t in tags]
    if "" in period_misses:
        count("period")
    else:
        missed.append(period_misses[0])
    return missed


def add_misses(score: Score, missed: list[str], keep: int, example) -> None:
    """Count each miss; keep up to ``keep`` examples of each (``example()`` makes one)."""
    for miss in missed:
        score.misses[miss] += 1
        found = score.examples.setdefault(miss, [])
        if len(found) < keep:
            found.append(example())


def tag_to_text(tag: Tag) -> str:
    return (f"{tag.concept} {tag.period}{' (dims)' if tag.context.dims else ''} = {tag.value:f} "
            f"[{tag.display!r} scale {tag.scale} decimals {tag.decimals}, {tag.unit}]")


def miss_to_example(tag: Tag, where, fact, rendered: list[str]) -> dict:
    example = {"tag": tag_to_text(tag)}
    if where is not None:
        example["at"] = f"{where[0]}:{where[1]}"
        example["line"] = rendered[where[0] - 1].rstrip()
    if fact is not None:
        example["fact"] = (f"{fact.label!r} {fact.period} = {fact.value} {fact.unit} "
                           f"(table {fact.table!r}, scale {fact.scale} {fact.scale_source})")
    return example


def checks_to_counts(checks) -> tuple[Counter, set[str]]:
    counts: Counter = Counter()
    rules = set()
    for check in checks:
        rules.add(check.rule)
        if not check.rule.startswith("claim"):
            counts[check.status] += 1
    return counts, rules


def fail_to_example(check, rendered: list[str]) -> dict:
    return {"rule": check.rule, "message": check.message,
            "lines": [f"{n}: {rendered[n - 1].rstrip()}" for n in check.lines if 0 < n <= len(rendered)]}


def page_to_text_file(path: Path, page: Page, fresh: bool, plain: bool) -> Path:
    """The cached rendering (made when missing or ``fresh``); with ``plain`` a copy whose
    no-break and zero-width spaces are spaces (w3m gives each one column, so columns stay)."""
    cached = CACHE / f"{path.stem}.txt"
    if fresh or not cached.exists():
        cached.parent.mkdir(parents=True, exist_ok=True)
        cached.write_text(html_to_text(page.html), encoding="utf-8")
    if not plain:
        return cached
    spaced = CACHE / f"{path.stem}.plain.txt"
    spaced.write_text(cached.read_text(encoding="utf-8").translate(PLAIN_SPACES), encoding="utf-8")
    return spaced


def document_to_result(path: Path, fresh: bool, plain: bool, keep: int) -> dict:
    """Everything measured on one document, as plain data (it crosses a process boundary)."""
    import tieout

    start = time.perf_counter()
    page = html_to_page(path.read_bytes().decode("utf-8", errors="replace"))
    text_file = page_to_text_file(path, page, fresh, plain)
    text = text_file.read_text(encoding="utf-8")
    rendered = text.split("\n")
    text_tokens = text_to_tokens(text)
    alignment = tokens_to_alignment(page.tokens, [norm for _, _, norm in text_tokens],
                                    [number.token for number in page.numbers])
    report = tieout.read(text_file)
    lines = facts_by_line(report.fact_records)
    score = Score()
    for number in page.numbers:
        located = alignment.get(number.token)
        where = text_tokens[located][:2] if located is not None else None
        score_number(number, where, lines, report.tables, rendered, score, keep)
    checks, rules = checks_to_counts(report.checks)
    fails = [fail_to_example(c, rendered) for c in report.checks
             if c.status == "fail" and not c.rule.startswith("claim")][:keep]
    return {"document": path.name, "untokened": page.untokened, "counts": dict(score.counts),
            "misses": dict(score.misses), "examples": score.examples, "checks": dict(checks),
            "rules": sorted(rules), "fails": fails, "seconds": round(time.perf_counter() - start, 2)}


def _worker(job: tuple[Path, bool, bool, int]) -> dict:
    try:
        return document_to_result(*job)
    except Exception as exc:  # noqa: BLE001 - a reader crash is a figure; it must not stop the run
        return {"document": job[0].name, "error": f"{type(exc).__name__}: {exc}"}


# --------------------------------------------------------------------------
# printing


def pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}" if whole else "    -"


def figures_to_row(name: str, counts: dict, checks: dict, seconds: float) -> str:
    c = Counter(counts)
    located = c["located"]
    evaluated = checks.get("pass", 0) + checks.get("fail", 0)
    return (f"{name[:34]:34} {c['tagged']:6} {pct(located, c['tagged'])} {pct(c['found'], located)} "
            f"{pct(c['value'], located)} {pct(c['sign'], c['found'])} {c['scale']:5} {pct(c['period'], located)} "
            f"{c['primary tagged']:6} {pct(c['primary found'], c['primary located'])} "
            f"{pct(c['primary value'], c['primary located'])} {pct(c['primary period'], c['primary located'])} "
            f"{checks.get('pass', 0):5} {checks.get('fail', 0):4} {checks.get('unverifiable', 0):5} "
            f"{pct(checks.get('fail', 0), evaluated)} {seconds:5.1f}")


HEADER = (f"{'document':34} {'tagged':>6} {'loc%':>5} {'fnd%':>5} {'val%':>5} {'sgn%':>5} {'scale':>5} "
          f"{'per%':>5} {'prim':>6} {'fnd%':>5} {'val%':>5} {'per%':>5} {'pass':>5} {'fail':>4} "
          f"{'unver':>5} {'fail%':>5} {'sec':>5}")
LEGEND = ("loc% of tagged (the benchmark's alignment); fnd%, val%, per% of located; sgn% of found; "
          "scale = wrong-scale count;\nprim = numbers whose context has no dimensions, then their fnd%, val%, "
          "per%; pass/fail/unver = checks without claim rules, fail% of pass+fail; sec = one core")


def results_to_totals(results: list[dict]) -> dict:
    counts, misses, checks, rules = Counter(), Counter(), Counter(), set()
    seconds = sum(r.get("seconds", 0) for r in results)
    for r in results:
        counts.update(r.get("counts", {}))
        misses.update(r.get("misses", {}))
        checks.update(r.get("checks", {}))
        rules.update(r.get("rules", ()))
    return {"counts": dict(counts), "misses": dict(misses), "checks": dict(checks), "rules": sorted(rules),
            "documents": len(results), "errors": sum("error" in r for r in results), "seconds": seconds}


def print_results(results: list[dict], totals: dict) -> None:
    print(HEADER)
    for r in results:
        if "counts" in r:
            print(figures_to_row(r["document"], r["counts"], r["checks"], r["seconds"]))
        else:
            print(f"{r['document'][:34]:34} ERROR {r['error']}")
    print("-" * len(HEADER))
    print(figures_to_row(f"TOTAL ({totals['documents']} documents)", totals["counts"], totals["checks"],
                         totals["seconds"]))
    print(LEGEND)
    c = Counter(totals["counts"])
    print(f"\ntagged {c['tagged']}, located {c['located']} ({pct(c['located'], c['tagged']).strip()}%), "
          f"found by tieout {c['found']}, value right {c['value']}, wrong scale {c['scale']}, "
          f"sign agrees {c['sign']}, period right {c['period']}")
    print(f"primary: tagged {c['primary tagged']}, located {c['primary located']}, found {c['primary found']}, "
          f"value right {c['primary value']}, period right {c['primary period']}")
    checks = Counter(totals["checks"])
    print(f"checks (no claim rules): {checks['pass']} pass, {checks['fail']} fail, "
          f"{checks['unverifiable']} unverifiable; fail {pct(checks['fail'], checks['pass'] + checks['fail']).strip()}%"
          f" of evaluated; rules seen: {', '.join(totals['rules'])}")
    print(f"table tags left out (words or empty text): {sum(r.get('untokened', 0) for r in results)}; "
          f"documents without a tagged table number: "
          f"{', '.join(r['document'] for r in results if not r.get('counts', {}).get('tagged')) or 'none'}")
    print("\nmisses (a number can miss both its value and its period):")
    misses = Counter(totals["misses"])
    for miss in MISSES:
        print(f"  {misses[miss]:7}  {miss}")


def round_robin(lists: list[list], limit: int) -> list:
    """Up to ``limit`` items taking one from each list in turn (examples from many documents)."""
    picked: list = []
    depth = 0
    while len(picked) < limit and any(depth < len(items) for items in lists):
        picked.extend(items[depth] for items in lists if depth < len(items))
        depth += 1
    return picked[:limit]


def print_misses(results: list[dict], limit: int, categories: tuple[str, ...] = MISSES) -> None:
    for miss in categories:
        examples = round_robin([[dict(e, document=r["document"]) for e in r.get("examples", {}).get(miss, [])]
                                for r in results], limit)
        if not examples:
            continue
        print(f"\n== {miss}")
        for e in examples:
            print(f"  {e['document']} {e.get('at', '')}")
            if "line" in e:
                print(f"    | {e['line']}")
            print(f"    tag:  {e['tag']}")
            if "fact" in e:
                print(f"    fact: {e['fact']}")


def print_fails(results: list[dict], limit: int) -> None:
    fails = round_robin([[dict(f, document=r["document"]) for f in r.get("fails", [])] for r in results], limit)
    print(f"\n== failing checks ({len(fails)} shown)")
    for f in fails:
        print(f"  {f['document']} {f['rule']}: {f['message']}")
        for line in f["lines"]:
            print(f"    | {line}")


def print_compare(old: dict, totals: dict, results: list[dict]) -> None:
    """Totals and per-document value/period figures against an earlier --json run."""
    print(f"\n== against the earlier run ({old.get('when', '?')}"
          f"{', plain spaces' if old.get('plain_spaces') else ''})")
    for name in (*COUNTS, *(f"primary {n}" for n in COUNTS)):
        was, now = old["totals"]["counts"].get(name, 0), totals["counts"].get(name, 0)
        print(f"  {name:18} {was:7} -> {now:7}  ({now - was:+})")
    for status in ("pass", "fail", "unverifiable"):
        was, now = old["totals"]["checks"].get(status, 0), totals["checks"].get(status, 0)
        print(f"  checks {status:11} {was:7} -> {now:7}  ({now - was:+})")
    before = {r["document"]: r for r in old.get("documents", [])}
    for r in results:
        was = before.get(r["document"], {}).get("counts")
        if was is None or "counts" not in r:
            continue
        deltas = {n: r["counts"].get(n, 0) - was.get(n, 0) for n in ("located", "found", "value", "period")}
        if any(deltas.values()):
            print(f"  {r['document'][:40]:40} " + "  ".join(f"{n} {d:+}" for n, d in deltas.items()))


# --------------------------------------------------------------------------


def answer_key_parser(description: str) -> argparse.ArgumentParser:
    """The options both answer-key benchmarks take (this one and ixbrl_html.py)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT, help=f"default {DEFAULT}")
    parser.add_argument("--only", default="", metavar="SUBSTR", help="documents whose name contains SUBSTR")
    parser.add_argument("--sample", type=int, default=0, metavar="K", help="the first K documents")
    parser.add_argument("--jobs", type=int, default=2, metavar="N", help="worker processes (default 2)")
    parser.add_argument("--misses", type=int, default=0, metavar="N", help="N examples per miss category")
    parser.add_argument("--fails", type=int, default=0, metavar="N", help="N failing checks with their lines")
    parser.add_argument("--json", type=Path, metavar="OUT", help="write the figures as JSON")
    parser.add_argument("--compare", type=Path, metavar="OLD", help="print deltas against an earlier --json")
    return parser


def corpus_paths(args: argparse.Namespace) -> list[Path]:
    """The documents ``--only`` and ``--sample`` select; a line on stderr when there are none."""
    paths = sorted(p for p in args.corpus.glob("*.htm*") if args.only in p.name)
    if args.sample:
        paths = paths[:args.sample]
    if not paths:
        print(f"no documents in {args.corpus}", file=sys.stderr)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = answer_key_parser(__doc__.split("\n\n")[0])
    parser.add_argument("--fresh", action="store_true", help="render again instead of using the cache")
    parser.add_argument("--plain-spaces", action="store_true",
                        help="turn the no-break and zero-width spaces w3m keeps into spaces before tieout reads")
    args = parser.parse_args(argv)
    paths = corpus_paths(args)
    if not paths:
        return 2
    start = time.perf_counter()
    jobs = [(p, args.fresh, args.plain_spaces, max(args.misses, args.fails)) for p in paths]
    if args.jobs > 1:
        with multiprocessing.Pool(args.jobs) as pool:
            results = pool.map(_worker, jobs, chunksize=1)
    else:
        results = [_worker(job) for job in jobs]
    elapsed = time.perf_counter() - start
    totals = results_to_totals(results)
    print_results(results, totals)
    print(f"\n{len(paths)} documents in {elapsed:.1f} s with {args.jobs} jobs "
          f"(renders cached in {CACHE.relative_to(ROOT)})")
    if args.misses:
        print_misses(results, args.misses)
    if args.fails:
        print_fails(results, args.fails)
    if args.compare:
        print_compare(json.loads(args.compare.read_text()), totals, results)
    if args.json:
        keys = ("document", "counts", "misses", "checks", "seconds", "error")
        figures = [{k: r[k] for k in keys if k in r} for r in results]
        args.json.write_text(json.dumps({"when": time.strftime("%Y-%m-%d %H:%M"), "plain_spaces": args.plain_spaces,
                                         "totals": totals, "documents": figures}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
