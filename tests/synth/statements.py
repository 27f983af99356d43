"""The statements of a release, as TableSpecs drawn from one company's books.

Why: each kind of table a release prints (operations, balance sheet, cash flows,
segments, an equity roll-forward, a pro forma combination, a bank's income
statement, its allowance for loan losses and its ratios) has its own lines, its
own totals and its own way of dating a figure. Each builder here states them
once: which rows, from which books figures, and which rows sum to which. Every
builder takes the table's Printing, whose scale decides per-share figures and
share-count labels where a table has them.
"""

from __future__ import annotations

import random
from decimal import Decimal

from tests.synth.books import Books, Periods, financing_cash, investing_cash, operating_cash
from tests.synth.fiscal import Span, full_date
from tests.synth.printing import Printing, per_share
from tests.synth.spec import Builder, Column, TableSpec, signed


def flow_columns(spans: list[Span]) -> list[Column]:
    return [Column("duration", span=span) for span in spans]


def _pick(rng: random.Random, *options):
    return rng.choice(options)


def _shares_label(label: str, printing: Printing) -> str:
    return f"{label} (in thousands)" if printing.shares_source == "label" else label


def _per_share_rows(b: Builder, flows: list[dict], printing: Printing, rng: random.Random, fiscal_year: int) -> None:
    """Earnings per share and the weighted share counts: one line each, or Basic and Diluted under a heading.

    EPS is net income as printed over the share count as printed, to the cent.
    """
    income = [printing.money(f["net_income"]) for f in flows]
    basic = [per_share(i, printing.shares(f["basic_shares"])) for i, f in zip(income, flows)]
    diluted = [per_share(i, printing.shares(f["diluted_shares"])) for i, f in zip(income, flows)]
    two = ("Basic", "Diluted") if fiscal_year >= 1998 else ("Primary", "Fully diluted")
    if rng.random() < 0.55:
        b.heading(signed(basic, _pick(rng, "Earnings per share:", "Net income per share:",
                                      "Earnings per common share:"),
                         "Net loss per share:", "Net income (loss) per share:"), 0)
        b.line("eps_basic", two[0], "eps", basic, indent=1, dollar=True)
        b.line("eps_diluted", two[1], "eps", diluted, indent=1, dollar=True)
        b.close(0)
    else:
        b.line("eps_basic", signed(basic, _pick(rng, "Net income per share", "Earnings per common share",
                                                "Net income per common share"),
                                   "Net loss per share", "Net income (loss) per share"),
               "eps", basic, indent=0, dollar=True)
    if rng.random() < 0.2:
        return
    if rng.random() < 0.5:
        b.heading(_shares_label("Weighted average shares outstanding:", printing), 0)
        b.line("shares_basic", two[0], "shares", [f["basic_shares"] for f in flows], indent=1)
        b.line("shares_diluted", two[1], "shares", [f["diluted_shares"] for f in flows], indent=1)
        b.close(0)
    else:
        label = _pick(rng, "Weighted average shares outstanding", "Weighted average number of common shares outstanding",
                      "Shares used in computing per share amounts", "Average common shares outstanding")
        b.line("shares_basic", _shares_label(label, printing), "shares", [f["basic_shares"] for f in flows], indent=0)


def _tax_rows(b: Builder, flows: list[dict], rng: random.Random) -> None:
    """Income taxes (an expense printed plain and subtracted, or printed in parentheses and added) and net income."""
    tax = [f["tax"] for f in flows]
    if rng.random() < 0.3:
        b.line("tax", signed([-t for t in tax], "Income tax benefit", "Income tax provision",
                             "Income tax (provision) benefit"), "money", [-t for t in tax], indent=0)
        weight = 1
    else:
        b.line("tax", signed(tax, _pick(rng, "Provision for income taxes", "Income taxes", "Income tax expense"),
                             "Income tax benefit", "Provision (benefit) for income taxes"), "money", tax, indent=0)
        weight = -1
    income = [f["net_income"] for f in flows]
    b.line("net_income", signed(income, "Net income", "Net loss", "Net income (loss)"), "money", income,
           indent=0, total="grand", dollar=True)
    b.foot("net_income", ["pretax", ("tax", weight)])


# --------------------------------------------------------------------------
# an industrial company


