"""Label -> concept: many wordings of each concept, and labels that must not map.

The labels are written for this test (wordings seen in 1990s releases and
10-Ks), not taken from the benchmark's answer key.
"""

from __future__ import annotations

import pytest

from tieout.concepts import concept_of

# (concept, statement kind, wordings that must map to it)
WORDINGS = [
    ("Revenues", "operations", ["Revenues", "Total revenues", "Net revenues", "Total net revenue",
                                "Operating revenues", "Total revenues and other income", "Revenues, total"]),
    ("SalesRevenueNet", "operations", ["Net sales", "Sales", "Total net sales", "Sales of products"]),
    ("CostOfRevenue", "operations", ["Cost of sales", "Cost of goods sold", "Costs of revenues",
                                     "Cost of products sold (exclusive of depreciation)", "Total cost of sales"]),
    ("GrossProfit", "operations", ["Gross profit", "Gross margin", "Total gross profit"]),
    ("OperatingIncomeLoss", "operations", ["Operating income", "Income (loss) from operations",
                                           "Operating profit", "(Loss) income from operations", "Earnings from operations"]),
    ("InterestExpense", "operations", ["Interest expense", "Total interest expense"]),
    ("IncomeLossBeforeIncomeTaxes", "operations", ["Income before income taxes",
                                                   "Income (loss) before provision for income taxes",
                                                   "Earnings from continuing operations before income taxes",
                                                   "Loss before income tax benefit"]),
    ("IncomeTaxExpenseBenefit", "operations", ["Provision for income taxes", "Income taxes", "Income tax expense",
                                               "Income tax (benefit)", "Provision (benefit) for income taxes"]),
    ("NetIncomeLoss", "operations", ["Net income", "Net income (loss)", "Net earnings", "Net loss",
                                     "Net income for the year", "Net income attributable to Acme Corp."]),
    ("NetIncomeLossAttributableToNoncontrollingInterest", "operations",
     ["Minority interest", "Less: net income attributable to noncontrolling interests",
      "Minority interest in income of consolidated subsidiaries"]),
    ("EarningsPerShareBasic", "operations", ["Net income per share", "Basic earnings per share",
                                             "Net income (loss) per common share - basic", "Earnings per share, basic",
                                             "Earnings per common and common equivalent share",
                                             "Primary earnings per share"]),
    ("EarningsPerShareDiluted", "operations", ["Diluted earnings per share", "Net income per share - diluted",
                                               "Fully diluted earnings per common share",
                                               "Earnings per share assuming full dilution - diluted"]),
    ("WeightedAverageNumberOfSharesOutstandingBasic", "operations",
     ["Weighted average shares outstanding", "Weighted average number of common shares - basic",
      "Average common shares outstanding", "Shares used in computing per share amounts"]),
    ("WeightedAverageNumberOfDilutedSharesOutstanding", "operations",
     ["Weighted average shares outstanding - diluted", "Diluted weighted average shares",
      "Weighted average common and common equivalent shares outstanding",
      "Shares used in computing diluted per share amounts"]),
    ("CommonStockDividendsPerShareDeclared", "operations", ["Dividends declared per share",
                                                             "Cash dividends per common share"]),
    ("Assets", "balance", ["Total assets", "TOTAL ASSETS", "Assets, total"]),
    ("AssetsCurrent", "balance", ["Total current assets"]),
    ("CashAndCashEquivalentsAtCarryingValue", "balance", ["Cash and cash equivalents", "Cash", "Cash & equivalents"]),
    ("AccountsReceivableNetCurrent", "balance", ["Accounts receivable", "Accounts receivable, net",
                                                 "Trade accounts receivable, less allowance of $120",
                                                 "Receivables, net", "Notes and accounts receivable"]),
    ("InventoryNet", "balance", ["Inventories", "Inventory", "Merchandise inventories", "Total inventories"]),
    ("PropertyPlantAndEquipmentNet", "balance", ["Property, plant and equipment, net", "Net property and equipment",
                                                 "Property and equipment, net of accumulated depreciation",
                                                 "Fixed assets, net"]),
    ("Goodwill", "balance", ["Goodwill", "Goodwill, net", "Excess of cost over net assets acquired"]),
    ("Liabilities", "balance", ["Total liabilities"]),
    ("LiabilitiesCurrent", "balance", ["Total current liabilities"]),
    ("AccountsPayableCurrent", "balance", ["Accounts payable", "Trade accounts payable"]),
    ("LongTermDebtNoncurrent", "balance", ["Long-term debt", "Long-term debt, less current portion",
                                           "Long-term debt, net of current maturities", "Long-term borrowings"]),
    ("LongTermDebtCurrent", "balance", ["Current portion of long-term debt", "Current maturities of long-term debt"]),
    ("StockholdersEquity", "balance", ["Total stockholders' equity", "Total shareholders' equity (deficit)",
                                       "Total common shareholders' equity", "Total Acme stockholders' equity"]),
    ("LiabilitiesAndStockholdersEquity", "balance", ["Total liabilities and stockholders' equity",
                                                     "Total liabilities & shareholders' equity",
                                                     "Total liabilities and shareholders' investment"]),
    ("RetainedEarningsAccumulatedDeficit", "balance", ["Retained earnings", "Accumulated deficit",
                                                       "Retained earnings (deficit)", "Earnings reinvested"]),
    ("TreasuryStockValue", "balance", ["Treasury stock, at cost", "Less cost of common stock held in treasury"]),
    ("CommonStockValue", "balance", ["Common stock", "Common stock, $.01 par value; authorized 10,000,000 shares"]),
    ("CommonStockSharesAuthorized", "balance", ["Common stock, shares authorized"]),
    ("LoansAndLeasesReceivableNetReportedAmount", "balance", ["Net loans", "Loans, net"]),
    ("LoansAndLeasesReceivableAllowance", "balance", ["Allowance for loan losses", "Less allowance for credit losses"]),
    ("Deposits", "balance", ["Total deposits", "Deposits"]),
    ("InterestAndDividendIncomeOperating", "operations", ["Total interest income", "Total interest and dividend income"]),
    ("InterestIncomeExpenseNet", "operations", ["Net interest income"]),
    ("ProvisionForLoanAndLeaseLosses", "operations", ["Provision for loan losses", "Provision for possible loan losses"]),
    ("NetCashProvidedByUsedInOperatingActivities", "cashflow",
     ["Net cash provided by operating activities", "Net cash (used in) provided by operating activities",
      "Cash flows from operating activities", "Net cash used for operating activities",
      "Cash generated by (used for) operations"]),
    ("NetCashProvidedByUsedInInvestingActivities", "cashflow", ["Net cash used in investing activities",
                                                                "Net cash provided by (used for) investing activities"]),
    ("NetCashProvidedByUsedInFinancingActivities", "cashflow", ["Net cash provided by financing activities"]),
    ("DepreciationDepletionAndAmortization", "cashflow", ["Depreciation and amortization",
                                                          "Depreciation, depletion and amortization"]),
    ("PaymentsToAcquirePropertyPlantAndEquipment", "cashflow", ["Capital expenditures",
                                                                "Purchases of property, plant and equipment",
                                                                "Additions to property and equipment"]),
    ("CashAndCashEquivalentsPeriodIncreaseDecrease", "cashflow",
     ["Net increase (decrease) in cash and cash equivalents", "Net (decrease) increase in cash",
      "Increase in cash and equivalents", "Net change in cash and cash equivalents"]),
    ("CashAndCashEquivalentsAtBeginningOfPeriod", "cashflow", ["Cash and cash equivalents at beginning of year",
                                                               "Cash at beginning of period"]),
    ("CashAndCashEquivalentsAtCarryingValue", "cashflow", ["Cash and cash equivalents at end of period",
                                                           "Cash, end of year"]),
    ("PaymentsOfDividends", "cashflow", ["Dividends paid", "Cash dividends paid"]),
    ("PaymentsForRepurchaseOfCommonStock", "cashflow", ["Purchase of treasury stock", "Repurchases of common stock"]),
    ("IncreaseDecreaseInAccountsReceivable", "cashflow", ["Accounts receivable", "(Increase) decrease in receivables"]),
    ("IncreaseDecreaseInInventories", "cashflow", ["Inventories", "Decrease (increase) in inventories"]),
    ("DividendsCommonStock", "equity", ["Cash dividends declared", "Dividends on common stock"]),
    ("GoldProductionOunces", "production", ["Gold - Ounces", "Gold produced (ounces)"]),
    ("CashCostPerOunce", "production", ["Cash cost ($/oz.)", "Cash costs per ounce"]),
    ("TotalCostPerOunce", "production", ["Full cost ($/oz.)", "Total cost per ounce"]),
]


