"""What a check message says: the plain difference and the rounding allowance apart, nil as a word,
failures with one cause linked, derived figures apart from checks, and check JSON with numbers.

Real documents read by the real pipeline: the bundled example, the same with one sign changed
(its cash balance printed ``(8,425)``: one error failing two checks), and a cash-flow fixture
whose failing total has a nil item.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

import tieout
from tieout.checks.causes import shared_causes
from tieout.render.checks_json import render_checks_json
from tieout.render.checks_text import render_checks_text

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "northwind-1997-q2-release.txt"
NIL = ROOT / "tests" / "fixtures" / "checks" / "nil-item-fails.txt"
CASH_LINE = "  Cash and cash equivalents                               $8,425          $6,905"


@pytest.fixture(scope="module")
def sign_error(tmp_path_factory) -> Path:
    """The example with its June 1997 cash balance printed negative (same columns)."""
    text = EXAMPLE.read_text()
    assert CASH_LINE in text
    path = tmp_path_factory.mktemp("sign") / "northwind-sign-error.txt"
    path.write_text(text.replace(CASH_LINE, CASH_LINE.replace("  $8,425 ", "$(8,425)")))
    return path


def test_a_failure_states_difference_and_allowance_apart():
    report = tieout.read(NIL)
    [fail] = [c for c in report.checks if c.status == "fail"]
    assert fail.message == ("Net cash used by financing activities (1997-01-01/1997-06-30) does not foot: "
                            "shown (2,000), items sum to (2,371) (nil + (2,371)): 371 apart, "
                            "rounding allows 1.5")
    assert (fail.shown, fail.computed, fail.allowance) == (Decimal(-2000000), Decimal(-2371000), Decimal(1500))
    assert fail.slack == "370"  # the gap beyond rounding, as before (369.5 shown to the unit)
    text = render_checks_text(report, report.checks)
    assert "- -" not in text.split("\n")[0] and "nil-item-fails.txt:12:56: fail: [footing]" in text
    assert " 9 |   Proceeds from long-term borrowings" in text and "^^^" in text


def test_one_sign_error_links_both_failures(sign_error):
    report = tieout.read(sign_error)
    fails = [c for c in report.checks if c.status == "fail"]
    assert [(c.rule, c.spans[0].line) for c in fails] == [("footing", 113), ("cash", 254)]
    footing, cash = fails
    assert "shown 31,073, items sum to 14,223 ((8,425) + 12,307 + 9,215 + 1,126): 16,850 apart, " \
           "rounding allows 2.5" in footing.message
    assert "shown 8,425, expected (8,425): 16,850 apart, rounding allows 1" in cash.message
    note = "the same figure, Cash and cash equivalents (8,425) at line 108, fails there too; " \
           "with its sign flipped, both pass"
    assert footing.message.endswith(f"see also line 254 [cash]: {note}")
    assert cash.message.endswith(f"see also line 113 [footing]: {note}")
    text = render_checks_text(report, report.checks)
    assert f"\n  see also line 254 [cash]: {note}\n" in text  # on its own line, under the excerpt


def test_one_scale_error_links_both_failures(tmp_path):
    """The cash balance printed in full dollars (8,425,000) in a table of thousands."""
    path = tmp_path / "northwind-scale-error.txt"
    path.write_text(EXAMPLE.read_text().replace(CASH_LINE, CASH_LINE.replace("  $8,425 ", "8,425,000")))
    report = tieout.read(path)
    fails = [c for c in report.checks if c.status == "fail"]
    assert [(c.rule, c.spans[0].line) for c in fails] == [("footing", 113), ("cash", 254)]
    note = "the same figure, Cash and cash equivalents 8,425,000 at line 108, fails there too; " \
           "taken at a thousandth of its value, both pass"
    assert fails[0].message.endswith(f"see also line 254 [cash]: {note}")
    assert fails[1].message.endswith(f"see also line 113 [footing]: {note}")


def test_failures_of_different_causes_are_not_linked():
    report = tieout.read(NIL)
    assert shared_causes(report, report.checks) == []
    assert "see also" not in render_checks_text(report, report.checks)


def test_derived_figures_are_listed_apart_from_checks():
    report = tieout.read(EXAMPLE)
    text = render_checks_text(report, report.checks, verbose=True)
    assert "[mining-derived]" not in text and "derived: " not in text
    section = text.split("Derived figures (information the tables imply, not checks):\n")[1].split("\n\n")[0]
    lines = section.splitlines()
    assert len(lines) == 14
    assert "  line 277: BITTERROOT UNIT (1997-04-01/1997-06-30) implied gold recovery 89.8% = 38,920 oz / " \
           "(1,204,300 tons x 0.036 oz/ton = 43,355 oz contained)" in lines
    assert "  line 279: BITTERROOT UNIT/Average cost per ounce of gold produced Cash cost 221 " \
           "(1997-04-01/1997-06-30) vs 259 (1996-04-01/1996-06-30): -14.7%" in lines
    assert text.endswith("107 checks: 106 pass, 0 fail, 1 unverifiable; 14 derived figures")
    statuses = [c.status for c in report.checks]  # the checks themselves, as stored, are unchanged
    assert (len(statuses), statuses.count("unverifiable")) == (121, 15)


def test_check_json_carries_numbers_and_names(sign_error):
    report = tieout.read(sign_error)
    data = json.loads(render_checks_json(report), parse_float=Decimal)
    assert data["summary"] == {"pass": 104, "fail": 2, "unverifiable": 15, "derived": 14}
    checks = data["checks"]
    failing = [i for i, c in enumerate(checks) if c["status"] == "fail"]
    footing, cash = (checks[i] for i in failing)
    assert (footing["shown"], footing["computed"], footing["difference"], footing["allowance"]) == \
        (31073000, 14223000, 16850000, 2500)
    assert footing["expected"] == "14,223" and footing["actual"] == "31,073" and footing["slack"] == "16,848"
    assert footing["table"] == "NORTHWIND GOLD & SILVER CORPORATION Consolidated Balance Sheets"
    assert (footing["label"], footing["column_header"]) == ("Total current assets", "June 30, 1997")
    assert footing["see_also"] == [failing[1]] and cash["see_also"] == [failing[0]]
    assert footing["shared_cause"]["change"] == "with its sign flipped"
    assert report.fact_records[footing["shared_cause"]["fact"]].display == "(8,425)"
    kinds = [c["kind"] for c in checks]
    assert kinds.count("derived") == 14 and kinds.count("check") == len(checks) - 14
    claim = next(c for c in checks if c["rule"] == "claim")
    assert claim["shown"] is None and claim["difference"] is None and claim["see_also"] == []


def test_check_exit_codes_hold():
    env = dict(os.environ, PYTHONPATH=str(ROOT))

    def code(*args):
        return subprocess.run([sys.executable, "-m", "tieout", "check", *args], capture_output=True,
                              env=env, timeout=120).returncode

    assert code(str(EXAMPLE)) == 0
    assert code(str(NIL)) == 1
    assert code(str(NIL), "--format", "json") == 1
    assert code(str(ROOT / "no-such-filing.txt")) == 2
