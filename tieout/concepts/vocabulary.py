"""The vocabulary as data: the standard concepts, and label patterns -> concept.

``CONCEPTS`` lists every concept tieout can give a row: its name (a US-GAAP
element name where one fits; the mining names are tieout's own and say so),
the statement it belongs to (``stmt``: ``BS``, ``IS``, ``CF``, ``EQ``, or
``""`` for highlights and operating data), whether it is a total or subtotal,
the unit its values are in, and ``tags``: the other US-GAAP elements filers use
for the same printed line (``ProfitLoss`` for "Net income", ``CostOfGoodsSold``
for "Cost of sales"). A concept *stands for* its own name and its tags; the
benchmark (``benchmarks/concept_mapping.py``) scores a label right when the
filer's tag is one the predicted concept stands for. The aliases are listed
here, once, so the claim "right" is open to inspection.

``VOCABULARY`` holds the patterns. They match the *normalised* label (lower
case, parenthesised words such as "(loss)" dropped, punctuation as spaces),
anchored at the start, first match wins; ``kinds`` is the set of statement
kinds the pattern applies to ("*" for any). ``PATH_RULES`` decide labels that
only their section heading makes clear ("Deferred income taxes" under current
assets or under liabilities).

``CHANGE_OF`` maps a balance-sheet concept to the cash-flow line that reports
its change, with the sign the cash-flow statement shows an *increase* in the
balance with: an asset that grows uses cash (-1), a liability that grows
provides it (+1); the balance-change rule ties each pair. ``CHANGE_NAMES``
names the change line of further balances (a concept only, no tie).
"""

from __future__ import annotations

from dataclasses import dataclass

BAL = frozenset({"balance"})
OPS = frozenset({"operations", "highlights"})
CF = frozenset({"cashflow"})
EQ = frozenset({"equity"})
HL = frozenset({"highlights"})
PRD = frozenset({"production", "highlights", "other"})
ANY = frozenset({"*"})

# statement kind (tieout.concepts.statement_kind) -> the statement code of the SEC's data sets
STMT_OF_KIND = {"balance": "BS", "operations": "IS", "cashflow": "CF", "equity": "EQ"}


@dataclass(frozen=True, slots=True)
class Concept:
    name: str
    stmt: str  # "BS", "IS", "CF", "EQ", or "" (highlights, operating data)
    total: bool = False  # a total or subtotal of other lines
    unit: str = "USD"  # "USD", "USD/share", "shares", "oz", "ton", "USD/oz", "" (any)
    tags: tuple[str, ...] = ()  # other US-GAAP elements filers use for the same line
    custom: bool = False  # a tieout name, not a US-GAAP element


def _c(name, stmt, total=False, unit="USD", tags=(), custom=False) -> Concept:
    return Concept(name, stmt, total, unit, tuple(tags), custom)


