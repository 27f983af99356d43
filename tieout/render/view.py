"""The document view as data: the filing's lines cut into plain and marked segments.

An auditor ticks and ties on the document itself, so the view shows the text
exactly as filed and puts a mark on every number tieout read: green where
every check the number takes part in passes, red where one fails, grey where
nothing could check it. This module decides *what* is marked and how; it
builds no HTML (``tieout.render.html`` and ``tieout.serve`` render it with
Jinja2, and the browser script reads ``View.data``).

Two sources feed it through one neutral shape (plain dicts of facts, claims
and checks): a ``Report`` in memory (``report_to_view``) and rows of the
DuckDB store (``rows_to_view``). Everything is a pure function.

An HTML document of the file (a bare .htm, or a submission's ``<TEXT>`` that holds HTML) is
shown as filed: its own markup, sanitized, with the same marks on its numbers
(``tieout.render.filed``); ``as_text=True`` shows its markup lines like any other text.

Columns: records carry 1-based columns of the *original* line, which may hold
tabs. The view shows tabs expanded to 8-column stops, so a line is cut into
segments on the original text first and each segment is expanded knowing the
width already written; a mark therefore always covers the right characters.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from tieout.render.filed import FiledPart, parts_to_filed

TAB = 8
CHUNK = 100  # lines per run of the page (docview.css sizes an unrendered run as 100 lines)

# a mark's status: what its checks say about it
PASS, FAIL, UNCHECKED = "pass", "fail", "none"


@dataclass(frozen=True, slots=True)
class Mark:
    """One marked run of characters: a table fact, a narrative claim, or a bare cell a check names."""

    id: int
    kind: str  # "fact", "claim", "cell"
    ref: int  # Fact.id / Claim.id; -1 for a bare cell
    line: int
    col: int  # 1-based, original line, end exclusive
    end_col: int
    status: str  # PASS, FAIL, UNCHECKED
    checks: tuple[int, ...]  # indices into View.checks


@dataclass(frozen=True, slots=True)
class Segment:
    text: str  # tab-expanded
    mark: Mark | None = None


@dataclass(frozen=True, slots=True)
class ViewLine:
    number: int
    segments: tuple[Segment, ...]
    status: str  # worst status of its marks ("fail" > "pass" > "none"), "" without marks

    @property
    def plain(self) -> str:
        """The line's text when it has no marks (the page's fast path)."""
        return "".join(s.text for s in self.segments)


@dataclass(frozen=True, slots=True)
class View:
    title: str
    meta: tuple[tuple[str, str], ...]  # (name, value) shown under the title
    lines: tuple[ViewLine, ...]
    marks: tuple[Mark, ...]
    checks: tuple[dict, ...]  # JSON-ready, with "marks": [mark ids], "index"
    data: dict  # everything the browser script needs, JSON-ready
    counts: dict  # checks by status, marks by status
    parts: tuple[FiledPart, ...] = ()  # the HTML documents shown as filed (their lines are not in ``lines``)
    css: str = ""  # the stylesheet of the filed documents' style classes

    def chunks(self, size: int = CHUNK) -> list[tuple[ViewLine, ...]]:
        """The lines in runs of ``size``: the page lets the browser skip laying out unseen runs."""
        return [self.lines[i:i + size] for i in range(0, len(self.lines), size)]

    def pieces(self, size: int = CHUNK) -> list[tuple[str, Any, bool]]:
        """The page in file order: ("text", a run of lines, last?) and ("html", a FiledPart, last?)."""
        out: list[tuple[str, Any]] = []
        lines, i = self.lines, 0
        for part in self.parts:
            j = i
            while j < len(lines) and lines[j].number < part.first:
                j += 1
            out.extend(("text", lines[k:min(k + size, j)]) for k in range(i, j, size))
            out.append(("html", part))
            i = j
        out.extend(("text", lines[k:k + size]) for k in range(i, len(lines), size))
        return [(kind, piece, n == len(out) - 1) for n, (kind, piece) in enumerate(out)]

    @property
    def as_filed(self) -> bool:
        return bool(self.parts)

    @property
    def failing(self) -> list[dict]:
        return [c for c in self.checks if c["status"] == "fail"]

    @property
    def passing(self) -> list[dict]:
        return [c for c in self.checks if c["status"] == "pass"]

    @property
    def unverifiable(self) -> list[dict]:
        return [c for c in self.checks if c["status"] == "unverifiable"]


# --------------------------------------------------------------------------
# neutral inputs


def _base_value(value: Any) -> str:
    """A value in base units as plain digits: no exponent, no trailing zeros after the point."""
    if value is None:
        return ""
    d = value if isinstance(value, Decimal) else Decimal(str(value))
    s = format(d, "f")
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return s


def fact_record_to_dict(fact) -> dict:
    """A ``tieout.model.Fact`` as the view's neutral dict."""
    return {
        "id": fact.id, "label": fact.label, "path": list(fact.path), "period": fact.period or "",
        "value": _base_value(fact.value), "unit": fact.unit, "display": fact.display,
        "scale": _base_value(fact.scale), "table": fact.table, "concept": fact.concept,
        "document": fact.document, "line": fact.line, "col": fact.col, "end_col": fact.end_col,
        "table_index": fact.table_index if fact.source == "table" else None,  # as the store's table_id
        "column_index": fact.column_index,
        "column_header": fact.column_header,
    }


