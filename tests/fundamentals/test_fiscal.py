"""A fact's place in its filer's fiscal calendar, and the filer's identity from the EDGAR header."""

from __future__ import annotations

from tieout.fundamentals.fiscal import fiscal_period, infer_fiscal_year_end, period_end_and_months
from tieout.source.header import lines_to_header


def test_a_52_53_week_year_is_the_fiscal_year_its_nominal_end_names():
    # Apple's fiscal 1995 ended on the last Friday of September, fiscal 1994 on September 30
    assert fiscal_period("1994-10-01/1995-09-29", "0930") == (1995, "FY")
    assert fiscal_period("1993-09-25/1994-09-30", "0930") == (1994, "FY")
    assert fiscal_period("1995-09-29", "0930") == (1995, "FY")


def test_quarters_halves_and_nine_months_of_a_september_year():
    assert fiscal_period("1995-10-01/1995-12-29", "0930") == (1996, "Q1")
    assert fiscal_period("1996-03-30/1996-06-28", "0930") == (1996, "Q3")
    assert fiscal_period("1995-09-30/1996-03-29", "0930") == (1996, "H1")
    assert fiscal_period("1995-09-30/1996-06-28", "0930") == (1996, "9M")
    assert fiscal_period("1996-06-29/1996-09-27", "0930") == (1996, "Q4")
    assert fiscal_period("1996-03-29", "0930") == (1996, "Q2")


def test_calendar_year_filer_and_unknown_year_end():
    assert fiscal_period("1997-04-01/1997-06-30", "1231") == (1997, "Q2")
    assert fiscal_period("1997-01-01/1997-06-30", "1231") == (1997, "H1")
    assert fiscal_period("1997-06-30", "") == (None, None)
    assert fiscal_period(None, "1231") == (None, None)
    assert period_end_and_months("1997-01-01/1997-06-30") == ("1997-06-30", 6)
    assert period_end_and_months("1996-12-31") == ("1996-12-31", 0)


def test_a_filing_without_a_year_end_takes_its_twelve_month_columns_end():
    assert infer_fiscal_year_end(["1996-07-01/1997-06-30", "1995-07-01/1996-06-30", "1997-04-01/1997-06-30"]) == "0630"
    assert infer_fiscal_year_end(["1997-04-01/1997-06-30", None]) == ""


def test_header_gives_sic_and_fiscal_year_end():
    header = lines_to_header([
        "ACCESSION NUMBER:\t\t0000320193-95-000016",
        "CONFORMED SUBMISSION TYPE:\t10-K",
        "\t\tCOMPANY CONFORMED NAME:\t\t\tAPPLE COMPUTER INC",
        "\t\tCENTRAL INDEX KEY:\t\t\t0000320193",
        "\t\tSTANDARD INDUSTRIAL CLASSIFICATION:\tELECTRONIC COMPUTERS [3571]",
        "\t\tFISCAL YEAR END:\t\t\t0930",
    ])
    assert (header.sic, header.fiscal_year_end, header.cik) == ("3571", "0930", "0000320193")
    assert lines_to_header(["FISCAL YEAR END: 1399"]).fiscal_year_end == ""
    assert lines_to_header(["<ASSIGNED-SIC>2834", "<FISCAL-YEAR-END>1231"]).sic == "2834"
