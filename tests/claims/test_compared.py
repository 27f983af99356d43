"""What ties a claim besides its own words: the figure it is compared with, how many digits it has, the
words a filing uses for a row ("pre-tax", plurals), list items, and "$(1.6) million"."""

from dataclasses import replace
from decimal import Decimal

from tests.claims.helpers import Q2_96, Q2_97, fact, report_of, text_to_blocks
from tieout.claims import check_claims, find_claims
from tieout.claims.figures import text_to_figures
from tieout.claims.text import blocks_to_passages
from tieout.claims.words import label_to_groups, text_to_words

GOLD = [fact(0, "Gold - London Final ($/oz.)", Q2_97, "412", "USD/oz", line=100, row=0, column=0),
        fact(1, "Gold - London Final ($/oz.)", Q2_96, "386", "USD/oz", line=100, row=0, column=1)]
PRICE = ("A higher gold price also contributed to improved results, averaging {now} per ounce during the second\n"
         "quarter of 1997, compared to {before} an ounce for the second quarter of 1996.\n")


def checks_of(text: str, facts) -> dict:
    report = report_of(text, facts)
    claims, problems = find_claims(report)
    assert problems == []
    checks = check_claims(replace(report, claims=tuple(claims)))
    return {c.text: k for c, k in zip(claims, checks)}


def test_figure_compared_with_a_tied_one_is_that_row_in_its_own_period():
    # the words ("averaging ... per ounce") barely touch the row; the value of either figure ties it
    clean = checks_of(PRICE.format(now="$412", before="$386"), GOLD)
    assert {t: k.status for t, k in clean.items()} == {"$412": "pass", "$386": "pass"}
    slip = checks_of(PRICE.format(now="$442", before="$386"), GOLD)
    assert slip["$442"].status == "fail"
    assert "does not match Gold - London Final ($/oz.) 412" in slip["$442"].message
    assert "one digit differs" in slip["$442"].message and "(the row of $386, line 2" in slip["$442"].message


def test_round_figure_on_weak_words_is_not_a_tie():
    text = "Mr. Feltl agreed to leave $3.0 million of capital in Steichen for the second quarter of 1997.\n"
    facts = [fact(0, "Net increase (decrease) in cash", Q2_97, "3013"),
             fact(1, "Net increase (decrease) in cash", Q2_96, "-211", column=1)]
    check = checks_of(text, facts)["$3.0 million"]
    assert check.status == "unverifiable"
    assert "the value equals Net increase (decrease) in cash (3013)" in check.message


def test_pre_tax_income_names_income_before_income_taxes():
    assert {"before", "tax", "income"} <= text_to_words("pre-tax income") == text_to_words("pretax income")
    assert label_to_groups("Income before provision for income taxes") == (
        frozenset({"income"}), frozenset({"before"}), frozenset({"provision"}), frozenset({"tax"}))
    facts = [fact(0, "Income before provision for income taxes", Q2_97, "15303"),
             fact(1, "Income before provision for income taxes", Q2_96, "11024", column=1)]
    text = ("Asta's pre-tax income reached {} in the second quarter of 1997, up 38.8% from the prior\n"
            "year results of $11 million.\n")
    clean = checks_of(text.format("$15.3 million"), facts)
    assert {t: k.status for t, k in clean.items()} == {"$15.3 million": "pass", "38.8%": "pass",
                                                        "$11 million": "pass"}
    slip = checks_of(text.format("$15.8 million"), facts)["$15.8 million"]
    assert slip.status == "fail" and "Income before provision for income taxes" in slip.message


def test_a_part_named_by_scope_is_not_the_total():
    facts = [fact(0, "Income before income taxes", Q2_97, "674"), fact(1, "Income before income taxes", Q2_96,
                                                                         "500", column=1)]
    text = "Foreign pretax earnings were $572 million in the second quarter of 1997.\n"
    assert checks_of(text, facts)["$572 million"].status == "unverifiable"


def test_list_items_are_passages_of_their_own():
    text = ("FISCAL YEAR HIGHLIGHTS:\n\no Fiscal 1997 net income increased 39 percent to $31.0 million\n\n"
            "o Fiscal 1997 EPS of $2.15 per diluted share\n")
    passages = blocks_to_passages(text_to_blocks(text))
    assert [p.text for p in passages] == ["o Fiscal 1997 net income increased 39 percent to $31.0 million",
                                          "o Fiscal 1997 EPS of $2.15 per diluted share"]


def test_parenthesis_closed_before_the_scale_word():
    assert [(f.text, f.magnitude, f.negative) for f in text_to_figures("a loss of $(1.6) million")] == [
        ("$(1.6) million", 1600000, True)]
    assert [(f.text, f.magnitude, f.negative) for f in text_to_figures("a loss of ($1.6) million")] == [
        ("($1.6) million", 1600000, True)]
    assert [(f.text, f.magnitude) for f in text_to_figures("shares (bought for $1.6) million times")] == [
        ("$1.6", Decimal("1.6"))]


def test_a_row_the_claims_qualifier_excludes_does_not_compete():
    # "pro forma loss per share" names the pro forma row; the GAAP row of another value is not a rival
    facts = [fact(0, "Diluted earnings (loss) per share", Q2_97, "-0.07", "USD/share", decimals=2, row=0),
             fact(1, "Diluted earnings (loss) per share", Q2_97, "-0.02", "USD/share", decimals=2, row=1,
                  path=("Pro forma",), line=101)]
    text = "The pro forma loss per share was {} for the second quarter of 1997.\n"
    assert checks_of(text.format("($0.02)"), facts)["($0.02)"].status == "pass"
    check = checks_of(text.format("($0.08)"), facts)["($0.08)"]
    assert check.status == "fail" and "[line 101]" in check.message


def test_a_round_figure_and_its_neighbour_meeting_one_row_tie_each_other():
    # "$400" alone is a round figure on weak words (a chance match); beside "$379" of the same row's other
    # period it is that row, and a slip in either is caught
    facts = [fact(0, "Gold - London Final ($/oz.)", Q2_97, "400", "USD/oz", line=100, row=0, column=0),
             fact(1, "Gold - London Final ($/oz.)", Q2_96, "379", "USD/oz", line=100, row=0, column=1)]
    clean = checks_of(PRICE.format(now="$400", before="$379"), facts)
    assert {t: k.status for t, k in clean.items()} == {"$400": "pass", "$379": "pass"}
    slip = checks_of(PRICE.format(now="$400", before="$370"), facts)
    assert slip["$370"].status == "fail" and "(the row of $400, line 1" in slip["$370"].message
