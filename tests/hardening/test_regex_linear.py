"""No regular expression of the reader and checks can be made to backtrack catastrophically.

Every document is untrusted, and one line of a filing can be a megabyte of
spaces, dots or parentheses. A pattern that is quadratic in such a run turns one
bad line into an hour of CPU. This test collects every compiled pattern of the
stages we own (module-level ``re.Pattern`` objects, also inside tuples and
dicts) and runs ``search``, ``match`` and ``finditer`` over 20,000-character
adversarial strings. A linear pattern takes milliseconds; a quadratic one takes
minutes, so the ``signal.alarm`` guard (Python's regex engine checks for signals
while it backtracks) tells the two apart without being a speed assertion.

A pattern that the code only ever applies with ``match``/``fullmatch`` at the
start of a short field is listed in ``ANCHORED_ONLY`` with where it is used;
those are checked with ``match`` and ``fullmatch`` only.

The stage functions themselves get the same strings in ``test_stage_functions_finish``.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from decimal import Decimal

import pytest

import tieout

STAGE_PACKAGES = ("tieout.source", "tieout.layout", "tieout.tables", "tieout.facts",
                  "tieout.concepts", "tieout.relations", "tieout.checks")

# pattern name -> where it is used (only anchored there)
ANCHORED_ONLY = {
    "tieout.source.header._KEY_VALUE": "header.py: _KEY_VALUE.match(line)",
    "tieout.source.sniff._HTML_START": "sniff.py: _HTML_START.match(stripped)",
    "tieout.source.furniture._NUMBER": "furniture.py: _NUMBER.fullmatch(field) of a gap-split field",
    "tieout.source.furniture._PAGE_TAG": "furniture.py: _PAGE_TAG.match(raw line)",
    "tieout.tables.cells._DOT_LEADER_REVERSED": "cells.py: without_leader, match on the reversed label",
    "tieout.concepts._COMPILED": "concepts: pattern.match(normalised label)",
    "tieout.tables.units._NOTE": "units.py: find_note searches it only ~150 chars around a _NOTE_ANCHOR",
}
# scanned only over text that ends with a newline (furniture joins lines as "\n" + ... + "\n")
NEWLINE_TERMINATED = {"tieout.source.furniture._RUN"}

N = 20_000
GUARD_SECONDS = 5  # per pattern, all strings: a hang guard; a linear pattern needs milliseconds


def adversarial(n: int = N) -> dict[str, str]:
    return {
        "spaces": " " * n, "digits": "1" * n, "dots": "." * n, "dot space": ". " * (n // 2),
        "open parens": "(" * n, "close parens": ")" * n, "commas": "," * n, "dash space": "- " * (n // 2),
        "dollar space": "$ " * (n // 2), "numbers": "  1,234" * (n // 7), "digit comma": "1," * (n // 2),
        "paren numbers": "(1) " * (n // 4), "dates": "Mar. 31, " * (n // 9), "tabs": "\t1" * (n // 2),
        "words": "the and of per share " * (n // 21), "letters": "a" * n, "dashes": "-" * n,
        "equals": "=" * n, "underscores": "_" * n, "angles": "<" * n, "percents": "1%" * (n // 2),
        "space digits": " 1" * (n // 2), "zeros": "000 " * (n // 4), "stars": "*" * n,
        "in thousands": "in thousands " * (n // 13), "mixed": "$ (1,2.3)% - -  ..  " * (n // 20),
    }


def stage_patterns() -> dict[str, re.Pattern]:
    found: dict[str, re.Pattern] = {}

    def collect(value, name: str, depth: int = 0) -> None:
        if isinstance(value, re.Pattern):
            found.setdefault(name, value)
        elif isinstance(value, (tuple, list)) and depth < 3:
            for k, item in enumerate(value):
                collect(item, f"{name}[{k}]", depth + 1)
        elif isinstance(value, dict) and depth < 3:
            for key, item in value.items():
                collect(item, f"{name}[{key!r}]", depth + 1)

    for package in STAGE_PACKAGES:
        module = importlib.import_module(package)
        modules = [module]
        if hasattr(module, "__path__"):
            modules += [importlib.import_module(info.name)
                        for info in pkgutil.walk_packages(module.__path__, package + ".")]
        for mod in modules:
            for attr, value in vars(mod).items():
                collect(value, f"{mod.__name__}.{attr}")
    return found


class _Hang(Exception):
    pass


def _alarm(*_):
    raise _Hang


@contextmanager
def _deadline(seconds: int, what: Callable[[], str]) -> Iterator[None]:
    """Fail the test with ``what()`` when the body runs past ``seconds`` (the regex engine checks for signals)."""
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(seconds)
    try:
        yield
    except _Hang:
        pytest.fail(what())
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


PATTERNS = stage_patterns()


def test_patterns_were_found():
    assert len(PATTERNS) > 50
    assert any(name.startswith("tieout.tables.cells.") for name in PATTERNS)


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_pattern_is_linear_on_adversarial_runs(name):
    pattern = PATTERNS[name]
    anchored = name.split("[")[0] in ANCHORED_ONLY
    tails = ("\n",) if name in NEWLINE_TERMINATED else ("", "x", "\n")
    current = ""
    with _deadline(GUARD_SECONDS, lambda: f"{name} = {pattern.pattern!r} backtracks on {N:,} chars of {current!r}"):
        for label, text in adversarial().items():
            current = label
            for tail in tails:
                subject = text + tail
                pattern.match(subject)
                pattern.fullmatch(subject)
                if not anchored:
                    pattern.search(subject)
                    for _ in pattern.finditer(subject):
                        pass


def _stage_calls():
    from tieout.concepts import concept_of, normalise
    from tieout.tables.cells import line_to_cells, parse_number, rule_kind, rule_segments, strip_markup
    from tieout.tables.periods import PeriodContext, header_to_period, text_to_dates, text_to_length
    from tieout.tables.rows import clean_label
    from tieout.tables.units import find_note, note_to_scale, row_unit
    from tieout.source.sniff import lines_to_kind

    context = PeriodContext(instant=False, title_dates=())
    return {
        "line_to_cells": lambda s: line_to_cells.__wrapped__(s),
        "line_to_cells label": lambda s: line_to_cells.__wrapped__("Total" + s + "   1,234  (5)"),
        "parse_number": parse_number,
        "rule_kind": rule_kind, "rule_segments": rule_segments, "strip_markup": strip_markup,
        "header_to_period": lambda s: header_to_period(s + " Mar. 31, 1996", context),
        "text_to_dates": text_to_dates, "text_to_length": text_to_length,
        "note_to_scale": lambda s: note_to_scale("(in thousands " + s + ")"),
        "find_note": find_note, "clean_label": clean_label,
        "row_unit": lambda s: row_unit(s, (s[:100],), True, False, False),
        "normalise": lambda s: normalise.__wrapped__(s),
        "concept_of": lambda s: concept_of(s, (), "operations"),
        "lines_to_kind": lambda s: lines_to_kind([s]),
    }


def test_stage_functions_finish_on_adversarial_runs():
    """The pure stage functions, fed every adversarial run (20,000 chars)."""
    calls = _stage_calls()
    where = ""
    with _deadline(60, lambda: f"{where} did not finish"):
        for label, text in adversarial(20_000).items():
            for name, call in calls.items():
                where = f"{name}({label})"
                result = call(text)
                if name == "parse_number" and result is not None:
                    assert isinstance(result[0], Decimal) and result[0].is_finite()


def test_concept_of_label_full_of_per_is_linear():
    """Regression: ".*\\bper\\b.*\\bdiluted" backtracked over every "per" of a long label."""
    from tieout.concepts import concept_of

    assert concept_of("net income per share diluted", (), "operations") == "EarningsPerShareDiluted"
    assert concept_of("per " * 30_000, (), "operations") != "EarningsPerShareDiluted"


def test_unclosed_parens_in_label_do_not_hang_normalise():
    """Regression: ``\\([^)]*\\)`` rescanned to the end from every "(" with no ")"."""
    from tieout.concepts import normalise, without_parens

    assert without_parens("Income (loss) from (a (b) c) x(") == "Income   from   c) x("
    assert normalise.__wrapped__("(" * 200_000 + "net income") == "net income"


def test_long_dot_run_label_does_not_hang():
    """Regression: the dot-leader pattern was searched (quadratic) over a label of dots."""
    from tieout.tables.cells import line_to_cells, without_leader

    assert without_leader("Total assets....... ") == "Total assets"
    assert without_leader("Total . . . . .") == "Total "
    assert without_leader("Cash__") == "Cash"
    split = line_to_cells.__wrapped__("Total" + "." * 200_000 + "  1,234")
    assert split.label == "Total" and [c.display for c in split.cells] == ["1,234"]


def test_fee_trailing_number_after_long_space_run_is_linear():
    """Regression: ``\\s{3,}...\\s*`` split a long run of spaces every possible way."""
    from tieout.checks.rules.fee_computation import TRAILING

    assert TRAILING.search("(i) Aggregate price      $ 1,234.50").group("num") == "1,234.50"
    assert TRAILING.search("x" + " " * 200_000 + "y") is None


def test_footnote_tail_after_long_star_run_is_linear():
    from tieout.tables.rows import clean_label

    assert clean_label("Net income (1)") == "Net income"
    assert clean_label("Net income ***") == "Net income"
    assert clean_label("*" * 200_000 + "x").endswith("x")


def test_read_of_adversarial_lines_finishes():
    """Each run (4,000 chars) as a row label, a header and a title of a table, through the whole pipeline.

    Found: a 20,000-digit run made a fact the decimal context could not quantize (facts stage).
    """
    with _deadline(120, lambda: "tieout.read did not finish on the adversarial lines"):
        parts = []
        for text in adversarial(4_000).values():
            parts.append(f"TITLE {text}\n  (in thousands{text})\n\n{' ' * 40}{text[:2000]}   1996   1995\n"
                         f"Sales{text}   1,234   5,678\nTotal    {text}  1   2\nNet   9   8\n\n\n\n")
        report = tieout.read("adversarial.txt", data="".join(parts).encode())
    assert not [p for p in report.problems if p.message.startswith("internal error")]
