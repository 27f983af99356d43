"""EPS a little under income / shares (the two-class method), and net income with or without the
noncontrolling interests: unverifiable or not compared, never a failure."""

import tieout

STATEMENTS = """\
                          FABRIKAM TOOLS INC.
                  CONSOLIDATED STATEMENTS OF OPERATIONS
              (In millions, except per share amounts)

                                                  Year Ended December 31,
                                                   2023             2022
                                                 -------          -------
Net sales                                          9,000            8,000
Net income attributable to Fabrikam                {income}            5,000
Basic earnings per common share                    {eps}             2.50
Average common shares outstanding - basic          2,000            2,000


                          FABRIKAM TOOLS INC.
                  CONSOLIDATED STATEMENTS OF CASH FLOWS
                             (In millions)

                                                  Year Ended December 31,
                                                   2023             2022
                                                 -------          -------
Net income                                         6,100            5,100
Depreciation                                         400              300
                                                 -------          -------
Net cash provided by operating activities          6,500            5,400
"""


def _checks(tmp_path, income="6,000", eps="2.97"):
    path = tmp_path / "annual.txt"
    path.write_text(STATEMENTS.format(income=income, eps=eps))
    return tieout.read(path).checks


def _eps(checks, period="2023-01-01/2023-12-31"):
    return [c for c in checks if c.rule == "eps" and period in c.message]


def test_eps_a_little_under_income_over_shares_is_unverifiable(tmp_path):
    found = _eps(_checks(tmp_path))  # 6,000 / 2,000 = 3.00 against 2.97 shown: 1% under
    assert [c.status for c in found] == ["unverifiable"]
    assert "two-class" in found[0].message


def test_eps_far_under_or_over_fails(tmp_path):
    assert [c.status for c in _eps(_checks(tmp_path, eps="2.79"))] == ["fail"]
    assert [c.status for c in _eps(_checks(tmp_path, eps="3.03"))] == ["fail"]
    assert [c.status for c in _eps(_checks(tmp_path, eps="3.00"))] == ["pass"]


def test_net_income_with_noncontrolling_interests_is_not_the_attributable_figure(tmp_path):
    checks = _checks(tmp_path, eps="3.00")
    same = [c for c in checks if c.rule == "same-figure" and "Net income" in c.message]
    assert not [c for c in same if c.status == "fail"]
    assert not [c for c in checks if c.status == "fail"]


def test_eps_a_power_of_1000_from_income_over_shares_is_a_share_scale_in_doubt(tmp_path):
    # 2,000,000 shares under "(In millions, ...)": read as 2 trillion; 6,000 million / that = 0.003
    path = tmp_path / "annual.txt"
    path.write_text(STATEMENTS.format(income="6,000", eps="3.00").replace(
        "basic          2,000            2,000", "basic      2,000,000        2,000,000"))
    found = _eps(tieout.read(path).checks)
    assert [c.status for c in found] == ["unverifiable"]
    assert "scale is in doubt" in found[0].message
