"""One fictional company's books: every flow per period and every balance per date, consistent.

Why: a release's statements tie to each other (net income in operations and in
cash flows, cash at the end of a period and on the balance sheet, the change in
retained earnings, the allowance for loan losses) and a reader's cross-statement
checks must find them tying. So figures are drawn once, here, in integer base
units at the books' precision (``tick``: 1000 for a company that reports in
thousands, 1 for one that reports dollars), and every statement prints from them.

Totals are never stored: a statement sums the exact items, then prints the sum,
so a table foots exactly at its precision, or (full dollars rounded to
thousands) within rounding.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date

from tests.synth.fiscal import FiscalCalendar, Span


@dataclass(frozen=True)
class Periods:
    """The periods and dates one release reports."""

    calendar: FiscalCalendar
    fiscal_year: int
    quarter: int
    q0: Span  # the quarter reported
    q1: Span  # the same quarter a year earlier
    y0: Span  # the year to date (the quarter itself in a first quarter, the year in a fourth)
    y1: Span
    b0: date  # balance sheet dates: the quarter's end and the last fiscal year end
    b1: date
    b2: date  # the fiscal year end before b1 (a two-year equity roll-forward starts there)


def release_periods(calendar: FiscalCalendar, fiscal_year: int, quarter: int) -> Periods:
    return Periods(
        calendar=calendar, fiscal_year=fiscal_year, quarter=quarter,
        q0=calendar.quarter(fiscal_year, quarter), q1=calendar.quarter(fiscal_year - 1, quarter),
        y0=calendar.to_date(fiscal_year, quarter), y1=calendar.to_date(fiscal_year - 1, quarter),
        b0=calendar.quarter_end(fiscal_year, quarter), b1=calendar.year_end(fiscal_year - 1),
        b2=calendar.year_end(fiscal_year - 2),
    )


@dataclass
class Books:
    tick: int  # base units every money figure is a multiple of
    shares_tick: int
    flows: dict[Span, dict[str, int]] = field(default_factory=dict)
    balances: dict[date, dict[str, int]] = field(default_factory=dict)
    segments: tuple[str, ...] = ()  # segment names; flows hold seg_revenue_i, seg_income_i
    options: frozenset[str] = frozenset()  # line items this company reports (rnd, dna, treasury, ...)


class _Drawer:
    """Random figures rounded to the books' precision."""

    def __init__(self, rng: random.Random, tick: int, shares_tick: int):
        self.rng = rng
        self.tick = tick
        self.shares_tick = shares_tick

    def money(self, amount: float) -> int:
        """``amount`` at the books' precision, never rounded away to zero."""
        rounded = round(amount / self.tick) * self.tick
        if rounded == 0:
            return self.tick if amount >= 0 else -self.tick
        return rounded

    def shares(self, count: float) -> int:
        return max(self.shares_tick, round(count / self.shares_tick) * self.shares_tick)

    def near(self, amount: float, spread: float) -> int:
        return self.money(amount * self.rng.uniform(1 - spread, 1 + spread))

    def part(self, amount: int, low: float, high: float) -> int:
        return self.money(amount * self.rng.uniform(low, high))


def _spans(periods: Periods) -> list[Span]:
    """Every flow period of the release, each once (a first quarter's year to date is the quarter)."""
    return list(dict.fromkeys([periods.q0, periods.q1, periods.y0, periods.y1]))


def _year_factor(periods: Periods, span: Span, growth: float) -> float:
    return 1.0 if span.end > periods.b1 else 1.0 / (1.0 + growth)


# --------------------------------------------------------------------------
# an industrial company

QUARTERLY_REVENUE = {1: (5.8, 7.5), 1000: (7.0, 9.2), 100_000: (8.5, 10.0)}  # log10 of base units, by tick
BANK_ASSETS = {1: (7.3, 8.3), 1000: (8.0, 10.0), 100_000: (9.5, 11.0)}


