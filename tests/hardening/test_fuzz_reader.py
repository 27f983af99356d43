"""Hypothesis fuzzing of the reader, seeded with real table lines and mutated.

Random bytes mostly exercise the "looks binary" refusal. The interesting inputs
are real table lines slightly broken: a character inserted or deleted, a paren
run, a tab or NUL dropped in, lines of two documents spliced together. The seeds
are read from the corpus (../shared/corpus) when this module is collected, and
fall back to lines written here when it is absent.

Properties: ``tieout.read`` (all stages, checks included) returns a Report or
raises ``InputError``; no stage reports an internal error; every fact points
inside the input (1 <= line <= number of lines, columns within that line) and
holds a finite Decimal (a blank cell: no columns, no value); ``line_to_cells`` cells lie inside the line, in order,
without overlapping; the small pure functions never raise. Example counts are
bounded so the file runs in well under a minute.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tieout
from tieout.errors import InputError
from tieout.tables.cells import line_to_cells, parse_number
from tieout.tables.periods import PeriodContext, header_to_period
from tieout.tables.units import note_to_scale

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"

FALLBACK_LINES = [
    "                     EXAMPLE MINING COMPANY",
    "        (dollars in thousands, except per-share amounts)",
    "                                          First Quarter Ended",
    "                                       Mar. 31, 1996  Mar. 31, 1995",
    "                                       -------------  -------------",
    "Sales of products                        $  36,450      $  38,130",
    "Cost of sales                               (2,464)        1,475",
    "Other income                                   - -           312",
    "Net income (loss)                        $  33,986      $  39,917",
    "                                          =========      =========",
    "Net income (loss) per common share       $    0.35      $    0.41",
    "Total assets..........................   $3,424,117    $3,201,554",
    "Gold - Ounces                               62,415        53,310",
    "Cash cost ($/oz.)                       $      238    $      266",
    "Ore grade milled - Silver (oz./ton)          14.2          13.9",
    "Weighted average shares (in thousands)     48,123        47,990",
    "<TABLE>", "<CAPTION>", "<S>                                     <C>            <C>", "</TABLE>",
    "      Net income was $3.0 million, or 6 cents per share, up 17% from 1995.",
]


def _corpus_lines(limit: int = 400) -> list[str]:
    """Table-looking lines of the corpus (digits at the end, set off by spaces), plus headers."""
    if not CORPUS.exists():
        return []
    out: list[str] = []
    for path in sorted(CORPUS.rglob("*.txt")):
        text = path.read_bytes().decode("latin-1")
        picked = [line for line in text.splitlines()
                  if line.strip() and (line.rstrip()[-1:].isdigit() or ")" in line[-3:] or "thousands" in line
                                       or "Ended" in line or "---" in line) and len(line) < 200]
        out.extend(picked[:: max(1, len(picked) // 12)][:12])
    return out[:limit]


SEED_LINES = _corpus_lines() or FALLBACK_LINES
PARENS = ["(", ")", "((((", "))))", "(" * 50, ")" * 50]
NOISE = list(" \t\x00\r\f$(),.-=%*_<>0123456789") + ["- -", "--", "  ", "\u2014", "\u00a7", "\ufffd"]


@st.composite
def mutated_line(draw) -> str:
    line = draw(st.sampled_from(SEED_LINES))
    for _ in range(draw(st.integers(0, 4))):
        action = draw(st.sampled_from(("insert", "delete", "parens", "repeat", "tab")))
        at = draw(st.integers(0, len(line)))
        if action == "insert":
            line = line[:at] + draw(st.sampled_from(NOISE)) + line[at:]
        elif action == "delete" and line:
            end = draw(st.integers(at, min(len(line), at + 8)))
            line = line[:at] + line[end:]
        elif action == "parens":
            line = line[:at] + draw(st.sampled_from(PARENS)) + line[at:]
        elif action == "repeat":
            line = line[:at] + line[at:at + 6] * draw(st.integers(2, 40)) + line[at:]
        else:
            line = line[:at] + draw(st.sampled_from(("\t", "\x00", "\t\t", "\r"))) + line[at:]
    return line


@st.composite
def document(draw) -> bytes:
    """Spliced lines of different documents, mutated, with a random line ending and encoding."""
    lines = draw(st.lists(mutated_line(), min_size=1, max_size=30))
    if draw(st.booleans()):  # a run of seed lines kept in order: a table that is nearly intact
        start = draw(st.integers(0, max(0, len(SEED_LINES) - 12)))
        lines = SEED_LINES[start:start + 12] + lines
    ending = draw(st.sampled_from(("\n", "\r\n", "\r")))
    text = ending.join(lines) + ending
    encoding = draw(st.sampled_from(("utf-8", "utf-8", "latin-1", "utf-16", "cp1252")))
    return text.encode(encoding, errors="replace")


def _check_report(data: bytes) -> None:
    try:
        report = tieout.read("fuzz.txt", data=data)
    except InputError:
        return
    crashes = [p for p in report.problems if p.message.startswith("internal error")
               or "too deeply nested" in p.message]
    assert not crashes, crashes
    raw = report.filing.raw_lines
    for fact in report.fact_records:
        assert 1 <= fact.line <= len(raw), fact
        if not fact.display:  # a blank cell: the row's line, no columns (col = end_col = 0)
            assert fact.value is None and fact.col == fact.end_col == 0, fact
            continue
        width = len(raw[fact.line - 1])
        assert 1 <= fact.col < fact.end_col <= width + 1, (fact, raw[fact.line - 1])
        if fact.value is not None:
            assert isinstance(fact.value, Decimal) and fact.value.is_finite(), fact
    for check in report.checks:
        assert check.status in ("pass", "fail", "unverifiable")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document())
def test_read_never_crashes_on_mutated_tables(data):
    _check_report(data)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_read_never_crashes_on_random_bytes(data):
    _check_report(data)


@settings(max_examples=400, deadline=None)
@given(mutated_line())
def test_line_to_cells_cells_lie_inside_the_line_without_overlap(line):
    text = line.expandtabs(8)
    split = line_to_cells.__wrapped__(text)
    previous_end = split.label_end
    assert split.label_end >= 1
    for cell in split.cells:
        assert 1 <= cell.start < cell.end <= len(text) + 1, (cell, text)
        assert cell.start >= previous_end - 1 or cell is split.cells[0], (split, text)
        previous_end = cell.end
        assert isinstance(cell.value, Decimal) and cell.value.is_finite()
    starts = [c.start for c in split.cells]
    assert starts == sorted(starts)
    for a, b in zip(split.cells, split.cells[1:]):
        assert a.end <= b.start, (a, b, text)


@settings(max_examples=400, deadline=None)
@given(st.one_of(mutated_line(), st.text(alphabet="0123456789,.()$-% \t\u2014", max_size=40)))
def test_parse_number_returns_finite_decimal_or_none(text):
    parsed = parse_number(text)
    if parsed is not None:
        value, decimals, nil, percent = parsed
        assert isinstance(value, Decimal) and value.is_finite()
        assert decimals >= 0


@settings(max_examples=300, deadline=None)
@given(mutated_line(), st.booleans(), st.sampled_from(((), ("1996-03-31",), ("1995-09-29", "1996-09-27"))))
def test_header_to_period_is_iso_or_none(header, instant, dates):
    from datetime import date

    context = PeriodContext(instant=instant, title_dates=tuple(date.fromisoformat(d) for d in dates))
    period = header_to_period(header, context)
    if period is not None:
        for part in period.split("/"):
            date.fromisoformat(part)


@settings(max_examples=300, deadline=None)
@given(mutated_line())
def test_note_to_scale_is_a_power_of_ten(note):
    scale = note_to_scale(note)
    assert scale.money in (1, 1000, 10 ** 6, 10 ** 9)
    assert scale.shares in (1, 1000, 10 ** 6, 10 ** 9)
