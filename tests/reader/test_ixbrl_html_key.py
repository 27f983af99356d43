"""The answer key of benchmarks/ixbrl_html.py on a handwritten inline-XBRL page: every tagged
table number at the file's own line and column (tags and entities counted as written), with
the value and period its tags give. Only the key's extraction; the reader is not involved.
"""

import importlib.util
import sys
from decimal import Decimal

import pytest

from tests.conftest import REPO

PAGE = """<html><body>
<ix:header><ix:hidden><ix:nonFraction name="dei:Hidden" contextRef="q2" unitRef="usd">9</ix:nonFraction></ix:hidden>
<ix:resources>
<xbrli:context id="q2"><xbrli:entity><xbrli:identifier scheme="x">1</xbrli:identifier></xbrli:entity>
<xbrli:period><xbrli:startDate>2023-04-01</xbrli:startDate><xbrli:endDate>2023-06-30</xbrli:endDate></xbrli:period>
</xbrli:context>
<xbrli:context id="end"><xbrli:entity><xbrli:identifier scheme="x">1</xbrli:identifier>
<xbrli:segment><xbrldi:explicitMember dimension="a:Axis">a:Member</xbrldi:explicitMember></xbrli:segment></xbrli:entity>
<xbrli:period><xbrli:instant>2023-06-30</xbrli:instant></xbrli:period></xbrli:context>
</ix:resources></ix:header>
<p>Sales were $<ix:nonFraction name="us-gaap:Revenues" contextRef="q2" unitRef="usd" scale="6">7</ix:nonFraction> million.</p>
<table>
<tr><td>Net sales &amp; other</td><td>$&#160;<ix:nonFraction name="us-gaap:Revenues" contextRef="q2" unitRef="usd" decimals="-6" scale="6">1,234</ix:nonFraction></td></tr>
<tr><td>Loss</td><td>(<ix:nonFraction name="a:Outer" contextRef="end" unitRef="usd" scale="3" sign="-"><ix:nonFraction
 name="a:Inner" contextRef="q2" unitRef="usd" scale="3" sign="-">
  56.5</ix:nonFraction></ix:nonFraction>)</td></tr>
<tr><td>Other</td><td><ix:nonFraction name="a:Zero" contextRef="q2" unitRef="usd" format="ixt:fixed-zero">&#8212;</ix:nonFraction></td></tr>
</table>
</body></html>
"""


@pytest.fixture(scope="module")
def benchmark():
    spec = importlib.util.spec_from_file_location("ixbrl_html", REPO / "benchmarks" / "ixbrl_html.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["ixbrl_html"] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


def test_tagged_table_numbers_at_their_file_positions(benchmark):
    key = benchmark.text_to_key(PAGE)
    lines = PAGE.split("\n")
    assert key.untokened == 0 and len(key.tables) == 1
    first, nested, dash = key.numbers  # the hidden fact and the one in a paragraph are not table numbers
    # after "$&#160;" and the tag: the column counts the entity's six characters, not one
    assert (first.line, first.col, first.digit_line, first.digit_col) == (13, 140, 13, 140)
    assert lines[12][first.col - 1:].startswith("1,234</ix:nonFraction>")
    # nested tags: one number, placed at its first digit after the line break and spaces
    assert (nested.line, nested.col, nested.digit_line, nested.digit_col) == (16, 3, 16, 3)
    assert lines[15][nested.col - 1:].startswith("56.5</ix")
    # a dash written as an entity is placed at its "&"
    assert (dash.line, dash.col, dash.digit_line, dash.digit_col) == (17, 107, 17, 107)
    assert lines[16][dash.col - 1:].startswith("&#8212;</ix")


def test_tagged_values_periods_and_cells(benchmark):
    first, nested, dash = benchmark.text_to_key(PAGE).numbers
    (revenue,) = first.tags
    assert (revenue.concept, revenue.value, revenue.period, revenue.display) == (
        "us-gaap:Revenues", Decimal("1234000000"), "2023-04-01/2023-06-30", "1,234")
    assert first.primary and not first.in_words
    assert first.row == "Net sales & other $ 1,234"  # the row's visible text, spaces collapsed
    outer, inner = nested.tags  # outermost first; both tags share the printed text
    assert (outer.concept, outer.value, outer.period, outer.context.dims) == (
        "a:Outer", Decimal("-56500"), "2023-06-30", True)
    assert (inner.concept, inner.value, inner.period, inner.context.dims) == (
        "a:Inner", Decimal("-56500"), "2023-04-01/2023-06-30", False)
    assert nested.primary  # one of its tags has a context without dimensions
    assert nested.table == first.table == dash.table == 0
    (zero,) = dash.tags
    assert (zero.concept, zero.value, zero.display) == ("a:Zero", Decimal(0), "\u2014")
