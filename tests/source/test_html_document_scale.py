"""Where a 10-K or 10-Q says its scale once for many tables, and where a table's title dates it.

Filers print "Dollars in millions except per share amounts" as a running head on every page of
the notes, or "(in thousands)" over the statements only and nowhere over the notes' tables; a
table of investments is headed "December 31, 2023" and its columns "Amortized Cost" and "Fair
Value". Each page here is generated with its truth, including the cases that must not take the
document's scale: full-dollar tables, exercise prices, statements printed in several scales.
"""

from __future__ import annotations

from decimal import Decimal

import tieout


def _row(label: str, *values: str, dollar: bool = True) -> str:
    cells = "".join(f"<td>{'$' if dollar else ''}</td><td>{v}</td><td></td>" for v in values)
    return f"<tr><td>{label}</td>{cells}</tr>"


def _header(*headers: str) -> str:
    return "<tr><td></td>" + "".join(f'<td colspan="3">{h}</td>' for h in headers) + "</tr>"


def _table(header: str, *rows: str) -> str:
    return "<table>" + header + "".join(rows) + "</table>"


def _read(tmp_path, body: str):
    path = tmp_path / "filing.htm"
    path.write_text(f"<html><body>{body}</body></html>")
    return tieout.read(path)


def _values(report, label: str) -> list[Decimal]:
    return [f.value for f in report.fact_records if f.label == label and f.value is not None]


STATEMENTS = (
    "<p>CONSOLIDATED BALANCE SHEETS</p><p>(in thousands)</p>"
    + _table(_header("December 31,<br>2023", "December 31,<br>2022"),
             _row("Cash and cash equivalents", "40,120", "35,310"),
             _row("Total assets", "912,400", "870,050"))
    + "<p>CONSOLIDATED STATEMENTS OF OPERATIONS</p><p>(in thousands)</p>"
    + _table(_header("Year Ended<br>December 31, 2023", "Year Ended<br>December 31, 2022"),
             _row("Revenue", "310,500", "288,200"),
             _row("Net income", "21,400", "18,900"))
)


def test_a_notes_table_in_dollars_with_no_note_is_in_its_statements_scale(tmp_path):
    notes = ("<p>Note 4. Contract balances</p><p>The following table presents changes in contract liabilities:</p>"
             + _table(_header("Years Ended December 31,<br>2023", "2022"),
                      _row("Beginning balance", "29,197", "20,340"),
                      _row("Ending balance", "31,005", "29,197")))
    report = _read(tmp_path, STATEMENTS + notes)
    assert _values(report, "Beginning balance") == [Decimal(29_197_000), Decimal(20_340_000)]
    fact = next(f for f in report.fact_records if f.label == "Beginning balance")
    assert fact.scale_source == "document"  # the fact says its scale is the document's, not its own
    assert _values(report, "Revenue") == [Decimal(310_500_000), Decimal(288_200_000)]


def test_full_dollars_prices_and_cents_keep_their_face_value(tmp_path):
    notes = ("<p>Stock options</p>"
             + _table(_header("Options", "Weighted-Average Exercise Price"),
                      _row("Outstanding at January 1, 2023", "1,200", "173", dollar=False),
                      _row("Granted", "300", "354"))
             + "<p>Stock-based compensation included above:</p>"
             + _table(_header("Quarter", "Year"), _row("Cost of sales", "24,000", "96,000"),
                      _row("Research", "121,000", "480,000"))
             + "<p>Fees</p>"
             + _table(_header("2023", "2022"), _row("Filing fee", "1,234.56", "1,100.00"),
                      _row("Other fee", "17.25", "16.00")))
    report = _read(tmp_path, STATEMENTS + notes)
    assert _values(report, "Granted") == [Decimal(300), Decimal(354)]  # an exercise price is dollars
    assert _values(report, "Cost of sales") == [Decimal(24_000), Decimal(96_000)]  # whole thousands: dollars
    assert _values(report, "Filing fee") == [Decimal("1234.56"), Decimal("1100.00")]  # cents are not thousands


def test_statements_in_two_scales_lend_none(tmp_path):
    acquiree = ("<p>ACQUIREE BALANCE SHEETS</p>"
                + _table(_header("December 31,<br>2023", "December 31,<br>2022"),
                         _row("Cash", "1,914,961", "1,013,741"), _row("Total assets", "14,912,961", "13,741,389")))
    notes = "<p>Note 5</p>" + _table(_header("2023", "2022"), _row("Accrued rent", "812", "790"),
                                     _row("Accrued taxes", "310", "295"))
    report = _read(tmp_path, STATEMENTS + acquiree + notes)
    assert _values(report, "Accrued rent") == [Decimal(812), Decimal(790)]


