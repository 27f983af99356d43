"""General reading rules for layouts outside the corpus: scale notes in any common wording,
a raw tab always parts two cells or header phrases, tab-set cells placed by their order,
and a statement of flows with no length printed has no period (not the instant its date says)."""

from decimal import Decimal
from pathlib import Path

import pytest

import tieout
from tieout.tables.units import find_note, note_to_scale

FIXTURES = Path(__file__).parent.parent / "fixtures" / "reader"


@pytest.mark.parametrize("text, factor", [
    ("(Dollars in 000s)", 1000), ("(in 000s, except share data)", 1000), ("(000's omitted)", 1000),
    ("($000)", 1000), ("($000 omitted)", 1000), ("(Amounts in millions)", 10 ** 6),
    ("AMOUNTS IN THOUSANDS, EXCEPT PER SHARE DATA", 1000), ("(thousands of dollars)", 1000),
    ("(In millions of dollars, except per-share amounts)", 10 ** 6), ("($ in millions)", 10 ** 6),
    ("Dollars in thousands", 1000), ("(in billions)", 10 ** 9),
])
def test_scale_notes_in_common_wordings(text, factor):
    note = find_note(text)
    assert note and note_to_scale(note).money == factor


@pytest.mark.parametrize("text", ["Total (1,000)", "Fiscal 2000", "(Unaudited)", "Revenues of $5 million rose"])
def test_numbers_and_years_are_no_scale_note(text):
    assert not find_note(text)


def test_dollars_and_shares_in_thousands_scales_both():
    scale = note_to_scale(find_note("(dollars and shares in thousands, except per share amounts)"))
    assert (scale.money, scale.shares, scale.shares_source) == (1000, 1000, "note")


def test_a_tab_that_expands_to_one_space_still_parts_two_dates_and_cells_follow_their_order():
    report = tieout.read(FIXTURES / "tab-one-space.txt")
    table = report.tables[0]
    assert [c.header for c in table.columns] == ["6/30/96", "6/30/95"]
    rows = {r.label: [c.display for c in r.cells] for r in table.rows}
    # "Costs" is shorter than the other labels: its tabs land a stop to the left
    assert rows == {"Revenues": ["1,000", "900"], "Costs": ["600", "500"], "Net income": ["400", "400"]}
    assert table.scale == Decimal(1000)
    assert not [c for c in report.checks if c.status == "fail"]


def test_a_statement_of_operations_dated_without_a_length_has_no_period():
    table = tieout.read(FIXTURES / "tab-one-space.txt").tables[0]
    assert [c.period for c in table.columns] == [None, None]


def test_a_roll_forward_dates_its_rows_when_its_columns_share_one_header():
    facts = tieout.read(FIXTURES / "equity-rollforward.txt").fact_records
    periods = {(f.label, f.period) for f in facts if f.column_header.startswith("RETAINED")}
    assert periods == {("Balance, June 30, 1997", "1997-06-30"), ("Balance, June 30, 1998", "1998-06-30"),
                       ("Balance, June 30, 1999", "1999-06-30"),
                       ("Net earnings", "1997-07-01/1998-06-30"), ("Dividends paid", "1997-07-01/1998-06-30"),
                       ("Net earnings", "1998-07-01/1999-06-30"), ("Dividends paid", "1998-07-01/1999-06-30")}


def test_a_group_header_printed_once_heads_each_column_of_its_group():
    table = tieout.read(FIXTURES / "centred-groups.txt").tables[0]
    assert [c.period for c in table.columns] == ["1999-04-01/1999-06-30", "1998-04-01/1998-06-30"] * 3
    assert [c.header.split(" Quarter")[0] for c in table.columns] == [
        "Parent company", "Parent company", "Minority interest", "Minority interest", "Total", "Total"]


def test_a_header_line_of_wide_set_phrases_is_no_prose():
    # "Second quarter ended   Second quarter ended   Second quarter ended" is long and wordy: still headers
    text = (FIXTURES / "centred-groups.txt").read_text().replace("Quarter ended", "Second quarter ended")
    report = tieout.read(FIXTURES / "centred-groups.txt", data=text.encode(), check=False)
    assert all(c.period and c.period.endswith("-06-30") and "/" in c.period for c in report.tables[0].columns)


