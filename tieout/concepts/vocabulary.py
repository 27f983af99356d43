"""The vocabulary as data: label patterns -> concept, with the statements they apply to.

Concept names are US-GAAP element names where one fits. Patterns match the
*normalised* label (lower case, parenthesised words such as "(loss)" dropped,
punctuation as spaces), anchored at the start, first match wins. ``kinds`` is
the set of statement kinds the pattern applies to ("*" for any).

``CHANGE_OF`` maps a balance-sheet concept to the cash-flow line that reports
its change, with the sign the cash-flow statement shows an *increase* in the
balance with: an asset that grows uses cash (-1), a liability that grows
provides it (+1).
"""

from __future__ import annotations

BAL = frozenset({"balance"})
OPS = frozenset({"operations", "highlights"})
CF = frozenset({"cashflow"})
HL = frozenset({"highlights"})
ANY = frozenset({"*"})

# (concept, kinds, pattern on the normalised label)
VOCABULARY: tuple[tuple[str, frozenset, str], ...] = (
    # balance sheet
    ("AssetsCurrent", BAL, r"total current assets$"),
    ("Assets", BAL, r"total assets$"),
    ("LiabilitiesCurrent", BAL, r"total current liabilities$"),
    ("LiabilitiesAndStockholdersEquity", BAL,
     r"total liabilit(y|ies) and (share|stock)holders? (equity|investment|deficit)"
     r"|total liabilit(y|ies)\b.{0,80} and (total )?(equity|capital|deficit|partners capital)$"),
    ("Liabilities", BAL, r"total liabilities$"),
    ("StockholdersEquity", BAL, r"total (share|stock)holders? (equity|investment|deficit)$"),
    # equity including the noncontrolling interests, and the mezzanine between liabilities and equity
    ("StockholdersEquityIncludingPortionAttributableToNoncontrollingInterest", BAL, r"total (equity|capital|deficit)$"),
    ("TemporaryEquityCarryingAmountAttributableToParent", BAL,
     r"redeemable (convertible )?(noncontrolling|minority) interests?$|redeemable (convertible )?preferred stock$"
     r"|temporary equity$"),
    ("CashAndCashEquivalentsAtCarryingValue", BAL, r"cash and (cash )?equivalents$|cash$"),
    ("IncomeTaxesReceivable", BAL, r"income tax(es)? (refund )?receivable"),
    ("AccountsReceivable", BAL, r"(trade )?(accounts|notes)( and notes| and accounts)? receivable"),
    ("InventoryNet", BAL, r"inventor(y|ies)$"),
    ("OtherAssetsCurrent", BAL, r"other current assets$"),
    ("AccountsPayableAndAccruedLiabilities", BAL, r"accounts payable and accrued (expenses|liabilities)$"),
    ("AccountsPayable", BAL, r"(trade )?accounts payable$"),
    ("EmployeeRelatedLiabilities", BAL, r"accrued (payroll|compensation|salaries)"),
    ("AccruedIncomeTaxes", BAL, r"accrued (income )?taxes$|income taxes payable$"),
    ("LongTermDebtNoncurrent", BAL, r"long term debt$|long term debt less current"),
    ("PreferredStockValue", BAL, r"preferred stock$"),
    ("CommonStockValue", BAL, r"common stock\b(?!.*(shares outstanding|dividends))"),
    ("AdditionalPaidInCapital", BAL, r"(capital surplus|additional paid in capital|paid in capital)"),
    ("RetainedEarningsAccumulatedDeficit", BAL, r"(accumulated deficit|retained earnings)"),
    ("TreasuryStockValue", BAL, r"treasury stock"),
    ("CommonStockSharesOutstanding", BAL, r"common shares outstanding"),
    # operations (and the same lines in a highlights table)
    ("Revenues", OPS, r"(total )?(net )?revenues?$|total revenues? and other income$"),
    ("SalesRevenueNet", OPS, r"(net )?sales( of products)?$|total (net )?sales$"),
    ("CostOfRevenue", OPS, r"cost of (sales|goods sold|revenues?|products sold)"),
    ("GrossProfit", OPS, r"(total )?gross (profit|margin)$"),
    ("OperatingIncomeLoss", OPS, r"(income|loss|earnings) from operations$|operating (income|loss)$"),
    ("InterestAndOtherIncome", OPS, r"interest and other income$"),
    ("IncomeLossBeforeIncomeTaxes", OPS,
     r"(income|loss|earnings) before (provision for )?income taxes$"),
    ("IncomeTaxExpenseBenefit", OPS, r"income tax (provision|expense|benefit)$|provision for income taxes$"),
    ("NetIncomeLossAvailableToCommonStockholdersBasic", OPS,
     r"(net )?(income|loss|earnings) (applicable|available|attributable) to common"),
    ("EarningsPerShareDiluted", OPS, r"(?>.*?\bper\b).*\b(fully )?diluted\b|diluted (?>.*?per ).*share"),
    ("EarningsPerShareBasic", OPS, r"(net )?(income|loss|earnings) per (common )?share( basic| primary)?$"
                                   r"|basic (net )?(income|loss|earnings) per"),
    ("WeightedAverageNumberOfSharesOutstandingBasic", OPS, r"weighted average"),
    ("PreferredStockDividendsIncomeStatementImpact", OPS, r"preferred stock dividends$"),
    ("DepreciationDepletionAndAmortization", OPS | CF, r"depreciation|depletion and amortization"),
    ("NetIncomeLoss", OPS | CF, r"net (income|loss|earnings)$"),
    ("NetCashProvidedByUsedInOperatingActivities", CF | HL,
     r"(net )?cash (flows? )?(provided|used|generated)( by| in| from)? .*operating activities"
     r"|cash flow (provided|used)( by| in| from)? operating activities"),
    ("NetCashProvidedByUsedInInvestingActivities", CF,
     r"(net )?cash (flows? )?(provided|used)( by| in| from)? .*investing activities"),
    ("NetCashProvidedByUsedInFinancingActivities", CF,
     r"(net )?cash (flows? )?(provided|used)( by| in| from)? .*financing activities"),
    ("CashAndCashEquivalentsPeriodIncreaseDecrease", CF,
     r"net (increase|decrease|change) in cash"),
    ("CashAndCashEquivalentsAtBeginningOfPeriod", CF, r"cash( and cash equivalents)?,? (at )?beginning"),
    ("CashAndCashEquivalentsAtCarryingValue", CF, r"cash( and cash equivalents)?,? (at )?end"),
    ("ProceedsFromIssuanceOfLongTermDebt", CF,
     r"(borrowings?|proceeds)( on| of| from| under)( the)? (issuance of )?long term debt"),
    ("RepaymentsOfLongTermDebt", CF,
     r"(repayments?|payments?|principal payments)( on| of| under)( the)? long term debt"),
    ("ProceedsFromIssuanceOfCommonStock", CF,
     r"(proceeds from )?(the )?(issuance|sale) of common stock"),
    ("ProceedsFromWarrantExercises", CF, r"proceeds from (the )?exercise of (stock )?warrants"),
    ("PaymentsOfDividends", CF, r"dividends (on|paid)"),
    # highlights
    ("SalesRevenueNet", HL, r"total sales$"),
)

# balance concept -> (cash-flow change concept, sign of an increase in the balance)
CHANGE_OF: dict[str, tuple[str, int]] = {
    "AccountsReceivable": ("IncreaseDecreaseInAccountsReceivable", -1),
    "IncomeTaxesReceivable": ("IncreaseDecreaseInIncomeTaxesReceivable", -1),
    "InventoryNet": ("IncreaseDecreaseInInventories", -1),
    "OtherAssetsCurrent": ("IncreaseDecreaseInOtherCurrentAssets", -1),
    "AccountsPayableAndAccruedLiabilities": ("IncreaseDecreaseInAccountsPayableAndAccruedLiabilities", 1),
    "AccountsPayable": ("IncreaseDecreaseInAccountsPayable", 1),
    "EmployeeRelatedLiabilities": ("IncreaseDecreaseInEmployeeRelatedLiabilities", 1),
    "AccruedIncomeTaxes": ("IncreaseDecreaseInAccruedIncomeTaxesPayable", 1),
}
