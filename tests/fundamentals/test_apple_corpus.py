"""Done-when on the corpus: Apple's three 10-Ks (fiscal 1995-1997) give one clean series of
fiscal 1993-1997 revenue, net income, total assets and EPS; the years two filings print agree
or are flagged restated; every fact of a primary statement has its fiscal year and period.

The figures below are those the statements print (in millions, EPS in dollars), read off the
filings by hand: the oracle the store's series is held to.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

import tieout.fundamentals as fundamentals
from tests.conftest import CORPUS
from tieout.batch.ingest import IngestSettings, ingest
from tieout.store import open_store

APPLE = CORPUS / "aapl-10k"
MILLION = Decimal(10) ** 6
PRINTED = {  # fiscal year -> (net sales, net income, total assets, primary EPS)
    1993: ("7977", "87", "5171", "0.73"),
    1994: ("9189", "310", "5303", "2.61"),
    1995: ("11062", "424", "6231", "3.45"),
    1996: ("9833", "-816", "5364", "-6.59"),
    1997: ("7081", "-1045", "4233", "-8.29"),
}
# the consolidated statements themselves (not the MD&A's "Results of Operations" summaries)
PRIMARY = re.compile(r"statements? of (operations|income|cash flows|shareholders'? equity)|balance sheets?",
                     re.IGNORECASE)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    if not APPLE.is_dir() or len(list(APPLE.glob("*.txt"))) < 3:
        pytest.skip(f"Apple's 10-Ks not found in {APPLE} (../shared/corpus is absent)")
    path = tmp_path_factory.mktemp("apple") / "apple.duckdb"
    ingest([str(APPLE)], str(path), IngestSettings(workers=0))
    with open_store(path, read_only=True) as s:
        yield s


def by_fiscal_year(frame, concept):
    names = frame.attrs["fiscal_periods"]
    if concept not in frame.index:
        return {}
    return {int(names[end][2:]): value for end, value in frame.loc[concept].items()
            if value is not None and names.get(end, "").startswith("FY")}


def test_fiscal_1993_to_1997_is_one_series(store):
    income = fundamentals.financials(store, cik=320193, statement="income", period="annual")
    balance = fundamentals.financials(store, cik=320193, statement="balance", period="annual")
    sales = by_fiscal_year(income, "SalesRevenueNet")
    revenue = {**sales, **by_fiscal_year(income, "Revenues")}
    net_income, eps = by_fiscal_year(income, "NetIncomeLoss"), by_fiscal_year(income, "EarningsPerShareBasic")
    assets = by_fiscal_year(balance, "Assets")
    for year, (printed_sales, printed_income, printed_assets, printed_eps) in PRINTED.items():
        assert revenue[year] == Decimal(printed_sales) * MILLION, year
        assert net_income[year] == Decimal(printed_income) * MILLION, year
        assert eps[year] == Decimal(printed_eps), year
        if year >= 1995 or year in assets:  # 1993-1994 only in the five-year summary, where a concept is up to tieout.concepts
            assert assets[year] == Decimal(printed_assets) * MILLION, year
    # one column per fiscal year, however many period strings the filings date it by
    years = [name for name in income.attrs["fiscal_periods"].values() if name in {f"FY{y}" for y in PRINTED}]
    assert sorted(years) == [f"FY{y}" for y in PRINTED]


def test_overlapping_years_agree_or_are_flagged(store):
    cells = fundamentals.financial_values(store, cik=320193, statement="income", period="annual")
    wanted = cells[cells["concept"].isin(["SalesRevenueNet", "NetIncomeLoss", "EarningsPerShareBasic"])
                   & cells["fy"].between(1993, 1997)]
    # fiscal 1994-1996 are printed in the statements of two or three of the 10-Ks
    overlaps = wanted[wanted["concept"].isin(["SalesRevenueNet", "NetIncomeLoss"]) & wanted["fy"].between(1994, 1996)]
    assert len(overlaps) == 6 and (overlaps["filings"] >= 2).all()
    restated = fundamentals.restatements(store, cik=320193)
    flagged = set(zip(restated["concept"], restated["fy"]))
    for row in wanted.itertuples():
        assert row.restated == ((row.concept, row.fy) in flagged)
    # Apple restated none of these figures: every overlap agrees within rounding
    assert not wanted["restated"].any()


def test_every_primary_statement_fact_has_a_fiscal_year_and_period(store):
    rows = store.con.execute(
        "SELECT f.table_title, f.period, f.fy, f.fp FROM facts f JOIN documents d USING (doc_id) "
        "WHERE d.cik = '0000320193'").fetchall()
    primary = [r for r in rows if PRIMARY.search(r[0] or "") or r[0].startswith("EX-27")]
    assert len(primary) > 500
    assert [r for r in primary if r[2] is None or r[3] is None] == []