@pytest.mark.parametrize("label, unit, factor", [
    ("Unit sales (in thousands)", "count", 1000), ("Days sales outstanding", "days", 1),
    ("Number of employees at year end", "count", 1), ("Treasury stock, 60,000 shares, at cost", "USD", 1),
    ("Common stock, $1 par value; 10,000,000 shares authorized", "USD", 1),
    ("Weighted average shares (in thousands)", "shares", 1000), ("Weighted average shares outstanding", "shares", 1),
    ("Cash paid to suppliers and employees", "USD", 1),
])
def test_units_from_labels(label, unit, factor):
    from tieout.tables.units import row_unit

    found = row_unit(label, (), True, False, False)
    assert (found.unit, found.factor) == (unit, factor)


def test_a_long_label_line_whose_rest_carries_the_numbers_stays_in_the_table():
    text = ("CONSOLIDATED BALANCE SHEETS\n(in millions)\n\n"
            "                                                                        1997       1996\n"
            "Shareholders' equity:\n"
            "  Series A preferred stock, no par value; 150,000 shares authorized,\n"
            "    issued and outstanding..........................................     150         --\n"
            "  Common stock, no par value; 320,000,000 shares authorized; 127,949,220 shares issued and\n"
            "    outstanding in 1997 (124,496,972 shares in 1996)................     498        439\n"
            "  Retained earnings.................................................     589      1,634\n"
            "                                                                     -------    -------\n"
            "      Total shareholders' equity....................................   1,237      2,073\n")
    report = tieout.read("sheet.txt", data=text.encode())
    assert len(report.tables) == 1
    facts = {(f.label.split(",")[0], f.column_index): f for f in report.fact_records}
    assert facts[("Common stock", 0)].value == Decimal(498000000) and facts[("Common stock", 0)].unit == "USD"
    assert facts[("Series A preferred stock", 0)].value == Decimal(150000000)
    assert [c.status for c in report.checks if c.rule == "footing"] == ["pass", "pass"]


BROWSER_STATEMENT = (
    "\u2501" * 80 + "\n"
    "Table of Contents\n"
    "PART I. FINANCIAL INFORMATION\n"
    "ITEM 1. FINANCIAL STATEMENTS (UNAUDITED)\n"
    "TAILSPIN TOYS, INC.\n"
    "CONDENSED CONSOLIDATED STATEMENTS OF CASH FLOWS\n"
    "(dollars in millions except per share data; shares in thousands)\n"
    "\n"
    "For the years ended December 31                                    2023        2022\n"
    "Net earnings                                                    $\u00a0 1,204\u00a0   $\u00a0 1,113\u00a0\n"
    "Adjustments to reconcile net earnings to net cash provided by operating activities:\n"
    "Depreciation                                                        310         295\n"
    "Net cash provided by operating activities                         1,514       1,408\n"
    "Weighted average shares                                          10,250      10,310\n")


def test_a_text_browser_statement_keeps_its_title_scale_and_periods():
    report = tieout.read("statement.txt", data=BROWSER_STATEMENT.encode())
    assert len(report.tables) == 1
    table = report.tables[0]
    assert "CONDENSED CONSOLIDATED STATEMENTS OF CASH FLOWS" in table.title and "Table of Contents" not in table.title
    facts = {(f.label, f.column_index): f for f in report.fact_records}
    earnings = facts[("Net earnings", 0)]
    assert earnings.value == Decimal(1204000000) and earnings.period == "2023-01-01/2023-12-31"
    assert facts[("Depreciation", 1)].period == "2022-01-01/2022-12-31"
    shares = facts[("Weighted average shares", 0)]
    assert (shares.unit, shares.value) == ("shares", Decimal(10250000))
    assert [c.status for c in report.checks if c.rule == "footing"] == ["pass", "pass"]


def test_unicode_spaces_read_as_spaces_with_columns_kept():
    report = tieout.read("statement.txt", data=BROWSER_STATEMENT.encode())
    line = next(f for f in report.fact_records if f.label == "Net earnings" and f.column_index == 1)
    raw = BROWSER_STATEMENT.splitlines()[line.line - 1]
    assert raw[line.col - 1:line.end_col - 1] == "1,113"


def test_a_note_over_the_labels_of_a_header_line_scales_the_table():
    text = ("STATEMENT OF FINANCIAL POSITION\n"
            "December 31 (In millions)                          2023        2022\n"
            "Cash and equivalents                          $  16,967   $  15,810\n"
            "Receivables                                      15,466      14,831\n"
            "Total current assets                             32,433      30,641\n")
    table = tieout.read("position.txt", data=text.encode()).tables[0]
    assert table.scale == Decimal(10 ** 6)
    assert [c.period for c in table.columns] == ["2023-12-31", "2022-12-31"]