def income_statement(books: Books, periods: Periods, spans: list[Span], printing: Printing,
                     rng: random.Random) -> TableSpec:
    flows = [books.flows[s] for s in spans]
    name = _pick(rng, "Consolidated Statements of Operations", "Consolidated Statements of Income",
                 "Condensed Consolidated Statements of Income", "Consolidated Statements of Earnings")
    b = Builder("income", name, flow_columns(spans))
    show_dna = "dna" in books.options
    revenue = [f["revenue"] for f in flows]
    cost = [f["cost"] + (0 if show_dna else f["dna"]) for f in flows]
    expenses = [("sga", "Selling, general and administrative", [f["sga"] for f in flows])]
    if "rnd" in books.options:
        expenses.append(("rnd", "Research and development", [f["rnd"] for f in flows]))
    if show_dna:
        expenses.append(("dna", "Depreciation and amortization", [f["dna"] for f in flows]))
    if any(f["restructuring"] for f in flows):
        expenses.append(("restructuring", "Restructuring charge", [f["restructuring"] for f in flows]))
    b.line("revenue", _pick(rng, "Net sales", "Revenues", "Net revenues", "Sales"), "money", revenue, indent=0,
           dollar=True)
    operating = [f["operating_income"] for f in flows]
    style = _gross_profit_style if rng.random() < 0.5 else _costs_and_expenses_style
    operating_items = style(b, revenue, cost, expenses)
    b.line("operating", signed(operating, "Operating income", "Operating loss", "Operating income (loss)"),
           "money", operating, indent=0, total="sub")
    b.foot("operating", operating_items)
    _other_income_rows(b, flows, rng)
    _tax_rows(b, flows, rng)
    _per_share_rows(b, flows, printing, rng, periods.fiscal_year)
    return b.spec


def _gross_profit_style(b: Builder, revenue: list[int], cost: list[int], expenses: list) -> list:
    """Sales, cost of sales, gross profit, then operating expenses; returns what operating income sums."""
    b.line("cost", "Cost of sales", "money", cost, indent=0)
    gross = [r - c for r, c in zip(revenue, cost)]
    b.line("gross", signed(gross, "Gross profit", "Gross loss", "Gross profit (loss)"), "money", gross,
           indent=0, total="sub")
    b.foot("gross", ["revenue", ("cost", -1)])
    if len(expenses) == 1:
        key, label, values = expenses[0]
        b.line(key, label, "money", values, indent=0)
        return ["gross", (key, -1)]
    b.heading("Operating expenses:", 0)
    for key, label, values in expenses:
        b.line(key, label, "money", values, indent=1)
    b.line("opex", "Total operating expenses", "money", [sum(v) for v in zip(*(e[2] for e in expenses))],
           indent=2, total="sub")
    b.foot("opex", [key for key, _, _ in expenses])
    b.close(0)
    return ["gross", ("opex", -1)]


def _costs_and_expenses_style(b: Builder, revenue: list[int], cost: list[int], expenses: list) -> list:
    """Every cost under "Costs and expenses:" and their total; returns what operating income sums."""
    b.heading("Costs and expenses:", 0)
    b.line("cost", "Cost of sales", "money", cost, indent=1)
    for key, label, values in expenses:
        b.line(key, label, "money", values, indent=1)
    b.line("costs", "Total costs and expenses", "money", [sum(v) for v in zip(cost, *(e[2] for e in expenses))],
           indent=2, total="sub")
    b.foot("costs", ["cost"] + [key for key, _, _ in expenses])
    b.close(0)
    return ["revenue", ("costs", -1)]


def _other_income_rows(b: Builder, flows: list[dict], rng: random.Random) -> None:
    """Interest under an "Other income (expense):" heading (expense in parentheses), or plain and subtracted."""
    pretax = [f["pretax"] for f in flows]
    has_income = any(f["interest_income"] for f in flows)
    if rng.random() < 0.6:
        b.heading(_pick(rng, "Other income (expense):", "Other income (expense)", "Nonoperating items:"), 0)
        items = ["operating"]
        if has_income:
            b.line("interest_income", "Interest income", "money", [f["interest_income"] for f in flows])
            items.append("interest_income")
        b.line("interest_expense", "Interest expense", "money", [-f["interest_expense"] for f in flows])
        items.append("interest_expense")
        b.close(0)
    else:
        items = ["operating"]
        if has_income:
            b.line("interest_income", "Interest income", "money", [f["interest_income"] for f in flows], indent=0)
            items.append("interest_income")
        b.line("interest_expense", "Interest expense", "money", [f["interest_expense"] for f in flows], indent=0)
        items.append(("interest_expense", -1))
    b.line("pretax", signed(pretax, "Income before income taxes", "Loss before income taxes",
                            "Income (loss) before income taxes"), "money", pretax, indent=0, total="sub")
    b.foot("pretax", items)


