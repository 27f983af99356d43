"""General reading rules for layouts outside the corpus: scale notes in any common wording,
a raw tab always parts two cells or header phrases, tab-set cells placed by their order,
and a statement of flows with no length printed has no period (not the instant its date says)."""

from decimal import Decimal
from pathlib import Path

import pytest

import tieout
from tieout.tables.units import find_note, note_to_scale

FIXTURES = Path(__file__).parent.parent / "fixtures" / "reader"


@pytest.mark.parametrize("text, factor", [
    ("(Dollars in 000s)", 1000), ("(in 000s, except share data)", 1000), ("(000's omitted)", 1000),
    ("($000)", 1000), ("($000 omitted)", 1000), ("(Amounts in millions)", 10 ** 6),
    ("AMOUNTS IN THOUSANDS, EXCEPT PER SHARE DATA", 1000), ("(thousands of dollars)", 1000),
    ("(In millions of dollars, except per-share amounts)", 10 ** 6), ("($ in millions)", 10 ** 6),
    ("Dollars in thousands", 1000), ("(in billions)", 10 ** 9),
])
def test_scale_notes_in_common_wordings(text, factor):
    note = find_note(text)
    assert note and note_to_scale(note).money == factor


@pytest.mark.parametrize("text", ["Total (1,000)", "Fiscal 2000", "(Unaudited)", "Revenues of $5 million rose"])
def test_numbers_and_years_are_no_scale_note(text):
    assert not find_note(text)


def test_dollars_and_shares_in_thousands_scales_both():
    scale = note_to_scale(find_note("(dollars and shares in thousands, except per share amounts)"))
    assert (scale.money, scale.shares, scale.shares_source) == (1000, 1000, "note")


def test_a_tab_that_expands_to_one_space_still_parts_two_dates_and_cells_follow_their_order():
    report = tieout.read(FIXTURES / "tab-one-space.txt")
    table = report.tables[0]
    assert [c.header for c in table.columns] == ["6/30/96", "6/30/95"]
    rows = {r.label: [c.display for c in r.cells] for r in table.rows}
    # "Costs" is shorter than the other labels: its tabs land a stop to the left
    assert rows == {"Revenues": ["1,000", "900"], "Costs": ["600", "500"], "Net income": ["400", "400"]}
    assert table.scale == Decimal(1000)
    assert not [c for c in report.checks if c.status == "fail"]


def test_a_statement_of_operations_dated_without_a_length_has_no_period():
    table = tieout.read(FIXTURES / "tab-one-space.txt").tables[0]
    assert [c.period for c in table.columns] == [None, None]