def claim_record_to_dict(claim) -> dict:
    return {
        "id": claim.id, "text": claim.text, "sentence": claim.sentence, "about": claim.about,
        "value": _base_value(claim.value), "unit": claim.unit, "low": _base_value(claim.low),
        "high": _base_value(claim.high), "qualifier": claim.qualifier, "period": claim.period or "",
        "document": claim.document, "line": claim.line, "col": claim.col, "end_col": claim.end_col,
    }


def check_record_to_dict(check) -> dict:
    return {
        "rule": check.rule, "status": check.status, "message": check.message,
        "expected": check.expected, "actual": check.actual, "slack": check.slack,
        "facts": list(check.facts), "claims": list(check.claims),
        "spans": [(s.line, s.col, s.end_col) for s in check.spans],
    }


def report_to_view(report, as_text: bool = False) -> View:
    """The document view of a ``Report`` read in memory (HTML documents as filed unless ``as_text``)."""
    filing = report.filing
    meta = _meta(company=filing.company, form=filing.form_type, period=filing.period,
                 filed=filing.filed, file=filing.path)
    return build_view(
        raw_lines=filing.raw_lines,
        facts=[fact_record_to_dict(f) for f in report.fact_records],
        claims=[claim_record_to_dict(c) for c in report.claims],
        checks=[check_record_to_dict(c) for c in report.checks],
        title=filing.company or _basename(filing.path),
        meta=meta,
        html_parts=() if as_text else [(d.name, *d.html_lines) for d in filing.documents
                                       if getattr(d, "html_lines", None)],
        tables=[(t.index, t.first, t.last) for t in report.tables],
    )


def rows_to_view(document: Mapping, facts: Iterable[Mapping], claims: Iterable[Mapping],
                 checks: Iterable[Mapping], spans: Iterable[Mapping], as_text: bool = False,
                 tables: Iterable[Mapping] = ()) -> View:
    """The document view from rows of the store (dicts keyed by the store's column names);
    ``tables`` (rows of the store's tables) let the page open at the first table."""
    by_check: dict[int, list[tuple[int, int, int]]] = {}
    for s in spans:
        by_check.setdefault(s["check_id"], []).append((s["line"], s["col"], s["end_col"]))
    fact_dicts = [{
        "id": f["fact_id"], "label": f.get("label") or "", "path": list(f.get("path") or []),
        "period": f.get("period") or "",
        "value": _base_value(f.get("value_text") or f.get("value")),
        "unit": f.get("unit") or "", "display": f.get("display") or "",
        "scale": _base_value(f.get("scale")), "table": f.get("table_title") or "",
        "concept": f.get("concept") or "", "document": f.get("document") or "",
        "line": f["line"], "col": f["col"], "end_col": f["end_col"],
        "table_index": f.get("table_id"), "column_index": f.get("column_index"),
        "column_header": f.get("column_header") or "",  # a store of schema 1 has no such column
    } for f in facts]
    claim_dicts = [{
        "id": c["claim_id"], "text": c.get("text") or "", "sentence": c.get("sentence") or "",
        "about": c.get("about") or "", "value": _base_value(c.get("value")),
        "unit": c.get("unit") or "", "low": _base_value(c.get("low")),
        "high": _base_value(c.get("high")), "qualifier": c.get("qualifier") or "",
        "period": c.get("period") or "", "document": c.get("document") or "",
        "line": c["line"], "col": c["col"], "end_col": c["end_col"],
    } for c in claims]
    check_dicts = [{
        "rule": c.get("rule") or "", "status": c.get("status") or "unverifiable",
        "message": c.get("message") or "", "expected": c.get("expected") or "",
        "actual": c.get("actual") or "", "slack": c.get("slack") or "",
        "facts": list(c.get("fact_ids") or []), "claims": list(c.get("claim_ids") or []),
        "spans": by_check.get(c["check_id"], []),
    } for c in sorted(checks, key=lambda c: c["check_id"])]
    text = document.get("text") or ""
    meta = _meta(company=document.get("company"), form=document.get("form_type"),
                 period=document.get("period"), filed=document.get("filed"),
                 file=document.get("name") or document.get("path"))
    return build_view(
        raw_lines=split_text(text), facts=fact_dicts, claims=claim_dicts, checks=check_dicts,
        title=document.get("company") or document.get("name") or "document", meta=meta,
        html_parts=() if as_text else html_parts_of(document),
        tables=[(t["table_id"], t["first_line"], t["last_line"]) for t in tables],
    )