def balance_sheet(books: Books, periods: Periods, printing: Printing, rng: random.Random) -> TableSpec:
    days = [periods.b0, periods.b1]
    bal = [books.balances[d] for d in days]
    name = _pick(rng, "Consolidated Balance Sheets", "Condensed Consolidated Balance Sheets", "Balance Sheets")
    b = Builder("balance", name, [Column("instant", instant=d) for d in days])
    caps = rng.random() < 0.5

    def values(key: str, sign: int = 1) -> list[int]:
        return [sign * x[key] for x in bal]

    b.heading("ASSETS" if caps else "Assets", 0)
    b.heading("Current assets:", 0)
    b.line("cash", "Cash and cash equivalents", "money", values("cash"), dollar=True)
    b.line("receivables", _pick(rng, "Accounts receivable, net", "Trade receivables, net",
                                "Accounts receivable, less allowances"), "money", values("receivables"))
    b.line("inventories", "Inventories", "money", values("inventories"))
    b.line("prepaid", "Prepaid expenses and other current assets", "money", values("prepaid"))
    current = ["cash", "receivables", "inventories", "prepaid"]
    b.line("current_assets", "Total current assets", "money", [sum(x[k] for k in current) for x in bal],
           indent=2, total="sub")
    b.foot("current_assets", current)
    b.close(0)
    ppe = [x["ppe_gross"] - x["accumulated_depreciation"] for x in bal]
    if "gross_ppe" in books.options:
        b.line("ppe_gross", "Property, plant and equipment, at cost", "money", values("ppe_gross"), indent=0)
        b.line("depreciation", "Less accumulated depreciation", "money", values("accumulated_depreciation", -1))
        b.line("ppe", "Net property, plant and equipment", "money", ppe, indent=1, total="sub")
        b.foot("ppe", ["ppe_gross", "depreciation"])
    else:
        b.line("ppe", "Property, plant and equipment, net", "money", ppe, indent=0)
    b.line("other_assets", "Other assets", "money", values("other_assets"), indent=0)
    b.line("assets", "Total assets", "money", [x + y + z for x, y, z in
                                                zip(b.spec.row("current_assets").amounts(), ppe, values("other_assets"))],
           indent=0, total="grand", dollar=True)
    b.foot("assets", ["current_assets", "ppe", "other_assets"])
    b.close(0)
    equity_word = _pick(rng, "Shareholders' Equity", "Stockholders' Equity")
    b.heading(f"LIABILITIES AND {equity_word.upper()}" if caps else f"Liabilities and {equity_word}", 0)
    b.heading("Current liabilities:", 0)
    b.line("payables", "Accounts payable", "money", values("payables"), dollar=True)
    b.line("accrued", "Accrued liabilities", "money", values("accrued"))
    b.line("current_liabilities", "Total current liabilities", "money",
           [x["payables"] + x["accrued"] for x in bal], indent=2, total="sub")
    b.foot("current_liabilities", ["payables", "accrued"])
    b.close(0)
    b.line("debt", "Long-term debt", "money", values("debt"), indent=0)
    b.line("other_liabilities", _pick(rng, "Other long-term liabilities", "Deferred income taxes and other"),
           "money", values("other_liabilities"), indent=0)
    liabilities = [x["payables"] + x["accrued"] + x["debt"] + x["other_liabilities"] for x in bal]
    total_liabilities = rng.random() < 0.5
    if total_liabilities:
        b.line("liabilities", "Total liabilities", "money", liabilities, indent=1, total="sub")
        b.foot("liabilities", ["current_liabilities", "debt", "other_liabilities"])
    _equity_section(b, books, bal, equity_word, rng)
    b.line("liabilities_equity", f"Total liabilities and {equity_word.lower()}", "money",
           [x + y for x, y in zip(liabilities, b.spec.row("equity").amounts())], indent=0, total="grand", dollar=True)
    b.foot("liabilities_equity", (["liabilities"] if total_liabilities else
                                  ["current_liabilities", "debt", "other_liabilities"]) + ["equity"])
    if rng.random() < 0.25:
        b.line("shares_outstanding", _shares_label("Common shares outstanding at end of period", printing), "shares",
               [x["shares_issued"] - x["treasury_shares"] for x in bal], indent=0)
    return b.spec


def _equity_section(b: Builder, books: Books, bal: list[dict], equity_word: str, rng: random.Random) -> None:
    b.heading(f"{equity_word}:", 0)
    par = _pick(rng, "$.01", "$1", "$.10")
    if rng.random() < 0.4:
        issued = " and ".join(f"{x['shares_issued']:,}" for x in bal)
        label = f"Common stock, {par} par value; issued {issued} shares"
    else:
        label = "Common stock"
    b.line("common_stock", label, "money", [x["common_stock"] for x in bal], dollar=True)
    b.line("apic", _pick(rng, "Additional paid-in capital", "Capital surplus", "Paid-in capital"), "money",
           [x["apic"] for x in bal])
    retained = [x["retained"] for x in bal]
    b.line("retained", signed(retained, "Retained earnings", "Accumulated deficit",
                              "Retained earnings (accumulated deficit)"), "money", retained)
    items = ["common_stock", "apic", "retained"]
    if "treasury" in books.options:
        if rng.random() < 0.5:
            label = f"Treasury stock, {bal[0]['treasury_shares']:,} shares, at cost"
        else:
            label = "Treasury stock, at cost ({} shares)".format(" and ".join(f"{x['treasury_shares']:,}" for x in bal))
        b.line("treasury", label, "money", [x["treasury"] for x in bal])
        items.append("treasury")
    b.line("equity", f"Total {equity_word.lower()}", "money", [sum(x[k] for k in items) for x in bal],
           indent=2, total="sub")
    b.foot("equity", items)
    b.close(0)