def industrial_books(rng: random.Random, periods: Periods, tick: int, shares_tick: int) -> Books:
    draw = _Drawer(rng, tick, shares_tick)
    size = 10 ** rng.uniform(*QUARTERLY_REVENUE[tick])
    options = {name for name, chance in (("rnd", 0.5), ("dna", 0.5), ("restructuring", 0.25), ("treasury", 0.5),
                                         ("dividends", 0.6), ("gross_ppe", 0.4), ("loss", 0.15),
                                         ("interest_income", 0.7)) if rng.random() < chance}
    books = Books(tick=tick, shares_tick=shares_tick, options=frozenset(options))
    growth = rng.uniform(-0.05, 0.25)
    shares = min(size * 4 / rng.uniform(3, 30), 5e8)  # a year's revenue is $3-30 a share
    ratios = {"cost": rng.uniform(0.55, 0.7) + (0.25 if "loss" in options else 0.0),
              "sga": rng.uniform(0.12, 0.2), "rnd": rng.uniform(0.03, 0.09), "dna": rng.uniform(0.02, 0.05),
              "tax": rng.uniform(0.34, 0.4), "debt": rng.uniform(0.3, 1.2), "par": rng.choice((0.01, 0.1, 1.0))}
    for span in _spans(periods):
        revenue = size * span.days / 91.3 * _year_factor(periods, span, growth)
        books.flows[span] = _income(draw, span, revenue, ratios, options, shares, periods)
    books.segments = _segment_names(rng)
    weights = [rng.uniform(0.5, 2.0) for _ in books.segments]
    for span in _spans(periods):
        _split_segments(draw, books.flows[span], weights)
    _opening_balances(draw, books, periods, size, shares, ratios["par"])
    _closing_balances(draw, books, periods)
    _prior_cash_flows(draw, books, periods)
    if periods.quarter == 4:
        books.balances[periods.b2] = _equity_before(books.balances[periods.b1], books.flows[periods.y1])
    return books


def _income(draw: _Drawer, span: Span, revenue: float, ratios: dict, options: set, shares: float,
            periods: Periods) -> dict[str, int]:
    rng = draw.rng
    f = {"revenue": draw.near(revenue, 0.03)}
    f["cost"] = draw.near(f["revenue"] * ratios["cost"], 0.02)
    f["sga"] = draw.near(f["revenue"] * ratios["sga"], 0.04)
    f["rnd"] = draw.near(f["revenue"] * ratios["rnd"], 0.05) if "rnd" in options else 0
    f["dna"] = draw.near(f["revenue"] * ratios["dna"], 0.03)
    restructure = "restructuring" in options and span.end > periods.b1
    f["restructuring"] = draw.near(f["revenue"] * 0.03, 0.3) if restructure else 0
    f["interest_income"] = draw.near(f["revenue"] * 0.004, 0.3) if "interest_income" in options else 0
    f["interest_expense"] = draw.near(f["revenue"] * ratios["debt"] * 0.02, 0.1)
    f["operating_income"] = f["revenue"] - f["cost"] - f["sga"] - f["rnd"] - f["dna"] - f["restructuring"]
    f["pretax"] = f["operating_income"] + f["interest_income"] - f["interest_expense"]
    f["tax"] = draw.money(f["pretax"] * ratios["tax"])
    f["net_income"] = f["pretax"] - f["tax"]
    year = 1.0 if span.end > periods.b1 else 0.96
    f["basic_shares"] = draw.shares(shares * year * rng.uniform(0.995, 1.005))
    f["diluted_shares"] = f["basic_shares"] + draw.shares(f["basic_shares"] * rng.uniform(0.003, 0.03))
    f["capex"] = draw.near(f["revenue"] * 0.05, 0.4)
    f["borrowings"] = 0 if rng.random() < 0.3 else draw.near(f["revenue"] * 0.04, 0.5)
    f["repayments"] = draw.near(f["revenue"] * 0.03, 0.5)
    f["stock_issued"] = draw.near(f["revenue"] * 0.004, 0.5)
    f["stock_issued_shares"] = draw.shares(shares * rng.uniform(0.001, 0.006))
    f["stock_par"] = draw.money(f["stock_issued_shares"] * ratios["par"])
    f["treasury_bought"] = draw.near(f["revenue"] * 0.01, 0.5) if "treasury" in options else 0
    f["dividends"] = draw.near(max(f["net_income"], f["revenue"] * 0.02) * 0.3, 0.1) \
        if "dividends" in options else 0
    return f


SEGMENT_NAMES = ("Industrial Products", "Consumer Products", "Aerospace", "Electronics", "Specialty Chemicals",
                 "Distribution", "Services", "Packaging", "Medical Devices", "Automotive", "Energy Services",
                 "Retail", "International")