@pytest.mark.parametrize("label, period", [
    ("Cash and cash equivalents at beginning of period", "1997-12-31"), ("Cash at end of year", "1998-06-30"),
    ("Balance, beginning of year", "1997-12-31"), ("Allowance at end of period", "1998-06-30"),
    ("Net income", "1998-01-01/1998-06-30"), ("Dividends paid", "1998-01-01/1998-06-30"),
    ("Beginning balance", "1997-12-31"), ("Ending balance", "1998-06-30"),
    # a balance dated by its label: one end of the column's period, or the period stays
    ("Balance at January 1", "1997-12-31"), ("Balance at June 30", "1998-06-30"),
    ("Balances as of December 31, 1997", "1997-12-31"), ("Balance at June 30, 1998", "1998-06-30"),
    ("Balance at March 31", "1998-01-01/1998-06-30"), ("Balance at June 30, 1997", "1998-01-01/1998-06-30"),
])
def test_a_balance_in_a_column_of_flows_is_dated_to_one_day(label, period):
    from tieout.facts import balance_period

    assert balance_period(label, "1998-01-01/1998-06-30") == period


def test_a_label_date_naming_both_ends_of_a_year_leaves_the_period():
    from tieout.facts import balance_period

    assert balance_period("Balance at December 31", "1998-01-01/1998-12-31") == "1998-01-01/1998-12-31"
    assert balance_period("Balance at December 31, 1997", "1998-01-01/1998-12-31") == "1997-12-31"


def test_a_rule_across_the_table_between_header_lines_underlines_no_phrase():
    text = ("CONSOLIDATED STATEMENTS OF CASH FLOWS\n(In thousands)\n\n"
            "                                                    Six Months Ended\n"
            "                                                        June 30,\n"
            "- ------------------------------------------------------------------------------\n"
            "                                                 2000                  1999\n"
            "- ------------------------------------------------------------------------------\n"
            "Net income                                       2,245                  (568)\n"
            "Depreciation                                       100                    90\n")
    table = tieout.read("cash.txt", data=text.encode()).tables[0]
    assert [c.period for c in table.columns] == ["2000-01-01/2000-06-30", "1999-01-01/1999-06-30"]


def test_three_year_ends_a_year_apart_head_fiscal_years():
    text = ("THE CONTOSO COMPANY\nCONSOLIDATED STATEMENTS OF INCOME\n(in millions, except per share data)\n\n"
            "                              December 30, 2023    December 31, 2022    December 25, 2021\n"
            "Net sales                     $        26,640      $        26,485      $        26,042\n"
            "Cost of products sold                  17,714               18,363               17,360\n"
            "Gross profit                            8,926                8,122                8,682\n")
    table = tieout.read("income.txt", data=text.encode()).tables[0]
    assert [c.period for c in table.columns] == [
        "2023-01-01/2023-12-30", "2021-12-26/2022-12-31", "2020-12-27/2021-12-25"]


def test_two_dates_a_year_apart_prove_no_length():
    from datetime import date

    from tieout.tables.periods import years_from_consecutive_ends

    assert years_from_consecutive_ends([date(1998, 6, 30), date(1997, 6, 30)]) == [None, None]


def test_the_lead_in_sentence_gives_the_scale():
    text = ("Revenue by source\n"
            "The following table disaggregates our revenue by major source (in millions):\n\n"
            "                                           2023          2022\n"
            "Automotive sales                     $   78,509    $   67,210\n"
            "Services and other                        8,319         6,091\n"
            "Total revenues                       $   86,828    $   73,301\n")
    facts = tieout.read("revenue.txt", data=text.encode()).fact_records
    assert {f.scale for f in facts} == {Decimal(10 ** 6)}
    assert next(f for f in facts if f.label == "Total revenues").value == Decimal(86828000000)


def test_a_rounded_full_dollar_table_stays_rounded_with_one_typo():
    rows = [("Interest income", "2,543,000", "2,000,000"), ("Fee income", "1,553,000", "1,250,000"),
            ("Other income", "7,879,000", "5,000,000"), ("Gains", "3,576,000", "2,750,000"),
            ("Total revenues", "15,651,300", "11,000,000")]  # a typo: 15,551,000 printed 15,651,300
    text = "REVENUES\n\n" + "".join(f"{label:<30}{a:>14}{b:>14}\n" for label, a, b in rows)
    report = tieout.read("rev.txt", data=text.encode())
    assert {f.decimals for f in report.fact_records} == {-3}
    assert [c.status for c in report.checks if c.rule == "footing"].count("fail") == 1


