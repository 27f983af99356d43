"""Footing relations found from layout, on hand-built statements shaped like the seed's."""

from dataclasses import replace

from tests.checks.builder import H, R, T, build
from tieout.checks import run_checks
from tieout.relations import find_relations

OPS = T("Consolidated Statements of Operations", ["1996-01-01/1996-03-31", "1995-01-01/1995-03-31"], [
    R("Sales of products", "42,947", "35,710", below="-"),
    R("Cost of sales and other direct production costs", "33,553", "30,230"),
    R("Depreciation, depletion and amortization", "5,459", "5,642", below="-"),
    R("", "39,012", "35,872", below="-"),
    R("Gross profit (loss)", "3,935", "(162)", below="-"),
    H("Other operating expenses:"),
    R("General and administrative", "2,271", "2,330", indent=2, path=("Other operating expenses",)),
    R("Exploration", "803", "1,043", indent=2, path=("Other operating expenses",)),
    R("Depreciation and amortization", "89", "83", indent=2, path=("Other operating expenses",)),
    R("Provision for closed operations", "(183)", "56", indent=2, below="-",
      path=("Other operating expenses",)),
    R("", "2,980", "3,512", below="-", path=("Other operating expenses",)),
    R("Income (loss) from operations", "955", "(3,674)", below="-"),
    H("Other income (expense):"),
    R("Interest and other income", "694", "1,443", indent=2, path=("Other income (expense)",)),
    R("Foreign exchange loss", "(14)", "(197)", indent=2, path=("Other income (expense)",)),
    R("Gain on investments", "20", "121", indent=2, path=("Other income (expense)",)),
    R("Total interest cost", "(621)", "(165)", indent=4, path=("Other income (expense)",)),
    R("Less amount capitalized", "477", "58", indent=4, below="-", path=("Other income (expense)",)),
    R("", "556", "1,260", below="-", path=("Other income (expense)",)),
    R("Income (loss) before income taxes", "1,511", "(2,414)"),
    R("Income tax provision", "(36)", "(50)", below="-"),
    R("Net income (loss)", "1,475", "(2,464)"),
    R("Preferred stock dividends", "(2,012)", "(2,012)", below="-"),
    R("Loss applicable to common shareholders", "(537)", "(4,476)", below="="),
])


def _with_relations(report):
    relations, problems = find_relations(report)
    assert problems == []
    return replace(report, relations=tuple(relations))


def _totals(report):
    facts = report.fact_records
    return {(facts[r.total].label, facts[r.total].display): r for r in report.relations}


def test_income_statement_structure_is_found_with_signs():
    report = _with_relations(build(OPS))
    totals = _totals(report)
    facts = report.fact_records
    gross = totals[("Gross profit (loss)", "3,935")]
    assert [(facts[i].display, s) for i, s in gross.items] == [("42,947", 1), ("39,012", -1)]
    assert gross.found_by == "layout"
    unlabeled = totals[("", "39,012")]
    assert [facts[i].display for i, _ in unlabeled.items] == ["33,553", "5,459"]
    assert ("Income (loss) from operations", "955") in totals
    assert [facts[i].display for i, _ in totals[("", "556")].items] == ["694", "(14)", "20", "(621)", "477"]
    assert [(facts[i].display, s) for i, s in totals[("Income (loss) before income taxes", "1,511")].items] \
        == [("955", 1), ("556", 1)]
    assert ("Net income (loss)", "1,475") in totals
    assert ("Loss applicable to common shareholders", "(537)") in totals
    assert len(report.relations) == 2 * 8  # eight totals, one relation per column


def test_clean_statement_has_no_failure():
    checks, _ = run_checks(_with_relations(build(OPS)))
    footing = [c for c in checks if c.rule == "footing"]
    assert footing and all(c.status == "pass" for c in footing)


def _inject(spec, label, column, text):
    rows = []
    for row in spec.rows:
        if row.label == label:
            values = list(row.values)
            values[column] = text
            row = R(row.label, *values, below=row.below, above=row.above, indent=row.indent,
                    unit=row.unit, heading=row.heading, path=row.path)
        rows.append(row)
    return T(spec.title, spec.periods, rows)


def test_changed_digit_in_an_item_fails_and_names_its_line():
    report = build(_inject(OPS, "Exploration", 0, "813"))
    checks, _ = run_checks(report)
    changed = next(f for f in report.fact_records if f.display == "813")
    failing = [c for c in checks if c.status == "fail"]
    assert failing and any(changed.line in c.lines for c in failing)
    assert any(c.expected == "2,990" and c.actual == "2,980" and c.slack for c in failing)


def test_sign_flip_in_a_total_is_caught():
    report = build(_inject(OPS, "Gross profit (loss)", 1, "162"))
    checks, _ = run_checks(report)
    changed = next(f for f in report.fact_records if f.label == "Gross profit (loss)" and f.column_index == 1)
    assert any(c.status == "fail" and changed.line in c.lines for c in checks)


def test_rows_that_are_not_totals_make_no_relation():
    table = T("Production", ["1996-01-01/1996-03-31", "1995-01-01/1995-03-31"], [
        R("Tons of ore mined", "1,043,070", "578,435", unit="ton"),
        R("Gold produced (oz.)", "21,036", "11,016", unit="oz"),
        R("Silver produced (oz.)", "2,352", "1,064", unit="oz", below="-"),
        R("Lead produced (tons)", "5,577", "3,649", unit="ton"),
    ])
    report = _with_relations(build(table))
    assert report.relations == ()


def test_search_relation_never_fails():
    table = T("Segments", ["1996-01-01/1996-03-31", "1995-01-01/1995-03-31"], [
        R("Gold", "19,015", "14,971"),
        R("Silver", "4,476", "2,427"),
        R("All metals", "23,491", "17,398"),
    ])
    report = _with_relations(build(table))
    assert {r.found_by for r in report.relations} == {"search"}
    checks, _ = run_checks(report)
    assert all(c.status == "pass" for c in checks if c.rule == "footing")
