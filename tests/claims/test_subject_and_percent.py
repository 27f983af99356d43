"""A claim fails only against a row its words name; goals are not figures; percentages are recomputed.

Value coincidence never ties a claim to a row, for a pass or a fail: "net income of
$1.4 million" is not "Total operating income 2,368" one digit away, "net interest
income" is not "Total interest income", and a figure about rent or backlog is about
nothing the tables hold. Percent changes with a stated base, with the base taken from
the prior column, and shares of another row ("32% of revenues") are checked by
interval arithmetic from the rows they name, or left unverifiable with the reason.
"""

from dataclasses import replace
from decimal import Decimal

from tests.claims.helpers import fact, report_of
from tieout.claims import check_claims, find_claims
from tieout.claims.figures import interval_for, text_to_figures

NOW, THEN = "2003-10-01/2003-12-31", "2002-10-01/2002-12-31"


def checks_of(text: str, facts) -> dict:
    report = report_of(text, facts)
    claims, problems = find_claims(report)
    assert problems == []
    return {c.text: (c, k) for c, k in zip(claims, check_claims(replace(report, claims=tuple(claims))))}


def row(fid, label, now, then, row_index, unit="USD", path=(), table_index=0):
    return [fact(fid, label, NOW, now, unit, row=row_index, column=0, path=path, table_index=table_index,
                 line=100 + row_index),
            fact(fid + 1, label, THEN, then, unit, row=row_index, column=1, path=path, table_index=table_index,
                 line=100 + row_index)]


def status(found, text):
    return found[text][1].status


def test_a_figure_one_slip_from_a_row_its_words_do_not_name_never_fails():
    facts = row(0, "Total operating income", "2368", "2453", 0) + row(2, "Total operating expenses", "8412", "8100", 1)
    text = ("Net income for the quarter ended December 31, 2003 was $1.4 million. Rent expense was $8,442,000 for\n"
            "the quarter ended December 31, 2003.\n")
    found = checks_of(text, facts)
    assert status(found, "$1.4 million") == "unverifiable"
    assert status(found, "$8,442,000") == "unverifiable"
    assert "no table row" in found["$8,442,000"][1].message


def test_a_row_another_label_names_better_is_not_blamed():
    # "Operating income" (its columns undated by the reader) is what the claim is about, not "Net income"
    dated = [fact(1, "Net income", NOW, "74689", row=1, path=("Cash flows from operating activities",))]
    undated = replace(fact(0, "Operating income", NOW, "70692", row=0), period=None)
    report = report_of("Operating income was $70.7 million for the quarter ended December 31, 2003.\n", dated)
    report = replace(report, fact_records=(undated,) + report.fact_records)
    claims, _ = find_claims(report)
    checks = list(check_claims(replace(report, claims=tuple(claims))))
    assert [k.status for k in checks] == ["unverifiable"]


def test_net_interest_income_is_not_total_interest_income():
    facts = row(0, "Total interest income", "167.4", "160.0", 0) + [
        fact(2, "Net interest income", "2002-07-01/2002-09-30", "104.8", row=1, line=101)]
    found = checks_of("Net interest income was $104.8 million for the quarter ended December 31, 2003.\n", facts)
    assert status(found, "$104.8 million") != "fail"


def test_no_typo_verdict_when_another_period_of_the_row_holds_the_figure():
    facts = row(0, "Net income", "1342", "1312", 0)
    # a fiscal quarter depends on the reading of the filer's calendar: no verdict
    found = checks_of("Net income for the fourth quarter of fiscal 2003 was $1,312,000.\n", facts)
    claim, check = found["$1,312,000"]
    assert check.status == "unverifiable" and "not the period the sentence names" in check.message
    # a calendar quarter and year, the sentence's only period, is as plain as a date
    named = checks_of("Net income for the fourth quarter of 2003 was $1,312,000.\n", facts)["$1,312,000"][1]
    assert named.status == "fail" and f"for {THEN}, not for the period the sentence dates ({NOW})" in named.message
    # dated by its end, the only date of its sentence: the text states the year-earlier figure
    dated = checks_of("Net income for the quarter ended December 31, 2003 was $1,312,000.\n", facts)["$1,312,000"][1]
    assert dated.status == "fail" and f"for {THEN}, not for the period the sentence dates ({NOW})" in dated.message
    assert "a typo" not in dated.message


