"""EX-27 financial data schedules: the filer's own tagged restatement of its statements.

From 1997 to 2001 every 10-Q and 10-K carried an EX-27 exhibit listing the
main figures under fixed tags (``<TOTAL-ASSETS> 271,873``) with a
``<MULTIPLIER>`` and the period. They are a free second source: each value
restates a statement line, so tying them checks both the filing and tieout's
reading of its tables.

    schedules(filing)   raw lines -> Schedule values (tagged, or untagged in
                        article order where the count makes the order certain)
    ex27_facts(report)  -> Facts (source='ex27'), ids continuing Report.facts
    check_ex27(report)  -> Checks (rule 'ex27'): each tied tag against the
                        statement fact it restates, by concept, else by label

Facts are in base units (value x MULTIPLIER; per-share and percent tags are
never multiplied), with the period from PERIOD-START/PERIOD-END, or from
PERIOD-TYPE when PERIOD-START is absent (then the start is derived).
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from tieout.ex27.tags import (ARTICLE_TAGS, CONCEPTS, HEADER_TAGS, INSTANT_TAGS, PER_SHARE_TAGS,
                              PERCENT_TAGS, TIE_PATTERNS, concept_of)
from tieout.model import Check, Fact, Filing, Problem, Report

RULE = "ex27"
_TYPE_LINE = re.compile(r"^\s*<TYPE>\s*EX-27\b", re.I)
_END_DOC = re.compile(r"^\s*(</DOCUMENT>|<TYPE>)", re.I)
_BARE_TYPE = re.compile(r"^EX-27(\.\d+)?\s*$", re.I)
_BARE_END = re.compile(r"^(EX-\d+|-----END PRIVACY|<)", re.I)
_TAG_LINE = re.compile(r"^\s*<([A-Z0-9&][A-Z0-9&-]*)>(.*)$", re.I)
# fullmatch of a stripped value; "\d[\d,]*(?:\.\d*)?" is the old "\d[\d,]*\.?\d*" without the digits two
# quantifiers could share (quadratic on a long run of digits), and spaces start only after a non-space
_NUMBER = re.compile(r"\(?-?\$?(?<!\s)\s*+(\d[\d,]*(?:\.\d*)?|\.\d+)\)?%?")
_DATE = re.compile(r"^([A-Z]{3})-(\d{1,2})-(\d{4})$", re.I)
_PERIOD_TYPE = re.compile(r"^(YEAR|\d{1,2}-MOS|\d{1,2}-MONTHS?)$", re.I)
_MONTHS = {m.upper(): i for i, m in enumerate(calendar.month_abbr) if m}


@dataclass(frozen=True)
class Value:
    tag: str
    text: str  # as printed, e.g. "(1,295)"
    line: int  # 1-based line of the original file
    col: int
    end_col: int


@dataclass(frozen=True)
class Schedule:
    """One column of one EX-27 schedule."""

    start_line: int
    article: str
    multiplier: Decimal
    period_type: str
    fiscal_year_end: str  # ISO date or ""
    period_start: str  # ISO date or "" (then derived from period_type)
    period_end: str
    values: tuple[Value, ...]
    column: int = 0
    tagged: bool = True
    restated: bool = False


# -- parsing ----------------------------------------------------------------


def parse_number(text: str) -> tuple[Decimal, int] | None:
    """``"(1,295)"`` -> (Decimal(-1295), 0 decimals); ``".12"`` -> (0.12, 2); None if not a number."""
    text = text.strip()
    match = _NUMBER.fullmatch(text)
    if not match:
        return None
    digits = match.group(1).replace(",", "")
    try:
        value = Decimal(digits)
    except InvalidOperation:
        return None
    if text.startswith("(") or text.lstrip("($ ").startswith("-"):
        value = -value
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    return value, decimals


def parse_date(text: str) -> str:
    """``"SEP-29-1995"`` -> ``"1995-09-29"``; "" when not such a date."""
    match = _DATE.match(text.strip())
    if not match or match.group(1).upper() not in _MONTHS:
        return ""
    try:
        return _dt.date(int(match.group(3)), _MONTHS[match.group(1).upper()], int(match.group(2))).isoformat()
    except ValueError:
        return ""


def _months(period_type: str) -> int:
    text = period_type.upper()
    if text.startswith("YEAR"):
        return 12
    match = re.match(r"(\d+)", text)
    return int(match.group(1)) if match else 0


def derived_start(period_end: str, period_type: str) -> str:
    """The first day of a period of ``period_type`` months ending on ``period_end``."""
    months = _months(period_type)
    if not period_end or not months:
        return ""
    end = _dt.date.fromisoformat(period_end)
    if end.day == calendar.monthrange(end.year, end.month)[1]:  # a month end: whole months
        year, month = divmod(end.year * 12 + end.month - months, 12)
        return _dt.date(year, month + 1, 1).isoformat()
    month_index = end.year * 12 + end.month - 1 - months
    year, month = divmod(month_index, 12)
    day = min(end.day, calendar.monthrange(year, month + 1)[1])
    return (_dt.date(year, month + 1, day) + _dt.timedelta(days=1)).isoformat()


def tagged_schedules(raw_lines: Sequence[str], first: int, last: int) -> list[Schedule]:
    """Schedules of a tagged EX-27 between 1-based lines ``first`` and ``last``."""
    header: dict[str, list[str]] = {}
    values: dict[int, list[Value]] = {}
    schedules: list[Schedule] = []
    in_legend = False

    def flush():
        if not values or not header.get("ARTICLE"):
            values.clear()
            return
        article = (header.get("ARTICLE") or [""])[0].upper()
        columns = max(len(v) for v in values.values()) if values else 0
        for column in range(columns):
            def pick(tag, default=""):
                found = header.get(tag) or []
                return found[column] if column < len(found) else (found[0] if found else default)
            multiplier = parse_number(pick("MULTIPLIER", "1"))
            end = parse_date(pick("PERIOD-END"))
            period_type = pick("PERIOD-TYPE")
            schedules.append(Schedule(
                start_line=first, article=article,
                multiplier=multiplier[0] if multiplier and multiplier[0] else Decimal(1),
                period_type=period_type, fiscal_year_end=parse_date(pick("FISCAL-YEAR-END")),
                period_start=parse_date(pick("PERIOD-START")), period_end=end,
                values=tuple(v[column] for v in values.values() if column < len(v)),
                column=column, tagged=True, restated="RESTATED" in header,
            ))
        values.clear()
        header.clear()

    for number in range(first, last + 1):
        raw = raw_lines[number - 1]
        if in_legend:
            in_legend = "</LEGEND>" not in raw.upper()
            continue
        match = _TAG_LINE.match(raw)
        if not match:
            continue
        tag = match.group(1).upper()
        if tag == "LEGEND":
            in_legend = "</LEGEND>" not in raw.upper()
            continue
        offset = match.start(2)
        words = [(m.group(0), offset + m.start() + 1, offset + m.end() + 1)
                 for m in re.finditer(r"\S+", match.group(2))]
        if tag == "ARTICLE" and values:
            flush()  # a second schedule in the same exhibit
        if tag in HEADER_TAGS:
            header.setdefault(tag, []).extend(w for w, _, _ in words)
            continue
        numbers = [(w, c, e) for w, c, e in words if parse_number(w) is not None]
        if numbers:
            slot = len(values)
            values[slot] = [Value(tag, w, number, c, e) for w, c, e in numbers]
    flush()
    return schedules


def untagged_schedule(raw_lines: Sequence[str], first: int, last: int) -> tuple[Schedule | None, str]:
    """An EX-27 whose tags a downloader stripped: values one a line in article order.

    Read only when unambiguous: an article we know, a period type, one to three
    dates, then exactly as many numbers as the article has tags. Returns the
    schedule or the reason it was not read.
    """
    lines = [(n, raw_lines[n - 1].strip()) for n in range(first, last + 1) if raw_lines[n - 1].strip()]
    type_at = next((i for i, (_, text) in enumerate(lines[:12]) if _PERIOD_TYPE.match(text)), None)
    if type_at is None or type_at < 2:
        return None, "no PERIOD-TYPE line (YEAR, 3-MOS, ...) near the start"
    article = lines[type_at - 2][1].upper()
    multiplier = parse_number(lines[type_at - 1][1])
    if article not in ARTICLE_TAGS or multiplier is None:
        return None, f"article {article!r} with multiplier {lines[type_at - 1][1]!r} is not one this reader knows"
    dates, i = [], type_at + 1
    while i < len(lines) and parse_date(lines[i][1]):
        dates.append(parse_date(lines[i][1]))
        i += 1
    numbers = []
    while i < len(lines) and parse_number(lines[i][1]) is not None:
        numbers.append(lines[i])
        i += 1
    tags = ARTICLE_TAGS[article]
    if not 1 <= len(dates) <= 3:
        return None, f"{len(dates)} dates where FISCAL-YEAR-END[, PERIOD-START], PERIOD-END were expected"
    if len(numbers) != len(tags):
        return None, (f"{len(numbers)} values where article {article} has {len(tags)} tags; "
                      "the order is not certain")
    values = []
    for tag, (number, text) in zip(tags, numbers):
        col = raw_lines[number - 1].index(text) + 1
        values.append(Value(tag, text, number, col, col + len(text)))
    return Schedule(
        start_line=first, article=article, multiplier=multiplier[0] or Decimal(1),
        period_type=lines[type_at][1].upper(), fiscal_year_end=dates[0],
        period_start=dates[1] if len(dates) == 3 else "", period_end=dates[-1],
        values=tuple(values), tagged=False,
    ), ""


def exhibit_ranges(raw_lines: Sequence[str]) -> list[tuple[int, int, bool]]:
    """(first line, last line, tagged) of every EX-27 exhibit in a file."""
    found = []
    n = len(raw_lines)
    for index, raw in enumerate(raw_lines):
        if "27" not in raw:
            continue  # both type patterns hold "EX-27": most lines are ruled out without a regex
        tagged = bool(_TYPE_LINE.match(raw))
        if not tagged and not _BARE_TYPE.match(raw.strip()):
            continue
        if not tagged and raw != raw.lstrip():
            continue  # an indented "EX-27" is an exhibit index entry, not the exhibit
        end = index + 1
        while end < n and not (_END_DOC.match(raw_lines[end]) if tagged else _BARE_END.match(raw_lines[end].strip())):
            end += 1
        found.append((index + 2, end, tagged))  # lines after the type line, 1-based inclusive
    return found


def has_ex27(filing: Filing) -> bool:
    """Does the filing carry a financial data schedule at all? (Most do not: skip the scan.)"""
    if not filing.documents:
        return True  # nothing split out: scan the lines
    return any(d.type.upper().startswith("EX-27") for d in filing.documents)


def schedules(filing: Filing) -> tuple[list[Schedule], list[Problem]]:
    """Every schedule of every EX-27 in the filing, and why any could not be read."""
    found: list[Schedule] = []
    problems: list[Problem] = []
    if not has_ex27(filing):
        return found, problems
    for first, last, tagged in exhibit_ranges(filing.raw_lines):
        if tagged:
            found.extend(tagged_schedules(filing.raw_lines, first, last))
            continue
        schedule, why = untagged_schedule(filing.raw_lines, first, last)
        if schedule is None:
            problems.append(Problem(RULE, f"untagged EX-27 not read: {why}", line=first - 1, col=1,
                                    end_col=6, severity="info"))
        else:
            found.append(schedule)
    return found, problems


# -- facts ------------------------------------------------------------------


def _document_of(filing: Filing, line: int) -> str:
    for document in filing.documents:
        if document.lines and document.lines[0].number <= line <= document.lines[-1].number:
            return document.name
    # the schedule's first line may be a tag line just outside the document's text
    before = [d for d in filing.documents if d.lines and d.lines[0].number <= line + 3]
    return before[-1].name if before else "EX-27"


def unit_of(tag: str) -> str:
    return "USD/share" if tag in PER_SHARE_TAGS else "%" if tag in PERCENT_TAGS else "USD"


def period_of(schedule: Schedule, tag: str) -> str | None:
    if not schedule.period_end:
        return None
    if tag in INSTANT_TAGS:
        return schedule.period_end
    start = schedule.period_start or derived_start(schedule.period_end, schedule.period_type)
    return f"{start}/{schedule.period_end}" if start else schedule.period_end


def schedule_facts(schedule: Schedule, document: str, first_id: int, index: int) -> list[Fact]:
    facts = []
    title = f"EX-27 Financial Data Schedule (Article {schedule.article})"
    for row, value in enumerate(schedule.values):
        parsed = parse_number(value.text)
        if parsed is None:
            continue
        number, decimals = parsed
        scale = Decimal(1) if value.tag in PER_SHARE_TAGS | PERCENT_TAGS else schedule.multiplier
        facts.append(Fact(
            id=first_id + len(facts), document=document, table=title, table_index=-1 - index,
            row_index=row, column_index=schedule.column, label=value.tag,
            path=("EX-27", f"Article {schedule.article}"), period=period_of(schedule, value.tag),
            value=number * scale, unit=unit_of(value.tag), display=value.text, scale=scale,
            scale_source="ex27:multiplier" if scale != 1 else "none", decimals=decimals,
            line=value.line, col=value.col, end_col=value.end_col, concept=concept_of(value.tag),
            source="ex27",
        ))
    return facts


def ex27_facts(report: Report) -> list[Fact]:
    """The EX-27 values of ``report``'s filing as Facts, ids following ``report.fact_records``."""
    found, _ = schedules(report.filing)
    facts: list[Fact] = []
    for index, schedule in enumerate(found):
        document = _document_of(report.filing, schedule.start_line)
        facts.extend(schedule_facts(schedule, document, len(report.fact_records) + len(facts), index))
    return facts


