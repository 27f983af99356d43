"""Checks name a cell's column where its period does not: messages, text and JSON.

A pro forma balance sheet (tests/fixtures/reader/pro-forma-columns.txt) has four
columns of one date; an injected error in one of them must say which.
"""

import json
from dataclasses import replace
from decimal import Decimal

import pytest

import tieout
from tests.conftest import EXAMPLE, FIXTURES
from tieout.checks.describe import column_words, where
from tieout.checks.rules._common import FactIndex, tie
from tieout.model import Check
from tieout.render.checks_json import dumps, render_checks_json
from tieout.render.checks_text import render_check, render_checks_text

PRO_FORMA = FIXTURES / "reader" / "pro-forma-columns.txt"
TOTAL_LINE = "    Total assets                      $ 68,635     $ 16,475     $  2,980    $ 88,090"
COMBINED = "December 31, 1999 Pro Forma Combined"


@pytest.fixture(scope="module")
def clean():
    return tieout.read(PRO_FORMA)


@pytest.fixture(scope="module")
def broken(tmp_path_factory):
    text = PRO_FORMA.read_text()
    assert TOTAL_LINE in text
    path = tmp_path_factory.mktemp("pro-forma") / "pro-forma-broken.txt"
    path.write_text(text.replace(TOTAL_LINE, TOTAL_LINE.replace("88,090", "88,190")))  # one digit off
    return tieout.read(path)


def test_a_failing_footing_names_the_column(broken):
    failing = [c for c in broken.checks if c.status == "fail"]
    assert len(failing) == 1
    check = failing[0]
    assert check.rule == "footing"
    assert check.message.startswith(f"Total assets in column '{COMBINED}' (1999-12-31) does not foot: "
                                    "shown 88,190, items sum to 88,090")
    text = render_checks_text(broken)
    assert f"in column '{COMBINED}' (1999-12-31) does not foot" in text
    assert "1 fail" in text


def test_passing_footings_of_the_four_columns_say_which_is_which(clean):
    totals = [c for c in clean.checks if c.rule == "footing" and c.message.startswith("Total assets ")]
    assert len(totals) == 4
    for check, header in zip(totals, ("Harbor Lane Historical", "Osprey Historical",
                                      "Pro Forma Adjustments", "Pro Forma Combined")):
        assert f"in column 'December 31, 1999 {header}' (1999-12-31):" in check.message


def test_columns_of_distinct_periods_are_named_by_period_alone():
    report = tieout.read(EXAMPLE)
    footings = [c for c in report.checks if c.rule == "footing"]
    assert footings and not any("in column" in c.message for c in footings)
    assert any("(1997-04-01/1997-06-30)" in c.message for c in footings)


def test_check_json_describes_each_fact_of_a_check(broken):
    data = json.loads(render_checks_json(broken))
    check = next(c for c in data["checks"] if c["status"] == "fail")
    assert [d["id"] for d in check["fact_details"]] == check["facts"]  # same facts, same order
    total = check["fact_details"][0]
    assert total["table"] == broken.tables[0].title
    assert (total["label"], total["column_index"], total["column_header"]) == ("Total assets", 3, COMBINED)
    assert total["period"] == "1999-12-31"
    assert total["value"] == 88190000 and isinstance(total["value"], int)  # a JSON number
    assert (total["value_text"], total["display"]) == ("88190000", "88,190")
    assert {d["column_header"] for d in check["fact_details"]} == {COMBINED}
    for key in ("rule", "status", "message", "lines", "expected", "actual", "slack", "facts", "spans"):
        assert key in check  # the existing keys stay
    assert (check["expected"], check["actual"]) == ("88,090", "88,190")  # strings, as before
    headers = {c["fact_details"][0]["column_header"] for c in data["checks"]
               if c["fact_details"][0]["label"] == "Total assets"}
    assert len(headers) == 4


def test_json_numbers_keep_every_digit():
    text = dumps({"v": Decimal("12345678901234567890.123456789"), "w": Decimal("-0.060"), "s": "x"})
    assert text == '{"v": 12345678901234567890.123456789, "w": -0.060, "s": "x"}'
    assert json.loads(text, parse_float=Decimal)["v"] == Decimal("12345678901234567890.123456789")


def test_tie_rules_name_the_column_too(clean):
    facts = {(f.label, f.column_index): f for f in clean.fact_records}
    FactIndex(clean)  # the report the rule is checking
    check = tie("example", "Total assets = liabilities and equity", facts[("Total assets", 1)],
                [(facts[("Total liabilities and shareholders' equity", 1)], 1)])
    assert check.status == "pass"
    assert "in column 'December 31, 1999 Osprey Historical' (1999-12-31)" in check.message


def test_text_names_the_column_below_a_message_that_does_not(clean):
    fact = next(f for f in clean.fact_records if f.label == "Goodwill" and f.column_index == 2)
    check = Check("claim", "fail", "the narrative says goodwill of $4.2 million", (fact.span,),
                  facts=(fact.id,), document=fact.document)
    lines = render_check(clean, check).splitlines()
    assert lines[1] == "  in column 'December 31, 1999 Pro Forma Adjustments' (1999-12-31)"


def test_describe_where():
    report = tieout.read(PRO_FORMA)
    fact = report.fact_records[0]
    assert where(report, fact) == " in column 'December 31, 1999 Harbor Lane Historical' (1999-12-31)"
    assert where(None, fact) == " (1999-12-31)"  # no table to compare with: the period alone
    blank = replace(fact, column_header="")
    table = report.tables[0]
    columns = (replace(table.columns[0], header=""),) + table.columns[1:]
    report = replace(report, tables=(replace(table, columns=columns),))
    assert column_words(report, blank) == "column 1"
