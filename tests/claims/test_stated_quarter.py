"""A figure that is its row's value for the year before, in a sentence naming its own calendar quarter."""

import tieout

RELEASE = """\
     SPRINGFIELD, Ohio, April 20, 1997 -- Fabrikam Tools Inc. today reported
results for the first quarter.

     Cost of sales was {figure} for the first quarter of 1997.

     Net sales rose to $5.2 million in the quarter.



                          FABRIKAM TOOLS INC.
                  CONSOLIDATED STATEMENTS OF OPERATIONS

                                        Three Months Ended March 31,
                                          1997             1996
                                       ---------        ---------
Net sales                              5,214,000        4,802,000
Cost of sales                          3,410,000        3,333,000
                                       ---------        ---------
Gross profit                           1,804,000        1,469,000
"""


def _claims(tmp_path, figure: str):
    path = tmp_path / "release.txt"
    path.write_text(RELEASE.format(figure=figure))
    return [c for c in tieout.read(path).checks if c.rule.startswith("claim")]


def test_a_statement_without_note_or_dollar_sign_in_whole_dollars_is_money(tmp_path):
    path = tmp_path / "release.txt"
    path.write_text(RELEASE.format(figure="$3.4 million"))
    sales = [f for f in tieout.read(path).fact_records if f.label == "Net sales"]
    assert [(f.unit, f.value) for f in sales] == [("USD", 5_214_000), ("USD", 4_802_000)]


def test_the_prior_years_figure_for_a_named_calendar_quarter_fails(tmp_path):
    cost = [c for c in _claims(tmp_path, "$3.3 million") if "3.3" in c.message]
    assert [c.status for c in cost] == ["fail"]
    assert "1996-01-01/1996-03-31" in cost[0].message and "3,410,000" in cost[0].message


def test_the_quarters_own_figure_passes(tmp_path):
    cost = [c for c in _claims(tmp_path, "$3.4 million") if "3.4" in c.message]
    assert [c.status for c in cost] == ["pass"]


def test_a_fiscal_quarter_stays_unverifiable(tmp_path):
    path = tmp_path / "release.txt"
    path.write_text(RELEASE.format(figure="$3.3 million").replace("first quarter of 1997", "first quarter of fiscal 1997"))
    cost = [c for c in tieout.read(path).checks if c.rule.startswith("claim") and "3.3" in c.message]
    assert [c.status for c in cost] == ["unverifiable"]