def cash_flows(books: Books, periods: Periods, printing: Printing, rng: random.Random) -> TableSpec:
    spans = [periods.y0, periods.y1]
    flows = [books.flows[s] for s in spans]
    name = _pick(rng, "Consolidated Statements of Cash Flows", "Condensed Consolidated Statements of Cash Flows")
    b = Builder("cashflow", name, flow_columns(spans))
    caps = rng.random() < 0.3

    def section(words: str) -> None:
        b.heading(words.upper() if caps else f"Cash flows from {words.lower()}:", 0)

    section("Operating activities")
    operating = ["net_income", "dna"]
    b.line("net_income", signed([f["net_income"] for f in flows], "Net income", "Net loss", "Net income (loss)"),
           "money", [f["net_income"] for f in flows], dollar=True)
    if rng.random() < 0.6:
        b.heading("Adjustments to reconcile net income to net cash provided by operating activities:", 1)
    b.line("dna", "Depreciation and amortization", "money", [f["dna"] for f in flows], indent=2)
    if rng.random() < 0.5:
        b.heading("Changes in operating assets and liabilities:", 1)
    for key, label in (("chg_receivables", "Accounts receivable"), ("chg_inventories", "Inventories"),
                       ("chg_prepaid", "Prepaid expenses and other current assets"),
                       ("chg_payables", "Accounts payable"), ("chg_accrued", "Accrued liabilities"),
                       ("chg_other", "Other, net")):
        b.line(key, label, "money", [f[key] for f in flows], indent=2)
        operating.append(key)
    b.close(1)
    _cash_total(b, "operating_cash", "operating", [operating_cash(f) for f in flows], operating)
    section("Investing activities")
    b.line("capex", "Purchases of property, plant and equipment", "money", [-f["capex"] for f in flows])
    _cash_total(b, "investing_cash", "investing", [investing_cash(f) for f in flows], ["capex"])
    section("Financing activities")
    financing = []
    for key, label, sign in (("borrowings", "Proceeds from long-term borrowings", 1),
                             ("repayments", "Repayments of long-term debt", -1),
                             ("stock_issued", "Proceeds from issuance of common stock", 1),
                             ("treasury_bought", "Purchase of treasury stock", -1), ("dividends", "Dividends paid", -1)):
        if key in ("treasury_bought", "dividends") and not any(f[key] for f in flows):
            continue
        b.line(key, label, "money", [sign * f[key] for f in flows])
        financing.append(key)
    _cash_total(b, "financing_cash", "financing", [financing_cash(f) for f in flows], financing)
    change = [f["cash_end"] - f["cash_begin"] for f in flows]
    b.line("change", signed(change, "Net increase in cash and cash equivalents",
                            "Net decrease in cash and cash equivalents",
                            "Net increase (decrease) in cash and cash equivalents"), "money", change, indent=0,
           total="sub")
    b.foot("change", ["operating_cash", "investing_cash", "financing_cash"])
    b.line("cash_begin", "Cash and cash equivalents at beginning of period", "money",
           [f["cash_begin"] for f in flows], indent=0, row_period="opening",
           periods=[s.opening.isoformat() for s in spans])
    b.line("cash_end", "Cash and cash equivalents at end of period", "money", [f["cash_end"] for f in flows],
           indent=0, total="grand", dollar=True, row_period="closing", periods=[s.end.isoformat() for s in spans])
    b.foot("cash_end", ["change", "cash_begin"])
    return b.spec


def _cash_total(b: Builder, key: str, activity: str, values: list[int], items: list[str]) -> None:
    b.close(0)
    b.line(key, signed(values, f"Net cash provided by {activity} activities", f"Net cash used in {activity} activities",
                       f"Net cash provided by (used in) {activity} activities"), "money", values, indent=1, total="sub")
    b.foot(key, items)


def segment_table(books: Books, periods: Periods, spans: list[Span], printing: Printing,
                  rng: random.Random) -> TableSpec:
    flows = [books.flows[s] for s in spans]
    name = _pick(rng, "Segment Information", "Business Segment Data", "Information by Business Segment")
    b = Builder("segment", name, flow_columns(spans))
    revenue_word = _pick(rng, "Net sales", "Revenues")
    b.heading(f"{revenue_word}:", 0)
    keys = []
    for index, segment in enumerate(books.segments):
        b.line(f"seg_revenue_{index}", segment, "money", [f[f"seg_revenue_{index}"] for f in flows],
               dollar=index == 0)
        keys.append(f"seg_revenue_{index}")
    b.line("revenue", f"Total {revenue_word.lower()}", "money", [f["revenue"] for f in flows], indent=2,
           total="grand", dollar=True)
    b.foot("revenue", keys)
    b.close(0)
    income_word = _pick(rng, "Operating income (loss)", "Segment operating profit", "Operating profit")
    b.heading(f"{income_word}:", 0)
    keys = []
    for index, segment in enumerate(books.segments):
        b.line(f"seg_income_{index}", segment, "money", [f[f"seg_income_{index}"] for f in flows],
               dollar=index == 0)
        keys.append(f"seg_income_{index}")
    b.line("corporate", _pick(rng, "Corporate expenses", "Corporate and other", "Unallocated corporate expense"),
           "money", [f["corporate"] for f in flows])
    keys.append("corporate")
    operating = [f["operating_income"] for f in flows]
    b.line("operating", signed(operating, "Total operating income", "Total operating loss",
                               "Total operating income (loss)"), "money", operating, indent=2, total="grand",
           dollar=True)
    b.foot("operating", keys)
    return b.spec