def test_a_running_head_that_is_only_a_scale_note_scales_the_tables_after_it(tmp_path):
    page = ("<p>ACME INC.</p><p>NOTES TO CONSOLIDATED FINANCIAL STATEMENTS (UNAUDITED)</p>"
            "<p>Dollars in millions except per share amounts</p>"
            "<p>NOTE 2. EARNINGS PER SHARE</p><p>A reconciliation of the numerators is shown below:</p>"
            + _table(_header("Three months ended<br>June 30, 2023", "Three months ended<br>June 30, 2022"),
                     _row("Income from continuing operations", "4,762", "4,751"),
                     _row("Net income", "4,762", "4,751"))
            + "<p>(b) In thousands, based on the most recent valuation.</p>")
    report = _read(tmp_path, page)
    assert _values(report, "Income from continuing operations") == [Decimal(4_762_000_000), Decimal(4_751_000_000)]


def test_a_footnote_in_thousands_is_no_running_head(tmp_path):
    page = ("<p>(b) In thousands, based on the most recent valuation as of December 30, 2023.</p>"
            + _table(_header("2023", "2022"), _row("Plan assets", "812", "790"), _row("Obligations", "700", "650")))
    assert _values(_read(tmp_path, page), "Plan assets") == [Decimal(812), Decimal(790)]


def test_a_table_headed_by_a_date_gives_its_columns_that_instant(tmp_path):
    page = ("<p>A summary of debt securities by major security type is as follows:</p>"
            "<p>(in millions)</p><p>December 31, 2023</p>"
            + _table(_header("Amortized Cost", "Gross Unrealized Gains", "Fair Value"),
                     _row("U.S. government obligations", "4,674", "3", "4,677"),
                     _row("Corporate debt securities", "12,040", "15", "12,055")))
    report = _read(tmp_path, page)
    periods = {f.column_header: f.period for f in report.fact_records if f.label == "U.S. government obligations"}
    assert periods == {"Amortized Cost": "2023-12-31", "Gross Unrealized Gains": "2023-12-31",
                       "Fair Value": "2023-12-31"}


def test_a_title_that_names_several_years_dates_no_column(tmp_path):
    page = ("<p>Results of operations 2023 compared with 2022</p>"
            + _table(_header("Amount", "Change"), _row("Net sales", "7,081", "(28)"), _row("Gross margin", "1,368", "41")))
    report = _read(tmp_path, page)
    assert {f.period for f in report.fact_records if f.label == "Net sales"} == {None}


def _read_10k(tmp_path, body: str, period: str = "20231230"):
    """An SGML 10-K submission whose document is the HTML ``body`` (the form and period matter)."""
    path = tmp_path / "10k.txt"
    path.write_text(
        "<SEC-DOCUMENT>0000000000-24-000001.txt : 20240215\n<SEC-HEADER>\n"
        f"CONFORMED SUBMISSION TYPE:\t10-K\nCONFORMED PERIOD OF REPORT:\t{period}\nFILED AS OF DATE:\t\t20240215\n"
        "</SEC-HEADER>\n<DOCUMENT>\n<TYPE>10-K\n<SEQUENCE>1\n<TEXT>\n"
        f"<html><body>{body}</body></html>\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n")
    return tieout.read(path)


def _periods(report, label: str) -> list[str | None]:
    return [f.period for f in report.fact_records if f.label == label and f.value is not None]


def test_three_year_ends_a_year_apart_with_no_length_are_fiscal_years(tmp_path):
    page = ("<p>Total expense related to restructuring activities by income statement caption (in millions):</p>"
            + _table(_header("December 30, 2023", "December 31, 2022", "December 25, 2021"),
                     _row("Severance costs - Cost of products sold", "9", "12", "31"),
                     _row("Total expense", "47", "35", "61")))
    assert _periods(_read_10k(tmp_path, page), "Total expense") == [
        "2023-01-01/2023-12-30", "2021-12-26/2022-12-31", "2020-12-27/2021-12-25"]


def test_two_dates_a_year_apart_stay_instants(tmp_path):
    page = ("<p>Accrued liabilities (in millions):</p>"
            + _table(_header("December 30, 2023", "December 31, 2022"),
                     _row("Accrued payroll", "412", "398"), _row("Total accrued", "990", "940")))
    assert _periods(_read_10k(tmp_path, page), "Total accrued") == ["2023-12-30", "2022-12-31"]