def test_columns_without_dates_take_the_titles_period():
    text = ("                 UNAUDITED PRO FORMA CONDENSED COMBINED STATEMENT OF OPERATIONS\n"
            "                          For the Six Months Ended June 30, 2003\n"
            "                    (Dollars in thousands, except per share amounts)\n\n"
            "                                                             Pro Forma       Pro Forma\n"
            "                                 Tamarack        Acme      Adjustments        Combined\n"
            "                               ----------      ------      -----------      ----------\n"
            "Revenues                           87,163       9,213               --          96,376\n"
            "Cost of sales                      51,200       6,409               --          57,609\n"
            "                               ----------      ------      -----------      ----------\n"
            "Gross profit                       35,963       2,804               --          38,767\n")
    table = tieout.read("proforma.txt", data=text.encode()).tables[0]
    assert [c.period for c in table.columns] == ["2003-01-01/2003-06-30"] * 4
    assert [c.header for c in table.columns][::3] == ["Tamarack", "Pro Forma Combined"]


def test_a_title_naming_several_dates_dates_no_column():
    text = ("Reconciliation of Net Loss to Pro Forma Net Loss\n(In thousands)\n\n"
            "                              Three Months Ended       Twelve Months Ended\n"
            "                             Jun 30, Mar 31, Jun 30, Jun 30,  Jun 30,\n"
            "                               2003    2003   2002    2003     2002\n"
            "Net loss                      $(370)  $(631) $(694) $(4,327) $(5,267)\n"
            "Restructuring charge                                  1,431\n")
    report = tieout.read("recon.txt", data=text.encode())
    assert len({f.period for f in report.fact_records if f.period}) != 1  # never one period for all five


def test_dates_one_space_apart_under_group_headers():
    text = ("Consolidated Statements of Operations\n(In thousands, except per share data)\n\n"
            "                                                             Twelve Months\n"
            "                                    Three Months Ended           Ended\n"
            "                                 Jun 30,  Mar 31,  Jun 30,  Jun 30,  Jun 30,\n"
            "                                  2003     2003     2002     2003     2002\n"
            "    Net revenues                 $11,506  $11,492  $12,967  $44,958  $47,589\n"
            "    Cost of revenues               8,027    8,028    8,294   31,468   33,871\n")
    periods = [c.period for c in tieout.read("ops.txt", data=text.encode()).tables[0].columns]
    assert periods[:4] == ["2003-04-01/2003-06-30", "2003-01-01/2003-03-31", "2002-04-01/2002-06-30",
                           "2002-07-01/2003-06-30"]
    assert periods[4] in (None, "2001-07-01/2002-06-30")  # never a three-month period


def test_a_roll_forward_dates_rows_that_end_in_their_date():
    text = ("                    RESTRUCTURING RESERVE\n"
            "                    (In millions)\n\n"
            "                                            Severance      Other      Total\n"
            "Accrued balance at December 31, 2022          $  150     $   78     $  228\n"
            "Charges                                           40         10         50\n"
            "Cash payments                                   (90)       (31)      (121)\n"
            "Accrued balance at June 30, 2023              $  100     $   57     $  157\n")
    facts = tieout.read("reserve.txt", data=text.encode()).fact_records
    by_label = {(f.label, f.column_index): f.period for f in facts}
    assert by_label[("Accrued balance at December 31, 2022", 2)] == "2022-12-31"
    assert by_label[("Charges", 0)] == "2023-01-01/2023-06-30"
    assert by_label[("Accrued balance at June 30, 2023", 0)] == "2023-06-30"


@pytest.mark.parametrize("note, shares", [
    ("(Dollars in millions except per share amounts; shares in thousands)", [Decimal(2429706000), Decimal(-67088000)]),
    ("(Dollars in millions)", [Decimal(2429706), Decimal(-67088)]),  # the note scales no shares: counted in full
])
def test_a_column_headed_shares_takes_the_scale_the_note_gives_shares(note, shares):
    text = ("                 CONSOLIDATED STATEMENTS OF SHAREHOLDERS' EQUITY\n"
            f"           {note}\n\n"
            "                                     Common Stock        Retained\n"
            "                                  Shares      Amount     Earnings\n"
            "Balance June 30, 2021          2,429,706     $ 4,009     $ 98,308\n"
            "Treasury stock purchases         (67,088)         --       (1,003)\n"
            "Balance June 30, 2022          2,362,618     $ 4,009     $ 97,305\n")
    facts = tieout.read("equity.txt", data=text.encode()).fact_records
    assert [f.value for f in facts if f.column_index == 0][:2] == shares
    assert {f.unit for f in facts if f.column_index == 0} == {"shares"}