_T = True
CONCEPTS: dict[str, Concept] = {c.name: c for c in (
    # balance sheet: assets
    _c("CashAndCashEquivalentsAtCarryingValue", "BS", tags=("Cash", "CashAndDueFromBanks")),
    _c("CashAndDueFromBanks", "BS"),
    _c("ShortTermInvestments", "BS", tags=("MarketableSecuritiesCurrent", "AvailableForSaleSecuritiesCurrent")),
    _c("AccountsReceivableNetCurrent", "BS", tags=("ReceivablesNetCurrent", "AccountsReceivableNet",
                                                   "AccountsNotesAndLoansReceivableNetCurrent")),
    _c("AllowanceForDoubtfulAccountsReceivableCurrent", "BS"),
    _c("IncomeTaxesReceivable", "BS"),
    _c("InventoryNet", "BS"),
    _c("PrepaidExpenseCurrent", "BS"),
    _c("DeferredTaxAssetsNetCurrent", "BS"),
    _c("OtherAssetsCurrent", "BS", tags=("PrepaidExpenseAndOtherAssetsCurrent",)),
    _c("AssetsCurrent", "BS", _T),
    _c("PropertyPlantAndEquipmentGross", "BS"),
    _c("AccumulatedDepreciationDepletionAndAmortizationPropertyPlantAndEquipment", "BS"),
    _c("PropertyPlantAndEquipmentNet", "BS", _T),
    _c("Goodwill", "BS"),
    _c("RestrictedCashAndCashEquivalentsAtCarryingValue", "BS", tags=("RestrictedCash",)),
    _c("LongTermInvestments", "BS", tags=("MarketableSecuritiesNoncurrent", "LongTermMarketableSecurities")),
    _c("EquityMethodInvestments", "BS", tags=("InvestmentsInAffiliatesSubsidiariesAssociatesAndJointVentures",)),
    _c("InventoryFinishedGoods", "BS"),
    _c("InventoryWorkInProcess", "BS"),
    _c("InventoryRawMaterials", "BS"),
    _c("Land", "BS"),
    _c("BuildingsAndImprovementsGross", "BS"),
    _c("MachineryAndEquipmentGross", "BS"),
    _c("FurnitureAndFixturesGross", "BS"),
    _c("LeaseholdImprovementsGross", "BS"),
    _c("IntangibleAssetsNetExcludingGoodwill", "BS", tags=("FiniteLivedIntangibleAssetsNet",)),
    _c("DeferredTaxAssetsNetNoncurrent", "BS"),
    _c("OtherAssetsNoncurrent", "BS", tags=("OtherAssets",)),
    _c("Assets", "BS", _T),
    # balance sheet: banks
    _c("AvailableForSaleSecurities", "BS", tags=("AvailableForSaleSecuritiesDebtSecurities",)),
    _c("HeldToMaturitySecurities", "BS"),
    _c("LoansAndLeasesReceivableGrossCarryingAmount", "BS", tags=("LoansAndLeasesReceivableNetOfDeferredIncome",)),
    _c("LoansAndLeasesReceivableAllowance", "BS"),
    _c("LoansAndLeasesReceivableNetReportedAmount", "BS", _T),
    _c("Deposits", "BS", _T),
    # balance sheet: liabilities
    _c("AccountsPayableCurrent", "BS", tags=("AccountsPayable", "AccountsPayableTradeCurrent")),
    _c("AccountsPayableAndAccruedLiabilities", "BS", tags=("AccountsPayableAndAccruedLiabilitiesCurrent",)),
    _c("AccruedLiabilitiesCurrent", "BS", tags=("AccruedLiabilities",)),
    _c("EmployeeRelatedLiabilities", "BS", tags=("EmployeeRelatedLiabilitiesCurrent",)),
    _c("AccruedIncomeTaxes", "BS", tags=("AccruedIncomeTaxesCurrent", "TaxesPayableCurrent")),
    _c("DeferredRevenueCurrent", "BS", tags=("DeferredRevenue",)),
    _c("ShortTermBorrowings", "BS", tags=("NotesPayableCurrent", "ShortTermBankLoansAndNotesPayable",
                                          "CommercialPaper")),
    _c("LongTermDebtCurrent", "BS", tags=("LongTermDebtAndCapitalLeaseObligationsCurrent",)),
    _c("OtherLiabilitiesCurrent", "BS"),
    _c("LiabilitiesCurrent", "BS", _T),
    _c("LongTermDebtNoncurrent", "BS", tags=("LongTermDebtAndCapitalLeaseObligations", "LongTermDebt")),
    _c("DeferredTaxLiabilitiesNoncurrent", "BS"),
    _c("OtherLiabilitiesNoncurrent", "BS", tags=("OtherLiabilities",)),
    _c("Liabilities", "BS", _T),
    _c("CommitmentsAndContingencies", "BS"),
    _c("MinorityInterest", "BS"),
    _c("TemporaryEquityCarryingAmountAttributableToParent", "BS"),
    # balance sheet: equity
    _c("PreferredStockValue", "BS"),
    _c("CommonStockValue", "BS"),
    _c("AdditionalPaidInCapital", "BS", tags=("AdditionalPaidInCapitalCommonStock",)),
    _c("RetainedEarningsAccumulatedDeficit", "BS",
       tags=("DevelopmentStageEnterpriseDeficitAccumulatedDuringDevelopmentStage",)),
    _c("TreasuryStockValue", "BS"),
    _c("AccumulatedOtherComprehensiveIncomeLossNetOfTax", "BS"),
    _c("StockholdersEquity", "BS", _T),
    _c("StockholdersEquityIncludingPortionAttributableToNoncontrollingInterest", "BS", _T),
    _c("LiabilitiesAndStockholdersEquity", "BS", _T),
    # balance sheet: share data (printed beside the equity lines)
    _c("CommonStockSharesAuthorized", "BS", unit="shares"),
    _c("CommonStockSharesIssued", "BS", unit="shares"),
    _c("CommonStockSharesOutstanding", "BS", unit="shares"),
    _c("CommonStockParOrStatedValuePerShare", "BS", unit="USD/share"),
    _c("PreferredStockSharesAuthorized", "BS", unit="shares"),
    _c("PreferredStockSharesIssued", "BS", unit="shares"),
    _c("PreferredStockSharesOutstanding", "BS", unit="shares"),
    _c("PreferredStockParOrStatedValuePerShare", "BS", unit="USD/share"),
    _c("TreasuryStockShares", "BS", unit="shares"),
    # income statement
    _c("Revenues", "IS", _T, tags=("SalesRevenueNet", "SalesRevenueGoodsNet", "SalesRevenueServicesNet")),
    _c("SalesRevenueNet", "IS", tags=("Revenues", "SalesRevenueGoodsNet")),
    _c("CostOfRevenue", "IS", tags=("CostOfGoodsSold", "CostOfGoodsAndServicesSold")),
    _c("GrossProfit", "IS", _T),
    _c("SellingGeneralAndAdministrativeExpense", "IS"),
    _c("GeneralAndAdministrativeExpense", "IS"),
    _c("SellingAndMarketingExpense", "IS"),
    _c("ResearchAndDevelopmentExpense", "IS"),
    _c("DepreciationDepletionAndAmortization", "IS",
       tags=("DepreciationAndAmortization", "DepreciationAmortizationAndAccretionNet")),
    _c("Depreciation", "IS"),
    _c("AmortizationOfIntangibleAssets", "IS"),
    _c("RestructuringCharges", "IS"),
    _c("AssetImpairmentCharges", "IS"),
    _c("OperatingExpenses", "IS", _T),
    _c("CostsAndExpenses", "IS", _T),
    _c("OperatingIncomeLoss", "IS", _T),
    _c("InterestExpense", "IS", tags=("InterestAndDebtExpense",)),
    _c("InvestmentIncomeInterest", "IS"),
    _c("InterestAndOtherIncome", "IS"),
    _c("OtherNonoperatingIncomeExpense", "IS", tags=("OtherNonoperatingIncome",)),
    _c("NonoperatingIncomeExpense", "IS", _T),
    _c("IncomeLossFromEquityMethodInvestments", "IS"),
    _c("IncomeLossBeforeIncomeTaxes", "IS", _T, tags=(
        "IncomeLossFromContinuingOperationsBeforeIncomeTaxesMinorityInterestAndIncomeLossFromEquityMethodInvestments",
        "IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest",
        "IncomeLossFromContinuingOperationsBeforeIncomeTaxesDomestic")),
    _c("IncomeTaxExpenseBenefit", "IS"),
    _c("IncomeLossFromContinuingOperations", "IS", _T,
       tags=("IncomeLossFromContinuingOperationsIncludingPortionAttributableToNoncontrollingInterest",)),
    _c("IncomeLossFromDiscontinuedOperationsNetOfTax", "IS",
       tags=("IncomeLossFromDiscontinuedOperationsNetOfTaxAttributableToReportingEntity",
             "DiscontinuedOperationIncomeLossFromDiscontinuedOperationNetOfTax")),
    _c("ExtraordinaryItemNetOfTax", "IS"),
    _c("CumulativeEffectOfChangeInAccountingPrincipleNetOfTax", "IS"),
    _c("NetIncomeLossAttributableToNoncontrollingInterest", "IS",
       tags=("MinorityInterestInNetIncomeLossOfConsolidatedEntities",)),
    _c("NetIncomeLoss", "IS", _T, tags=("ProfitLoss", "NetIncomeLossAvailableToCommonStockholdersBasic")),
    _c("PreferredStockDividendsIncomeStatementImpact", "IS", tags=("DividendsPreferredStock",
                                                                   "PreferredStockDividendsAndOtherAdjustments")),
    _c("NetIncomeLossAvailableToCommonStockholdersBasic", "IS", _T, tags=("NetIncomeLoss",)),
    _c("EarningsPerShareBasic", "IS", unit="USD/share", tags=("EarningsPerShareBasicAndDiluted",)),
    _c("EarningsPerShareDiluted", "IS", unit="USD/share", tags=("EarningsPerShareBasicAndDiluted",)),
    _c("WeightedAverageNumberOfSharesOutstandingBasic", "IS", unit="shares",
       tags=("WeightedAverageNumberOfShareOutstandingBasicAndDiluted",)),
    _c("WeightedAverageNumberOfDilutedSharesOutstanding", "IS", unit="shares",
       tags=("WeightedAverageNumberOfShareOutstandingBasicAndDiluted",)),
    _c("CommonStockDividendsPerShareDeclared", "IS", unit="USD/share", tags=("CommonStockDividendsPerShareCashPaid",)),
    _c("ComprehensiveIncomeNetOfTax", "IS", _T,
       tags=("ComprehensiveIncomeNetOfTaxIncludingPortionAttributableToNoncontrollingInterest",)),
    _c("OtherComprehensiveIncomeLossNetOfTax", "IS", _T,
       tags=("OtherComprehensiveIncomeLossNetOfTaxPeriodIncreaseDecrease",)),
    _c("OtherComprehensiveIncomeForeignCurrencyTransactionAndTranslationAdjustmentNetOfTaxPeriodIncreaseDecrease",
       "IS"),
    # income statement: banks and insurers
    _c("InterestAndDividendIncomeOperating", "IS", _T),
    _c("InterestExpenseDeposits", "IS"),
    _c("InterestIncomeExpenseNet", "IS", _T),
    _c("ProvisionForLoanAndLeaseLosses", "IS", tags=("ProvisionForLoanLeaseAndOtherLosses",)),
    _c("InterestIncomeExpenseAfterProvisionForLoanLoss", "IS", _T),
    _c("NoninterestIncome", "IS", _T),
    _c("NoninterestExpense", "IS", _T),
    _c("PremiumsEarnedNet", "IS"),
    _c("NetInvestmentIncome", "IS"),
    _c("PolicyholderBenefitsAndClaimsIncurredNet", "IS"),
    # cash flows
    _c("ShareBasedCompensation", "CF"),
    _c("DeferredIncomeTaxExpenseBenefit", "CF"),
    _c("IncreaseDecreaseInAccountsReceivable", "CF", tags=("IncreaseDecreaseInReceivables",)),
    _c("IncreaseDecreaseInIncomeTaxesReceivable", "CF"),
    _c("IncreaseDecreaseInInventories", "CF"),
    _c("IncreaseDecreaseInPrepaidExpense", "CF", tags=("IncreaseDecreaseInPrepaidDeferredExpenseAndOtherAssets",)),
    _c("IncreaseDecreaseInOtherCurrentAssets", "CF", tags=("IncreaseDecreaseInPrepaidDeferredExpenseAndOtherAssets",
                                                           "IncreaseDecreaseInOtherOperatingAssets")),
    _c("IncreaseDecreaseInOtherOperatingAssets", "CF"),
    _c("IncreaseDecreaseInAccountsPayable", "CF", tags=("IncreaseDecreaseInAccountsPayableTrade",)),
    _c("IncreaseDecreaseInAccountsPayableAndAccruedLiabilities", "CF"),
    _c("IncreaseDecreaseInAccruedLiabilities", "CF"),
    _c("IncreaseDecreaseInEmployeeRelatedLiabilities", "CF"),
    _c("IncreaseDecreaseInAccruedIncomeTaxesPayable", "CF", tags=("IncreaseDecreaseInIncomeTaxesPayable",)),
    _c("IncreaseDecreaseInDeferredRevenue", "CF"),
    _c("IncreaseDecreaseInOtherOperatingLiabilities", "CF", tags=("IncreaseDecreaseInOtherCurrentLiabilities",)),
    _c("NetCashProvidedByUsedInOperatingActivities", "CF", _T,
       tags=("NetCashProvidedByUsedInOperatingActivitiesContinuingOperations",)),
    _c("PaymentsToAcquirePropertyPlantAndEquipment", "CF", tags=("PaymentsToAcquireProductiveAssets",)),
    _c("ProceedsFromSaleOfPropertyPlantAndEquipment", "CF", tags=("ProceedsFromSaleOfProductiveAssets",)),
    _c("PaymentsToAcquireBusinessesNetOfCashAcquired", "CF"),
    _c("PaymentsToAcquireInvestments", "CF", tags=(
        "PaymentsToAcquireAvailableForSaleSecurities", "PaymentsToAcquireMarketableSecurities",
        "PaymentsToAcquireShortTermInvestments", "PaymentsToAcquireAvailableForSaleSecuritiesDebt")),
    _c("ProceedsFromSaleMaturityAndCollectionsOfInvestments", "CF", tags=(
        "ProceedsFromSaleOfAvailableForSaleSecurities", "ProceedsFromSaleAndMaturityOfMarketableSecurities",
        "ProceedsFromMaturitiesPrepaymentsAndCallsOfAvailableForSaleSecurities",
        "ProceedsFromSaleOfShortTermInvestments", "ProceedsFromSaleAndMaturityOfAvailableForSaleSecurities")),
    _c("NetCashProvidedByUsedInInvestingActivities", "CF", _T,
       tags=("NetCashProvidedByUsedInInvestingActivitiesContinuingOperations",)),
    _c("ProceedsFromIssuanceOfLongTermDebt", "CF"),
    _c("RepaymentsOfLongTermDebt", "CF", tags=("RepaymentsOfLongTermDebtAndCapitalSecurities",)),
    _c("ProceedsFromRepaymentsOfShortTermDebt", "CF"),
    _c("ProceedsFromIssuanceOfCommonStock", "CF"),
    _c("ProceedsFromStockOptionsExercised", "CF"),
    _c("ProceedsFromWarrantExercises", "CF"),
    _c("ExcessTaxBenefitFromShareBasedCompensationFinancingActivities", "CF"),
    _c("ExcessTaxBenefitFromShareBasedCompensationOperatingActivities", "CF"),
    _c("PaymentsForRepurchaseOfCommonStock", "CF"),
    _c("PaymentsOfDividends", "CF", tags=("PaymentsOfDividendsCommonStock",)),
    _c("NetCashProvidedByUsedInFinancingActivities", "CF", _T,
       tags=("NetCashProvidedByUsedInFinancingActivitiesContinuingOperations",)),
    _c("EffectOfExchangeRateOnCashAndCashEquivalents", "CF"),
    _c("CashAndCashEquivalentsPeriodIncreaseDecrease", "CF", _T),
    # the opening balance of a cash-flow statement: the same element as the closing one, at the earlier date
    _c("CashAndCashEquivalentsAtBeginningOfPeriod", "CF",
       tags=("CashAndCashEquivalentsAtCarryingValue", "CashAndDueFromBanks", "Cash"), custom=True),
    _c("InterestPaid", "CF", tags=("InterestPaidNet",)),
    _c("IncomeTaxesPaid", "CF", tags=("IncomeTaxesPaidNet",)),
    # statement of stockholders' equity
    _c("DividendsCommonStock", "EQ", tags=("DividendsCommonStockCash", "Dividends")),
    _c("StockIssuedDuringPeriodValueStockOptionsExercised", "EQ"),
    _c("StockIssuedDuringPeriodValueNewIssues", "EQ"),
    _c("TreasuryStockValueAcquiredCostMethod", "EQ", tags=("StockRepurchasedDuringPeriodValue",)),
    # mining operating data (tieout's own names: US-GAAP has no element for them)
    _c("GoldProductionOunces", "", unit="oz", custom=True),
    _c("SilverProductionOunces", "", unit="oz", custom=True),
    _c("CashCostPerOunce", "", unit="USD/oz", custom=True),
    _c("TotalCostPerOunce", "", unit="USD/oz", custom=True),
    _c("RealizedPricePerOunce", "", unit="USD/oz", custom=True),
    _c("OreMilledTons", "", unit="ton", custom=True),
)}

