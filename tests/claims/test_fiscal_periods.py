"""Fiscal calendars and comparison periods: a claim is checked in the period its sentence names.

A fiscal year is named by the calendar year it ends in; its end comes from the SGML
header, else from the columns (a nine-month column starts the day after a year end),
else from the narrative ("the first quarter ended December 30, 2000"). A period a
figure is compared with governs that figure (and one "or"-joined to it), never the
next sentence; relative phrases anchor to the period under discussion.
"""

from dataclasses import replace

import pytest

from tests.claims.helpers import fact, report_of
from tieout.claims import check_claims, find_claims
from tieout.claims.extract import periods_to_fiscal_end, report_to_calendar, text_to_fiscal_end
from tieout.claims.periods import periods_to_calendar, phrase_to_period, text_to_phrases
from tests.claims.helpers import text_to_blocks

Q3_FY07 = "2007-01-01/2007-03-31"  # fiscal year ending June 30, 2007
Q3_FY06 = "2006-01-01/2006-03-31"
NINE_FY07 = "2006-07-01/2007-03-31"
JUNE = periods_to_calendar([Q3_FY07, Q3_FY06, NINE_FY07, "2005-07-01/2006-03-31"], fiscal_end_month=6)


def checks_of(text: str, facts, header: str = "") -> dict:
    report = report_of(header + text, facts)
    claims, problems = find_claims(report)
    assert problems == []
    return {c.text: (c, k) for c, k in zip(claims, check_claims(replace(report, claims=tuple(claims))))}


def income_rows(now="1204", before="1100", periods=(Q3_FY07, Q3_FY06)):
    return [fact(0, "Net income", periods[0], now, line=100, row=0, column=0),
            fact(1, "Net income", periods[1], before, line=100, row=0, column=1)]


@pytest.mark.parametrize("text, expected", [
    ("for the third quarter of fiscal 2007", Q3_FY07),
    ("in the fiscal 2007 third quarter", Q3_FY07),
    ("for the third fiscal quarter of 2007", Q3_FY07),
    ("for the third quarter of fiscal 2006", Q3_FY06),
    ("for the third quarter a year earlier", Q3_FY06),
    ("in the third quarter of the prior year", Q3_FY06),
])
def test_fiscal_quarters_are_the_fiscal_years_own(text, expected):
    phrase = text_to_phrases(text)[0]
    assert phrase_to_period(phrase, JUNE, Q3_FY07) == expected


def test_quarter_named_without_fiscal_is_left_open_when_two_columns_fit():
    # a year ending in March: "third quarter 2006" may be the quarter ending December 2006 (fiscal 2007's
    # third) or fiscal 2006's third (December 2005); with both columns printed the phrase decides nothing
    march = periods_to_calendar(["2006-10-01/2006-12-31", "2005-10-01/2005-12-31"], fiscal_end_month=3)
    period = phrase_to_period(text_to_phrases("THIRD QUARTER 2006 EARNINGS")[0], march, None)
    assert period not in march.periods


def test_fiscal_year_end_from_the_header_the_columns_or_the_text():
    text = "Net income for the third quarter of fiscal 2007 was $1,204,000.\n"
    header = "FISCAL YEAR END:\t\t\t0630\n\n"
    assert report_to_calendar(report_of(header + text, income_rows())).fiscal_end_month == 6
    assert periods_to_fiscal_end([Q3_FY07, NINE_FY07]) == 6  # nine months from July 1
    assert periods_to_fiscal_end(["1998-06-28/1998-09-26", "1997-12-28/1998-09-26"]) == 12  # 39 weeks
    blocks = text_to_blocks("The company reported results for the first quarter ended December 30, 2000.\n")
    assert text_to_fiscal_end(blocks) == 9


def test_fiscal_quarter_claims_pass_and_fail_in_their_own_period():
    header = "FISCAL YEAR END:\t\t\t0630\n\n"
    text = ("Net income for the third quarter of fiscal 2007 was {now}, compared with {then} for the third\n"
            "quarter of fiscal 2006.\n")
    clean = checks_of(text.format(now="$1,204,000", then="$1,100,000"), income_rows(), header)
    assert {t: (c.period, k.status) for t, (c, k) in clean.items()} == {
        "$1,204,000": (Q3_FY07, "pass"), "$1,100,000": (Q3_FY06, "pass")}
    slip = checks_of(text.format(now="$1,254,000", then="$1,100,000"), income_rows(), header)
    assert slip["$1,254,000"][1].status == "fail" and "Net income" in slip["$1,254,000"][1].message


def test_a_may_date_is_not_a_forward_looking_word():
    facts = income_rows(periods=("1999-03-01/1999-05-31", "1998-03-01/1998-05-31"))
    found = checks_of("Net income for the quarter ended May 31, 1999 was $1,204,000.\n", facts)
    claim, check = found["$1,204,000"]
    assert not claim.forward and check.status == "pass"


def test_or_joined_figure_takes_the_period_of_the_figure_compared_with():
    facts = income_rows(periods=("1996-01-01/1996-03-31", "1995-01-01/1995-03-31")) + [
        fact(2, "Earnings per share", "1996-01-01/1996-03-31", "0.38", "USD/share", decimals=2, row=1),
        fact(3, "Earnings per share", "1995-01-01/1995-03-31", "0.27", "USD/share", decimals=2, row=1, column=1)]
    text = ("Net income for the first quarter of 1996 was $1,204,000, or $0.38 per share, compared to\n"
            "$1,100,000, or $0.27 per share (based on 8.9 million shares), for the same period of 1995.\n")
    found = checks_of(text, facts)
    assert found["$0.27"][0].period == "1995-01-01/1995-03-31" and found["$0.27"][1].status == "pass"
    assert found["$1,100,000"][0].period == "1995-01-01/1995-03-31"


def test_a_comparison_period_does_not_spill_onto_the_next_sentence():
    now, then = "1999-01-01/1999-03-31", "1998-01-01/1998-03-31"
    facts = [fact(0, "Gold - Ounces", now, "47272", "oz", row=0), fact(1, "Gold - Ounces", then, "38984", "oz",
                                                                        row=0, column=1),
             fact(2, "Cash cost ($/oz.)", now, "260", "USD/oz", row=1), fact(3, "Cash cost ($/oz.)", then, "313",
                                                                          "USD/oz", row=1, column=1)]
    text = ("Gold production was 47,272 ounces, up from nearly 39,000 ounces in the first quarter of 1998.\n"
            "The average cash cost was $260 per ounce.\n")
    found = checks_of(text, facts)
    assert found["$260"][0].period in (None, now) and found["$260"][1].status == "pass"  # not 1998's
    assert found["39,000 ounces"][0].period == then


def test_relative_phrase_anchors_to_the_period_discussed_not_to_one_compared_with():
    q4, q3, q4_last = "2007-01-01/2007-03-31", "2006-10-01/2006-12-31", "2006-01-01/2006-03-31"
    facts = [fact(0, "Net revenues", q4, "30182", row=0), fact(1, "Net revenues", q3, "30842", row=0, column=1),
             fact(2, "Net revenues", q4_last, "27847", row=0, column=2)]
    text = ("Net revenues for the third quarter of fiscal 2007 were $30.2 million, down $600,000 from the $30.8\n"
            "million reported in the second quarter and up 8.4 percent from the $27.8 million reported in the\n"
            "comparable period last year.\n")
    found = checks_of(text, facts, "FISCAL YEAR END:\t\t\t0630\n\n")
    assert found["$27.8 million"][0].period == q4_last
    assert found["8.4 percent"][1].status == "pass"  # of $30.2 million, not of the $600,000 change
