"""Claims found in a hand-written release and tied to hand-built facts: pass, fail, unverifiable."""

from dataclasses import replace
from decimal import Decimal

from tests.claims.helpers import FIXTURES, Q2_96, Q2_97, release_facts, report_of
from tieout.claims import check_claims, find_claims

RELEASE = (FIXTURES / "release.txt").read_text()


def checked(text: str, attributable=(("BASIN MINE", Decimal("0.60")),)):
    report = report_of(text, release_facts(), attributable)
    claims, problems = find_claims(report)
    assert problems == []
    report = replace(report, claims=tuple(claims))
    return claims, list(check_claims(report))


def by_text(claims, checks):
    return {c.text: (c, k) for c, k in zip(claims, checks)}


def test_release_claims_have_value_unit_period_and_qualifier():
    claims, _ = checked(RELEASE)
    found = {c.text: c for c in claims}
    assert found["$1,204,000"].value == 1204000 and found["$1,204,000"].period == Q2_97
    assert found["3 cents"].unit == "USD/share"
    assert found["$2.1 million"].value == -2100000 and found["$2.1 million"].period == Q2_96
    assert found["6 cents"].value == Decimal("-0.06")
    ounces = found["30,000 ounces"]
    assert (ounces.qualifier, ounces.low, ounces.high) == ("over", 30000, 31000)
    change = found["12%"]
    assert change.kind == "change" and change.base_period == Q2_96 and change.relative_to == (ounces.id,)
    assert found["$251"].unit == "USD/oz"
    assert found["60%"].kind == "share"
    assert found["130,000 ounces"].forward and found["2 million ounces"].forward


def test_release_claims_tie():
    table = by_text(*checked(RELEASE))
    status = {text: check.status for text, (_, check) in table.items()}
    assert status == {
        "$1,204,000": "pass", "3 cents": "pass", "$28.4 million": "pass", "$2.1 million": "pass",
        "6 cents": "pass", "30,000 ounces": "pass", "12%": "pass", "$251": "pass", "60%": "pass",
        "130,000 ounces": "unverifiable", "2 million ounces": "unverifiable",
    }
    claim, check = table["$1,204,000"]
    assert "Net income (loss) (1204) in thousands [line 100]" in check.message
    assert check.spans[0].line == claim.line == 3 and check.spans[1].line == 100
    assert check.rule == "claim" and check.claims == (claim.id,)


def test_changed_digit_fails_at_the_claim_line():
    table = by_text(*checked(RELEASE.replace("$1,204,000", "$1,240,000")))
    claim, check = table["$1,240,000"]
    assert check.status == "fail" and check.lines[0] == 3 == claim.line
    assert "Net income (loss)" in check.message


def test_wrong_percentage_of_change_fails():
    _, check = by_text(*checked(RELEASE.replace("a 12% increase", "a 21% increase")))["21%"]
    assert check.status == "fail" and "gives 12.2" in check.message


def test_wrong_interest_fails_and_missing_interest_is_unverifiable():
    _, check = by_text(*checked(RELEASE.replace("60% interest", "65% interest")))["65%"]
    assert check.status == "fail"
    _, check = by_text(*checked(RELEASE, attributable=()))["60%"]
    assert check.status == "unverifiable"


def test_hedge_direction_matters():
    _, check = by_text(*checked(RELEASE.replace("over 30,000", "over 31,000")))["31,000 ounces"]
    assert check.status == "fail"
    _, check = by_text(*checked(RELEASE.replace("over 30,000", "nearly 31,000")))["31,000 ounces"]
    assert check.status == "pass"


def test_sign_of_a_loss_word_is_carried_by_the_word():
    # "net income of ($1,204,000)" states a loss; the table shows income: the claim fails
    _, check = by_text(*checked(RELEASE.replace("$1,204,000", "($1,204,000)")))["($1,204,000)"]
    assert check.status == "fail"
    # "a net loss of ($2.1 million)" says the same as "a net loss of $2.1 million"
    _, check = by_text(*checked(RELEASE.replace("$2.1 million", "($2.1 million)")))["($2.1 million)"]
    assert check.status == "pass"


def test_period_no_table_has_is_unverifiable_not_fail():
    text = RELEASE.replace("for the second quarter of 1997, on revenue", "for the second quarter of 1995, on revenue")
    table = by_text(*checked(text))
    assert table["$28.4 million"][1].status == "unverifiable"
    assert table["$1,204,000"][1].status == "unverifiable"


def test_bad_input_gives_no_traceback():
    for text in ("", "$", "$ million", "up % from", "over ounces", "(((((", "1,2,3,4 tons" * 50):
        claims, checks = checked(text)
        assert len(claims) == len(checks)


def test_respectively_maps_figures_to_periods_in_order():
    text = (FIXTURES / "respectively.txt").read_text()
    claims, checks = checked(text)
    table = by_text(claims, checks)
    assert table["$1,204,000"][0].period == Q2_97 and table["$2.1 million"][0].period == Q2_96
    assert table["$1,204,000"][1].status == "pass"
    # "Net income (loss)" of the second quarter of 1996 is (2,104): "$2.1 million" of income is the wrong sign
    assert table["$2.1 million"][1].status == "fail"
    changed = by_text(*checked(text.replace("$1,204,000", "$1,240,000")))
    assert changed["$1,240,000"][1].status == "fail"


def test_claim_tied_by_its_words_fails_when_its_digits_change():
    # "revenue of $28.4 million" names "Total revenue" only loosely (the row says "total"); the value
    # no longer meets it, and no other row of the period is about revenue: the claim is tied by meaning
    _, check = by_text(*checked(RELEASE.replace("$28.4 million", "$24.8 million")))["$24.8 million"]
    assert check.status == "fail" and "Total revenue" in check.message


def test_a_pro_forma_row_is_not_blamed_for_a_plain_claim():
    from tests.claims.helpers import fact
    facts = release_facts() + [
        fact(100, "Net income (loss)", Q2_97, "1900", line=130, table_index=1, row=0, column=0)]
    facts[-1] = replace(facts[-1], table="Statements of Operations - Pro Forma")
    text = "HIGHLIGHTS\n\n      Net income was $1,250,000 for the second quarter of 1997.\n"
    report = report_of(text, [f for f in facts if f.label != "Net income (loss)"] + facts[-1:])
    claims, _ = find_claims(report)
    [check] = [c for c in check_claims(replace(report, claims=tuple(claims))) if c.claims == (claims[0].id,)]
    assert check.status == "unverifiable"