def ex27_problems(report: Report) -> list[Problem]:
    return schedules(report.filing)[1]


# -- the check --------------------------------------------------------------


def _period_end(period: str | None) -> str:
    return (period or "").rsplit("/", 1)[-1]


def _period_months(period: str | None) -> int | None:
    if not period or "/" not in period:
        return None
    start, end = (_dt.date.fromisoformat(p) for p in period.split("/"))
    return round(((end - start).days + 1) / 30.44)


def _label(fact: Fact) -> str:
    return " ".join(fact.label.lower().replace(":", "").split())


def _in_exhibit(line: int, exhibits: Sequence[tuple[int, int, bool]]) -> bool:
    return any(first - 1 <= line <= last for first, last, _ in exhibits)


def statement_matches(ex27: Fact, facts: Iterable[Fact]) -> list[Fact]:
    """Statement facts restating ``ex27``: same concept (or label pattern), same period end.

    ``facts`` are the report's facts outside the EX-27 exhibits (``check_ex27`` drops those once).
    """
    tag = ex27.label
    table_facts = [f for f in facts if f.source != "ex27" and f.value is not None
                   and not f.document.upper().startswith("EX-27")]
    by_concept = [f for f in table_facts if f.concept and f.concept == ex27.concept]
    if by_concept:
        candidates = by_concept
    else:
        pattern = re.compile(TIE_PATTERNS[tag])
        candidates = [f for f in table_facts if pattern.search(_label(f))]
        if tag in PER_SHARE_TAGS:
            candidates = [f for f in candidates if f.unit in ("", "USD/share") and abs(f.value) < 10000]
            if tag != "EPS-DILUTED":
                candidates = [f for f in candidates if not re.search(TIE_PATTERNS["EPS-DILUTED"], _label(f))]
    candidates = [f for f in candidates if not _PRO_FORMA.search(" ".join((f.table, *f.path)))]
    return [f for f in candidates if same_period(ex27.period, f.period)]


