"""Column headers -> periods, notes and labels -> scale and unit."""

from decimal import Decimal

import pytest

from tieout.tables.periods import PeriodContext, header_to_period, text_to_dates, text_to_length
from tieout.tables.units import note_to_scale, row_unit

FLOW = PeriodContext(instant=False)
BALANCE = PeriodContext(instant=True)


@pytest.mark.parametrize("header, context, period", [
    ("First Quarter Ended Mar. 31, 1996", FLOW, "1996-01-01/1996-03-31"),
    ("Mar. 31, 1996", BALANCE, "1996-03-31"),
    ("Three Months Ended Dec 31, 2004", FLOW, "2004-10-01/2004-12-31"),
    ("Six Months Ended June 30, 1997", FLOW, "1997-01-01/1997-06-30"),
    ("Nine months ended September 30, 1998", FLOW, "1998-01-01/1998-09-30"),
    ("13 weeks ended June 28, 1997", FLOW, "1997-03-30/1997-06-28"),
    ("Year Ended December 31, 1995", FLOW, "1995-01-01/1995-12-31"),
    ("December 31, 1995", BALANCE, "1995-12-31"),
    ("Balance", FLOW, None),
])
def test_header_to_period(header, context, period):
    assert header_to_period(header, context) == period


def test_a_bare_year_takes_its_date_from_the_title():
    title = "Three fiscal years ended September 27, 1996"
    context = PeriodContext(instant=False, title_dates=tuple(text_to_dates(title)), length=text_to_length(title))
    assert header_to_period("1996", context) == "1995-09-28/1996-09-27"
    assert header_to_period("1995", context) == "1994-09-28/1995-09-27"


@pytest.mark.parametrize("note, money, shares, source", [
    ("(dollars in thousands, except per-share amounts - unaudited)", 1000, 1000, "inferred"),
    ("(dollars and shares in thousands, except per-share amounts)", 1000, 1000, "note"),
    ("(In thousands, except per share data)", 1000, 1000, "note"),
    ("(Dollars in millions)", 1000000, 1000000, "inferred"),
    ("(unaudited)", 1, 1, "none"),
])
def test_note_to_scale(note, money, shares, source):
    scale = note_to_scale(note)
    assert (scale.money, scale.shares, scale.shares_source) == (Decimal(money), Decimal(shares), source)


@pytest.mark.parametrize("label, path, unit, factor", [
    ("Gold - Ounces", (), "oz", "1"),
    ("Lead  - Tons", (), "ton", "1"),
    ("Cash cost ($/oz.)", (), "USD/oz", "1"),
    ("Ore grade milled - Silver (oz./ton)", (), "oz/ton", "1"),
    ("Lead - LME Cash (cents/pound)", (), "USD/lb", "0.01"),
    ("Loss per common share", (), "USD/share", "1"),
    ("Cash cost", ("LA CHOYA UNIT", "Average cost per ounce of gold produced"), "USD/oz", "1"),
    ("Weighted average number of common shares outstanding", (), "shares", "1"),
    ("Shares used in computing basic earnings (loss) per share", (), "shares", "1"),
    ("Total revenue", (), "USD", "1"),
])
def test_row_unit(label, path, unit, factor):
    found = row_unit(label, path, money_table=True, dollar=False, percent=False)
    assert (found.unit, found.factor) == (unit, Decimal(factor))


def test_bare_years_of_an_annual_report_are_its_fiscal_years():
    from datetime import date

    from tieout.tables.periods import year_to_fiscal_period

    assert year_to_fiscal_period("1995", date(1995, 9, 29), instant=False) == "1994-09-30/1995-09-29"
    assert year_to_fiscal_period("1994", date(1995, 9, 29), instant=True) == "1994-09-29"
    assert year_to_fiscal_period("1996", date(1997, 12, 31), instant=False) == "1996-01-01/1996-12-31"


def test_apple_annual_report_md_and_a_table_gets_fiscal_years(corpus_dir):
    import tieout

    report = tieout.read(corpus_dir / "aapl-10k" / "0000320193-95-000016.txt", check=False)
    taxes = next(t for t in report.tables if t.title == "Provision for Income Taxes")
    assert [c.period for c in taxes.columns if c.kind == "amount"] == [
        "1994-09-30/1995-09-29", "1993-09-30/1994-09-29", "1992-09-30/1993-09-29"]


@pytest.mark.parametrize("label, path, period", [
    ("Book value per share", (), "2003-08-31"),
    ("Tier 1 leverage ratio", (), "2003-08-31"),
    ("Nonperforming assets to total assets", (), "2003-08-31"),
    ("Allowance for loan losses as a percentage of total loans", (), "2003-08-31"),
    ("Tangible common equity", ("At period end",), "2003-08-31"),
    ("Return on average assets", (), "2003-06-01/2003-08-31"),  # a rate over the period
    ("Net interest margin", ("Performance ratios",), "2003-06-01/2003-08-31"),
])
def test_ratios_of_balances_and_rows_at_period_end_stand_at_its_last_day(label, path, period):
    from tieout.facts import balance_period

    assert balance_period(label, "2003-06-01/2003-08-31", path) == period