def _segment_names(rng: random.Random) -> tuple[str, ...]:
    return tuple(rng.sample(SEGMENT_NAMES, rng.randint(2, 4)))


def _split_segments(draw: _Drawer, flows: dict[str, int], weights: list[float]) -> None:
    """Revenue and operating income by segment (each segment its share, give or take); corporate makes up the rest."""
    rng = draw.rng
    flows["corporate"] = -draw.part(flows["revenue"], 0.01, 0.03)
    for key, total in (("seg_revenue", flows["revenue"]), ("seg_income", flows["operating_income"] - flows["corporate"])):
        parts = [draw.money(total * w / sum(weights) * rng.uniform(0.9, 1.1)) for w in weights[:-1]]
        parts.append(total - sum(parts))
        for index, part in enumerate(parts):
            flows[f"{key}_{index}"] = part


def _opening_balances(draw: _Drawer, books: Books, periods: Periods, size: float, shares: float, par: float
                      ) -> None:
    """The balance sheet at the last fiscal year end; retained earnings balance it."""
    rng = draw.rng
    year = size * 4
    b = {"cash": draw.part(year, 0.03, 0.12), "receivables": draw.part(year, 0.12, 0.2),
         "inventories": draw.part(year, 0.1, 0.2), "prepaid": draw.part(year, 0.01, 0.03),
         "ppe_gross": draw.part(year, 0.5, 0.9), "other_assets": draw.part(year, 0.02, 0.08),
         "payables": draw.part(year, 0.06, 0.12), "accrued": draw.part(year, 0.04, 0.08),
         "debt": draw.part(year, 0.1, 0.35), "other_liabilities": draw.part(year, 0.02, 0.06),
         "apic": draw.part(year, 0.1, 0.3)}
    b["accumulated_depreciation"] = draw.part(b["ppe_gross"], 0.3, 0.5)
    b["shares_issued"] = draw.shares(shares * 1.02)
    b["common_stock"] = draw.money(b["shares_issued"] * par)
    b["treasury_shares"] = draw.shares(shares * rng.uniform(0.005, 0.03)) if "treasury" in books.options else 0
    b["treasury"] = -draw.money(b["treasury_shares"] * rng.uniform(8, 40)) if b["treasury_shares"] else 0
    b["retained"] = _assets(b) - _liabilities(b) - b["common_stock"] - b["apic"] - b["treasury"]
    books.balances[periods.b1] = b


def _assets(b: dict[str, int]) -> int:
    return (b["cash"] + b["receivables"] + b["inventories"] + b["prepaid"] + b["ppe_gross"]
            - b["accumulated_depreciation"] + b["other_assets"])


def _liabilities(b: dict[str, int]) -> int:
    return b["payables"] + b["accrued"] + b["debt"] + b["other_liabilities"]


def _closing_balances(draw: _Drawer, books: Books, periods: Periods) -> None:
    """The balance sheet at the quarter's end, moved from the opening one by the year to date's flows.

    Cash is what balances it; the cash-flow statement's lines are these changes,
    so its net change is the change in cash exactly.
    """
    opening = books.balances[periods.b1]
    flows = books.flows[periods.y0]
    b = {key: draw.near(opening[key], 0.08) for key in
         ("receivables", "inventories", "prepaid", "other_assets", "payables", "accrued", "other_liabilities")}
    b["ppe_gross"] = opening["ppe_gross"] + flows["capex"]
    b["accumulated_depreciation"] = opening["accumulated_depreciation"] + flows["dna"]
    b["shares_issued"] = opening["shares_issued"] + flows["stock_issued_shares"]
    b["common_stock"] = opening["common_stock"] + flows["stock_par"]
    b["apic"] = opening["apic"] + flows["stock_issued"] - flows["stock_par"]
    b["treasury_shares"] = opening["treasury_shares"] + (draw.shares(flows["treasury_bought"] / 25)
                                                        if flows["treasury_bought"] else 0)
    b["treasury"] = opening["treasury"] - flows["treasury_bought"]
    b["retained"] = opening["retained"] + flows["net_income"] - flows["dividends"]
    flows["repayments"] = min(flows["repayments"], opening["debt"] + flows["borrowings"] - draw.tick)
    b["debt"] = opening["debt"] + flows["borrowings"] - flows["repayments"]
    b["cash"] = 0
    equity = b["common_stock"] + b["apic"] + b["treasury"] + b["retained"]
    cash = _liabilities(b) + equity - _assets(b)
    floor = draw.part(opening["cash"], 0.3, 0.6)
    if cash < floor:  # borrow what the quarter needs
        flows["borrowings"] += floor - cash
        b["debt"] += floor - cash
        cash = floor
    b["cash"] = cash
    books.balances[periods.b0] = b
    flows.update(_changes(opening, b))
    assert _net_change(flows) == b["cash"] - opening["cash"]
    flows["cash_begin"], flows["cash_end"] = opening["cash"], b["cash"]


