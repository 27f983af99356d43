"""The 24F-2 fee computation rule, the rule-pack protocol and the text renderer."""

from pathlib import Path

import tieout
from tests.checks.builder import R, T, build
from tieout.checks import run_checks
from tieout.checks.intervals import interval_div, interval_sum, meets
from tieout.cli import main
from tieout.model import Check
from tieout.render.checks_text import render_checks_text

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "checks"


def test_fee_computation_clean_fixture_passes():
    report = tieout.read(FIXTURES / "fee-24f2.txt")
    checks, _ = run_checks(report, rules=(__import__("tieout.checks.rules.fee_computation",
                                                       fromlist=["x"]).check_fee_computation,))
    assert [c.status for c in checks] == ["pass"] * 5


def test_fee_computation_catches_the_corpus_notice(corpus_dir, capsys):
    path = corpus_dir / "other" / "0000950129-95-001652.txt"
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert ":122:" in out and "315,907,479" in out and "off by 9" in out
    report = tieout.read(path)
    fee = [c for c in report.checks if c.rule == "fee-computation"]
    assert [c.status for c in fee].count("fail") == 1
    failing = next(c for c in fee if c.status == "fail")
    assert failing.lines == [112, 122]
    assert all(c.status == "pass" for c in fee if c is not failing)  # 12(i), 12(ii), 12(v), fee


def test_crashing_rule_becomes_a_value():
    def broken(report):
        raise ValueError("boom")

    report = build(T("Balance Sheets", ["1996-03-31"], [R("Cash", "1", below="=")]))
    checks, problems = run_checks(report, rules=(broken,))
    assert checks[0].status == "unverifiable" and "boom" in checks[0].message
    assert problems and problems[0].severity == "error"


def test_plugin_rule_uses_the_same_signature():
    def plugin(report):
        yield Check("plugin", "pass", "ok", ())

    checks, _ = run_checks(build(T("X", ["1996-03-31"], [R("Cash", "1")])), rules=(plugin,))
    assert [c.rule for c in checks] == ["plugin"]


def test_text_renderer_draws_carets_and_summary():
    report = build(T("Balance Sheets", ["1996-03-31", "1995-12-31"], [
        R("Cash", "5,018", "4,024"),
        R("Receivables", "34,698", "25,571", below="-"),
        R("Total current assets", "39,716", "29,598", below="="),
    ]))
    checks, _ = run_checks(report)
    text = render_checks_text(report, checks)
    assert "fixture.txt:" in text and "^^^^^^" in text and "29,595 (4,024 + 25,571): 3 apart, rounding allows 1.5" in text
    assert text.splitlines()[-1].startswith(f"{len(checks)} checks: ")


def test_intervals():
    from decimal import Decimal as D
    assert meets(interval_sum([((D("0.5"), D("1.5")), 1), ((D("1.5"), D("2.5")), 1)]), (D("4.0"), D("4.1")))
    assert interval_div((D(-537500), D(-536500)), (D(51129500), D(51130500)))[1] < D("-0.0104")
    assert interval_div((D(1), D(2)), (D(-1), D(1))) is None