# (concept, kinds, pattern on the normalised label)
VOCABULARY: tuple[tuple[str, frozenset, str], ...] = (
    # balance sheet: totals first (their labels contain the names of their parts)
    ("AssetsCurrent", BAL, r"total current assets$|current assets total$|assets current total$"),
    ("Assets", BAL, r"total assets$|assets total$"),
    ("LiabilitiesCurrent", BAL, r"total current liabilities$|current liabilities total$|liabilities current total$"),
    ("LiabilitiesAndStockholdersEquity", BAL,
     r"total liabilit(y|ies) (and )?(common )?(share|stock)(holders?|owners?) (equity|investment|deficit)"
     r"|total liabilit(y|ies)\b.{0,80}\b(share|stock)(holders?|owners?) (equity|investment|deficit)$"
     r"|liabilities and (share|stock)(holders?|owners?) (equity|investment|deficit) total$"
     r"|total liabilities and (capitalization|capital|partners capital)$"
     r"|total liabilit(y|ies)\b.{0,80} and (total )?(equity|capital|deficit|partners capital)$"),
    ("Liabilities", BAL, r"total liabilities$|liabilities total$"),
    ("StockholdersEquity", BAL,
     r"total (common )?(share|stock)(holders?|owners?) (equity|investment|deficit)( total)?$"
     r"|(share|stock)holders? (equity|deficit) total$"
     r"|total (\w+ ){1,4}(share|stock)(holders?|owners?) (equity|investment|deficit)$"),
    # equity including the noncontrolling interests, and the mezzanine between liabilities and equity
    ("StockholdersEquityIncludingPortionAttributableToNoncontrollingInterest", BAL, r"total (equity|capital|deficit)$"),
    ("TemporaryEquityCarryingAmountAttributableToParent", BAL,
     r"redeemable (convertible )?(noncontrolling|minority) interests?$|redeemable (convertible )?preferred stock$"
     r"|temporary equity$"),
    # share data printed beside the equity lines (before the stock values they name)
    ("CommonStockSharesAuthorized", BAL, r"common (stock|shares)( shares)? authorized( shares)?$"),
    ("CommonStockSharesIssued", BAL, r"common (stock|shares)( shares)? issued( and outstanding)?( shares)?$"),
    ("CommonStockSharesOutstanding", BAL, r"common shares outstanding|common stock( shares)? outstanding( shares)?$"),
    ("CommonStockParOrStatedValuePerShare", BAL,
     r"common (stock|shares)( par| stated)?( or stated)? value( per share)?$|common (stock|shares) par value( per share)?$"),
    ("PreferredStockSharesAuthorized", BAL, r"preferred (stock|shares)( shares)? authorized( shares)?$"),
    ("PreferredStockSharesIssued", BAL, r"preferred (stock|shares)( shares)? issued( shares)?$"),
    ("PreferredStockSharesOutstanding", BAL, r"preferred (stock|shares)( shares)? outstanding( shares)?$"),
    ("PreferredStockParOrStatedValuePerShare", BAL,
     r"preferred (stock|shares)( par| stated)?( or stated)? value( per share)?$"
     r"|preferred (stock|shares) par value( per share)?$"),
    ("TreasuryStockShares", BAL,
     r"treasury (stock|shares)( shares)?( acquired)?( at cost)? shares$|treasury stock shares$"
     r"|(common (stock|shares) (held )?in )?treasury( stock| shares)?( at cost)?( shares held| shares)( held)?$"),
    # assets
    ("CashAndDueFromBanks", BAL, r"cash and due from banks$"),
    ("RestrictedCashAndCashEquivalentsAtCarryingValue", BAL, r"restricted cash"),
    ("CashAndCashEquivalentsAtCarryingValue", BAL,
     r"(total )?cash and (cash )?equivalents( at carrying value)?$|cash$|cash and cash items$"),
    ("ShortTermInvestments", BAL,
     r"short term investments$|(short term )?marketable securities( current)?$|temporary (cash )?investments$"),
    ("AllowanceForDoubtfulAccountsReceivableCurrent", BAL,
     r"(less )?allowances? for (doubtful|uncollectible|bad) (accounts|debts)|(trade )?(accounts )?receivables? allowances?\b"),
    ("LoansAndLeasesReceivableAllowance", BAL,
     r"(less )?(the )?allowances? for (possible )?(loan|credit|loan and lease)( and lease)? losses"),
    ("IncomeTaxesReceivable", BAL, r"(refundable )?income tax(es)? (refund )?(receivable|refundable)"),
    ("AccountsReceivableNetCurrent", BAL,
     r"(trade )?(accounts|notes)( and notes| and accounts)? receivables?\b|(trade )?receivables\b"
     r"|(trade )?receivables? net\b|customer receivables"),
    ("InventoryNet", BAL, r"(total )?(merchandise )?inventor(y|ies)( net)?$"),
    ("InventoryFinishedGoods", BAL, r"finished (goods|products)$"),
    ("InventoryWorkInProcess", BAL, r"work in (process|progress)$"),
    ("InventoryRawMaterials", BAL, r"raw materials( and supplies)?$"),
    ("Land", BAL, r"land$"),
    ("BuildingsAndImprovementsGross", BAL, r"(land and )?buildings( and improvements)?$"),
    ("MachineryAndEquipmentGross", BAL, r"machinery( and equipment)?$|(machinery )?equipment$"),
    ("FurnitureAndFixturesGross", BAL, r"(office )?furniture( fixtures)?( and (fixtures|equipment))?$"),
    ("LeaseholdImprovementsGross", BAL, r"leasehold improvements$"),
    ("PrepaidExpenseCurrent", BAL, r"prepaid expenses?$|prepaid expenses and deposits$"),
    ("OtherAssetsCurrent", BAL,
     r"(prepaid expenses and )?other current assets$|prepaid expenses and other( current)?( assets)?$"
     r"|prepaids? and other( current)?( assets)?$"),
    ("PropertyPlantAndEquipmentGross", BAL,
     r"(total )?property( plant)? and equipment( at cost| gross)?$"),
    ("AccumulatedDepreciationDepletionAndAmortizationPropertyPlantAndEquipment", BAL,
     r"(less )?accumulated (depreciation|depletion)|less depreciation"
     r"|property( plant)? and equipment accumulated (depreciation|depletion)"),
    ("PropertyPlantAndEquipmentNet", BAL,
     r"(net )?property( plant)? and equipment net\b|(total )?net property( plant)? and equipment( total)?$"
     r"|(total )?(net )?property( plant)?( mine)? and (equipment|mine development)( net)?$"
     r"|(net )?(premises|fixed assets|plant and equipment)( and equipment)?( net)?$"
     r"|property and equipment net of accumulated"),
    ("EquityMethodInvestments", BAL,
     r"investments? in (and advances to )?(unconsolidated|affiliat|joint ventures?|investee|equity method)"),
    ("LongTermInvestments", BAL,
     r"(long term )?investments$|long term (investments|marketable securities)|investment securities"),
    ("Goodwill", BAL, r"goodwill( net)?$|goodwill net of accumulated amortization|excess of (the )?(cost|purchase price)"),
    ("IntangibleAssetsNetExcludingGoodwill", BAL,
     r"(other )?intangible assets?( net)?( of accumulated amortization)?$|(other )?intangibles( net)?( of accumulated amortization)?$"),
    ("OtherAssetsNoncurrent", BAL,
     r"other (non ?current |long term )?assets( net)?$|deferred charges and other assets$|other assets and deferred charges$"),
    ("AvailableForSaleSecurities", BAL,
     r"(investment )?securities available for sale|available for sale securities|available for sale( at fair value)?$"),
    ("HeldToMaturitySecurities", BAL, r"(investment )?securities held to maturity|held to maturity( securities)?"),
    ("LoansAndLeasesReceivableNetReportedAmount", BAL,
     r"net loans( and leases)?( receivable)?$|(total )?loans( and leases)?( receivable)? net\b"),
    ("LoansAndLeasesReceivableGrossCarryingAmount", BAL,
     r"(total )?loans( and leases)?( receivable)?$|loans( and leases)? net of unearned income"),
    # liabilities
    ("Deposits", BAL, r"(total )?deposits$"),
    ("AccountsPayableAndAccruedLiabilities", BAL, r"accounts payable and accrued (expenses|liabilities)( current)?$"),
    ("AccountsPayableCurrent", BAL, r"(trade )?accounts payable( trade)?$|trade payables$"),
    ("EmployeeRelatedLiabilities", BAL, r"accrued (payroll|compensation|salaries|wages|employee)"),
    ("AccruedIncomeTaxes", BAL, r"accrued (income )?taxes$|income tax(es)? payable$"),
    ("AccruedLiabilitiesCurrent", BAL,
     r"(other )?accrued (expenses|liabilities)( current)?$|accrued (expenses )?and other( current)? liabilities$"),
    ("DeferredRevenueCurrent", BAL, r"deferred revenues?( current)?$|unearned revenues?$"),
    ("LongTermDebtCurrent", BAL,
     r"current (portion|maturities|installments) of long term (debt|borrowings|obligations|notes)"
     r"|long term debt (current portion|due within one year)$"),
    ("ShortTermBorrowings", BAL,
     r"short term (debt|borrowings|notes payable|bank (loans|borrowings))$|notes payable( to banks?)?$"
     r"|commercial paper$"),
    ("OtherLiabilitiesCurrent", BAL, r"other current liabilities$"),
    ("LongTermDebtNoncurrent", BAL,
     r"long term debt( net)?( of| less| excluding) current (portion|maturities)|long term debt$"
     r"|long term (debt|borrowings|obligations) (net of|less) current|long term (borrowings|obligations)$"
     r"|long term debt and capital lease obligations$"),
    ("DeferredTaxLiabilitiesNoncurrent", BAL, r"deferred (income )?tax(es)? liabilit(y|ies)"),
    ("OtherLiabilitiesNoncurrent", BAL,
     r"other (non ?current |long term )liabilities$|other liabilities( and deferred credits)?$"
     r"|other long term obligations$"),
    ("CommitmentsAndContingencies", BAL, r"commitments and contingen"),
    ("MinorityInterest", BAL,
     r"(total )?(noncontrolling|non controlling|minority) interests?( in (consolidated )?subsidiar(y|ies))?$"),
    # equity
    ("PreferredStockValue", BAL, r"preferred stock$|preferred stock\b(?!.{0,120}(dividend|shares (authorized|issued)$))"),
    ("TreasuryStockValue", BAL,
     r"(less )?treasury stock|(less )?(cost of )?(common )?(stock|shares) (held )?in treasury"),
    ("CommonStockValue", BAL, r"common stock\b(?!.*(shares outstanding|dividends))|common shares$"),
    ("AdditionalPaidInCapital", BAL,
     r"(capital surplus|additional paid in capital|paid in capital|capital in excess of (par|stated) value)"),
    ("RetainedEarningsAccumulatedDeficit", BAL,
     r"(accumulated deficit|retained earnings|accumulated earnings|reinvested earnings|earnings reinvested)"),
    ("AccumulatedOtherComprehensiveIncomeLossNetOfTax", BAL, r"(total )?(accumulated|cumulative) other comprehensive"),
    # operations (and the same lines in a highlights table): banks' interest lines first
    ("InterestAndDividendIncomeOperating", OPS,
     r"total interest( and dividend)? (income|revenues?)$|interest and dividend income total$"),
    ("InterestIncomeExpenseAfterProvisionForLoanLoss", OPS, r"net interest (income|revenue) after (the )?provision"),
    ("ProvisionForLoanAndLeaseLosses", OPS | CF, r"provision for (possible )?(loan|credit|loan and lease)( and lease)? losses"),
    ("InterestIncomeExpenseNet", OPS,
     r"net interest (income|revenue|expense)$|interest expense net$|interest income expense net$|interest net$"),
    ("InterestExpenseDeposits", OPS, r"interest (expense )?on deposits$"),
    ("NoninterestIncome", OPS, r"total non ?interest (income|revenues?)$|non ?interest income total$"),
    ("NoninterestExpense", OPS, r"total non ?interest expenses?$|non ?interest expenses? total$"),
    ("Revenues", OPS,
     r"(total )?(net )?(operating )?revenues?$|total revenues? and other income$|revenues? total$"
     r"|total (net )?sales and (other )?(operating )?revenues?$"),
    ("SalesRevenueNet", OPS, r"(net )?sales( of products)?$|total (net )?sales$|net sales and revenues?$"),
    ("CostOfRevenue", OPS,
     r"(total )?costs? of (net )?(sales|goods sold|revenues?|products sold|product sales)\b"),
    ("GrossProfit", OPS, r"(total )?gross (profit|margin)$"),
    ("CostsAndExpenses", OPS,
     r"total (costs and expenses|expenses|costs and operating expenses|operating costs and expenses)$"
     r"|costs and expenses total$"),
    ("OperatingExpenses", OPS, r"(total )?operating expenses?$|operating expenses total$|total operating costs$"),
    ("SellingGeneralAndAdministrativeExpense", OPS,
     r"selling( general)? and administrative|selling general (and )?administrative|selling administrative and general"),
    ("GeneralAndAdministrativeExpense", OPS, r"general and administrative( expenses?)?$"),
    ("SellingAndMarketingExpense", OPS, r"(selling and marketing|sales and marketing|marketing and selling)( expenses?)?$"),
    ("ResearchAndDevelopmentExpense", OPS,
     r"research and development( expenses?| costs?)?$|research development and engineering"),
    ("OperatingIncomeLoss", OPS,
     r"(income|loss|earnings|profit) from operations$|operating (income|loss|profit|earnings)$"),
    ("InterestAndOtherIncome", OPS, r"interest and other income( net)?$"),
    ("InvestmentIncomeInterest", OPS, r"interest income$"),
    ("InterestExpense", OPS, r"(total )?interest expense$|interest expense net of (amounts )?capitalized|interest$"),
    ("NonoperatingIncomeExpense", OPS,
     r"total other income( expense)?( net)?$|total other (expense|expenses)( income)?( net)?$"
     r"|other income( expense)? total$|(total )?non ?operating income( expense)?( total)?$"),
    ("OtherNonoperatingIncomeExpense", OPS,
     r"other income( expense)?( net)?$|other( expense)? income net$|other expense( income)?( net)?$|other net$"),
    ("IncomeLossFromEquityMethodInvestments", OPS,
     r"(income|earnings|loss) (from|of|in) (unconsolidated|equity method|nonconsolidated|affiliat)"
     r"|equity (in|of) (net )?(earnings|income|losses|loss) (of|in)|equity (income|earnings)( from| of| in)?"),
    ("IncomeLossBeforeIncomeTaxes", OPS,
     r"(income|loss|earnings|profit) (from continuing operations )?before (the )?(provision for )?(income )?tax"),
    ("IncomeTaxExpenseBenefit", OPS,
     r"income tax (provision|expense|benefit)( benefit| expense| provision)?$|(total )?income tax expense$"
     r"|(provision|benefit) for (income )?taxes$|income tax(es)?$|taxes on income$"),
    ("IncomeLossFromContinuingOperations", OPS | CF,
     r"(net )?(income|earnings|loss) from continuing operations( net of (income )?tax(es)?)?$"),
    ("IncomeLossFromDiscontinuedOperationsNetOfTax", OPS | CF,
     r"(net )?(income|earnings|loss|gain)( on| from| of)? discontinued operations"
     r"|discontinued operations( net of (income )?tax(es)?)?$|total discontinued operations$"),
    ("ExtraordinaryItemNetOfTax", OPS, r"extraordinary (item|gain|loss|charge|credit)"),
    ("CumulativeEffectOfChangeInAccountingPrincipleNetOfTax", OPS, r"cumulative effect of (an? )?(accounting )?changes?"),
    ("NetIncomeLossAttributableToNoncontrollingInterest", OPS | EQ,
     r"(less )?(net )?(income|earnings|loss) attributable to (the )?(noncontrolling|non controlling|minority) interest"
     r"|(less )?minority (interests?|income|share)( in (net )?(income|earnings|loss))?( (in|of) (consolidated )?subsidiar(y|ies))?"
     r"( net of tax)?$"),
    ("NetIncomeLossAvailableToCommonStockholdersBasic", OPS,
     r"(net )?(income|loss|earnings) (applicable|available|attributable) to common"),
    ("CommonStockDividendsPerShareDeclared", OPS,
     r"(cash )?dividends? (declared |paid )?(and paid )?per (common )?share|dividends declared per"
     r"|(cash )?dividends (declared |paid )?per share of common"),
    ("WeightedAverageNumberOfDilutedSharesOutstanding", OPS,
     r"(weighted average )?(number of )?(common )?shares used.{0,80}\bdilut|weighted average.{0,40}common equivalent"),
    ("WeightedAverageNumberOfSharesOutstandingBasic", OPS, r"(weighted average )?(number of )?(common )?shares used"),
    ("EarningsPerShareDiluted", OPS, r"(net )?(income|earnings|loss)\b.{0,100} diluted$"),
    ("EarningsPerShareBasic", OPS, r"(net )?(income|earnings|loss)\b.{0,100} (basic|primary)$"),
    ("EarningsPerShareDiluted", OPS, r"(?>.*?\bper\b).*\b(fully )?diluted\b|(fully )?diluted (?>.*?per ).*share"
                                     r"|basic and diluted (net )?(income|loss|earnings) per"
                                     r"|diluted (net )?(income|loss|earnings)( per share)?$"),
    ("EarningsPerShareBasic", OPS, r"(net )?(income|loss|earnings) per (common )?share( basic| primary)?$"
                                   r"|basic (net )?(income|loss|earnings) per|basic earnings per|primary earnings per"
                                   r"|(net )?(income|loss|earnings) per common and common equivalent share$"
                                   r"|earnings per (common )?share basic"),
    ("WeightedAverageNumberOfDilutedSharesOutstanding", OPS,
     r"(weighted )?average (number of )?(common )?(and common equivalent )?shares.{0,60}\bdilut"
     r"|diluted (weighted )?average|weighted average.{0,60}\bdilut"),
    ("WeightedAverageNumberOfSharesOutstandingBasic", OPS,
     # not "weighted average interest rate", "weighted average exercise price"
     r"weighted average( number of)?( common| basic| ordinary| outstanding)?( common)? (shares|stock)\b"
     r"|weighted average( basic)?$|average (number of )?(common )?shares outstanding|average common shares$"),
    ("PreferredStockDividendsIncomeStatementImpact", OPS,
     r"(less )?preferred (stock )?dividends( requirements?)?$|(less )?dividends on preferred stock$"),
    ("DepreciationDepletionAndAmortization", OPS | CF,
     r"depreciation (depletion )?and amortization|depreciation depletion|depletion depreciation"
     r"|depletion and amortization"),
    ("Depreciation", OPS | CF, r"depreciation( expense)?$|depreciation of (property|plant|fixed assets)"),
    ("AmortizationOfIntangibleAssets", OPS | CF, r"amortization of (acquired |purchased )?(other )?intangible"),
    ("RestructuringCharges", OPS | CF,
     r"restructuring( and (other|related|impairment) charges| charges?| costs?| expenses?)?( net)?$"),
    ("AssetImpairmentCharges", OPS | CF, r"(asset )?impairment charges?$|impairment of (long lived )?assets$|asset impairments?$"),
    ("ComprehensiveIncomeNetOfTax", OPS | EQ, r"(total )?comprehensive (income|loss|earnings)( net of tax)?$"),
    ("OtherComprehensiveIncomeLossNetOfTax", OPS | EQ, r"(total )?other comprehensive (income|loss)( net of tax)?$"),
    ("OtherComprehensiveIncomeForeignCurrencyTransactionAndTranslationAdjustmentNetOfTaxPeriodIncreaseDecrease",
     OPS | EQ, r"(change in )?(foreign )?(currency )?translation adjustments?$|(foreign )?currency translation( net of tax)?$"),
    ("PremiumsEarnedNet", OPS, r"(net )?(insurance )?premiums( earned)?( net)?$|earned premiums$"),
    ("NetInvestmentIncome", OPS, r"net investment income$"),
    ("PolicyholderBenefitsAndClaimsIncurredNet", OPS,
     r"(policyholder )?benefits and claims|losses and loss adjustment expenses"),
    ("NetIncomeLoss", OPS | CF | EQ,
     r"net (income|loss|earnings)$|net (income|loss|earnings) for the (year|period|quarter)$"
     r"|net (income|earnings|loss) attributable to|consolidated net (income|earnings|loss)$"),
    # cash flows
    ("ShareBasedCompensation", CF | OPS,
     r"(non ?cash )?(stock|share|equity)( based)? compensation( expense| costs?)?$"),
    ("DeferredIncomeTaxExpenseBenefit", CF,
     r"deferred (income )?tax(es)?( expense| benefit| provision)?( benefit| expense| provision)?$"),
    ("NetCashProvidedByUsedInOperatingActivities", CF | HL,
     r"(net )?cash (flows? )?(provided|used|generated|from)( by| in| from| for)? .*operating activities"
     r"|cash flows? (provided|used)?( by| in| from)? operating activities"
     r"|(net )?cash (provided|used|generated)( by| in| from| for)? operations$"),
    ("NetCashProvidedByUsedInInvestingActivities", CF,
     r"(net )?cash (flows? )?(provided|used|from|generated)( by| in| from| for)? .*invest(ing|ment) activities"
     r"|cash flows? (provided|used)?( by| in| from)? investing activities"),
    ("NetCashProvidedByUsedInFinancingActivities", CF,
     r"(net )?cash (flows? )?(provided|used|from|generated)( by| in| from| for)? .*financing activities"
     r"|cash flows? (provided|used)?( by| in| from)? financing activities"),
    ("EffectOfExchangeRateOnCashAndCashEquivalents", CF,
     r"effects? of (foreign )?(currency )?exchange rates?|effects? of (foreign )?currency (translation|exchange)"
     r"|exchange rate (effect|changes) on cash"),
    ("CashAndCashEquivalentsPeriodIncreaseDecrease", CF,
     r"(net )?(increase|decrease|change)( increase| decrease)? in cash( and|$| equivalents| balances?)"),
    ("CashAndCashEquivalentsAtBeginningOfPeriod", CF,
     r"cash( and (cash )?equivalents| and due from banks)?( balances?)?( at| of)? (the )?beginning"
     r"|(at )?(the )?beginning of (the )?(period|year|quarter)$"),
    ("CashAndCashEquivalentsAtCarryingValue", CF,
     r"cash( and (cash )?equivalents| and due from banks)?( balances?)?( at| of)? (the )?end"
     r"|(at )?(the )?end of (the )?(period|year|quarter)$"),
    ("PaymentsToAcquirePropertyPlantAndEquipment", CF,
     r"(total )?capital expenditures?$|(purchases?|additions?|acquisitions?|payments for|expenditures for|investments? in)"
     r"( of| to| for)? (new )?(property|plant|premises|fixed assets|capital assets|equipment)"),
    ("ProceedsFromSaleOfPropertyPlantAndEquipment", CF,
     r"(net )?proceeds from (the )?(sales?|disposals?|dispositions?) of (property|plant|equipment|fixed assets|premises"
     r"|(productive |other )?assets$)"),
    ("PaymentsToAcquireBusinessesNetOfCashAcquired", CF,
     r"(business |businesses )?acquisitions?( of (a )?(businesses|business|companies|subsidiaries))?( net of cash( acquired)?)?$"
     r"|(cash paid for|payments? for|purchases? of) (business )?acquisitions?|.{0,80}net of cash acquired$"),
    ("PaymentsToAcquireInvestments", CF,
     r"(purchases?|acquisitions?) of (short term |marketable |available for sale |investment )?(investments|securities)"),
    ("ProceedsFromSaleMaturityAndCollectionsOfInvestments", CF,
     r"(proceeds from )?(the )?(sales?|maturities|maturity|redemptions?)( and (sales?|maturities|maturity|redemptions?))?"
     r" of (short term |marketable |available for sale |investment )?(investments|securities)"),
    ("ProceedsFromIssuanceOfLongTermDebt", CF,
     r"(borrowings?|proceeds)( on| of| from| under)( the)? (issuance of )?long term (debt|borrowings|notes)"
     r"|(proceeds from )?(the )?issuances? of long term (debt|borrowings|notes)|additions to long term debt"
     r"|long term (debt|borrowings) (issued|proceeds)$"),
    ("RepaymentsOfLongTermDebt", CF,
     r"(repayments?|payments?|principal payments|reductions?|retirements?)( on| of| under)( the)? long term (debt|borrowings|notes)"
     r"|long term debt (repaid|repayments?|payments?)$"),
    ("ProceedsFromRepaymentsOfShortTermDebt", CF,
     r"(net )?(change|increase|decrease|increase decrease|decrease increase|borrowings|repayments|proceeds)"
     r"( on| in| of| from| under) (short term (debt|borrowings)|notes payable)"),
    ("ProceedsFromStockOptionsExercised", CF,
     r"(proceeds from )?(the )?(exercises? of (employee )?(common )?stock options|stock options? exercised|stock option exercises)"),
    ("ProceedsFromIssuanceOfCommonStock", CF,
     r"(proceeds from )?(the )?(issuances?|sales?) of (common stock|common shares|stock)|common stock issued$"),
    ("ProceedsFromWarrantExercises", CF, r"proceeds from (the )?exercise of (stock )?warrants"),
    ("ExcessTaxBenefitFromShareBasedCompensationFinancingActivities", CF,
     r"excess tax benefits? (from|on|of|related to|associated with) (stock|share|equity|the exercise)"),
    ("PaymentsForRepurchaseOfCommonStock", CF,
     r"(repurchases?|purchases?|buybacks?|acquisitions?|redemptions?) of (the company s )?(common stock|common shares"
     r"|treasury stock|treasury shares|company stock|own shares|capital stock)"
     r"|(common stock|share|stock) (repurchases?|buybacks?)$|(common stock|treasury stock|shares) (repurchased|purchased)$"),
    ("PaymentsOfDividends", CF,
     r"dividends (on|paid)|(cash )?dividends( paid)?( on common stock| to (share|stock)holders)?$"),
    ("InterestPaid", CF,
     r"(cash paid (during the (year|period) )?for )?interest( paid)?( net of (amounts )?capitalized( interest)?)?$"),
    ("IncomeTaxesPaid", CF,
     r"cash paid (during the (year|period) )?for income taxes|income taxes paid|income taxes net of refunds$"),
    # statement of stockholders' equity
    ("StockIssuedDuringPeriodValueStockOptionsExercised", EQ,
     r"(common stock issued (for|on|upon) )?(the )?(exercises? of (employee )?(common )?stock options|stock options? exercised"
     r"|stock option exercises)"),
    ("TreasuryStockValueAcquiredCostMethod", EQ,
     r"(repurchases?|purchases?|acquisitions?) of (common stock|common shares|treasury stock|treasury shares)"
     r"|(common stock|treasury stock) (repurchased|purchased|acquired)$"),
    ("DividendsCommonStock", EQ,
     r"(cash )?dividends( declared| paid)?( on common (stock|shares))?( to (share|stock)holders)?$|common (stock )?dividends"
     r"|(cash )?dividends (declared|paid) on common"),
    ("StockIssuedDuringPeriodValueNewIssues", EQ, r"(issuances?|sales?) of common (stock|shares)( net)?$"),
    # mining operating data
    ("GoldProductionOunces", PRD, r"gold( produced| production)?( ounces)?$|gold ounces( produced)?$"),
    ("SilverProductionOunces", PRD, r"silver( produced| production)?( ounces)?$|silver ounces( produced)?$"),
    ("CashCostPerOunce", PRD, r"(total )?cash (operating )?costs?( per ounce)?$"),
    ("TotalCostPerOunce", PRD, r"(full|total( production)?) costs?( per ounce)?$"),
    ("RealizedPricePerOunce", PRD, r"(average )?realized( price)?( per ounce)?$|(gold|silver) realized( price)?$"),
    ("OreMilledTons", PRD, r"(tons|ore)( of ore)? milled( tons)?$|tons milled$"),
    # highlights
    ("SalesRevenueNet", HL, r"total sales$"),
)