def _changes(opening: dict[str, int], closing: dict[str, int]) -> dict[str, int]:
    """Cash-flow lines from two balance sheets (an asset that grows uses cash)."""
    change = {key: closing[key] - opening[key] for key in closing}
    return {"chg_receivables": -change["receivables"], "chg_inventories": -change["inventories"],
            "chg_prepaid": -change["prepaid"], "chg_payables": change["payables"],
            "chg_accrued": change["accrued"], "chg_other": change["other_liabilities"] - change["other_assets"]}


CHANGE_KEYS = ("chg_receivables", "chg_inventories", "chg_prepaid", "chg_payables", "chg_accrued", "chg_other")


def operating_cash(f: dict[str, int]) -> int:
    return f["net_income"] + f["dna"] + sum(f[key] for key in CHANGE_KEYS)


def investing_cash(f: dict[str, int]) -> int:
    return -f["capex"]


def financing_cash(f: dict[str, int]) -> int:
    return f["borrowings"] - f["repayments"] + f["stock_issued"] - f["treasury_bought"] - f["dividends"]


def _net_change(f: dict[str, int]) -> int:
    return operating_cash(f) + investing_cash(f) + financing_cash(f)


def _prior_cash_flows(draw: _Drawer, books: Books, periods: Periods) -> None:
    """Last year's to-date cash flows; they end at the opening balance sheet in a fourth quarter."""
    f = books.flows[periods.y1]
    for key in CHANGE_KEYS:
        f[key] = draw.money(f["revenue"] * draw.rng.uniform(-0.03, 0.03))
    floor = draw.part(f["revenue"], 0.02, 0.05)
    if periods.y1.end == periods.b1:
        f["cash_end"] = books.balances[periods.b1]["cash"]
        begin = f["cash_end"] - _net_change(f)
        if begin < floor:  # repaid less than drawn: more repayments make the opening cash positive
            f["repayments"] += floor - begin
        f["cash_begin"] = f["cash_end"] - _net_change(f)
    else:
        f["cash_begin"] = draw.part(f["revenue"], 0.05, 0.2)
        end = f["cash_begin"] + _net_change(f)
        if end < floor:
            f["borrowings"] += floor - end
        f["cash_end"] = f["cash_begin"] + _net_change(f)


def _equity_before(balances: dict[str, int], flows: dict[str, int]) -> dict[str, int]:
    """Equity a year earlier, taken back through the year's flows."""
    return {"common_stock": balances["common_stock"] - flows["stock_par"],
            "apic": balances["apic"] - flows["stock_issued"] + flows["stock_par"],
            "retained": balances["retained"] - flows["net_income"] + flows["dividends"],
            "treasury": balances["treasury"] + flows["treasury_bought"],
            "shares_issued": balances["shares_issued"] - flows["stock_issued_shares"]}


# --------------------------------------------------------------------------
# a bank


def bank_books(rng: random.Random, periods: Periods, tick: int, shares_tick: int) -> Books:
    draw = _Drawer(rng, tick, shares_tick)
    assets = 10 ** rng.uniform(*BANK_ASSETS[tick])
    options = {name for name, chance in (("fed_funds", 0.6), ("trust", 0.5), ("treasury", 0.3))
               if rng.random() < chance}
    books = Books(tick=tick, shares_tick=shares_tick, options=frozenset(options | {"dividends"}))
    growth = rng.uniform(0.0, 0.15)
    shares = assets / rng.uniform(80, 200)
    rates = {"loans": rng.uniform(0.075, 0.095), "securities": rng.uniform(0.055, 0.07),
             "deposits": rng.uniform(0.03, 0.045), "borrowings": rng.uniform(0.045, 0.06),
             "provision": rng.uniform(0.002, 0.006), "tax": rng.uniform(0.28, 0.36), "par": rng.choice((1.0, 2.5, 5.0))}
    for span in _spans(periods):
        books.flows[span] = _bank_income(draw, span, assets * _year_factor(periods, span, growth), rates, options,
                                         shares, periods)
    _bank_opening(draw, books, periods, assets, shares, rates["par"])
    _bank_closing(draw, books, periods)
    _allowance_rollforward(draw, books, periods)
    if periods.quarter == 4:
        books.balances[periods.b2] = _equity_before(books.balances[periods.b1], books.flows[periods.y1])
    return books


