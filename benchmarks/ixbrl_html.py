"""Score tieout's HTML reader against the answer key of inline-XBRL filings, read as HTML.

Why: ``ixbrl_text.py`` scores the reader on the w3m rendering of the inline-XBRL documents of
``../shared/corpus-html/ixbrl``; this script scores the HTML reader on the same documents
as they are. Every statement number is wrapped in an ``ix:nonFraction`` tag naming its
concept, period (via ``xbrli:context``), scale and sign; the reader treats ``ix:`` tags as
transparent inline elements (and ``ix:header`` as hidden), so the page it reads is the
pre-XBRL HTML filing with a known value and period for every table number. No rendering and
no token alignment: ``tieout.read(path)`` reads the file itself, each fact carries the file's
line and column of its first character (tags counted), and the key is placed by the same
pass over the file (``html.parser`` without charref conversion, so every text run and entity
has its exact line and column).

    .venv/bin/python benchmarks/ixbrl_html.py [CORPUS_DIR] [--only SUBSTR] [--sample K]
        [--jobs N] [--misses N] [--fails N] [--json OUT] [--compare OLD.json]

Per document, then in total:

* tagged: ``ix:nonFraction`` numbers inside a ``<table>`` whose text is a number or a dash
  (nested tags of one printed number count once; words such as "two" are left out); each is
  placed at the file's line and column of the first non-space character of its text (an
  entity such as ``&#8212;`` is placed at its ``&``). located = tagged (kept as a column so
  the rows read like ixbrl_text.py's);
* found: a tieout fact on that line whose ``col``..``end_col`` cover the number's first digit
  (or dash), or that starts at the number's first character, or just before it with only
  ``(``, ``$``, spaces and tags in between. A miss is "a number inside a cell of words" when
  its ``<td>`` holds words ("net of tax of $12"), "inside a tieout table" when tieout gave
  facts elsewhere in the same outermost ``<table>``, else "outside tieout's tables" (the
  whole HTML table gave no fact);
* value right: ``|fact value| == |tag value|`` (tag value = printed number * 10**scale,
  negated for ``sign="-"``; a fact in ``%`` is divided by 100, as XBRL stores 21.5% as
  0.215); sign agreement is counted apart, since XBRL signs are concept-relative and
  tieout keeps the sign as printed; wrong scale = the ratio is 10**(+-3, 6, 9);
* period right: same end date and same length in months (instant, or round(days / 30.44));
  misses split into none, not ISO dates, instant vs duration, wrong end, wrong length; a
  number carrying nested tags is right when one of them is;
* the same for the "primary" numbers, whose context has no dimensions;
* tieout's checks without the claim rules: pass, fail, unverifiable, fail % of evaluated;
* speed: seconds in ``tieout.read`` (checks included; the key's own pass is not counted),
  MB/s of file per core, and the peak RSS (VmHWM) of the worker process; each document is
  read in a fresh worker forked from a parent that has imported tieout, so the peak is that
  document's (baseline included, printed beside it).

A document ``tieout.read`` refuses (``InputError``, e.g. before the HTML reader existed) is
counted as unread with its message; any other exception is an error; neither stops the run.
``--misses N`` prints up to N examples of each miss category (document, line:col, the row's
text, the HTML around the number, the tag, and the fact found: label, value, period, column
header), ``--fails N`` up to N failing checks with their facts; ``--json OUT`` writes the
figures and ``--compare OLD.json`` prints the change against an earlier run.
"""

from __future__ import annotations