# a label that only its section makes clear: (concept, kinds, section pattern, label pattern); both
# patterns on normalised text, the section pattern searched in the joined path (innermost last)
PATH_RULES: tuple[tuple[str, frozenset, str, str], ...] = (
    ("DeferredTaxAssetsNetCurrent", BAL, r"\bcurrent assets\b", r"deferred (income )?tax(es)?( assets?)?( net)?$"),
    ("DeferredTaxAssetsNetNoncurrent", BAL, r"\bassets\b", r"deferred (income )?tax(es)?( assets?)?( net)?$"),
    ("DeferredTaxLiabilitiesNoncurrent", BAL, r"\bliabilities\b", r"deferred (income )?tax(es)?( net)?$"),
    ("OtherAssetsCurrent", BAL, r"\bcurrent assets\b", r"other$"),
    ("OtherLiabilitiesCurrent", BAL, r"\bcurrent liabilities\b", r"other$"),
    ("ExcessTaxBenefitFromShareBasedCompensationOperatingActivities", CF, r"\boperating\b",
     r"excess tax benefits? (from|on|of|related to|associated with) (stock|share|equity|the exercise)"),
    ("IncomeTaxesPaid", CF, r"\bcash paid\b|\bsupplement", r"income taxes$"),
    ("InterestPaid", CF, r"\bcash paid\b|\bsupplement", r"interest$"),
    ("AccruedIncomeTaxes", BAL, r"\bliabilities\b", r"income taxes$"),
    ("InterestExpenseDeposits", OPS, r"\binterest expense\b", r"deposits$"),
    ("EarningsPerShareDiluted", OPS, r"\bper (common )?share\b|\bearnings per\b", r"(fully )?diluted$|assuming (full )?dilution$"),
    ("EarningsPerShareBasic", OPS, r"\bper (common )?share\b|\bearnings per\b", r"(basic|primary)$"),
    ("WeightedAverageNumberOfDilutedSharesOutstanding", OPS, r"\bshares\b|\bweighted\b",
     r"(fully )?diluted$|assuming (full )?dilution$"),
    ("WeightedAverageNumberOfSharesOutstandingBasic", OPS, r"\bshares\b|\bweighted\b", r"(basic|primary)$"),
    ("GoldProductionOunces", PRD, r"\bgold\b", r"ounces( produced)?$|production$"),
    ("SilverProductionOunces", PRD, r"\bsilver\b", r"ounces( produced)?$|production$"),
)

