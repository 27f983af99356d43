"""The vocabulary's entries (statement, total flag, tags), and what assign_concepts puts on facts."""

from __future__ import annotations

import json
import re
from pathlib import Path

import tieout
from tieout.concepts import (CHANGE_OF, CONCEPTS, CUSTOM, concept_info, custom_concept, stands_for,
                             statement_kind)
from tieout.concepts.vocabulary import CHANGE_NAMES, PATH_RULES, VOCABULARY
from tieout.render.facts_out import FIELDS, fact_to_record

STATEMENT = Path(__file__).resolve().parent / "statement.txt"


def test_every_pattern_and_pair_names_a_concept_of_the_vocabulary():
    named = {c for c, _, _ in VOCABULARY} | {c for c, _, _, _ in PATH_RULES}
    named |= set(CHANGE_OF) | {change for change, _ in CHANGE_OF.values()}
    named |= set(CHANGE_NAMES) | set(CHANGE_NAMES.values())
    assert named - set(CONCEPTS) == set()
    assert set(CONCEPTS) - {c for c, _, _ in VOCABULARY} - {c for c, _, _, _ in PATH_RULES} \
        - {change for change, _ in CHANGE_OF.values()} - set(CHANGE_NAMES.values()) == set()
    assert 100 <= len(CONCEPTS) <= 250


def test_names_are_element_names_and_custom_ones_say_so():
    for name, entry in CONCEPTS.items():
        assert re.fullmatch(r"[A-Z][A-Za-z]+", name), name
        assert entry.stmt in ("BS", "IS", "CF", "EQ", ""), name
        assert name not in entry.tags, name
    mining = [c for c in CONCEPTS.values() if c.unit in ("oz", "USD/oz", "ton")]
    assert mining and all(c.custom and c.stmt == "" for c in mining)


def test_statement_and_total_flags():
    expected = {
        "Assets": ("BS", True), "AssetsCurrent": ("BS", True), "InventoryNet": ("BS", False),
        "LiabilitiesAndStockholdersEquity": ("BS", True), "StockholdersEquity": ("BS", True),
        "CommonStockValue": ("BS", False), "Revenues": ("IS", True), "CostOfRevenue": ("IS", False),
        "GrossProfit": ("IS", True), "OperatingIncomeLoss": ("IS", True), "NetIncomeLoss": ("IS", True),
        "EarningsPerShareBasic": ("IS", False), "InterestIncomeExpenseNet": ("IS", True),
        "NetCashProvidedByUsedInOperatingActivities": ("CF", True),
        "PaymentsToAcquirePropertyPlantAndEquipment": ("CF", False),
        "CashAndCashEquivalentsPeriodIncreaseDecrease": ("CF", True), "DividendsCommonStock": ("EQ", False),
        "CashCostPerOunce": ("", False),
    }
    for name, (stmt, total) in expected.items():
        entry = concept_info(name)
        assert (entry.stmt, entry.total) == (stmt, total), name
    assert CONCEPTS["EarningsPerShareBasic"].unit == "USD/share"
    assert CONCEPTS["WeightedAverageNumberOfDilutedSharesOutstanding"].unit == "shares"


def test_aliases_are_explicit():
    assert "ProfitLoss" in stands_for("NetIncomeLoss")
    assert "CostOfGoodsSold" in stands_for("CostOfRevenue")
    assert "NetIncomeLoss" in stands_for("NetIncomeLoss")
    assert "Revenues" not in stands_for("CostOfRevenue")
    assert stands_for("custom:Foo") == frozenset({"custom:Foo"})


def test_custom_concepts_are_named_from_the_label():
    assert custom_concept("Accrued marketing and distribution") == "custom:AccruedMarketingAndDistribution"
    assert custom_concept("Other", ("ASSETS", "Current assets")) == "custom:CurrentAssetsOther"
    assert custom_concept("Balance at December 31, 1995") == "custom:Balance"
    assert custom_concept("Deferred income taxes-non current") == "custom:DeferredIncomeTaxesNonCurrent"
    assert custom_concept("1996") == ""
    assert custom_concept("$") == ""


def test_read_fills_concept_statement_and_total_on_every_statement_fact():
    report = tieout.read(STATEMENT)
    kinds = [statement_kind(t) for t in report.tables]
    assert kinds == ["balance", "operations"]
    facts = [f for f in report.fact_records if f.value is not None]
    assert facts and all(f.concept for f in facts)
    by_label = {}
    for f in facts:
        by_label.setdefault((f.table_index, f.label, f.path), f)

    def fact(table, label, path=()):
        return by_label[(table, label, path)]

    assert (fact(0, "Total assets").concept, fact(0, "Total assets").stmt, fact(0, "Total assets").is_total) == \
        ("Assets", "BS", True)
    assert fact(0, "Inventories", ("Current assets",)).concept == "InventoryNet"
    assert not fact(0, "Inventories", ("Current assets",)).is_total
    assert fact(0, "Deferred income taxes", ("Current assets",)).concept == "DeferredTaxAssetsNetCurrent"
    assert fact(0, "Other", ("Current assets",)).concept == "OtherAssetsCurrent"
    moulds = fact(0, "Widget moulds and dies")
    assert (moulds.concept, moulds.stmt, moulds.is_total) == (CUSTOM + "WidgetMouldsAndDies", "BS", False)
    net = fact(1, "Net income")
    assert (net.concept, net.stmt, net.is_total) == ("NetIncomeLoss", "IS", True)
    assert fact(1, "Basic", ("Net income per share",)).concept == "EarningsPerShareBasic"
    assert fact(1, "Diluted", ("Weighted average shares outstanding",)).concept == \
        "WeightedAverageNumberOfDilutedSharesOutstanding"
    # and the checks that name concepts find them: EPS = income / shares, the sheet balances
    passing = {c.rule for c in report.checks if c.status == "pass"}
    assert {"eps", "balance-sheet"} <= passing


def test_extract_records_carry_statement_and_total(tmp_path):
    report = tieout.read(STATEMENT, check=False, concepts=True)
    records = [fact_to_record(f) for f in report.fact_records]
    assert {"stmt", "is_total", "concept"} <= set(FIELDS)
    total = next(r for r in records if r["label"] == "Total current assets")
    assert (total["concept"], total["stmt"], total["is_total"]) == ("AssetsCurrent", "BS", True)
    json.dumps(records)  # plain JSON types


def test_extract_cli_writes_the_new_fields(tmp_path):
    import subprocess
    import sys

    out = tmp_path / "facts.jsonl"
    env_path = str(Path(tieout.__file__).resolve().parent.parent)
    subprocess.run([sys.executable, "-m", "tieout", "extract", str(STATEMENT), "-o", str(out)], check=True,
                   env={"PYTHONPATH": env_path, "PATH": "/usr/bin:/bin"})
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    gross = next(r for r in rows if r["label"] == "Gross profit")
    assert (gross["concept"], gross["stmt"], gross["is_total"]) == ("GrossProfit", "IS", True)
    csv_out = tmp_path / "facts.csv"
    subprocess.run([sys.executable, "-m", "tieout", "extract", str(STATEMENT), "--format", "csv", "-o", str(csv_out)],
                   check=True, env={"PYTHONPATH": env_path, "PATH": "/usr/bin:/bin"})
    header = csv_out.read_text().splitlines()[0].split(",")
    assert header[-2:] == ["stmt", "is_total"]