@pytest.mark.parametrize("concept, kind, label",
                         [(c, k, label) for c, k, labels in WORDINGS for label in labels])
def test_wording_maps_to_its_concept(concept, kind, label):
    assert concept_of(label, (), kind) == concept


# labels that must NOT map to the concept named (and what, if anything, they are)
NOT = [
    ("Total other income", "operations", "Revenues", "NonoperatingIncomeExpense"),
    ("Other income, net", "operations", "Revenues", "OtherNonoperatingIncomeExpense"),
    ("Net income per share", "operations", "NetIncomeLoss", "EarningsPerShareBasic"),
    ("Income from operations", "operations", "NetIncomeLoss", "OperatingIncomeLoss"),
    ("Income before income taxes", "operations", "IncomeTaxExpenseBenefit", "IncomeLossBeforeIncomeTaxes"),
    ("Net income attributable to noncontrolling interests", "operations", "NetIncomeLoss",
     "NetIncomeLossAttributableToNoncontrollingInterest"),
    ("Total liabilities and stockholders' equity", "balance", "StockholdersEquity",
     "LiabilitiesAndStockholdersEquity"),
    ("Total equity", "balance", "StockholdersEquity",
     "StockholdersEquityIncludingPortionAttributableToNoncontrollingInterest"),
    ("Common stock, shares issued", "balance", "CommonStockValue", "CommonStockSharesIssued"),
    ("Treasury stock, shares", "balance", "TreasuryStockValue", "TreasuryStockShares"),
    ("Accounts receivable, less allowance for doubtful accounts of $50", "balance",
     "AllowanceForDoubtfulAccountsReceivableCurrent", "AccountsReceivableNetCurrent"),
    ("Cash dividends per common share", "operations", "EarningsPerShareBasic",
     "CommonStockDividendsPerShareDeclared"),
    ("Weighted average shares outstanding - diluted", "operations", "WeightedAverageNumberOfSharesOutstandingBasic",
     "WeightedAverageNumberOfDilutedSharesOutstanding"),
    ("Net cash provided by operating activities", "balance", "NetCashProvidedByUsedInOperatingActivities", ""),
    ("Total", "operations", "Revenues", ""),
    ("Other", "balance", "OtherAssetsCurrent", ""),
    ("Basic", "operations", "EarningsPerShareBasic", ""),
    ("Deferred income taxes", "balance", "DeferredTaxAssetsNetCurrent", ""),
    ("Percentage of net sales", "operations", "SalesRevenueNet", ""),
    ("Cost of services", "operations", "CostOfRevenue", ""),
    ("Interest income", "operations", "Revenues", "InvestmentIncomeInterest"),
    ("Increase in cash surrender value of life insurance", "cashflow",
     "CashAndCashEquivalentsPeriodIncreaseDecrease", ""),
]