_PRO_FORMA = re.compile(r"pro ?forma", re.I)


def same_period(ex27_period: str | None, period: str | None) -> bool:
    """Same period end (and length, for durations); a bare fiscal year "1995" matches its end's year."""
    end = _period_end(ex27_period)
    if not period or not end:
        return False
    if re.fullmatch(r"\d{4}", period):
        return period == end[:4]
    if _period_end(period) != end:
        return False
    months = _period_months(ex27_period)
    return months is None or _period_months(period) in (None, months)


def with_concepts(report: Report) -> list[Fact]:
    """The report's statement facts, with concepts from tieout.concepts when none are set yet."""
    facts = [f for f in report.fact_records if f.source != "ex27"]
    if facts and not any(f.concept for f in facts):
        try:
            from dataclasses import replace

            from tieout.concepts import assign_concepts

            facts = list(assign_concepts(replace(report, fact_records=tuple(facts))).fact_records)
        except Exception:  # noqa: BLE001 - no concept layer: label patterns alone
            pass
    return facts


def _overlap(a: Fact, b: Fact) -> bool:
    return a.low <= b.high and b.low <= a.high


def check_ex27(report: Report) -> Iterable[Check]:
    """Rule 'ex27': each tied EX-27 value against the statement line it restates.

    pass: a statement fact with the same concept (or label) and period end
    whose rounding interval meets the EX-27 value's; fail: such facts exist
    and none agrees; unverifiable: no statement fact found.
    """
    from tieout.checks.describe import column_words  # here: tieout.checks imports this module

    ex27 = [f for f in report.fact_records if f.source == "ex27"] or ex27_facts(report)
    facts = with_concepts(report)
    exhibits = exhibit_ranges(report.filing.raw_lines) if has_ex27(report.filing) else []
    if exhibits:  # the statement lines outside the schedules, found once rather than for each schedule value
        facts = [f for f in facts if not _in_exhibit(f.line, exhibits)]
    for fact in ex27:
        if fact.label not in TIE_PATTERNS or fact.value is None:
            continue
        what = f"EX-27 {fact.label} {fact.display}" + (f" (x {fact.scale:,f})" if fact.scale != 1 else "")
        matches = statement_matches(fact, facts)
        if not matches:
            yield Check(RULE, "unverifiable", f"{what}: no statement line for {fact.concept} "
                        f"at {_period_end(fact.period) or 'an unknown date'}", (fact.span,),
                        expected=_plain(fact.value), facts=(fact.id,), document=fact.document)
            continue
        # a schedule restates the primary statements: judge it against them when they are found;
        # disagreeing only with a note, a selected-data or a pro forma table proves nothing
        statements = [m for m in matches if _PRIMARY_TITLE.search(m.table)]
        primary = bool(statements)
        matches = statements or matches
        agreeing = [m for m in matches if _overlap(fact, m)]
        best = agreeing[0] if agreeing else min(matches, key=lambda m: abs(m.value - fact.value))
        status = "pass" if agreeing else "fail" if primary else "unverifiable"
        verb = "ties to" if agreeing else "does not tie to" if primary else \
            "is not in the primary statements; the nearest line elsewhere is"
        column = column_words(report, best)  # "column 'Pro Forma'" when its period does not say which
        yield Check(
            RULE, status,
            f"{what} {verb} '{best.label}' {best.display} ({best.table or best.document}, "
            f"{column + ', ' if column else ''}{best.period})",
            (fact.span, best.span), expected=_plain(fact.value), actual=_plain(best.value),
            slack=_plain(fact.half_step + best.half_step), facts=(fact.id, best.id),
            document=fact.document,
        )


_PRIMARY_TITLE = re.compile(r"balance sheets?|statements? of (consolidated )?(operations|income|earnings|cash flows?|"
                            r"financial (position|condition))|income statements?", re.IGNORECASE)


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f") if value == value.to_integral() else format(value, "f")


__all__ = ["ex27_facts", "check_ex27", "schedules", "Schedule", "Value", "parse_number",
           "parse_date", "derived_start", "ex27_problems", "CONCEPTS", "RULE"]