def html_parts_of(document: Mapping) -> list[tuple[str, int, int]]:
    """``documents.html_parts`` (JSON) as (document, first line, last line); [] for a store without it."""
    value = document.get("html_parts")
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return []
    out = []
    for part in value or ():
        try:
            out.append((str(part["document"]), int(part["first_line"]), int(part["last_line"])))
        except (KeyError, TypeError, ValueError):
            continue
    return out


def split_text(text: str) -> list[str]:
    """The store's ``documents.text`` back into lines (line N is ``split('\\n')[N-1]``)."""
    return [line[:-1] if line.endswith("\r") else line for line in text.split("\n")]


def _basename(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def _meta(**items) -> tuple[tuple[str, str], ...]:
    return tuple((k, str(v)) for k, v in items.items() if v not in (None, ""))


# --------------------------------------------------------------------------
# the view


def build_view(*, raw_lines: Sequence[str], facts: Sequence[dict], claims: Sequence[dict],
               checks: Sequence[dict], title: str = "", meta=(),
               html_parts: Sequence[tuple[str, int, int]] = (),
               tables: Sequence[tuple[int, int, int]] = ()) -> View:
    """Cut the lines into segments, give every fact and claim a mark and a status.

    ``html_parts`` (document name, first and last line of its markup) are shown as filed.
    ``tables`` (index, first and last line of each) give the place the page opens at when no
    check fails: the first table with a number in it (``data["opening"]``).
    """
    marks_by_key: dict[tuple[str, int], int] = {}  # ("fact", id) -> mark index
    by_position: dict[tuple[int, int], int] = {}  # (line, col) -> mark index
    proto: list[dict] = []

    def add(kind: str, ref: int, line: int, col: int, end_col: int) -> int:
        index = len(proto)
        proto.append({"kind": kind, "ref": ref, "line": line, "col": col,
                      "end_col": max(end_col, col + 1), "checks": []})
        by_position.setdefault((line, col), index)
        return index

    for f in facts:
        if f.get("line"):
            marks_by_key[("fact", f["id"])] = add("fact", f["id"], f["line"], f["col"], f["end_col"])
    for c in claims:
        if c.get("line"):
            marks_by_key[("claim", c["id"])] = add("claim", c["id"], c["line"], c["col"], c["end_col"])

    view_checks: list[dict] = []
    for index, check in enumerate(checks):
        involved: list[int] = []
        # facts and claims first: their ids keep the check's order (the total first),
        # which the store's span rows do not; then any span naming another cell
        for fid in check.get("facts", ()):
            m = marks_by_key.get(("fact", fid))
            if m is not None:
                involved.append(m)
        for cid in check.get("claims", ()):
            m = marks_by_key.get(("claim", cid))
            if m is not None:
                involved.append(m)
        for line, col, end_col in check.get("spans", ()):
            m = by_position.get((line, col))
            if m is None:
                m = add("cell", -1, line, col, end_col)
            involved.append(m)
        involved = list(dict.fromkeys(involved))  # keep order: the total first
        for m in involved:
            proto[m]["checks"].append(index)
        first_line = proto[involved[0]]["line"] if involved else 0
        view_checks.append({
            "index": index, "rule": check.get("rule", ""), "status": check.get("status", ""),
            "message": check.get("message", ""), "expected": check.get("expected", ""),
            "actual": check.get("actual", ""), "slack": check.get("slack", ""),
            "marks": involved, "line": first_line,
        })

    marks = tuple(
        Mark(id=i, kind=p["kind"], ref=p["ref"], line=p["line"], col=p["col"], end_col=p["end_col"],
             status=mark_status(view_checks[c]["status"] for c in p["checks"]),
             checks=tuple(p["checks"]))
        for i, p in enumerate(proto)
    )
    parts, css = parts_to_filed(raw_lines, html_parts, marks) if html_parts else ((), "")
    shown = [(p.first, p.last) for p in parts]
    lines = tuple(lines_to_view(raw_lines, marks, skip=shown))
    counts = {
        "checks": dict(Counter(c["status"] for c in view_checks)),
        "marks": dict(Counter(m.status for m in marks if m.kind != "cell")),
        "facts": len(facts), "claims": len(claims), "lines": len(raw_lines),
    }
    shared = shared_period_columns(facts)
    data = {
        "marks": [[m.kind, m.ref, m.status, list(m.checks), m.line] for m in marks],
        "facts": {str(f["id"]): {**_public(f), "column_shared": f["id"] in shared} for f in facts},
        "claims": {str(c["id"]): _public(c) for c in claims},
        "checks": view_checks,
        "opening": opening(tables, marks, facts),
    }
    return View(title=title, meta=tuple(meta), lines=lines, marks=marks,
                checks=tuple(view_checks), data=data, counts=counts, parts=parts, css=css)


def opening(tables: Sequence[tuple[int, int, int]], marks: Sequence[Mark], facts: Sequence[dict]) -> dict | None:
    """Where the page opens when no check fails: the first number of the first table that has
    one, and the table's first line when that holds the number (a text table; an HTML table's
    lines are its grid's); None without a table number."""
    table_of = {f["id"]: f.get("table_index") for f in facts}
    found = [(table_of[m.ref], m.line, m.col, m.id) for m in marks
             if m.kind == "fact" and table_of.get(m.ref) is not None]
    if not found:
        return None
    table, line, _, mark = min(found)
    first = next((first for index, first, last in tables if index == table and first <= line <= last), line)
    return {"line": first, "mark": mark}


def shared_period_columns(facts: Sequence[dict]) -> set[int]:
    """Ids of the facts whose period another column of their table also has (a pro forma table's
    company, acquiree, adjustments and pro forma columns): there the popup names the column."""
    columns: dict[tuple, set] = {}
    for f in facts:
        if f.get("table_index") is None or f.get("column_index") is None:
            continue
        key = (f.get("document"), f["table_index"], f.get("period") or "")
        columns.setdefault(key, set()).add(f["column_index"])
    return {f["id"] for f in facts if f.get("table_index") is not None and f.get("column_index") is not None
            and len(columns[(f.get("document"), f["table_index"], f.get("period") or "")]) > 1}


def _public(record: dict) -> dict:
    return {k: v for k, v in record.items() if k not in ("col", "end_col")}


def mark_status(statuses: Iterable[str]) -> str:
    """Red if any check fails; green if at least one passes (and none fails); else grey.

    An unverifiable check neither confirms nor contradicts a number, so it
    leaves a number with a passing check green and one without any grey.
    """
    seen = set(statuses)
    if "fail" in seen:
        return FAIL
    if "pass" in seen:
        return PASS
    return UNCHECKED


def lines_to_view(raw_lines: Sequence[str], marks: Sequence[Mark],
                  skip: Sequence[tuple[int, int]] = ()) -> Iterable[ViewLine]:
    """The lines as ViewLines, but those in the ``skip`` ranges (first, last: shown as filed)."""
    by_line: dict[int, list[Mark]] = {}
    for m in marks:
        by_line.setdefault(m.line, []).append(m)
    ranges = sorted(skip)
    for number, raw in enumerate(raw_lines, start=1):
        while ranges and number > ranges[0][1]:
            ranges.pop(0)
        if ranges and ranges[0][0] <= number:
            continue
        line_marks = by_line.get(number)
        if not line_marks:
            yield ViewLine(number, (Segment(_clean(raw.expandtabs(TAB))),) if raw else (), "")
            continue
        segments = cut_line(raw, line_marks)
        statuses = {s.mark.status for s in segments if s.mark is not None}
        status = FAIL if FAIL in statuses else PASS if PASS in statuses else UNCHECKED
        yield ViewLine(number, tuple(segments), status)


def cut_line(raw: str, marks: Sequence[Mark]) -> list[Segment]:
    """Cut one original line at its marks; expand tabs segment by segment.

    Marks that overlap an earlier one on the line, or fall outside it, get
    no segment (their records still reach the browser through ``View.data``).
    """
    segments: list[Segment] = []
    width = 0  # display width written so far
    pos = 0  # 0-based index into raw
    for m in sorted(marks, key=lambda m: (m.col, m.kind != "fact")):
        start, end = m.col - 1, min(m.end_col - 1, len(raw))
        if start < pos or start >= len(raw) or end <= start:
            continue
        if start > pos:
            text, width = expand(raw[pos:start], width)
            segments.append(Segment(text))
        text, width = expand(raw[start:end], width)
        segments.append(Segment(text, m))
        pos = end
    if pos < len(raw):
        text, width = expand(raw[pos:], width)
        segments.append(Segment(text))
    return segments


def expand(text: str, width: int) -> tuple[str, int]:
    """Expand tabs in ``text`` that starts at display column ``width`` (0-based); return it and the new width."""
    if "\t" not in text:
        text = _clean(text)
        return text, width + len(text)
    out = []
    for ch in text:
        if ch == "\t":
            pad = TAB - width % TAB
            out.append(" " * pad)
            width += pad
        else:
            out.append(_clean(ch))
            width += 1
    return "".join(out), width


_CONTROL = {i: " " for i in range(32) if i not in (9, 10)}
_CONTROL[127] = " "


def _clean(text: str) -> str:
    """Control characters (form feeds of page breaks, stray NULs) shown as spaces, one for one."""
    return text.translate(_CONTROL)