def test_a_bare_year_over_a_carrying_amount_is_the_years_end(tmp_path):
    page = ("<p>The carrying amounts of our financial instruments (Dollars in Millions):</p>"
            + _table(_header("2023<br>Carrying Amount", "2023<br>Estimated Fair Value"),
                     _row("Cash", "21,859", "21,859"), _row("Total", "30,120", "30,140"))
            + "<p>Restricted stock units (Dollars in Millions):</p>"
            + _table(_header("2023<br>Outstanding", "2023<br>Grant Date Fair Value"),
                     _row("Beginning of Period", "120", "2,400"), _row("New awards", "40", "800"),
                     _row("End of Period", "160", "3,200")))
    report = _read_10k(tmp_path, page)
    assert _periods(report, "Cash") == ["2023-12-30", "2023-12-30"]
    # a roll-forward's rows date it: the awards of the year are a flow, its ends balances
    assert _periods(report, "New awards") == ["2023-01-01/2023-12-30", "2023-01-01/2023-12-30"]


def test_a_statement_of_comprehensive_income_is_a_statement_of_flows():
    from tieout.tables.periods import is_flow_statement

    assert is_flow_statement("The Kraft Heinz Company Consolidated Statements of Comprehensive Income")
    assert is_flow_statement("Condensed Consolidated Statements of Comprehensive Loss")
    assert not is_flow_statement("Consolidated Statements of Changes in Equity")


def test_a_labeled_line_of_years_under_an_undated_header_completes_it(tmp_path):
    years = "<tr><td>{}</td>" + "".join(f"<td></td><td>{y}</td><td></td>" for y in (2023, 2022, 2023, 2022)) + "</tr>"
    header = ('<tr><td></td><td colspan="6">Three months ended<br>June 30,</td>'
              '<td colspan="6">Six months ended<br>June 30,</td></tr>')
    page = ("<p>Business Segment Information (Millions)</p><table>" + header + years.format("Net Sales")
            + _row("Safety and Industrial", "2,765", "2,924", "5,544", "5,975")
            + _row("Total Company", "8,325", "8,702", "16,356", "17,531")
            + header + years.format("Operating Performance")
            + _row("Health Care", "411", "492", "771", "937") + "</table>")
    report = _read(tmp_path, page)
    assert _periods(report, "Total Company") == ["2023-04-01/2023-06-30", "2022-04-01/2022-06-30",
                                                 "2023-01-01/2023-06-30", "2022-01-01/2022-06-30"]
    assert not [f for f in report.fact_records if f.value in (2022, 2023)]  # the years are no figures
    assert _periods(report, "Health Care")[0] == "2023-04-01/2023-06-30"


def test_dated_headings_inside_a_table_date_their_sections(tmp_path):
    page = ("<p>The fair value of plan assets (in millions) December 31, 2023:</p>"
            + _table(_header("Total", "Level 1"),
                     _row("Equity securities", "1,200", "1,150"), _row("Fixed income", "800", "640"),
                     "<tr><td>December 31, 2022:</td></tr>",
                     _row("Equity securities", "1,100", "1,020"), _row("Fixed income", "760", "600")))
    report = _read(tmp_path, page)
    assert _periods(report, "Equity securities") == ["2023-12-31", "2023-12-31", "2022-12-31", "2022-12-31"]


def test_a_continued_table_that_opens_a_section_of_another_date_does_not_inherit_the_first_date(tmp_path):
    first = _table(_header("Aerospace", "Power"), _row("Revenues in excess of billings", "2,527", "5,522"),
                   _row("Total contract assets", "2,037", "5,209"))
    second = _table(_header("", ""), "<tr><td>December 31, 2022</td></tr>",
                    _row("Revenues in excess of billings", "2,363", "5,403"),
                    _row("Total contract assets", "2,467", "5,044"))
    page = "<p>Contract assets (in millions)</p><p>June 30, 2023</p>" + first + second
    report = _read(tmp_path, page)
    assert _periods(report, "Total contract assets") == ["2023-06-30", "2023-06-30", "2022-12-31", "2022-12-31"]


def test_a_balance_sheet_dated_in_its_title_dates_repeated_year_columns_in_order(tmp_path):
    page = ("<p>BALANCE SHEETS</p><p>April 30, 1996 and January 31, 1996</p><p>(in thousands)</p>"
            + _table(_header("1996", "1996"), _row("Cash and cash equivalents", "33,885", "31,413"),
                     _row("Total assets", "367,039", "360,772")))
    assert _periods(_read(tmp_path, page), "Total assets") == ["1996-04-30", "1996-01-31"]
