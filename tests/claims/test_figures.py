"""Figures and the intervals their wording admits, from input/expected fixture pairs."""

from decimal import Decimal

import pytest

from tests.claims.helpers import FIXTURES
from tieout.claims.extract import figure_to_kind
from tieout.claims.figures import interval_for, text_to_figures


def load_pairs():
    text = (FIXTURES / "figures.txt").read_text()
    cases = []
    for chunk in text.split("\n\n"):
        lines = [line for line in chunk.splitlines() if line.strip() and not line.startswith("#")]
        if len(lines) == 2:
            source, expected = lines
            value, unit, qualifier, interval = expected[3:].split(" ", 3)
            low, high = interval.strip("[]").split(", ")
            cases.append((source, Decimal(value), unit, qualifier, Decimal(low), Decimal(high)))
    return cases


@pytest.mark.parametrize("source, value, unit, qualifier, low, high", load_pairs())
def test_figure_value_unit_interval(source, value, unit, qualifier, low, high):
    figures = text_to_figures(source)
    assert len(figures) == 1, figures
    figure = figures[0]
    lo, hi = interval_for(figure.magnitude, figure.rounding, figure.step, figure.qualifier)
    sign = -1 if figure.negative else 1
    if sign < 0:
        lo, hi = -hi, -lo
    assert (figure.magnitude * sign, figure.unit, figure.qualifier) == (value, unit, qualifier)
    assert (lo, hi) == (low, high)


def test_fixture_pairs_are_read():
    assert len(load_pairs()) >= 15


@pytest.mark.parametrize("line", [
    line for line in (FIXTURES / "not_figures.txt").read_text().splitlines() if line and not line.startswith("#")
])
def test_no_figures_in_dates_phones_addresses_codes(line):
    assert text_to_figures(line) == []


@pytest.mark.parametrize("text, kind, direction", [
    ("Hecla holds a 47% interest in the mine", "share", 0),
    ("Hecla owns a 29.7% interest", "share", 0),
    ("a 17% reduction from last year's first quarter costs", "change", -1),
    ("were $19,217,000, down 2.9% from $19,786,000", "change", -1),
    ("and are up 14.0% from $16,850,000", "change", 1),
    ("over 55% of our IC revenues", "amount", 0),
    ("nearly doubling the ounces produced", "ratio", 0),
])
def test_kind_of_percentages(text, kind, direction):
    figure = next(f for f in text_to_figures(text) if f.unit in ("%", "x"))
    assert figure_to_kind(text, figure, 0) == (kind, direction)


def test_over_admits_the_example_values_only():
    figure = text_to_figures("over 47,000 ounces")[0]
    low, high = interval_for(figure.magnitude, figure.rounding, figure.step, figure.qualifier)
    assert low <= Decimal(47272) <= high
    assert not low <= Decimal(46900) <= high