EQUITY_COMPONENTS = {
    "common_stock": (("Common", "Stock"), ("Common", "Stock")),
    "apic": (("Additional", "Paid-in", "Capital"), ("Capital", "Surplus")),
    "retained": (("Retained", "Earnings"), ("Retained", "Earnings")),
    "treasury": (("Treasury", "Stock"), ("Treasury", "Stock")),
}


def equity_rollforward(books: Books, periods: Periods, printing: Printing, rng: random.Random) -> TableSpec:
    """Balances at fiscal year ends and the quarter's end (instants), the flows between them (durations)."""
    components = ["common_stock", "apic", "retained"] + (["treasury"] if "treasury" in books.options else [])
    wording = rng.randint(0, 1)
    with_shares = rng.random() < 0.35
    columns = []
    named = components
    if with_shares:
        if printing.shares_source == "label":  # the count's scale goes in its header
            columns.append(Column("named", names=("Shares", "(in thousands)"), group="Common Stock",
                                  scale_source="header"))
        else:
            columns.append(Column("named", names=("Shares",), group="Common Stock"))
        columns.append(Column("named", names=("Amount",), group="Common Stock"))
        named = components[1:]
    columns += [Column("named", names=EQUITY_COMPONENTS[c][wording]) for c in named]
    columns.append(Column("named", names=("Total",)))
    name = _pick(rng, "Consolidated Statement of Shareholders' Equity", "Statement of Changes in Stockholders' Equity",
                 "Consolidated Statements of Changes in Shareholders' Equity")
    b = Builder("equity", name, columns)
    blocks = [(periods.b1, periods.y0, periods.b0)]
    if periods.quarter == 4 and rng.random() < 0.4:
        blocks.insert(0, (periods.b2, periods.y1, periods.b1))
    else:
        b.spec.title_period = periods.y0
    empty = rng.random() < 0.5  # cells a change leaves alone: blank, or nil
    offset = 1 if with_shares else 0
    balance_word = _pick(rng, "Balance at", "Balance,", "Balances at")
    _balance_row(b, books, blocks[0][0], components, with_shares, balance_word)
    for opening, span, closing in blocks:
        changes = _equity_changes(books.flows[span], books.balances[closing], printing, rng)
        begin = f"balance-{opening.isoformat()}"
        keys = [begin]
        for key, label, amounts, shares in changes:
            cells = [amounts.get(c, 0 if empty else None) for c in components]
            if with_shares:
                cells.insert(0, shares if shares is not None else (0 if empty else None))
            cells.append(sum(amounts.values()))
            b.line(f"{key}-{span.end.isoformat()}", label, "money", cells, indent=0,
                   periods=[span.iso] * len(cells), kinds=_equity_kinds(len(cells), with_shares))
            keys.append(f"{key}-{span.end.isoformat()}")
            b.across(keys[-1], len(columns) - 1, list(range(offset, len(columns) - 1)))
        _balance_row(b, books, closing, components, with_shares, balance_word, total=True)
        b.foot(f"balance-{closing.isoformat()}", keys)
    return b.spec


def _equity_kinds(count: int, with_shares: bool) -> list[str]:
    return (["shares"] if with_shares else []) + ["money"] * (count - (1 if with_shares else 0))


def _balance_row(b: Builder, books: Books, day, components: list[str], with_shares: bool, word: str,
                 total: bool = False) -> None:
    balances = books.balances[day]
    cells = [balances[c] for c in components]
    if with_shares:
        cells.insert(0, balances["shares_issued"])
    cells.append(sum(balances[c] for c in components))
    key = f"balance-{day.isoformat()}"
    b.line(key, f"{word} {full_date(day, False)}", "money", cells, indent=0, total="sub" if total else "",
           dollar=True, row_period="label", periods=[day.isoformat()] * len(cells),
           kinds=_equity_kinds(len(cells), with_shares))
    b.across(key, len(cells) - 1, list(range(1 if with_shares else 0, len(cells) - 1)))


def _equity_changes(flows: dict, closing: dict, printing: Printing, rng: random.Random) -> list:
    """(key, label, {component: amount}, shares or None) for each change in a period."""
    changes = [("net_income", signed([flows["net_income"]], "Net income", "Net loss", "Net income (loss)"),
                {"retained": flows["net_income"]}, None)]
    if flows["dividends"]:
        rate = per_share(printing.money(flows["dividends"]), printing.shares(closing["shares_issued"]))
        text = f"${rate:.2f}".replace("$0.", "$.") if rng.random() < 0.5 else f"${rate:.2f}"
        changes.append(("dividends", f"Cash dividends declared ({text} per share)", {"retained": -flows["dividends"]},
                        None))
    changes.append(("issued", _pick(rng, "Issuance of common stock under stock plans", "Exercise of stock options",
                                    "Common stock issued"),
                    {"common_stock": flows["stock_par"], "apic": flows["stock_issued"] - flows["stock_par"]},
                    flows["stock_issued_shares"]))
    if flows["treasury_bought"]:
        changes.append(("treasury", "Purchase of treasury stock", {"treasury": -flows["treasury_bought"]}, None))
    return changes