def _bank_income(draw: _Drawer, span: Span, assets: float, rates: dict, options: set, shares: float,
                 periods: Periods) -> dict[str, int]:
    rng = draw.rng
    years = span.days / 365.25
    f = {"int_loans": draw.near(assets * 0.62 * rates["loans"] * years, 0.02),
         "int_securities": draw.near(assets * 0.25 * rates["securities"] * years, 0.03),
         "int_fed_funds": draw.near(assets * 0.03 * 0.05 * years, 0.1) if "fed_funds" in options else 0,
         "exp_deposits": draw.near(assets * 0.7 * rates["deposits"] * years, 0.02),
         "exp_borrowings": draw.near(assets * 0.05 * rates["borrowings"] * years, 0.05)}
    f["provision"] = draw.near(assets * 0.62 * rates["provision"] * years, 0.2)
    f["fee_service"] = draw.near(assets * 0.004 * years, 0.05)
    f["fee_trust"] = draw.near(assets * 0.002 * years, 0.1) if "trust" in options else 0
    f["fee_other"] = draw.near(assets * 0.003 * years, 0.1)
    f["exp_salaries"] = draw.near(assets * 0.014 * years, 0.03)
    f["exp_occupancy"] = draw.near(assets * 0.004 * years, 0.05)
    f["exp_other"] = draw.near(assets * 0.008 * years, 0.08)
    f["interest_income"] = f["int_loans"] + f["int_securities"] + f["int_fed_funds"]
    f["interest_expense"] = f["exp_deposits"] + f["exp_borrowings"]
    f["net_interest"] = f["interest_income"] - f["interest_expense"]
    f["noninterest_income"] = f["fee_service"] + f["fee_trust"] + f["fee_other"]
    f["noninterest_expense"] = f["exp_salaries"] + f["exp_occupancy"] + f["exp_other"]
    f["pretax"] = f["net_interest"] - f["provision"] + f["noninterest_income"] - f["noninterest_expense"]
    f["tax"] = draw.money(f["pretax"] * rates["tax"])
    f["net_income"] = f["pretax"] - f["tax"]
    year = 1.0 if span.end > periods.b1 else 0.97
    f["basic_shares"] = draw.shares(shares * year * rng.uniform(0.995, 1.005))
    f["diluted_shares"] = f["basic_shares"] + draw.shares(f["basic_shares"] * rng.uniform(0.003, 0.02))
    f["dividends"] = draw.money(max(f["net_income"], draw.tick * 10) * rng.uniform(0.3, 0.45))
    f["stock_issued"] = draw.near(assets * 0.0005 * years, 0.5)
    f["stock_issued_shares"] = draw.shares(shares * rng.uniform(0.001, 0.004))
    f["stock_par"] = min(draw.money(f["stock_issued_shares"] * rates["par"]), f["stock_issued"])
    f["treasury_bought"] = draw.near(assets * 0.0004 * years, 0.5) if "treasury" in options else 0
    return f