def test_sentence_stating_a_rows_value_for_another_period_blames_no_row():
    # the table's columns are dated the other way round from the text: the text and the table disagree about
    # periods, not about the figures
    facts = row(0, "Operating income", "39012", "36121", 0)
    facts = [replace(f, period=THEN if f.period == NOW else NOW) for f in facts]
    text = ("Operating income rose to $36.1 million for the quarter ended December 31, 2003, up from $39.0\n"
            "million in the quarter ended December 31, 2002.\n")
    found = checks_of(text, facts)
    assert "fail" not in {status(found, t) for t in found}


def test_goals_are_not_reported_figures():
    facts = row(0, "Efficiency ratio", "61.18", "60.12", 0, unit="%")
    found = checks_of("We continue to strive for an efficiency ratio below 50%.\n", facts)
    claim, check = found["50%"]
    assert claim.forward and check.status == "unverifiable" and "a goal, not a reported figure" in check.message


def test_hedged_whole_numbers_are_stated_to_their_last_nonzero_digit():
    def interval(text):
        figure = text_to_figures(text)[0]
        return interval_for(figure.magnitude, figure.rounding, figure.step, figure.qualifier)
    assert interval("more than 5,500 ounces") == (5500, 5600)
    assert interval("nearly 8,400 ounces") == (8300, 8400)
    assert interval("over 47,000 ounces") == (47000, 48000)
    assert interval("approximately 5,520 ounces") == (5515, 5525)
    facts = row(0, "Gold - Ounces", "5587", "5100", 0, unit="oz")
    found = checks_of("Gold production was more than 5,500 ounces for the quarter ended December 31, 2003.\n", facts)
    assert status(found, "5,500 ounces") == "pass"


def test_percent_change_with_its_base_stated():
    facts = row(0, "Net sales", "23148", "20812", 0)
    text = "Net sales increased {} to $23.1 million from $20.8 million for the quarter ended December 31, 2003.\n"
    found = checks_of(text.format("11%"), facts)
    claim, check = found["11%"]
    assert check.status == "pass" and len(claim.relative_to) == 2
    assert status(checks_of(text.format("17%"), facts), "17%") == "fail"


def test_percent_change_from_the_prior_column():
    facts = row(0, "Net sales", "23148", "20812", 0)
    text = "Net sales rose {} to $23.1 million for the quarter ended December 31, 2003.\n"
    check = checks_of(text.format("11%"), facts)["11%"][1]
    assert check.status == "pass" and THEN in check.message
    wrong = checks_of(text.format("19%"), facts)["19%"][1]
    assert wrong.status == "fail" and "the year before" in wrong.message and "Net sales" in wrong.message
    alone = checks_of(text.format("19%"), facts[:1])["19%"][1]
    assert alone.status == "unverifiable" and "does not say what it is compared with" in alone.message


def test_share_of_revenue_is_a_ratio_of_two_rows():
    facts = row(0, "Net sales", "23148", "20812", 0) + row(2, "Gross profit", "7412", "6650", 1)
    text = "{} was {} of net sales for the quarter ended December 31, 2003.\n"
    found = checks_of(text.format("Gross profit", "32.0%"), facts)
    claim, check = found["32.0%"]
    assert claim.kind == "portion" and check.status == "pass" and "Gross profit" in check.message
    assert status(checks_of(text.format("Gross profit", "35.0%"), facts), "35.0%") == "fail"
    other = checks_of(text.format("International sales", "32.0%"), facts)["32.0%"][1]
    assert other.status == "unverifiable" and "no table row about international sales" in other.message


def test_basic_under_an_earnings_per_share_heading_is_named_by_per_share_words():
    facts = [fact(0, "Basic", NOW, "0.34", "USD/share", decimals=2, path=("Earnings per share:",), row=0),
             fact(1, "Basic", THEN, "0.30", "USD/share", decimals=2, path=("Earnings per share:",), row=0,
                  column=1)]
    found = checks_of("Earnings for the quarter ended December 31, 2003 were 34 cents per share.\n", facts)
    assert status(found, "34 cents") == "pass"
    assert found["34 cents"][1].facts and Decimal("0.34") == Decimal(found["34 cents"][1].expected)
