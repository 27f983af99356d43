"""Totals the layout declares keep failing when the one column that confirmed them is changed.

Each fixture under tests/fixtures/checks/ is a clean table that foots; each test
changes one figure the way a typo would (a digit, a transposition, a sign) and
asserts that a failing check names the changed line, and that the clean text has
no failing check at all.
"""

from pathlib import Path

import pytest

import tieout

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "checks"


def _read(name: str, change: tuple[str, str] | None = None, tmp_path: Path | None = None):
    text = (FIXTURES / name).read_text()
    if change is not None:
        before, after = change
        assert text.count(before) == 1, before
        # keep the columns: pad or trim the spaces on the left of the figure
        width = len(after) - len(before)
        if width > 0:
            before = " " * width + before
        text = text.replace(before, after)
    path = tmp_path / name if tmp_path else FIXTURES / name
    if tmp_path:
        path.write_text(text)
    return tieout.read(path)


def _own_failures(report):
    return [c for c in report.checks if c.status == "fail" and c.rule not in ("claim", "ex27")]


def _line_of(name: str, figure: str) -> int:
    for number, line in enumerate((FIXTURES / name).read_text().splitlines(), 1):
        if figure in line:
            return number
    raise AssertionError(figure)


@pytest.mark.parametrize("name", ["lease-single-column.txt", "sheet-minority-blank.txt",
                                  "options-rollforward.txt", "operations-no-rules.txt", "ruled-grid.txt"])
def test_clean_fixture_has_no_failure_and_relations(name):
    report = _read(name)
    assert report.relations and all(r.found_by == "layout" for r in report.relations)
    assert _own_failures(report) == []


@pytest.mark.parametrize("name, before, after", [
    # one column, a rule line and "Total": the only column that could confirm it is the changed one
    ("lease-single-column.txt", "438,661", "(438,661)"),
    ("lease-single-column.txt", "529,100", "592,100"),
    ("lease-single-column.txt", "$2,441,749", "$2,441,849"),
    # the second block of a roll-forward takes the structure of the first
    ("options-rollforward.txt", "250,000", "257,000"),
    ("options-rollforward.txt", "730,700", "703,700"),
    # a table without rule lines: "Total ..." alone declares the total
    ("operations-no-rules.txt", "133,000", "313,000"),
    # statement subtotals named by their label: gross profit, loss from operations, before taxes
    ("operations-no-rules.txt", "19,433", "19,438"),
    ("operations-no-rules.txt", "(356)", " 356 "),
    # a rule under every row is decoration: "Total" declares the total, wrapped labels do not cut it
    ("ruled-grid.txt", "$5,000,000.00", "$1,000,000.00"),
    ("ruled-grid.txt", "$60,000,000.00", "$60,000,000.03"),
    # a blank cell is zero: the column with the blank still foots, and is checked
    ("sheet-minority-blank.txt", "105,592", "105,529"),
])
def test_changed_figure_fails_and_names_its_line(tmp_path, name, before, after):
    line = _line_of(name, before)
    report = _read(name, (before, after), tmp_path)
    failing = _own_failures(report)
    assert failing, f"{before} -> {after} not caught"
    assert any(line in c.lines for c in failing), [c.message for c in failing]


def test_a_subtotal_consumes_its_single_item():
    report = _read("sheet-minority-blank.txt")
    facts = report.fact_records
    grand = [r for r in report.relations if r.name.startswith("Total liabilities and")]
    assert grand
    for relation in grand:
        labels = [facts[i].label for i, _ in relation.items]
        assert labels == ["Total current liabilities", "Total minority interest", "Total shareholders' equity"]


def test_a_blank_cell_counts_as_zero():
    report = _read("sheet-minority-blank.txt")
    facts = report.fact_records
    assets = [r for r in report.relations if facts[r.total].label == "Total assets"]
    assert len(assets) == 2  # the column with the blank is checked too
    assert sorted(len(r.items) for r in assets) == [3, 4]  # the blank is no item, and no failure


def test_a_header_that_swallowed_the_first_row_is_not_a_failure():
    from tests.checks.builder import R, T, build
    from tieout.checks import run_checks

    table = T("Options outstanding", ["1999-12-31", "1999-12-31"], [
        R("$4.25 to $5.88", "234,500", "200,000", unit="shares"),
        R("$5.98 to $5.98", "119,500", "20,000", unit="shares"),
        R("$6.00 to $6.88", "267,500", "257,500", unit="shares", below="-"),
        R("$3.58 to $6.88", "688,250", "477,500", unit="shares", above="-", below="="),
    ], headers=["NUMBER OUTSTANDING 66,750", "NUMBER EXERCISABLE 0"])
    checks, _ = run_checks(build(table))
    assert [c.message for c in checks if c.status == "fail"] == []


def test_unlabeled_rows_of_a_table_without_rules_are_not_totals():
    from tests.checks.builder import R, T, build
    from tieout.relations import find_relations

    table = T("Leases", ["1995-09-29"], [
        R("", "71"), R("", "62"), R("", "38"), R("", "21"), R("", "17"), R("Later years", "36"),
        R("Total minimum lease payments", "245"),
    ])
    report = build(table)
    relations, _ = find_relations(report)
    facts = report.fact_records
    assert [(facts[r.total].display, len(r.items)) for r in relations] == [("245", 6)]


# Errors printed in the corpus filings themselves (benchmarks/check_corpus.py KNOWN_REAL_ERRORS):
# they must keep failing, at the line that holds them.
REAL_ERRORS = [
    ("8-k/1001136_8K_2000_0000950124-00-004609.txt", "footing", 1219, "176,160"),  # Other expense 19,559 for 19,599
    ("8-k/1001136_8K_2000_0000950124-00-004609.txt", "footing", 1221, "2,371"),  # sign: (2,371) printed 2,371
    ("aapl-10k/0000320193-96-000023.txt", "footing", 3315, "500"),  # 1994 EMEA 27 for 276
    ("other/0000950129-95-001652.txt", "fee-computation", 122, "315,907,479"),  # item 10 vs item 9, $9
]


@pytest.mark.parametrize("relative, rule, line, shown", REAL_ERRORS)
def test_real_errors_in_the_corpus_keep_failing(corpus_dir, relative, rule, line, shown):
    report = tieout.read(corpus_dir / relative)
    failing = [c for c in report.checks if c.status == "fail" and c.rule == rule and c.spans
               and c.spans[0].line == line]
    assert failing and shown in failing[0].message
