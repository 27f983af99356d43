"""The EX-27 financial data schedule articles: their tags in filing order, and what each means.

Regulation S-K Item 601(c) (1993-2001) made every 10-Q and 10-K carry an EX-27
schedule: the main statement figures under fixed tags, one article per kind
of filer (5: commercial and industrial, 7: insurance, 9: bank holding
companies). The order matters where a downloader stripped the tags and kept
only the values (the Apple 10-Ks in the corpus): values are then read by
position, and only when their count equals the article's tag count.

Concepts are US-GAAP element names (the names XBRL later gave the same
figures), so EX-27 facts line up with the concept layer and with XBRL-era data.
"""

from __future__ import annotations

# Tags after the header (ARTICLE, LEGEND, MULTIPLIER, CURRENCY, PERIOD-TYPE,
# FISCAL-YEAR-END, PERIOD-START, PERIOD-END), in the order the schedule lists them.
ARTICLE_TAGS: dict[str, tuple[str, ...]] = {
    "5": (
        "CASH", "SECURITIES", "RECEIVABLES", "ALLOWANCES", "INVENTORY", "CURRENT-ASSETS", "PP&E",
        "DEPRECIATION", "TOTAL-ASSETS", "CURRENT-LIABILITIES", "BONDS", "PREFERRED-MANDATORY",
        "PREFERRED", "COMMON", "OTHER-SE", "TOTAL-LIABILITY-AND-EQUITY", "SALES", "TOTAL-REVENUES",
        "CGS", "TOTAL-COSTS", "OTHER-EXPENSES", "LOSS-PROVISION", "INTEREST-EXPENSE",
        "INCOME-PRETAX", "INCOME-TAX", "INCOME-CONTINUING", "DISCONTINUED", "EXTRAORDINARY",
        "CHANGES", "NET-INCOME", "EPS-PRIMARY", "EPS-DILUTED",
    ),
    "7": (
        "DEBT-HELD-FOR-SALE", "DEBT-CARRYING-VALUE", "DEBT-MARKET-VALUE", "EQUITIES", "MORTGAGE",
        "REAL-ESTATE", "TOTAL-INVEST", "CASH", "RECOVER-REINSURE", "DEFERRED-ACQUISITION",
        "TOTAL-ASSETS", "POLICY-LOSSES", "UNEARNED-PREMIUMS", "POLICY-OTHER", "POLICY-HOLDER-FUNDS",
        "NOTES-PAYABLE", "PREFERRED-MANDATORY", "PREFERRED", "COMMON", "OTHER-SE",
        "TOTAL-LIABILITY-AND-EQUITY", "PREMIUMS", "INVESTMENT-INCOME", "INVESTMENT-GAINS",
        "OTHER-INCOME", "BENEFITS", "UNDERWRITING-AMORTIZATION", "UNDERWRITING-OTHER",
        "INCOME-PRETAX", "INCOME-TAX", "INCOME-CONTINUING", "DISCONTINUED", "EXTRAORDINARY",
        "CHANGES", "NET-INCOME", "EPS-PRIMARY", "EPS-DILUTED", "RESERVE-OPEN", "PROVISION-CURRENT",
        "PROVISION-PRIOR", "PAYMENTS-CURRENT", "PAYMENTS-PRIOR", "RESERVE-CLOSE",
        "CUMULATIVE-DEFICIENCY",
    ),
    "9": (
        "CASH", "INT-BEARING-DEPOSITS", "FED-FUNDS-SOLD", "TRADING-ASSETS",
        "INVESTMENTS-HELD-FOR-SALE", "INVESTMENTS-CARRYING", "INVESTMENTS-MARKET", "LOANS",
        "ALLOWANCE", "TOTAL-ASSETS", "DEPOSITS", "SHORT-TERM", "LIABILITIES-OTHER", "LONG-TERM",
        "PREFERRED-MANDATORY", "PREFERRED", "COMMON", "OTHER-SE", "TOTAL-LIABILITIES-AND-EQUITY",
        "INTEREST-LOAN", "INTEREST-INVEST", "INTEREST-OTHER", "INTEREST-TOTAL", "INTEREST-DEPOSIT",
        "INTEREST-EXPENSE", "INTEREST-INCOME-NET", "LOAN-LOSSES", "SECURITIES-GAINS",
        "EXPENSE-OTHER", "INCOME-PRETAX", "INCOME-PRE-EXTRAORDINARY", "EXTRAORDINARY", "CHANGES",
        "NET-INCOME", "EPS-PRIMARY", "EPS-DILUTED", "YIELD-ACTUAL", "LOANS-NON", "LOANS-PAST",
        "LOANS-TROUBLED", "LOANS-PROBLEM", "ALLOWANCE-OPEN", "CHARGE-OFFS", "RECOVERIES",
        "ALLOWANCE-CLOSE", "ALLOWANCE-DOMESTIC", "ALLOWANCE-FOREIGN", "ALLOWANCE-UNALLOCATED",
    ),
}

