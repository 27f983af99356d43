"""52/53-week calendars, flush-left year headers and title blocks between tables (plain text)."""

from datetime import date

import tieout
from tieout.tables.cells import parse_number
from tieout.tables.periods import is_weekly_end, text_to_length, weekly_period


def _read(tmp_path, text: str):
    path = tmp_path / "release.txt"
    path.write_text(text)
    return tieout.read(path)


def _periods(report, label: str) -> list[str]:
    return [f.period for f in report.fact_records if f.label == label]


def test_a_period_end_near_but_not_at_a_month_end_is_a_weekly_calendar():
    assert is_weekly_end(date(2002, 3, 30)) and is_weekly_end(date(2005, 10, 1))
    assert not is_weekly_end(date(2002, 3, 31)) and not is_weekly_end(date(2002, 3, 15))


def test_months_of_a_weekly_calendar_are_counted_in_weeks():
    # three calendar months from December 31 -> thirteen weeks from December 30
    assert weekly_period("2001-12-31/2002-03-30", set()) == "2001-12-30/2002-03-30"
    assert weekly_period("2001-10-01/2002-03-30", set()) == "2001-09-30/2002-03-30"  # 26 weeks
    # a year starts the day after the year before ended, when that end is dated once
    assert weekly_period("2002-12-29/2003-12-28", {date(2002, 12, 28), date(2003, 12, 28)}) == \
        "2002-12-29/2003-12-28"
    assert weekly_period("2003-01-04/2004-01-03", {date(2002, 12, 28), date(2004, 1, 3)}) == \
        "2002-12-29/2004-01-03"
    # ... and its fourth quarter, in a 53-week year, is fourteen weeks
    assert weekly_period("2003-10-04/2004-01-03", {date(2002, 12, 28), date(2004, 1, 3)}) == \
        "2003-09-28/2004-01-03"
    # a year whose predecessor's end is dated two ways is left as read
    assert weekly_period("1994-09-30/1995-09-29", {date(1994, 9, 29), date(1994, 9, 30), date(1995, 9, 29)}) == \
        "1994-09-30/1995-09-29"
    # stated in weeks (not a month count from the end): as it is
    assert weekly_period("2001-12-29/2002-03-30", set()) == "2001-12-29/2002-03-30"


def test_lengths_in_words():
    assert text_to_length("Fourteen Weeks Ended") == (14, "weeks")
    assert text_to_length("Twenty-six weeks ended") == (26, "weeks")
    assert text_to_length("Fifty three weeks ended") == (53, "weeks")
    assert text_to_length("Eleven Months Ended") == (11, "months")


RELEASE = """\
                          FABRIKAM STORES, INC.
               CONDENSED CONSOLIDATED STATEMENTS OF INCOME
                (In thousands, except per share amounts)

                                      Three Months Ended
                                  March 30,         March 31,
                                  2002              2001
                                    --------          --------
Net sales                            120,500           110,250
Cost of sales                         80,300            75,100
                                    --------          --------
Gross profit                          40,200            35,150


                          FABRIKAM STORES, INC.
                  CONDENSED CONSOLIDATED BALANCE SHEETS
                            (In thousands)


                                  March 30,       December 29,
                                  2002            2001
Cash                                  15,000            12,000
Inventories                           45,000            41,000
                                    --------          --------
Total current assets                  60,000            53,000
"""


def test_a_weekly_quarter_and_the_next_statement_under_its_own_title(tmp_path):
    report = _read(tmp_path, RELEASE)
    # "2002" stands left of its right-aligned numbers: still the first column's year
    assert _periods(report, "Net sales") == ["2001-12-30/2002-03-30", "2000-12-31/2001-03-31"]
    titles = [t.title for t in report.tables]
    assert len(titles) == 2 and "BALANCE SHEETS" in titles[1]
    assert _periods(report, "Cash") == ["2002-03-30", "2001-12-29"]
    cash = [f for f in report.fact_records if f.label == "Cash"]
    assert [f.value for f in cash] == [15_000_000, 12_000_000]


def test_a_dollar_thousands_mark_is_a_note_not_a_zero(tmp_path):
    assert parse_number("$000") is None and parse_number("($000)") is None
    assert parse_number("1,000") is not None
    report = _read(tmp_path, """\
                      NORTHWIND TRADERS
            Pro Forma Condensed Statement of Operations
             For the Three Months Ended March 31, 1995
                            ($000)

                           Historical    Acquired    Pro Forma
Revenues                      17,330       1,962       19,292
Cost of sales                 11,589       1,159       12,748
                             -------     -------      -------
Gross profit                   5,741         803        6,544
""")
    assert not [f for f in report.fact_records if f.value == 0]
    revenues = [f.value for f in report.fact_records if f.label == "Revenues"]
    assert revenues == [17_330_000, 1_962_000, 19_292_000]


def test_a_quoted_sentence_above_the_title_is_not_the_title(tmp_path):
    report = _read(tmp_path, '''\
     "We are pleased with the progress our people made this quarter," said
the chairman. "Our balance sheet leaves us well placed for the rest of the year."



                          FABRIKAM STORES, INC.
                     STATEMENTS OF INCOME (In thousands)

                                  Quarter           Quarter
                                  2002              2001
Net sales                            120,500           110,250
Cost of sales                         80,300            75,100
''')
    assert report.tables[0].title.startswith("FABRIKAM STORES")