import bisect
import html
import importlib.util
import json
import multiprocessing
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def _load_text_benchmark():
    """benchmarks/ixbrl_text.py as a module (the benchmarks folder is not a package)."""
    if "ixbrl_text" in sys.modules:
        return sys.modules["ixbrl_text"]
    spec = importlib.util.spec_from_file_location("ixbrl_text", HERE / "ixbrl_text.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["ixbrl_text"] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


T = _load_text_benchmark()
Context, Tag, display_to_number, raw_to_tag = T.Context, T.Tag, T.display_to_number, T.raw_to_tag
COUNTS, WRONG_SCALES, WORDS, TOKEN = T.COUNTS, T.WRONG_SCALES, T.WORDS, T.TOKEN
NO_FACT_WORDS, NO_FACT_OUTSIDE, NO_FACT_INSIDE = T.NO_FACT_WORDS, T.NO_FACT_OUTSIDE, T.NO_FACT_INSIDE
MISSES = tuple(m for m in T.MISSES if m != T.NOT_LOCATED)
LEAD = re.compile(r"<[^>]*>")  # tags between a fact's "(" or "$" and the number
SNIPPET = 70  # characters of HTML either side of a missed number in the examples


# --------------------------------------------------------------------------
# the answer key: tagged numbers at the file's line and column


@dataclass(frozen=True, slots=True)
class KeyNumber:
    """One printed table number: its tags (outermost first) and where its text starts."""

    tags: tuple[Tag, ...]
    line: int  # 1-based line of the file (split on "\n")
    col: int  # 1-based column of the first non-space character of its text
    digit_line: int  # the same for its first digit (or dash)
    digit_col: int
    in_words: bool  # printed inside a cell of words, not a cell of its own
    table: int  # index of the outermost <table> holding it
    row: str  # the visible text of its <tr>, spaces collapsed

    @property
    def primary(self) -> bool:
        return any(not tag.context.dims for tag in self.tags)


@dataclass(frozen=True, slots=True)
class Key:
    numbers: list[KeyNumber]
    tables: list[tuple[tuple[int, int], tuple[int, int]]]  # outermost <table>: (line, col) start, end
    untokened: int  # table tags whose text is not a number (words, empty)


class _Locator(T._Untagger):
    """ixbrl_text's one pass (contexts, tags, visible text), plus the file position of every
    piece of visible text, of each outermost table and the row of each tag."""

    def __init__(self) -> None:
        super().__init__()
        self.convert_charrefs = False  # entities arrive one by one, each at its own position
        self.piece_starts: list[int] = []  # visible-text offset of each text piece
        self.pieces: list[tuple[int, int, str | None]] = []  # line, 0-based col, data (None: an entity)
        self.table_spans: list[list[tuple[int, int]]] = []
        self.tag_table: list[int] = []
        self.tag_row: list[tuple[int, int]] = []
        self._rows: list[tuple[int, int, list[int]]] = []  # open <tr>: table depth, text offset, tags
        self._entity = False

    def handle_starttag(self, tag, attrs):
        before = len(self.tags)
        header = self._header
        if not header and tag == "table" and self._tables == 0:
            self.table_spans.append([self.getpos(), self.getpos()])
        if not header and tag == "tr":
            self._close_rows(self._tables)
            self._rows.append((self._tables, self.text_len, []))
        super().handle_starttag(tag, attrs)
        if len(self.tags) > before:
            self.tag_table.append(len(self.table_spans) - 1 if self._tables else -1)
            self.tag_row.append((0, 0))
            if self._rows:
                self._rows[-1][2].append(before)

    def handle_endtag(self, tag):
        if not self._header and tag in ("tr", "table"):
            self._close_rows(self._tables)
        super().handle_endtag(tag)
        if not self._header and tag == "table" and self._tables == 0 and self.table_spans:
            line, col = self.getpos()
            self.table_spans[-1][1] = (line, col + len("</table>"))

    def _close_rows(self, depth: int) -> None:
        """Close the open rows of tables ``depth`` deep or deeper (an omitted ``</tr>``)."""
        while self._rows and self._rows[-1][0] >= depth:
            _, start, inside = self._rows.pop()
            for index in inside:
                self.tag_row[index] = (start, self.text_len)

    def handle_data(self, data):
        before = self.text_len
        super().handle_data(data)
        if self.text_len > before:
            self.piece_starts.append(before)
            line, col = self.getpos()
            self.pieces.append((line, col, None if self._entity else data))

    def handle_entityref(self, name):
        self._reference(html.unescape(f"&{name};"))

    def handle_charref(self, name):
        self._reference(html.unescape(f"&#{name};"))

    def _reference(self, text: str) -> None:
        self._entity = True
        try:
            self.handle_data(text)
        finally:
            self._entity = False

    def position(self, offset: int) -> tuple[int, int]:
        """The file's 1-based (line, col) of the visible-text character at ``offset``."""
        k = bisect.bisect_right(self.piece_starts, offset) - 1
        line, col, data = self.pieces[k]
        if data is None:
            return line, col + 1
        inside = offset - self.piece_starts[k]
        newlines = data.count("\n", 0, inside)
        if not newlines:
            return line, col + inside + 1
        return line + newlines, inside - data.rindex("\n", 0, inside)


def text_to_key(text: str) -> Key:
    """The tagged table numbers of an inline-XBRL page (``text``: the decoded file)."""
    parser = _Locator()
    parser.feed(text)
    parser.close()
    parser._close_rows(0)
    visible = "".join(parser.text)
    groups: dict[int, tuple[KeyNumber, list[Tag]]] = {}
    untokened = 0
    for index, raw in enumerate(parser.tags):
        outer = T.outermost_tag(parser.tags, index)
        if not parser.tags[outer].in_table:
            continue
        tag = raw_to_tag(raw, visible, parser.contexts)
        if tag is None:
            untokened += outer == index
            continue
        if outer in groups:
            groups[outer][1].append(tag)
            continue
        span = parser.tags[outer]
        shown = visible[span.start:span.end]
        token = TOKEN.search(shown)
        if token is None or span.end <= span.start:
            untokened += 1
            continue
        first = span.start + len(shown) - len(shown.lstrip())
        row = visible[slice(*parser.tag_row[outer])]
        number = KeyNumber((), *parser.position(first), *parser.position(span.start + token.start()),
                           bool(WORDS.search(visible[slice(*span.cell)])), parser.tag_table[outer],
                           " ".join(row.split()))
        groups[outer] = (number, [tag])
    numbers = [replace(number, tags=tuple(tags)) for number, tags in groups.values()]
    return Key(numbers, [(start, end) for start, end in parser.table_spans], untokened)


def file_to_text(path: Path) -> str:
    """The file as tieout decodes it, lines ending in "\\n" (tieout's own line convention)."""
    from tieout.source.decode import bytes_to_text

    text = bytes_to_text(path.read_bytes()).text
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


# --------------------------------------------------------------------------
# scoring one document


def fact_for(number: KeyNumber, lines: dict[int, list], raw_lines: list[str]):
    """The fact at the number: covering its first digit, starting at its first character, or
    starting just before it at a "(" or "$" (spaces and tags between)."""
    fact = T.fact_at(lines, number.digit_line, number.digit_col)
    if fact is not None:
        return fact
    here = lines.get(number.line, ())
    fact = next((f for f in here if f.col == number.col), None)
    if fact is not None or number.line > len(raw_lines):
        return fact
    raw = raw_lines[number.line - 1]
    for f in here:
        if number.col - 2000 < f.col < number.col:
            between = html.unescape(LEAD.sub("", raw[f.col - 1:number.col - 1]))
            if "(" in between or "$" in between:
                if all(ch in "($" or ch.isspace() for ch in between):
                    return f
    return None


def tables_with_facts(key: Key, facts) -> set[int]:
    """Indices of the outermost <table>s holding at least one of tieout's facts."""
    starts = [start for start, _ in key.tables]
    holding = set()
    for fact in facts:
        if fact.value is None or not fact.col:
            continue
        k = bisect.bisect_right(starts, (fact.line, fact.col)) - 1
        if k >= 0 and (fact.line, fact.col) <= key.tables[k][1]:
            holding.add(k)
    return holding


def fact_to_text(fact) -> str:
    return (f"{fact.label!r} {fact.period} = {fact.value} {fact.unit} | column {fact.column_header!r} "
            f"(table {fact.table!r}, scale {fact.scale} {fact.scale_source}) at {fact.line}:{fact.col}")


def miss_to_example(number: KeyNumber, fact, raw_lines: list[str]) -> dict:
    raw = raw_lines[number.line - 1] if number.line <= len(raw_lines) else ""
    at = number.col - 1
    snippet = raw[max(at - SNIPPET, 0):at] + "\u2038" + raw[at:at + SNIPPET]
    example = {"tag": T.tag_to_text(number.tags[0]), "at": f"{number.line}:{number.col}",
               "line": number.row[:240], "html": " ".join(snippet.split())}
    if fact is not None:
        example["fact"] = fact_to_text(fact)
    return example


def score_number(number: KeyNumber, lines, holding: set[int], raw_lines: list[str], score, keep: int) -> None:
    count = T.number_counter(number, score)
    count("tagged")
    count("located")
    missed: list[str] = []
    fact = fact_for(number, lines, raw_lines)
    if fact is None and number.in_words:
        missed.append(NO_FACT_WORDS)
    elif fact is None:
        missed.append(NO_FACT_INSIDE if number.table in holding else NO_FACT_OUTSIDE)
    else:
        count("found")
        missed.extend(T.fact_to_misses(fact, number.tags, count))
    T.add_misses(score, missed, keep, lambda: miss_to_example(number, fact, raw_lines))


def fail_to_example(check, facts) -> dict:
    involved = [facts[i] for i in check.facts if 0 <= i < len(facts)]
    return {"rule": check.rule, "message": check.message,
            "lines": [f"{f.line}:{f.col} {f.label!r} {f.display} {f.period} | {f.column_header!r}"
                      for f in involved]}


def peak_rss() -> int:
    """This process's peak resident set (VmHWM), in bytes."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def document_to_result(path: Path, keep: int) -> dict:
    """Everything measured on one document, as plain data (it crosses a process boundary)."""
    import psutil

    import tieout
    from tieout.errors import InputError

    rss_start = psutil.Process().memory_info().rss
    size = path.stat().st_size
    start = time.perf_counter()  # the reader first, so the worker's peak RSS is the reader's
    try:
        report, unread = tieout.read(path), ""
    except InputError as exc:
        report, unread = None, str(exc)
    seconds = time.perf_counter() - start
    rss_peak = peak_rss()
    start = time.perf_counter()
    text = file_to_text(path)
    key = text_to_key(text)
    base = {"document": path.name, "bytes": size, "key_seconds": round(time.perf_counter() - start, 2),
            "untokened": key.untokened, "numbers": len(key.numbers)}
    if report is None:
        return {**base, "unread": unread}
    raw_lines = text.split("\n")
    lines = T.facts_by_line(report.fact_records)
    holding = tables_with_facts(key, report.fact_records)
    score = T.Score()
    for number in key.numbers:
        score_number(number, lines, holding, raw_lines, score, keep)
    checks, rules = T.checks_to_counts(report.checks)
    fails = [fail_to_example(c, report.fact_records) for c in report.checks
             if c.status == "fail" and not c.rule.startswith("claim")][:keep]
    return {**base, "counts": dict(score.counts), "misses": dict(score.misses), "examples": score.examples,
            "checks": dict(checks), "rules": sorted(rules), "fails": fails, "seconds": round(seconds, 3),
            "facts": len(report.fact_records), "tables": len(report.tables),
            "rss_start": rss_start, "rss_peak": rss_peak}


def _worker(job: tuple[Path, int]) -> dict:
    try:
        return document_to_result(*job)
    except Exception as exc:  # noqa: BLE001 - a reader crash is a figure; it must not stop the run
        return {"document": job[0].name, "bytes": job[0].stat().st_size, "error": f"{type(exc).__name__}: {exc}"}


# --------------------------------------------------------------------------
# printing


HEADER = T.HEADER + f" {'MB/s':>5}"
LEGEND = ("tagged = ix:nonFraction table numbers (loc% is 100 by construction: the key is placed in the file "
          "itself);\nfnd%, val%, per% of tagged; sgn% of found; scale = wrong-scale count; prim = numbers whose "
          "context has no dimensions, then their fnd%, val%, per%;\npass/fail/unver = checks without claim rules, "
          "fail% of pass+fail; sec = seconds in tieout.read on one core, MB/s = file MB per such second")


def mb(n: float) -> float:
    return n / 1e6


def row(name: str, r: dict) -> str:
    rate = mb(r.get("bytes", 0)) / r["seconds"] if r.get("seconds") else 0.0
    return T.figures_to_row(name, r["counts"], r["checks"], r["seconds"]) + f" {rate:5.2f}"


def print_results(results: list[dict], totals: dict) -> None:
    print(HEADER)
    for r in results:
        if "counts" in r:
            print(row(r["document"], r))
        elif "unread" in r:
            print(f"{r['document'][:34]:34} {r['numbers']:6} UNREAD {r['unread']}")
        else:
            print(f"{r['document'][:34]:34} ERROR {r['error']}")
    print("-" * len(HEADER))
    read = [r for r in results if "counts" in r]
    print(row(f"TOTAL ({len(read)} of {totals['documents']} read)",
              {**totals, "bytes": sum(r["bytes"] for r in read)}))
    print(LEGEND)
    c = Counter(totals["counts"])
    print(f"\ntagged {c['tagged']}, found by tieout {c['found']} ({T.pct(c['found'], c['tagged']).strip()}%), "
          f"value right {c['value']} ({T.pct(c['value'], c['tagged']).strip()}%), wrong scale {c['scale']}, "
          f"sign agrees {c['sign']}, period right {c['period']} ({T.pct(c['period'], c['tagged']).strip()}%)")
    print(f"primary: tagged {c['primary tagged']}, found {c['primary found']}, "
          f"value right {c['primary value']} ({T.pct(c['primary value'], c['primary tagged']).strip()}%), "
          f"period right {c['primary period']} ({T.pct(c['primary period'], c['primary tagged']).strip()}%)")
    checks = Counter(totals["checks"])
    evaluated = checks["pass"] + checks["fail"]
    print(f"checks (no claim rules): {checks['pass']} pass, {checks['fail']} fail, "
          f"{checks['unverifiable']} unverifiable; fail {T.pct(checks['fail'], evaluated).strip()}% of evaluated; "
          f"rules seen: {', '.join(totals['rules'])}")
    unread = [r for r in results if "unread" in r]
    errors = [r for r in results if "error" in r]
    print(f"unread (InputError): {len(unread)}"
          + (f" ({Counter(r['unread'] for r in unread).most_common(1)[0][0]!r}"
             f"{', ...' if len(set(r['unread'] for r in unread)) > 1 else ''})" if unread else "")
          + f"; errors: {len(errors)}" + (f" ({', '.join(r['document'] for r in errors)})" if errors else ""))
    print(f"table tags left out (words or empty text): {sum(r.get('untokened', 0) for r in results)}; "
          f"documents without a tagged table number: "
          f"{', '.join(r['document'] for r in results if 'numbers' in r and not r['numbers']) or 'none'}")
    print("\nmisses (a number can miss both its value and its period):")
    misses = Counter(totals["misses"])
    for miss in MISSES:
        print(f"  {misses[miss]:7}  {miss}")


def speed_figures(results: list[dict], elapsed: float, jobs: int) -> dict:
    read = [r for r in results if "counts" in r]
    seconds = sum(r["seconds"] for r in read)
    size = sum(r["bytes"] for r in read)
    figures = {"documents_read": len(read), "read_seconds": round(seconds, 2), "megabytes": round(mb(size), 2),
               "mb_per_second": round(mb(size) / seconds, 3) if seconds else 0.0,
               "key_seconds": round(sum(r.get("key_seconds", 0) for r in results), 2),
               "wall_seconds": round(elapsed, 1), "jobs": jobs}
    if read:
        big = max(read, key=lambda r: r["bytes"])
        figures["largest"] = {"document": big["document"], "megabytes": round(mb(big["bytes"]), 2),
                              "seconds": big["seconds"],
                              "mb_per_second": round(mb(big["bytes"]) / big["seconds"], 3) if big["seconds"] else 0,
                              "rss_start_mb": round(mb(big["rss_start"]), 1),
                              "rss_peak_mb": round(mb(big["rss_peak"]), 1)}
        figures["max_rss_peak_mb"] = round(mb(max(r["rss_peak"] for r in read)), 1)
    return figures


def print_speed(speed: dict) -> None:
    print(f"\nread time: {speed['read_seconds']:.1f} s in tieout.read for {speed['megabytes']:.1f} MB "
          f"({speed['documents_read']} documents): {speed['mb_per_second']:.2f} MB/s per core; "
          f"the key's own pass {speed['key_seconds']:.1f} s; wall {speed['wall_seconds']:.1f} s with "
          f"{speed['jobs']} jobs")
    big = speed.get("largest")
    if big:
        print(f"largest document {big['document']} ({big['megabytes']:.1f} MB): {big['seconds']:.1f} s, "
              f"{big['mb_per_second']:.2f} MB/s, worker peak RSS {big['rss_peak_mb']:.0f} MB "
              f"(at start {big['rss_start_mb']:.0f} MB); highest peak of any document {speed['max_rss_peak_mb']:.0f} MB")


def print_misses(results: list[dict], limit: int) -> None:
    for miss in MISSES:
        examples = T.round_robin([[dict(e, document=r["document"]) for e in r.get("examples", {}).get(miss, [])]
                                  for r in results], limit)
        if not examples:
            continue
        print(f"\n== {miss}")
        for e in examples:
            print(f"  {e['document']} {e['at']}")
            print(f"    row:  {e['line']}")
            print(f"    html: {e['html']}")
            print(f"    tag:  {e['tag']}")
            if "fact" in e:
                print(f"    fact: {e['fact']}")


def print_fails(results: list[dict], limit: int) -> None:
    fails = T.round_robin([[dict(f, document=r["document"]) for f in r.get("fails", [])] for r in results], limit)
    print(f"\n== failing checks ({len(fails)} shown)")
    for f in fails:
        print(f"  {f['document']} {f['rule']}: {f['message']}")
        for line in f["lines"]:
            print(f"    | {line}")


# --------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    args = T.answer_key_parser(__doc__.split("\n\n")[0]).parse_args(argv)
    paths = T.corpus_paths(args)
    if not paths:
        return 2
    import tieout  # noqa: F401 - imported once here, inherited by every forked worker

    start = time.perf_counter()
    keep = max(args.misses, args.fails)
    jobs = [(p, keep) for p in sorted(paths, key=lambda p: -p.stat().st_size)]  # the largest first
    # one fresh worker per document: its peak RSS is that document's
    with multiprocessing.get_context("fork").Pool(max(args.jobs, 1), maxtasksperchild=1) as pool:
        results = list(pool.imap_unordered(_worker, jobs, chunksize=1))
    elapsed = time.perf_counter() - start
    results.sort(key=lambda r: r["document"])
    read = [r for r in results if "counts" in r]
    totals = T.results_to_totals(read)
    totals["documents"] = len(results)
    totals["unread"] = sum("unread" in r for r in results)
    totals["errors"] = sum("error" in r for r in results)
    speed = speed_figures(results, elapsed, args.jobs)
    print_results(results, totals)
    print_speed(speed)
    if args.misses:
        print_misses(results, args.misses)
    if args.fails:
        print_fails(results, args.fails)
    if args.compare:
        T.print_compare(json.loads(args.compare.read_text()), totals, results)
    if args.json:
        keys = ("document", "bytes", "counts", "misses", "checks", "seconds", "rss_peak", "unread", "error")
        figures = [{k: r[k] for k in keys if k in r} for r in results]
        args.json.write_text(json.dumps({"when": time.strftime("%Y-%m-%d %H:%M"), "totals": totals,
                                         "speed": speed, "documents": figures}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
