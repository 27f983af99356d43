"""Facts that cannot be true become problems: a period after the filing date, two columns with
one header and period, one concept and period read at two scales."""

import tieout

def _submission(body: str) -> str:
    return ("<SEC-DOCUMENT>0000999999-98-000001.txt : 19980815\n<SEC-HEADER>0000999999-98-000001.hdr.sgml\n"
            "CONFORMED SUBMISSION TYPE:\t10-Q\nFILED AS OF DATE:\t\t19980815\n</SEC-HEADER>\n"
            "<DOCUMENT>\n<TYPE>10-Q\n<SEQUENCE>1\n<TEXT>\n" + body + "</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n")


def _problems(text: str) -> list[str]:
    return [p.message for p in tieout.read("f.txt", data=text.encode()).problems if p.stage == "facts"]


def test_a_period_after_the_filing_date_is_a_problem():
    text = _submission("CONSOLIDATED BALANCE SHEETS\n(in thousands)\n\n"
                     "                               June 30,     December 31,\n"
                     "                                 1999           1997\n"
                     "Cash                           $  100          $  90\n"
                     "Receivables                       200            210\n"
                     "Total assets                   $  300          $ 300\n")
    found = _problems(text)
    assert len(found) == 1 and "1999-06-30, after the filing date 1998-08-15" in found[0]


def test_two_columns_with_one_header_and_period_are_a_problem():
    text = ("STATEMENTS OF OPERATIONS\n(in thousands)\n\n"
            "                         Three Months Ended June 30,\n"
            "                            1998          1998\n"
            "Revenues                   1,000           900\n"
            "Costs                        600           500\n"
            "Net income                   400           400\n")
    assert any("same header and period" in p for p in _problems(text))


def test_one_concept_read_at_two_scales_is_a_problem():
    text = ("CONSOLIDATED BALANCE SHEETS\n(in thousands)\n\n"
            "                                 June 30, 1998\n"
            "Cash                              $  1,250\n"
            "Receivables                          2,000\n"
            "Total assets                      $  3,250\n\n\n\n"
            "CONDENSED BALANCE SHEETS\n\n"
            "                                 June 30, 1998\n"
            "Cash                              $  1,250\n"
            "Total assets                      $  3,250\n")
    assert any("wrong scale" in p for p in _problems(text))


def test_a_clean_statement_has_no_such_problem():
    text = ("STATEMENTS OF OPERATIONS\n(in thousands)\n\n"
            "                         Three Months Ended June 30,\n"
            "                            1998          1997\n"
            "Revenues                   1,000           900\n"
            "Net income                   400           400\n")
    assert _problems(text) == []
