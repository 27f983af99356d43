"""Numbers as tables print them -> cells (tieout.tables.cells)."""

from decimal import Decimal

import pytest

from tieout.tables.cells import is_year_header, line_to_cells, parse_number, rule_kind


@pytest.mark.parametrize("display, value, decimals, nil, percent", [
    ("1,475", "1475", 0, False, False),
    ("(2,464)", "-2464", 0, False, False),
    ("(0.01)", "-0.01", 2, False, False),
    ("0.019", "0.019", 3, False, False),
    ("- -", "0", 0, True, False),
    ("--", "0", 0, True, False),
    ("---", "0", 0, True, False),
    ("$(370)", "-370", 0, False, False),
    ("(.02)", "-0.02", 2, False, False),
    ("62.0%", "62.0", 1, False, True),
    ("-3.5", "-3.5", 1, False, False),
])
def test_parse_number(display, value, decimals, nil, percent):
    parsed = parse_number(display)
    assert parsed == (Decimal(value), decimals, nil, percent)


def test_parse_number_rejects_words():
    assert parse_number("Total") is None
    assert parse_number("(a)") is None


def cells(text, columns=()):
    split = line_to_cells(text, columns)
    return split.label, [(c.display, str(c.value)) for c in split.cells]


def test_label_then_cells_set_off_by_two_spaces():
    assert cells("Net income (loss)                    1,475          (2,464)") == \
        ("Net income (loss)", [("1,475", "1475"), ("(2,464)", "-2464")])


def test_dollar_sign_is_decoration_and_nil_is_zero():
    assert cells("Specialty metals           $    - -        $   910") == \
        ("Specialty metals", [("- -", "0"), ("910", "910")])


def test_dot_leaders_separate_the_label_even_when_glued():
    assert cells("Total current assets.......   3,424") == ("Total current assets", [("3,424", "3424")])
    assert cells("Net sales.............$1,234   $ 12") == ("Net sales", [("1,234", "1234"), ("12", "12")])


def test_footnote_marker_glued_to_a_number():
    split = line_to_cells("Net sales                 $ 454,033(2)    $ 401,118")
    assert [c.display for c in split.cells] == ["454,033", "401,118"]
    assert split.cells[0].footnote == "2"


def test_prose_with_numbers_is_not_a_table_row():
    assert cells("quarter  of 1996,  compared to  $379 an  ounce  for the  first quarter  of 1995.")[1] == []
    assert cells("Operations at Grouse  Creek during the first quarter produced  over 18,000")[1] == []
    assert cells("                                   Mar. 31, 1996     Dec. 31, 1995")[1] == []


def test_one_space_counts_only_under_a_known_column():
    text = "Accrued compensation and employee benefits 120          131"
    assert cells(text)[1] == [("131", "131")]
    assert cells(text, ((44, 47), (56, 60)))[1] == [("120", "120"), ("131", "131")]


def test_positions_are_one_based_end_exclusive():
    split = line_to_cells("Cash         5,018")
    cell = split.cells[0]
    assert (cell.start, cell.end) == (14, 19)


def test_rules_and_year_headers():
    assert rule_kind("    ---------    ---------") == "-"
    assert rule_kind("    =========") == "="
    assert rule_kind("- -----------------------") == "-"
    assert rule_kind("Total   1,234") == ""
    assert is_year_header(line_to_cells("                          1996        1995"))
    assert not is_year_header(line_to_cells("Units shipped             1,996       1,995"))


def test_not_applicable_is_a_cell_without_a_number():
    split = line_to_cells("$3.58 to $4.04.........     66,750     1.08     $4.00         0       N/A")
    assert split.label == "$3.58 to $4.04"
    assert [(c.display, c.value) for c in split.cells][-2:] == [("0", Decimal(0)), ("N/A", None)]


def test_several_footnote_markers_glued_to_a_number():
    split = line_to_cells("  Other income.......    4,011     (1,906)(H)     (1,690)(B)(J)       --")
    assert [(c.display, c.footnote) for c in split.cells] == [("4,011", ""), ("(1,906)", "H"), ("(1,690)", "B,J"),
                                                             ("--", "")]


def test_a_figure_one_space_after_another_figure_is_a_cell():
    split = line_to_cells("    Loss from operations          (2,046)  (1,967)  (1,234) (10,571)  (9,723)")
    assert split.label.strip() == "Loss from operations"
    assert [c.display for c in split.cells] == ["(2,046)", "(1,967)", "(1,234)", "(10,571)", "(9,723)"]
    assert [c.display for c in line_to_cells("Balance at December 31, 1995 1996   4,024").cells] == ["4,024"]
