"""The balance-sheet identity takes "Total equity" (noncontrolling interests in) when printed,
and a redeemable interest printed between liabilities and equity; a column of what remains of
a repurchase authorisation is not summed."""

import tieout

SHEET = ("CONSOLIDATED BALANCE SHEETS\n(in millions)\n\n"
         "                                              December 30,    December 31,\n"
         "                                                  2023            2022\n"
         "Cash                                          $    1,400      $    1,040\n"
         "Goodwill                                          88,939          89,473\n"
         "Total assets                                  $   90,339      $   90,513\n"
         "Accounts payable                                  40,617          41,643\n"
         "Total liabilities                                 40,617          41,643\n"
         "Redeemable noncontrolling interest                   196             192\n"
         "Common stock                                      49,400          48,559\n"
         "Total shareholders' equity                        49,400          48,559\n"
         "Noncontrolling interest                              126             119\n"
         "Total equity                                      49,526          48,678\n"
         "Total liabilities, redeemable noncontrolling interest and equity\n"
         "                                              $   90,339      $   90,513\n")


def test_redeemable_interest_and_total_equity_make_the_identity():
    report = tieout.read("sheet.txt", data=SHEET.encode())
    statuses = [c.status for c in report.checks if c.rule == "balance-sheet"]
    assert statuses and set(statuses) == {"pass"}


def test_total_liabilities_and_equity_with_other_words_is_the_whole_right_side():
    from tieout.concepts import concept_of

    assert concept_of("Total liabilities, redeemable noncontrolling interest and equity", (), "balance") \
        == "LiabilitiesAndStockholdersEquity"
    assert concept_of("Total liabilities and equity", (), "balance") == "LiabilitiesAndStockholdersEquity"
    assert concept_of("Total equity", (), "balance") != "StockholdersEquity"


def test_a_remaining_authorisation_column_is_not_summed():
    text = ("ISSUER PURCHASES OF EQUITY SECURITIES\n\n"
            "                     Total Number of      Average Price     Maximum Dollar Value of Shares\n"
            "                     Shares Purchased     Paid per Share    That May Yet Be Purchased\n"
            "April                   1,000,000            $ 40.10          5,000,000,000\n"
            "May                       500,000            $ 41.91          4,979,000,000\n"
            "June                      700,000            $ 42.00          4,950,000,000\n"
            "Total                   2,200,000            $ 41.10          4,950,000,000\n")
    report = tieout.read("purchases.txt", data=text.encode())
    assert not [c for c in report.checks if c.status == "fail"]