HEADER_TAGS = frozenset({
    "ARTICLE", "LEGEND", "MULTIPLIER", "CURRENCY", "PERIOD-TYPE", "FISCAL-YEAR-END",
    "PERIOD-START", "PERIOD-END", "EXCHANGE-RATE", "CIK", "NAME", "SUBSIDIARY", "NUMBER",
    "RESTATED", "SERIES", "TABLE", "S", "C", "PAGE", "FN",
    "TYPE", "SEQUENCE", "DESCRIPTION", "FILENAME", "TEXT", "DOCUMENT",
})

# Tags whose values are balances at PERIOD-END (the rest are flows over the period).
INSTANT_TAGS = frozenset(
    ARTICLE_TAGS["5"][:16] + ARTICLE_TAGS["7"][:21] + ARTICLE_TAGS["9"][:19]
    + ("LOANS-NON", "LOANS-PAST", "LOANS-TROUBLED", "LOANS-PROBLEM", "ALLOWANCE-OPEN",
       "ALLOWANCE-CLOSE", "ALLOWANCE-DOMESTIC", "ALLOWANCE-FOREIGN", "ALLOWANCE-UNALLOCATED",
       "RESERVE-OPEN", "RESERVE-CLOSE", "TOTAL-LIABILITIES-AND-EQUITY")
)

PER_SHARE_TAGS = frozenset({"EPS-PRIMARY", "EPS-BASIC", "EPS-DILUTED"})
PERCENT_TAGS = frozenset({"YIELD-ACTUAL"})