def pro_forma(books: Books, periods: Periods, printing: Printing, rng: random.Random, names: tuple[str, str]
              ) -> TableSpec:
    """The company, an acquiree and the adjustments: all the same period, the last column their sum."""
    span = periods.y0
    company = books.flows[span]
    acquiree = _acquiree(rng, company, books.tick)
    group = "Historical" if rng.random() < 0.5 else ""
    columns = [Column("named", span=span, names=(names[0],), group=group),
               Column("named", span=span, names=(names[1],), group=group),
               Column("named", span=span, names=("Pro Forma", "Adjustments")),
               Column("named", span=span, names=("Pro Forma", "Combined"))]
    b = Builder("proforma", "Unaudited Pro Forma Condensed Combined Statement of Operations", columns)
    b.spec.title_period = span
    adjust = {"amortization": _tick_round(company["revenue"] * rng.uniform(0.005, 0.02), books.tick),
              "interest": _tick_round(company["revenue"] * rng.uniform(0.005, 0.02), books.tick)}
    adjust["tax"] = -_tick_round((adjust["amortization"] + adjust["interest"]) * 0.38, books.tick)
    adjust["shares"] = max(books.shares_tick, _tick_round(company["basic_shares"] * rng.uniform(0.05, 0.2),
                                                          books.shares_tick))
    empty = rng.random() < 0.5  # cells with nothing to add: blank, or nil ("--", "$ --")
    for key, label, cells, total in _pro_forma_lines(company, acquiree, adjust):
        cells = [0 if cell is None and empty else cell for cell in cells]
        b.line(key, label, "money", cells + [_present_sum(cells)], indent=0, total=total,
               dollar=key in ("revenue", "net_income"))
        b.across(key, 3, [0, 1, 2])
    for total, items in (("gross", ["revenue", ("cost", -1)]),
                         ("operating", ["gross", ("sga", -1), ("amortization", -1)]),
                         ("pretax", ["operating", ("interest", -1)]), ("net_income", ["pretax", ("tax", -1)])):
        b.foot(total, items)
    shares = [company["basic_shares"], None, adjust["shares"]]
    shares.append(_present_sum(shares))
    incomes = [company["net_income"], None, None, b.spec.row("net_income").cells[3].amount]
    eps = [None if i is None else per_share(printing.money(i), printing.shares(s)) for i, s in zip(incomes, shares)]
    b.line("eps", signed([e for e in eps if e is not None], "Net income per share", "Net loss per share",
                         "Net income (loss) per share"), "eps", eps, indent=0, dollar=True)
    b.line("shares", _shares_label("Weighted average shares outstanding", printing), "shares", shares, indent=0)
    b.across("shares", 3, [0, 1, 2])
    return b.spec


def _present_sum(cells: list) -> int | None:
    present = [c for c in cells if c is not None]
    return sum(present) if present else None


def _tick_round(amount: float, tick: int) -> int:
    return max(tick, round(amount / tick) * tick)


def _acquiree(rng: random.Random, company: dict, tick: int) -> dict:
    """A smaller company's figures for the same period."""
    revenue = _tick_round(company["revenue"] * rng.uniform(0.1, 0.5), tick)
    cost = _tick_round(revenue * rng.uniform(0.55, 0.7), tick)
    sga = _tick_round(revenue * rng.uniform(0.12, 0.2), tick)
    interest = _tick_round(revenue * rng.uniform(0.005, 0.02), tick)
    pretax = revenue - cost - sga - interest
    tax = _tick_round(pretax * 0.38, tick) if pretax > 0 else -_tick_round(-pretax * 0.38, tick)
    return {"revenue": revenue, "cost": cost, "sga": sga, "interest": interest, "tax": tax}


def _pro_forma_lines(company: dict, acquiree: dict, adjust: dict) -> list:
    """(key, label, [company, acquiree, adjustment], total) for each money line, before the combined column."""
    c_cost = company["cost"] + company["dna"]
    c_sga = company["sga"] + company["rnd"] + company["restructuring"]
    c_interest = company["interest_expense"] - company["interest_income"]
    a = acquiree
    a_pretax = a["revenue"] - a["cost"] - a["sga"] - a["interest"]
    return [
        ("revenue", "Revenues", [company["revenue"], a["revenue"], None], ""),
        ("cost", "Cost of sales", [c_cost, a["cost"], None], ""),
        ("gross", "Gross profit", [company["revenue"] - c_cost, a["revenue"] - a["cost"], None], "sub"),
        ("sga", "Selling, general and administrative", [c_sga, a["sga"], None], ""),
        ("amortization", "Amortization of goodwill", [None, None, adjust["amortization"]], ""),
        ("operating", "Operating income",
         [company["operating_income"], a["revenue"] - a["cost"] - a["sga"], -adjust["amortization"]], "sub"),
        ("interest", "Interest expense, net", [c_interest, a["interest"], adjust["interest"]], ""),
        ("pretax", "Income before income taxes",
         [company["pretax"], a_pretax, -adjust["amortization"] - adjust["interest"]], "sub"),
        ("tax", "Provision for income taxes", [company["tax"], a["tax"], adjust["tax"]], ""),
        ("net_income", "Net income",
         [company["net_income"], a_pretax - a["tax"], -adjust["amortization"] - adjust["interest"] - adjust["tax"]],
         "grand"),
    ]


