"""The seed: every relation and tie found and passing; the command exits 0."""

import json

import pytest

import tieout
from tieout.checks import prepare, run_checks
from tieout.cli import main


@pytest.fixture(scope="module")
def seed_checks(seed_path):
    report = prepare(tieout.read(seed_path, check=False))
    checks, problems = run_checks(report)
    return report, checks, problems


def _passing(checks, rule):
    return [c for c in checks if c.rule == rule and c.status == "pass"]


def test_seed_has_no_failure(seed_checks):
    report, checks, problems = seed_checks
    assert problems == []
    own = [c for c in checks if c.rule not in ("claim", "ex27")]
    assert [c.message for c in own if c.status == "fail"] == []


def test_seed_footings(seed_checks):
    report, checks, _ = seed_checks
    names = {r.name.split(" = ")[0] for r in report.relations if r.found_by == "layout"}
    for total in ("Total current assets", "Total assets", "Total current liabilities", "Total liabilities",
                  "Total shareholders' equity", "Total liability and shareholders' equity",
                  "(unlabeled subtotal)", "Gross profit (loss)", "Income (loss) from operations",
                  "Income (loss) before income taxes", "Net income (loss)",
                  "Loss applicable to common shareholders", "Net cash used by operating activities",
                  "Net cash used by investing activities", "Net cash provided by financing activities",
                  "Net increase (decrease) in cash and cash equivalents",
                  "Cash and cash equivalents at end of period", "Total sales", "Total gross profit (loss)"):
        assert total in names, total
    footing = [c for c in checks if c.rule == "footing"]
    assert len(footing) >= 40 and all(c.status == "pass" for c in footing)


def test_seed_ties(seed_checks):
    _, checks, _ = seed_checks
    assert len(_passing(checks, "balance-sheet")) == 2
    assert len(_passing(checks, "cash")) == 2  # end and beginning against the sheet
    assert len(_passing(checks, "eps")) == 2
    assert len(_passing(checks, "depreciation")) == 2
    assert len(_passing(checks, "total-revenue")) == 2
    changes = " ".join(c.message for c in _passing(checks, "balance-change"))
    for what in ("AccountsReceivableNetCurrent", "InventoryNet", "AccountsPayableAndAccruedLiabilities",
                 "EmployeeRelatedLiabilities", "AccruedIncomeTaxes", "Long-term debt",
                 "Common stock + surplus", "Accumulated deficit"):
        assert what in changes, what
    same = " ".join(c.message for c in _passing(checks, "same-figure"))
    for what in ("Net income (loss) (cashflow)", "Net income (loss) (highlights)", "Total sales",
                 "Loss per common share", "Cash flow used by operating activities"):
        assert what in same, what


def test_seed_mining(seed_checks):
    _, checks, _ = seed_checks
    production = [c for c in checks if c.rule == "mining-production"]
    assert len([c for c in production if c.status == "pass"]) == 6  # gold, silver, lead x 2 periods
    assert [c.status for c in production if "Zinc" in c.message] == ["unverifiable"] * 2
    derived = [c for c in checks if c.rule == "mining-derived"]
    assert derived and all(c.status == "unverifiable" and c.message.startswith("derived:") for c in derived)
    assert any("47% share" in c.message for c in derived)


def test_check_command_exit_0_and_json(seed_path, capsys):
    assert main(["check", str(seed_path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) >= {"document", "summary", "checks"}
    assert set(data["summary"]) >= {"pass", "fail", "unverifiable"}
    own = [c for c in data["checks"] if c["rule"] not in ("claim", "ex27")]
    assert own and all(set(c) >= {"rule", "status", "message", "lines", "expected", "actual"} for c in own)


def test_check_command_unreadable_input_exit_2(tmp_path, capsys):
    assert main(["check", str(tmp_path / "missing.txt")]) == 2
    assert "missing.txt" in capsys.readouterr().err
