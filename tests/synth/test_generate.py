"""The generator's own promises: same seed, same release; the key points at the printed digits; totals foot.

These test the synthetic releases, not the reader: benchmarks/synth_releases.py scores the reader on them.
"""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal

import pytest

from tests.synth import generate

SEEDS = range(60)
ISO_DAY = r"\d{4}-\d{2}-\d{2}"
NUMBER = re.compile(r"^(?P<open>\(|-)?(?P<digits>\d[\d,]*(?:\.\d+)?|\.\d+)\)?(?P<percent> ?%)?\)?$")


@pytest.fixture(scope="module")
def releases():
    return [generate(seed) for seed in SEEDS]


def _printed_value(display: str) -> Decimal:
    """What the characters of a number say, before scale: "(2,464)" -> -2464; "- -" -> 0."""
    if set(display) <= {"-", " "}:
        return Decimal(0)
    match = NUMBER.match(display)
    assert match, display
    value = Decimal(match.group("digits").replace(",", ""))
    return -value if match.group("open") else value


def test_same_seed_same_release():
    for seed in (0, 7, 123):
        first, second = generate(seed), generate(seed)
        assert first.text == second.text
        assert first.to_json() == second.to_json()
    assert generate(1).text != generate(2).text


def test_positions_point_at_the_printed_number(releases):
    for synth in releases:
        lines = synth.text.split("\n")
        for number in synth.numbers:
            raw = lines[number.line - 1]
            assert raw[number.col - 1:number.end_col - 1] == number.display, (synth.seed, number)
            before = raw[number.col - 2] if number.col > 1 else " "
            after = raw[number.end_col - 1] if number.end_col - 1 < len(raw) else " "
            assert before in " \t$", (synth.seed, number)
            assert after in " \t)", (synth.seed, number)


def test_values_are_the_printed_figures_times_the_scale(releases):
    for synth in releases:
        for number in synth.numbers:
            assert _printed_value(number.display) * number.scale == number.value, (synth.seed, number)
            if number.rounded_to is not None:
                assert number.value % number.rounded_to == 0


def test_tabs_expand_to_the_laid_out_columns(releases):
    tabbed = [s for s in releases if "tabs=none" not in s.features]
    assert tabbed and all("\t" in s.text for s in tabbed)
    assert all("\t" not in s.text for s in releases if "tabs=none" in s.features)
    for synth in tabbed:
        lines = synth.text.split("\n")
        columns = Counter()
        for number in synth.numbers:
            expanded = lines[number.line - 1].expandtabs(8)
            start = len(lines[number.line - 1][:number.col - 1].expandtabs(8))
            assert expanded[start:].startswith(number.display)
            columns[(number.table, number.column, start)] += 1
        assert columns


def test_totals_foot_within_rounding(releases):
    checked = Counter()
    for synth in releases:
        for relation in synth.relations:
            total = synth.numbers[relation.total].value
            items = sum(weight * synth.numbers[item].value for item, weight in relation.items)
            assert abs(total - items) <= relation.slack, (synth.seed, relation)
            checked["rounded" if relation.slack else "exact"] += 1
    assert checked["exact"] > 1000 and checked["rounded"] > 50


def test_periods_are_iso_instants_or_durations(releases):
    pattern = re.compile(rf"^{ISO_DAY}(/{ISO_DAY})?$")
    for synth in releases:
        for number in synth.numbers:
            assert pattern.match(number.period), number
            if "/" in number.period:
                start, end = number.period.split("/")
                assert start < end


def test_balances_in_flow_columns_are_instants(releases):
    seen = Counter()
    for synth in releases:
        for number in synth.numbers:
            kind = next(f for f in number.features if f.startswith("row_period="))
            if kind != "row_period=column":
                assert "/" not in number.period, number
                seen[kind] += 1
    assert set(seen) == {"row_period=opening", "row_period=closing", "row_period=label"}


def test_every_layout_choice_is_drawn():
    features, tables, cells = Counter(), Counter(), Counter()
    for seed in range(300):
        synth = generate(seed)
        features.update(synth.features)
        tables.update(f for t in synth.tables for f in t.features)
        cells.update(f for n in synth.numbers for f in n.features if f.startswith(("typed_before=", "unit=")))
        cells["$ --"] += sum("nil_value=True" in n.features and "dollar_sign=True" in n.features
                             for n in synth.numbers)
    for expected in ("$ --", "typed_before=tab", "typed_before=tab+blanks", "unit=USD/share", "unit=shares", "unit=%"):
        assert cells[expected], expected
    for expected in ("tabs=none", "tabs=unexpand", "tabs=stops", "tabs=stops+1", "tabs=drift", "leaders=glued",
                     "leaders=spaced", "dollar=glued", "dollar=spaced", "dollar=left", "negative=minus", "nil=- -",
                     "calendar=last", "calendar=nearest", "money=full_rounded", "money=millions"):
        assert features[expected], expected
    for expected in ("table=income", "table=balance", "table=cashflow", "table=segment", "table=equity",
                     "table=proforma", "table=bank-income", "table=bank-balance", "table=allowance", "table=ratios",
                     "header=stacked", "header=fulldate", "header=oneline", "header=col0", "header=title",
                     "note_position=label_area", "note_position=header_first", "note_position=column",
                     "note=(000's omitted)", "note=$000", "unaudited=column", "columns=4"):
        assert tables[expected], expected


def test_each_release_is_short(releases):
    for synth in releases:
        assert 2 <= len(synth.tables) <= 4
        assert len(synth.text.split("\n")) < 400
