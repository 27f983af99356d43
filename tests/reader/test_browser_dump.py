"""A statement as a text browser dumps an HTML table (w3m, lynx): each label on the line above
its numbers, long labels on one line, "(51 )" with the typesetter's space, a per-share heading
in capitals between the rows, a company name ending in "Inc." over the statement name."""

from decimal import Decimal
from pathlib import Path

import tieout

FIXTURE = Path(__file__).parent.parent / "fixtures" / "reader" / "browser-dump.txt"


def _report():
    return tieout.read(FIXTURE)


def test_one_table_with_every_row_labelled():
    report = _report()
    assert len(report.tables) == 1
    table = report.tables[0]
    numbers = [r for r in table.rows if not r.heading]
    assert [r.label for r in numbers] == [
        "Net sales",
        "Cost of goods sold (exclusive of depreciation and amortization shown separately below in this statement)",
        "Selling, general and administrative expenses", "Other expenses (income), net",
        "Total costs and expenses", "Net income", "Basic", "Diluted"]
    assert all(r.label_line == r.line - 1 for r in numbers)


def test_a_space_inside_parentheses_is_still_a_negative_cell():
    facts = {(f.label, f.period): f for f in _report().fact_records}
    other = facts[("Other expenses (income), net", "1998-01-01/1998-03-31")]
    assert other.value == Decimal("-51000000") and other.display == "(51)"


def test_company_name_ending_in_inc_is_part_of_the_title_and_the_note_scales():
    table = _report().tables[0]
    assert table.title.startswith("Fabrikam Industries, Inc. Statement of Consolidated Operations")
    assert table.scale == Decimal(1000000)


def test_rows_under_a_per_share_heading_are_per_share_and_unscaled():
    facts = [f for f in _report().fact_records if f.label in ("Basic", "Diluted")]
    assert {f.unit for f in facts} == {"USD/share"}
    assert sorted(f.value for f in facts) == [Decimal("0.39"), Decimal("0.40"), Decimal("0.47"), Decimal("0.48")]


def test_the_dump_foots_and_nothing_fails():
    report = _report()
    statuses = [c.status for c in report.checks if c.rule == "footing"]
    assert statuses and set(statuses) == {"pass"}


def test_rows_under_a_share_count_heading_run_over_two_lines_are_shares():
    text = ("STATEMENTS OF INCOME\n\n"
            "                                       1998          1997\n"
            "Net income                         $125,000       $89,000\n"
            "Net income per share                  $0.13         $0.10\n"
            "Weighted average shares\n"
            "  outstanding:\n"
            "   Primary                          944,684       911,980\n"
            "   Fully diluted                    962,807       935,626\n")
    facts = tieout.read("shares.txt", data=text.encode()).fact_records
    assert {f.unit for f in facts if f.label in ("Primary", "Fully diluted")} == {"shares"}
    assert {f.path for f in facts if f.label == "Primary"} == {("Weighted average shares outstanding",)}
