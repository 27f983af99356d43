"""A quantity that cannot be negative, shown negative, fails; rows that may be negative by what
they say (changes, credits, "Less ...") do not."""

import tieout

PRODUCTION = ("PRODUCTION DATA\n\n"
              "                                    Quarter Ended March 31,\n"
              "                                      1996          1995\n"
              "Gold produced (ounces)               21,036        11,016\n"
              "Silver produced (ounces)            {silver}        1,064\n"
              "Cash cost ($/oz.)                      $244          $261\n"
              "Less by-product credits ($/oz.)        (45)          (38)\n"
              "Change in ounces produced (ounces)     10,020        (1,200)\n")


def _sign_checks(silver: str):
    report = tieout.read("prod.txt", data=PRODUCTION.format(silver=silver).encode())
    return [c for c in report.checks if c.rule == "sign-sense"]


def test_negative_ounces_fail():
    checks = _sign_checks("(2,352)")
    assert [c.status for c in checks] == ["fail"]
    assert "Silver produced" in checks[0].message and "ounces cannot be below zero" in checks[0].message


def test_credits_and_changes_may_be_negative():
    assert _sign_checks(" 2,352 ") == []