# --------------------------------------------------------------------------
# a bank


def bank_income(books: Books, periods: Periods, spans: list[Span], printing: Printing,
                rng: random.Random) -> TableSpec:
    flows = [books.flows[s] for s in spans]
    name = _pick(rng, "Consolidated Statements of Income", "Consolidated Income Statements",
                 "Condensed Consolidated Statements of Income")
    b = Builder("bank-income", name, flow_columns(spans))

    def block(heading: str, total_key: str, total_label: str, lines: list) -> None:
        b.heading(heading, 0)
        keys = []
        for index, (key, label) in enumerate(lines):
            if key == "int_fed_funds" and not any(f[key] for f in flows):
                continue
            if key == "fee_trust" and not any(f[key] for f in flows):
                continue
            b.line(key, label, "money", [f[key] for f in flows], dollar=index == 0)
            keys.append(key)
        b.line(total_key, total_label, "money", [f[total_key] for f in flows], indent=2, total="sub")
        b.foot(total_key, keys)
        b.close(0)

    block("Interest income:", "interest_income", "Total interest income",
          [("int_loans", "Loans, including fees"), ("int_securities", "Investment securities"),
           ("int_fed_funds", "Federal funds sold")])
    block("Interest expense:", "interest_expense", "Total interest expense",
          [("exp_deposits", "Deposits"), ("exp_borrowings", "Short-term borrowings")])
    b.line("net_interest", "Net interest income", "money", [f["net_interest"] for f in flows], indent=0, total="sub")
    b.foot("net_interest", ["interest_income", ("interest_expense", -1)])
    b.line("provision", "Provision for loan losses", "money", [f["provision"] for f in flows], indent=0)
    after = [f["net_interest"] - f["provision"] for f in flows]
    b.line("after_provision", "Net interest income after provision for loan losses", "money", after, indent=0,
           total="sub")
    b.foot("after_provision", ["net_interest", ("provision", -1)])
    block("Noninterest income:", "noninterest_income", "Total noninterest income",
          [("fee_service", "Service charges on deposit accounts"), ("fee_trust", "Trust fees"),
           ("fee_other", "Other")])
    block("Noninterest expense:", "noninterest_expense", "Total noninterest expense",
          [("exp_salaries", "Salaries and employee benefits"), ("exp_occupancy", "Occupancy and equipment"),
           ("exp_other", "Other")])
    b.line("pretax", "Income before income taxes", "money", [f["pretax"] for f in flows], indent=0, total="sub")
    b.foot("pretax", ["after_provision", "noninterest_income", ("noninterest_expense", -1)])
    _tax_rows(b, flows, rng)
    _per_share_rows(b, flows, printing, rng, periods.fiscal_year)
    return b.spec


def bank_balance_sheet(books: Books, periods: Periods, printing: Printing, rng: random.Random) -> TableSpec:
    days = [periods.b0, periods.b1]
    bal = [books.balances[d] for d in days]
    name = _pick(rng, "Consolidated Balance Sheets", "Consolidated Statements of Condition",
                 "Consolidated Statements of Financial Condition")
    b = Builder("bank-balance", name, [Column("instant", instant=d) for d in days])
    caps = rng.random() < 0.5

    def values(key: str, sign: int = 1) -> list[int]:
        return [sign * x[key] for x in bal]

    b.heading("ASSETS" if caps else "Assets", 0)
    assets = ["cash"]
    b.line("cash", "Cash and due from banks", "money", values("cash"), indent=0, dollar=True)
    if "fed_funds" in books.options:
        b.line("fed_funds", "Federal funds sold", "money", values("fed_funds"), indent=0)
        assets.append("fed_funds")
    b.line("securities", "Investment securities", "money", values("securities"), indent=0)
    b.line("loans", "Loans", "money", values("loans"), indent=0)
    b.line("allowance", "Less allowance for loan losses", "money", values("allowance", -1), indent=1)
    b.line("net_loans", "Net loans", "money", [x["loans"] - x["allowance"] for x in bal], indent=2, total="sub")
    b.foot("net_loans", ["loans", "allowance"])
    b.line("premises", "Premises and equipment, net", "money", values("premises"), indent=0)
    b.line("other_assets", "Other assets", "money", values("other_assets"), indent=0)
    assets += ["securities", "net_loans", "premises", "other_assets"]
    total_assets = [sum(b.spec.row(k).cells[i].amount for k in assets) for i in range(2)]
    b.line("assets", "Total assets", "money", total_assets, indent=0, total="grand", dollar=True)
    b.foot("assets", assets)
    b.close(0)
    b.heading("LIABILITIES AND SHAREHOLDERS' EQUITY" if caps else "Liabilities and Shareholders' Equity", 0)
    b.heading("Deposits:", 0)
    b.line("deposits_noninterest", "Noninterest-bearing", "money", values("deposits_noninterest"), dollar=True)
    b.line("deposits_interest", "Interest-bearing", "money", values("deposits_interest"))
    b.line("deposits", "Total deposits", "money", [x["deposits_noninterest"] + x["deposits_interest"] for x in bal],
           indent=2, total="sub")
    b.foot("deposits", ["deposits_noninterest", "deposits_interest"])
    b.close(0)
    b.line("borrowings", "Short-term borrowings", "money", values("borrowings"), indent=0)
    b.line("other_liabilities", "Other liabilities", "money", values("other_liabilities"), indent=0)
    liabilities = [x["deposits_noninterest"] + x["deposits_interest"] + x["borrowings"] + x["other_liabilities"]
                   for x in bal]
    b.line("liabilities", "Total liabilities", "money", liabilities, indent=1, total="sub")
    b.foot("liabilities", ["deposits", "borrowings", "other_liabilities"])
    _equity_section(b, books, bal, "Shareholders' Equity", rng)
    b.line("liabilities_equity", "Total liabilities and shareholders' equity", "money",
           [x + y for x, y in zip(liabilities, b.spec.row("equity").amounts())], indent=0, total="grand", dollar=True)
    b.foot("liabilities_equity", ["liabilities", "equity"])
    return b.spec


