"""A footing miss on a row or column that shows a misread is unverifiable, not a failure, unless
the same structure foots in a column read cleanly (then the miss is the filing's)."""

from decimal import Decimal

from tieout.checks.doubt import reading_doubt
from tieout.model import Fact


def _fact(label: str, header: str = "1998") -> Fact:
    return Fact(id=0, document="d", table="t", table_index=0, row_index=0, column_index=0, label=label, path=(),
                period="1998", value=Decimal(1), unit="USD", display="1", scale=Decimal(1), scale_source="none",
                decimals=0, line=1, col=1, end_col=2, column_header=header)


def test_figures_left_in_a_label_or_a_header_are_doubts():
    assert reading_doubt([_fact("Total U.S. $ 3,758")])
    assert reading_doubt([_fact("Total 262,451,094 $ 41.91")])
    assert reading_doubt([_fact("Total revenues", header="13 %")])
    assert reading_doubt([_fact("Total revenues", header="$3,104.1")])


def test_labels_that_name_a_figure_are_no_doubt():
    for label in ("Common stock, $1 par value; 10,000,000 shares authorized", "Notes payable, 7.5%, due 2005",
                  "Cash dividends of $0.48 per common share", "Balance at December 31, 1997", "Total 1998"):
        assert reading_doubt([_fact(label)]) == "", label
    assert reading_doubt([_fact("Net sales", header="Three Months Ended June 30, 1998")]) == ""


def _footing(table):
    from dataclasses import replace

    from tests.checks.builder import build
    from tieout.checks import run_checks
    from tieout.relations import find_relations

    report = build(table)
    relations, _ = find_relations(report)
    checks, _ = run_checks(replace(report, relations=tuple(relations)))
    return [c for c in checks if c.rule == "footing"]


def test_a_miss_in_a_misread_row_is_unverifiable():
    from tests.checks.builder import R, T

    checks = _footing(T("Segments", ["1995"], [
        R("Americas", "(26)"), R("EMEA", "245"), R("Japan", "47", below="-"), R("Total U.S. $ 3,758", "999")]))
    assert [c.status for c in checks] == ["unverifiable"]
    assert "ends in a figure" in checks[0].message


def test_a_miss_stands_when_the_structure_foots_in_another_column():
    from tests.checks.builder import R, T

    checks = _footing(T("Segments", ["1995", "1994"], [
        R("Americas", "(26)", "(27)"), R("EMEA", "245", "27"), R("Japan", "47", "47", below="-"),
        R("Income before income taxes $(1,295)", "266", "500")]))
    assert sorted(c.status for c in checks) == ["fail", "pass"]
