"""A filing without an EDGAR header: its cover page gives the form and period that date its bare years.

Generated pages with known truth: a 10-K cover over a statement headed by bare years, a
52/53-week year whose balance sheet title dates both year ends, a statement continued over a
page break without its title, and text the cover reader must leave alone.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

import tieout
from tieout.source.cover import Cover, lines_to_cover
from tieout.tables.periods import fiscal_year_ends


@pytest.mark.parametrize("lines, cover", [
    (["UNITED STATES", "FORM 10-K", "ANNUAL REPORT PURSUANT TO SECTION 13 OR 15(d)",
      "For the fiscal year ended December 30, 2023", "FABRIKAM WIDGETS, INC.",
      "(Exact name of registrant as specified in its charter)"],
     Cover("10-K", "2023-12-30", "FABRIKAM WIDGETS, INC.")),
    (["Form 10-Q/A", "For the quarterly period ended Sept. 30, 1998"], Cover("10-Q/A", "1998-09-30", "")),
    (["FORM 8-K", "Date of Report (Date of earliest event reported): May 1, 2023"],
     Cover("8-K", "2023-05-01", "")),
    # a sentence naming a form, a transition period without dates, a date that is no date: nothing
    (["The Company's Form 10-K for 2022 describes the risks.", "For the transition period from to",
      "For the fiscal year ended February 30, 2023"], Cover()),
])
def test_the_cover_names_form_period_and_registrant(lines, cover):
    assert lines_to_cover(lines) == cover


def test_the_cover_is_read_only_near_the_top():
    assert lines_to_cover(["x"] * 200 + ["FORM 10-K", "For the fiscal year ended December 31, 2023"]) == Cover()


def _page(*parts: str) -> str:
    return "<html><body>" + "".join(parts) + "</body></html>"


COVER = ("<p>FORM 10-K</p><p>For the fiscal year ended December 30, 2023</p>"
         "<p>FABRIKAM WIDGETS, INC.</p><p>(Exact name of registrant as specified in its charter)</p>")


def _row(label: str, *values: str) -> str:
    return f"<tr><td>{label}</td>" + "".join(f"<td>{v}</td>" for v in values) + "</tr>"


def _read(tmp_path, html: str):
    path = tmp_path / "fabrikam-20231230.htm"
    path.write_text(html)
    return tieout.read(path)


def _periods(report, label: str) -> list[str]:
    return [f.period for f in report.fact_records if f.label == label]


def test_bare_years_of_an_annual_report_without_header_are_fiscal_years(tmp_path):
    report = _read(tmp_path, _page(
        COVER, "<p>CONSOLIDATED STATEMENTS OF INCOME</p><p>(In millions)</p>",
        "<table>", _row("", "2023", "2022"), _row("Net sales", "1,200", "1,100"),
        _row("Net income", "120", "110"), "</table>"))
    assert (report.filing.form_type, report.filing.period) == ("10-K", "2023-12-30")
    assert report.filing.company == "FABRIKAM WIDGETS, INC."
    # without a date for 2022's end elsewhere, each year ends on the report's month and day; a year
    # that ends on December 30 is a 52/53-week year, and one whose start is printed nowhere is 52 weeks
    assert _periods(report, "Net sales") == ["2022-12-31/2023-12-30", "2022-01-01/2022-12-30"]


def test_a_52_53_week_year_takes_the_ends_the_document_prints(tmp_path):
    report = _read(tmp_path, _page(
        COVER, "<p>CONSOLIDATED BALANCE SHEETS</p><p>At December 30, 2023 and December 31, 2022</p>"
        "<p>(In millions)</p>",
        "<table>", _row("", "2023", "2022"), _row("Cash", "50", "40"), _row("Total assets", "900", "850"),
        "</table>",
        "<p>CONSOLIDATED STATEMENTS OF INCOME</p><p>(In millions)</p>",
        "<table>", _row("", "2023", "2022"), _row("Net sales", "1,200", "1,100"), "</table>"))
    assert _periods(report, "Cash") == ["2023-12-30", "2022-12-31"]
    # fiscal 2023 began the day after fiscal 2022 ended
    assert _periods(report, "Net sales")[0] == "2023-01-01/2023-12-30"
    assert _periods(report, "Net sales")[1].endswith("/2022-12-31")


def test_fiscal_year_ends_near_the_nominal_end():
    ends = fiscal_year_ends([date(2023, 12, 31), date(2023, 1, 1), date(2022, 1, 2), date(2023, 6, 30)],
                            date(2023, 12, 31))
    assert ends == {2023: date(2023, 12, 31), 2022: date(2023, 1, 1), 2021: date(2022, 1, 2)}


def test_a_statement_continued_over_a_page_break_keeps_its_title_and_scale(tmp_path):
    report = _read(tmp_path, _page(
        COVER, "<p>CONSOLIDATED STATEMENTS OF CASH FLOWS</p><p>(Dollars in Millions)</p>",
        "<table>", _row("", "2023", "2022"), _row("Net earnings", "$120", "$110"),
        _row("Depreciation", "30", "28"), "</table>",
        '<p style="text-align:center">48</p><hr style="page-break-after:always">',
        "<table>", _row("", "2023", "2022"), _row("Cash at end of year", "$50", "$40"), "</table>"))
    cash = [f for f in report.fact_records if f.label == "Cash at end of year"]
    assert [f.value for f in cash] == [Decimal("50000000"), Decimal("40000000")]
    assert report.tables[cash[0].table_index].title == report.tables[0].title


def test_a_table_after_a_paragraph_of_its_own_is_no_continuation(tmp_path):
    report = _read(tmp_path, _page(
        COVER, "<p>CONSOLIDATED STATEMENTS OF CASH FLOWS</p><p>(Dollars in Millions)</p>",
        "<table>", _row("", "2023", "2022"), _row("Net earnings", "$120", "$110"), "</table>",
        "<p>The following table shows the number of our employees at the end of each year, by the region "
        "in which they work.</p>",
        "<table>", _row("", "2023", "2022"), _row("Employees", "5,000", "4,800"), "</table>"))
    employees = [f for f in report.fact_records if f.label == "Employees"]
    assert [f.value for f in employees] == [Decimal(5000), Decimal(4800)]


def test_a_statement_set_in_two_tables_one_after_the_other_is_one_statement(tmp_path):
    report = _read(tmp_path, _page(
        "<p>CONSOLIDATED BALANCE SHEETS</p><p>(In thousands)</p>",
        "<table>", _row("", "June 30, 2023", "December 31, 2022"), _row("Cash", "$50", "$40"),
        _row("Total assets", "$900", "$850"), "</table>",
        "<table>", _row("Total liabilities", "$600", "$590"), _row("Total equity", "300", "260"), "</table>"))
    equity = [f for f in report.fact_records if f.label == "Total equity"]
    assert [f.value for f in equity] == [Decimal(300000), Decimal(260000)]
    assert [f.period for f in equity] == ["2023-06-30", "2022-12-31"]


def test_a_running_head_above_a_continued_table_is_furniture(tmp_path):
    # "Table of Contents" heads every page (a link back to the contents); above the second page of
    # a table it is no title, so the page continues the table before it, its percent column too
    page_break = '<p style="text-align:center">{n}</p><hr style="page-break-after:always"><p>Table of Contents</p>'
    prose = "<p>Our business grew in every region, as the discussion below explains in some detail.</p>"
    report = _read(tmp_path, _page(
        "<p>Table of Contents</p>", prose, page_break.format(n=1), prose, page_break.format(n=2),
        "<p>SALES BY SEGMENT</p><p>(Dollars in Millions)</p>",
        "<table>", _row("", "2023", "2022", "% Change"), _row("U.S.", "$712", "$663", "7.5%"),
        _row("International", "947", "818", "15.7"), "</table>", page_break.format(n=3),
        "<table>", _row("Worldwide", "1,659", "1,481", "12.0"), _row("Other", "40", "38", "5.3"), "</table>",
        page_break.format(n=4), prose))
    worldwide = [f for f in report.fact_records if f.label == "Worldwide"]
    assert [(f.value, f.unit) for f in worldwide][:2] == [(Decimal(1659000000), "USD"), (Decimal(1481000000), "USD")]
    assert worldwide[2].unit != "USD"  # the % Change column, not 12 million dollars