# balance concept -> (cash-flow change concept, sign of an increase in the balance); tied by balance-change
CHANGE_OF: dict[str, tuple[str, int]] = {
    "AccountsReceivableNetCurrent": ("IncreaseDecreaseInAccountsReceivable", -1),
    "IncomeTaxesReceivable": ("IncreaseDecreaseInIncomeTaxesReceivable", -1),
    "InventoryNet": ("IncreaseDecreaseInInventories", -1),
    "OtherAssetsCurrent": ("IncreaseDecreaseInOtherCurrentAssets", -1),
    "AccountsPayableAndAccruedLiabilities": ("IncreaseDecreaseInAccountsPayableAndAccruedLiabilities", 1),
    "AccountsPayableCurrent": ("IncreaseDecreaseInAccountsPayable", 1),
    "EmployeeRelatedLiabilities": ("IncreaseDecreaseInEmployeeRelatedLiabilities", 1),
    "AccruedIncomeTaxes": ("IncreaseDecreaseInAccruedIncomeTaxesPayable", 1),
}

# balance concept -> the cash-flow line of its change, named but not tied (the balances move for
# other reasons too often for even an unverifiable tie to say anything)
CHANGE_NAMES: dict[str, str] = {
    "PrepaidExpenseCurrent": "IncreaseDecreaseInPrepaidExpense",
    "AccruedLiabilitiesCurrent": "IncreaseDecreaseInAccruedLiabilities",
    "DeferredRevenueCurrent": "IncreaseDecreaseInDeferredRevenue",
    "OtherAssetsNoncurrent": "IncreaseDecreaseInOtherOperatingAssets",
    "OtherLiabilitiesNoncurrent": "IncreaseDecreaseInOtherOperatingLiabilities",
    "OtherLiabilitiesCurrent": "IncreaseDecreaseInOtherOperatingLiabilities",
}