def allowance_table(books: Books, periods: Periods, spans: list[Span], printing: Printing,
                    rng: random.Random) -> TableSpec:
    """Balances at the beginning (the day before the period) and end (its last day) of each column's period."""
    flows = [books.flows[s] for s in spans]
    b = Builder("allowance", _pick(rng, "Allowance for Loan Losses", "Analysis of the Allowance for Loan Losses",
                                   "Summary of Loan Loss Experience"), flow_columns(spans))
    b.line("begin", "Balance at beginning of period", "money", [f["allowance_begin"] for f in flows], indent=0,
           dollar=True, row_period="opening", periods=[s.opening.isoformat() for s in spans])
    b.line("provision", "Provision for loan losses", "money", [f["provision"] for f in flows], indent=0)
    b.line("charge_offs", "Loans charged off", "money", [f["charge_offs"] for f in flows], indent=0)
    b.line("recoveries", "Recoveries of loans previously charged off", "money", [f["recoveries"] for f in flows],
           indent=0)
    items = ["begin", "provision", "charge_offs", "recoveries"]
    if rng.random() < 0.5:
        b.line("net", "Net charge-offs", "money", [f["net_charge_offs"] for f in flows], indent=1, total="sub")
        b.foot("net", ["charge_offs", "recoveries"])
        items = ["begin", "provision", "net"]
    b.line("end", "Balance at end of period", "money", [f["allowance_end"] for f in flows], indent=0, total="grand",
           dollar=True, row_period="closing", periods=[s.end.isoformat() for s in spans])
    b.foot("end", items)
    if rng.random() < 0.6:
        ratio = [_ratio_to_loans(books, s, f) for s, f in zip(spans, flows)]
        b.line("ratio", "Allowance as a percent of total loans", "percent", ratio, indent=0, row_period="closing",
               periods=[s.end.isoformat() for s in spans])
    return b.spec


def _ratio_to_loans(books: Books, span: Span, flows: dict) -> Decimal:
    loans = books.balances.get(span.end, {}).get("loans") or flows["allowance_end"] * 70
    return (Decimal(100) * flows["allowance_end"] / loans).quantize(Decimal("0.01"))


def ratios_table(books: Books, periods: Periods, spans: list[Span], printing: Printing,
                 rng: random.Random) -> TableSpec:
    """Rates for each period (durations) and, under "At period end", figures at its last day (instants)."""
    b = Builder("ratios", _pick(rng, "Selected Financial Ratios", "Selected Ratios", "Performance Ratios"),
                flow_columns(spans))

    def percents(low: float, high: float) -> list[Decimal]:
        """This period's figure and last year's, a little apart."""
        level = rng.uniform(low, high)
        return [Decimal(level * rng.uniform(0.92, 1.08)).quantize(Decimal("0.01")) for _ in spans]

    b.line("roa", "Return on average assets", "percent", percents(0.8, 1.6), indent=0)
    b.line("roe", "Return on average equity", "percent", percents(10, 19), indent=0)
    b.line("nim", "Net interest margin", "percent", percents(3.5, 5.0), indent=0)
    b.line("efficiency", "Efficiency ratio", "percent", percents(50, 68), indent=0)
    ends = [s.end.isoformat() for s in spans]
    if rng.random() < 0.6:
        b.heading("At period end:", 0)
    b.line("book_value", "Book value per share", "eps", percents(8, 30), row_period="closing", periods=ends,
           dollar=True)
    b.line("leverage", "Tier 1 leverage ratio", "percent", percents(6.5, 9.5), row_period="closing", periods=ends)
    b.line("nonperforming", "Nonperforming assets to total assets", "percent", percents(0.2, 1.2),
           row_period="closing", periods=ends)
    b.close(0)
    return b.spec