def _bank_opening(draw: _Drawer, books: Books, periods: Periods, assets: float, shares: float, par: float) -> None:
    rng = draw.rng
    b = {"loans": draw.part(assets, 0.58, 0.66), "securities": draw.part(assets, 0.2, 0.28),
         "fed_funds": draw.part(assets, 0.01, 0.04) if "fed_funds" in books.options else 0,
         "premises": draw.part(assets, 0.01, 0.02), "other_assets": draw.part(assets, 0.01, 0.025),
         "deposits_noninterest": draw.part(assets, 0.1, 0.18), "deposits_interest": draw.part(assets, 0.58, 0.66),
         "borrowings": draw.part(assets, 0.03, 0.07), "other_liabilities": draw.part(assets, 0.005, 0.012),
         "apic": draw.part(assets, 0.02, 0.04)}
    b["allowance"] = draw.part(b["loans"], 0.011, 0.018)
    b["cash"] = draw.part(assets, 0.03, 0.06)
    b["shares_issued"] = draw.shares(shares * 1.01)
    b["common_stock"] = draw.money(b["shares_issued"] * par)
    b["treasury_shares"] = draw.shares(shares * 0.01) if "treasury" in books.options else 0
    b["treasury"] = -draw.money(b["treasury_shares"] * rng.uniform(15, 40)) if b["treasury_shares"] else 0
    b["retained"] = _bank_assets(b) - _bank_liabilities(b) - b["common_stock"] - b["apic"] - b["treasury"]
    if b["retained"] <= 0:  # a bank's equity is a few percent of its assets: fewer deposits make room
        b["deposits_interest"] += b["retained"] - draw.part(assets, 0.03, 0.05)
        b["retained"] = _bank_assets(b) - _bank_liabilities(b) - b["common_stock"] - b["apic"] - b["treasury"]
    books.balances[periods.b1] = b


def _bank_assets(b: dict[str, int]) -> int:
    return b["cash"] + b["fed_funds"] + b["securities"] + b["loans"] - b["allowance"] + b["premises"] + \
        b["other_assets"]


def _bank_liabilities(b: dict[str, int]) -> int:
    return b["deposits_noninterest"] + b["deposits_interest"] + b["borrowings"] + b["other_liabilities"]


def _bank_closing(draw: _Drawer, books: Books, periods: Periods) -> None:
    """The quarter-end sheet: equity moved by the flows, cash and due from banks balancing it."""
    opening = books.balances[periods.b1]
    flows = books.flows[periods.y0]
    b = {key: draw.near(opening[key] * 1.02, 0.04) if opening[key] else 0 for key in
         ("loans", "securities", "fed_funds", "premises", "other_assets", "deposits_noninterest",
          "deposits_interest", "borrowings", "other_liabilities")}
    b["shares_issued"] = opening["shares_issued"] + flows["stock_issued_shares"]
    b["common_stock"] = opening["common_stock"] + flows["stock_par"]
    b["apic"] = opening["apic"] + flows["stock_issued"] - flows["stock_par"]
    b["treasury_shares"] = opening["treasury_shares"] + (draw.shares(flows["treasury_bought"] / 30)
                                                        if flows["treasury_bought"] else 0)
    b["treasury"] = opening["treasury"] - flows["treasury_bought"]
    b["retained"] = opening["retained"] + flows["net_income"] - flows["dividends"]
    b["allowance"] = draw.money(opening["allowance"] + flows["provision"] * draw.rng.uniform(0.1, 0.5))
    b["cash"] = 0
    cash = _bank_liabilities(b) + b["common_stock"] + b["apic"] + b["treasury"] + b["retained"] - _bank_assets(b)
    floor = draw.part(opening["cash"], 0.7, 0.9)
    if cash < floor:
        b["borrowings"] += floor - cash
        cash = floor
    b["cash"] = cash
    books.balances[periods.b0] = b


def _allowance_rollforward(draw: _Drawer, books: Books, periods: Periods) -> None:
    """Allowance for loan losses per period: beginning + provision - charge-offs + recoveries = end.

    Balances on the sheet's dates are the sheet's; a quarter and its year to date
    end on the same day, so they end with the same balance.
    """
    known = {day: books.balances[day]["allowance"] for day in (periods.b0, periods.b1)}
    known.setdefault(periods.y1.end, draw.part(known[periods.b1], 0.85, 0.97))
    for span in (periods.y0, periods.y1, periods.q0, periods.q1):
        f = books.flows[span]
        if "allowance_end" in f:
            continue
        end = known[span.end]
        year_to_date = books.flows[periods.y0 if span.end == periods.b0 else periods.y1]
        if span.opening in known:
            net = end - known[span.opening] - f["provision"]
        elif "net_charge_offs" in year_to_date and year_to_date is not f:
            net = draw.money(year_to_date["net_charge_offs"] * draw.rng.uniform(0.2, 0.45))
        else:
            net = -draw.part(f["provision"], 0.5, 1.0)
        f["net_charge_offs"] = net
        f["recoveries"] = draw.part(abs(net), 0.1, 0.35)
        f["charge_offs"] = net - f["recoveries"]
        f["allowance_end"] = end
        f["allowance_begin"] = end - f["provision"] - net