@pytest.mark.parametrize("label, kind, wrong, right", NOT)
def test_label_does_not_map_to_a_lookalike(label, kind, wrong, right):
    concept = concept_of(label, (), kind)
    assert concept != wrong
    assert concept == right


def test_section_heading_decides_a_bare_label():
    assert concept_of("Basic", ("Net income per share",), "operations") == "EarningsPerShareBasic"
    assert concept_of("Diluted", ("Earnings per common share:",), "operations") == "EarningsPerShareDiluted"
    assert concept_of("Basic", ("Weighted average shares outstanding",), "operations") == \
        "WeightedAverageNumberOfSharesOutstandingBasic"
    assert concept_of("Deferred income taxes", ("ASSETS", "Current assets"), "balance") == "DeferredTaxAssetsNetCurrent"
    assert concept_of("Deferred income taxes", ("LIABILITIES",), "balance") == "DeferredTaxLiabilitiesNoncurrent"
    assert concept_of("Other", ("Current liabilities",), "balance") == "OtherLiabilitiesCurrent"
    assert concept_of("Income taxes", ("Supplemental disclosures", "Cash paid for:"), "cashflow") == "IncomeTaxesPaid"


def test_the_unit_keeps_money_concepts_off_per_share_and_share_rows():
    assert concept_of("Basic", (), "operations", "USD/share") == "EarningsPerShareBasic"
    assert concept_of("Diluted", (), "operations", "shares") == "WeightedAverageNumberOfDilutedSharesOutstanding"
    assert concept_of("Basic (in shares)", (), "operations") == "WeightedAverageNumberOfSharesOutstandingBasic"
    assert concept_of("Diluted (in dollars per share)", (), "operations") == "EarningsPerShareDiluted"
    # a per-share figure on a "Net income" line is earnings per share, not net income
    assert concept_of("Net income", (), "operations", "USD/share") == "EarningsPerShareBasic"
    assert concept_of("Net income", ("Diluted",), "operations", "USD/share") == "EarningsPerShareDiluted"
    assert concept_of("Total revenues", (), "operations", "USD/share") == ""
    assert concept_of("Basic earnings per share", (), "operations", "shares") == \
        "WeightedAverageNumberOfSharesOutstandingBasic"


def test_cash_flow_balance_lines_are_changes():
    assert concept_of("Accounts payable", (), "cashflow") == "IncreaseDecreaseInAccountsPayable"
    assert concept_of("Accounts payable", (), "balance") == "AccountsPayableCurrent"
    assert concept_of("Increase in accrued income taxes", (), "cashflow") == "IncreaseDecreaseInAccruedIncomeTaxesPayable"
    assert concept_of("Prepaid expenses", (), "cashflow") == "IncreaseDecreaseInPrepaidExpense"


def test_a_weighted_average_rate_or_price_is_no_share_count():
    from tieout.concepts import concept_of

    for label in ("Weighted-average annual interest rate of total debt", "Weighted-average exercise price"):
        assert concept_of(label, (), "operations") != "WeightedAverageNumberOfSharesOutstandingBasic"
    assert concept_of("Weighted average common shares outstanding", (), "operations") == \
        "WeightedAverageNumberOfSharesOutstandingBasic"
