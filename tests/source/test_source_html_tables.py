"""HTML tables laid out as filers' typesetters build them: each rule on a page generated here.

A number sits in a "$" cell, a number cell and a padding cell; a header spans the three; a
sentence above sets the scale of every table after it; one lead-in sentence serves two tables;
a dash stands in the spacer between column groups. The known truth is in each page.
"""

from __future__ import annotations

from decimal import Decimal

import tieout


def _money_row(label: str, *values: str, dollar: bool = True) -> str:
    cells = "".join(f"<td>{'$' if dollar else ''}</td><td>{v}</td><td></td>" for v in values)
    return f"<tr><td>{label}</td>{cells}</tr>"


def _header_row(*headers: str) -> str:
    return "<tr><td></td>" + "".join(f'<td colspan="3">{h}</td>' for h in headers) + "</tr>"


def _read(tmp_path, body: str):
    path = tmp_path / "filing.htm"
    path.write_text(f"<html><body>{body}</body></html>")
    return tieout.read(path)


def _facts(report, label: str):
    return [f for f in report.fact_records if f.label == label and f.value is not None]


BALANCES = ("<table>" + _header_row("June 30,<br>2023", "December 31,<br>2022")
            + _money_row("Cash and cash equivalents", "12,564", "9,519")
            + _money_row("Restricted cash", "288", "306", dollar=False)
            + _money_row("Total cash", "12,852", "9,825") + "</table>")


def test_a_header_spanning_sign_number_and_padding_cells_dates_its_own_column(tmp_path):
    report = _read(tmp_path, "<p>The following table summarizes our cash (in millions):</p>" + BALANCES)
    cash = _facts(report, "Cash and cash equivalents")
    assert [(f.period, f.value, f.scale_source) for f in cash] == [
        ("2023-06-30", Decimal("12564000000"), "note"), ("2022-12-31", Decimal("9519000000"), "note")]


def test_a_sentence_that_sets_the_tables_scale_scales_the_money_tables_after_it(tmp_path):
    report = _read(tmp_path, BALANCES.replace("Total cash", "Total before")
                   + "<p>Unless otherwise noted, tables are presented in U.S. dollars in millions. "
                     "Certain columns may not add due to rounding.</p>" + BALANCES)
    before = _facts(report, "Total before")
    after = _facts(report, "Total cash")
    assert [f.value for f in before] == [Decimal("12852"), Decimal("9825")]
    assert {f.scale_source for f in before} == {"none"}
    assert [f.value for f in after] == [Decimal("12852000000"), Decimal("9825000000")]
    assert {f.scale_source for f in after} == {"document"}


def test_a_sentence_about_one_figure_sets_no_scale(tmp_path):
    report = _read(tmp_path, "<p>Unless otherwise noted, we repurchased $4.0 billion of stock.</p>" + BALANCES)
    assert {f.scale_source for f in _facts(report, "Total cash")} == {"none"}


def test_one_lead_in_sentence_scales_the_tables_that_follow_it(tmp_path):
    second = BALANCES.replace("Cash and cash equivalents", "Cash held abroad")
    report = _read(tmp_path, "<p>The following tables present our cash by region (in thousands):</p>"
                   + BALANCES + second)
    assert [f.value for f in _facts(report, "Cash held abroad")] == [Decimal("12564000"), Decimal("9519000")]
    # a lead-in that names one table leads into that table only (the next, titled, is another table)
    report = _read(tmp_path, "<p>The following table presents our cash (in thousands):</p>" + BALANCES
                   + "<p>Cash held abroad</p>" + second)
    assert [f.value for f in _facts(report, "Cash held abroad")] == [Decimal("12564"), Decimal("9519")]


def test_a_header_over_several_columns_heads_each_of_them(tmp_path):
    head = ('<tr><td></td><td colspan="9">Year Ended</td></tr>'
            + _header_row("Jan 28, 2024", "Jan 29, 2023", "Jan 30, 2022"))
    table = ("<p>(In millions)</p><table>" + head + _money_row("Revenue", "60,922", "26,974", "26,914")
             + _money_row("Cost of revenue", "16,621", "11,618", "9,439", dollar=False) + "</table>")
    report = _read(tmp_path, table)
    revenue = _facts(report, "Revenue")
    assert [f.period.split("/")[1] for f in revenue] == ["2024-01-28", "2023-01-29", "2022-01-30"]
    assert all(f.period.count("/") == 1 and f.period < f.period.split("/")[1] for f in revenue)  # durations


def test_a_dash_in_the_spacer_between_column_groups_moves_no_number(tmp_path):
    def group_row(label, a, b, spacer=""):
        return (f"<tr><td>{label}</td><td>$</td><td>{a}</td><td></td>"
                f'<td colspan="2">{spacer}</td><td></td><td>$</td><td>{b}</td><td></td></tr>')
    table = ('<p>(In millions)</p><table><tr><td></td><td colspan="3">2023</td><td colspan="3"></td>'
             '<td colspan="3">2022</td></tr>' + group_row("Expense", "94", "221")
             + group_row("Less: discontinued", "—", "199") + group_row("Continuing", "94", "22", spacer="—")
             + "</table>")
    report = _read(tmp_path, table)
    assert [f.value for f in _facts(report, "Continuing")] == [Decimal("94000000"), Decimal("22000000")]
    assert not [c for c in report.checks if c.status == "fail"]