CONCEPTS: dict[str, str] = {
    "CASH": "CashAndCashEquivalentsAtCarryingValue",
    "SECURITIES": "MarketableSecuritiesCurrent",
    "RECEIVABLES": "AccountsReceivableGrossCurrent",
    "ALLOWANCES": "AllowanceForDoubtfulAccountsReceivableCurrent",
    "INVENTORY": "InventoryNet",
    "CURRENT-ASSETS": "AssetsCurrent",
    "PP&E": "PropertyPlantAndEquipmentGross",
    "DEPRECIATION": "AccumulatedDepreciationDepletionAndAmortizationPropertyPlantAndEquipment",
    "TOTAL-ASSETS": "Assets",
    "CURRENT-LIABILITIES": "LiabilitiesCurrent",
    "BONDS": "LongTermDebtNoncurrent",
    "PREFERRED-MANDATORY": "TemporaryEquityCarryingAmount",
    "PREFERRED": "PreferredStockValue",
    "COMMON": "CommonStockValue",
    "OTHER-SE": "OtherStockholdersEquity",
    "TOTAL-LIABILITY-AND-EQUITY": "LiabilitiesAndStockholdersEquity",
    "TOTAL-LIABILITIES-AND-EQUITY": "LiabilitiesAndStockholdersEquity",
    "SALES": "SalesRevenueNet",
    "TOTAL-REVENUES": "Revenues",
    "CGS": "CostOfGoodsSold",
    "TOTAL-COSTS": "CostOfRevenue",
    "OTHER-EXPENSES": "OtherCostAndExpenseOperating",
    "LOSS-PROVISION": "ProvisionForDoubtfulAccounts",
    "INTEREST-EXPENSE": "InterestExpense",
    "INCOME-PRETAX": "IncomeLossFromContinuingOperationsBeforeIncomeTaxes",
    "INCOME-TAX": "IncomeTaxExpenseBenefit",
    "INCOME-CONTINUING": "IncomeLossFromContinuingOperations",
    "DISCONTINUED": "IncomeLossFromDiscontinuedOperationsNetOfTax",
    "EXTRAORDINARY": "ExtraordinaryItemNetOfTax",
    "CHANGES": "CumulativeEffectOfChangeInAccountingPrincipleNetOfTax",
    "NET-INCOME": "NetIncomeLoss",
    "EPS-PRIMARY": "EarningsPerShareBasic",
    "EPS-BASIC": "EarningsPerShareBasic",
    "EPS-DILUTED": "EarningsPerShareDiluted",
    # article 7
    "TOTAL-INVEST": "Investments",
    "PREMIUMS": "PremiumsEarnedNet",
    "INVESTMENT-INCOME": "NetInvestmentIncome",
    "BENEFITS": "PolicyholderBenefitsAndClaimsIncurredNet",
    "NOTES-PAYABLE": "NotesPayable",
    # article 9
    "LOANS": "LoansAndLeasesReceivableGrossCarryingAmount",
    "ALLOWANCE": "LoansAndLeasesReceivableAllowance",
    "DEPOSITS": "Deposits",
    "INTEREST-TOTAL": "InterestAndDividendIncomeOperating",
    "INTEREST-INCOME-NET": "InterestIncomeExpenseNet",
    "LOAN-LOSSES": "ProvisionForLoanAndLeaseLosses",
    "INCOME-PRE-EXTRAORDINARY": "IncomeLossBeforeExtraordinaryItemsAndCumulativeEffectOfChangeInAccountingPrinciple",
}


def concept_of(tag: str) -> str:
    """The US-GAAP-like name of a tag; ``ex27:TAG`` for tags without one."""
    return CONCEPTS.get(tag, f"ex27:{tag}")


# Label patterns of the statement line each tied tag restates, used until the
# concept layer (tieout.concepts) names statement facts itself.
TIE_PATTERNS: dict[str, str] = {
    "CASH": r"^cash( and (cash )?equivalents)?$",
    "CURRENT-ASSETS": r"^total current assets$",
    "TOTAL-ASSETS": r"^total assets$",
    "CURRENT-LIABILITIES": r"^total current liabilities$",
    "TOTAL-LIABILITY-AND-EQUITY": r"^total liabilities and (stock|share)(holders|owners)'? (equity|investment)$",
    "TOTAL-LIABILITIES-AND-EQUITY": r"^total liabilities and (stock|share)(holders|owners)'? (equity|investment)$",
    "SALES": r"^(net )?sales$",
    "TOTAL-REVENUES": r"^(total )?(net )?(revenues?|sales)$|^(net )?sales and (other )?revenues?$",
    "INCOME-PRETAX": r"before (provision for |\(?benefit\)? ?(from|for) )?income taxes",
    "INCOME-TAX": r"^((provision|benefit) (for|from) |\(benefit\) provision for |provision \(benefit\) for )?income taxes$",
    "NET-INCOME": r"^net (income|earnings|loss)( \((loss|deficit)\))?$|^net \(loss\) (income|earnings)$",
    # earnings per share, not dividends or book value per share
    "EPS-PRIMARY": r"^(?!.*(dividend|book value|price|cash flow)).*(per (common )?share|per common and common equivalent share)",
    "EPS-BASIC": r"^(?!.*(dividend|book value|price|cash flow)).*(per (common )?share|per common and common equivalent share)",
    "EPS-DILUTED": r"diluted|assuming (full )?dilution",
}
