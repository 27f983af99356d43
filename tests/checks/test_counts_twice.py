"""A run that holds a subtotal of the rows above it in the run counts them twice: when it foots in
one column it foots by chance, and the other column's miss is no failure (a flat cash-flow
statement as a text browser prints it: no indentation, no rule lines)."""

from pathlib import Path

import tieout

FIXTURE = Path(__file__).parent.parent / "fixtures" / "checks" / "counts-twice.txt"


def test_no_total_counts_a_subtotal_and_its_items():
    report = tieout.read(FIXTURE)
    facts = report.fact_records
    for relation in report.relations:
        rows = [facts[i].row_index for i, _ in relation.items]
        labels = [facts[i].label for i, _ in relation.items]
        assert not ("Capital expenditures" in labels and
                    "CASH (USED FOR) PROVIDED FROM INVESTING ACTIVITIES" in labels), relation.name
        assert len(rows) == len(set(rows))


def test_the_clean_statement_has_no_failing_check():
    report = tieout.read(FIXTURE)
    assert [c.message for c in report.checks if c.status == "fail"] == []
