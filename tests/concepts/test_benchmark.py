"""The concept-mapping benchmark on a slice of the SEC's pre.txt: precision stays >= 90%."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from tests.conftest import SHARED

ZIP = SHARED / "fsds" / "2009q3.zip"
BENCHMARK = Path(__file__).resolve().parents[2] / "benchmarks" / "concept_mapping.py"


def _benchmark():
    spec = importlib.util.spec_from_file_location("concept_mapping", BENCHMARK)
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("concept_mapping", module)  # its dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bench():
    if not ZIP.exists():
        pytest.skip(f"SEC data set not found at {ZIP} (../shared is absent)")
    return _benchmark()


def test_held_out_slice_precision(bench):
    labels = [x for x in bench.read_pre(ZIP, limit=6000) if bench.half_of(x.adsh) == "held-out"]
    assert len(labels) > 1000
    result = bench.score(labels)
    assert result.in_vocabulary > 500
    assert result.precision >= 0.9
    assert result.coverage > 0.4
    assert result.right + sum(result.confusions.values()) == result.mapped_in_vocabulary


def test_the_split_is_fixed_and_about_half(bench):
    labels = bench.read_pre(ZIP, limit=6000)
    filings = {x.adsh for x in labels}
    held_out = {a for a in filings if bench.half_of(a) == "held-out"}
    assert 0.3 < len(held_out) / len(filings) < 0.7
    assert bench.half_of("0000004904-09-000117") == bench.half_of("0000004904-09-000117")


def test_score_counts_a_wrong_tag_as_a_confusion():
    bench = _benchmark()
    rows = [bench.PresentedLabel("a", "IS", "Revenues", "Total revenues"),
            bench.PresentedLabel("a", "IS", "CostOfRevenue", "Total revenues"),
            bench.PresentedLabel("a", "IS", "Revenues", "Miscellaneous"),
            bench.PresentedLabel("a", "IS", "aapl:Custom", "Gross margin")]
    result = bench.score(rows)
    assert (result.labels, result.mapped, result.in_vocabulary, result.right) == (4, 3, 3, 1)
    assert result.confusions == {("CostOfRevenue", "Revenues"): 1}
    assert result.mapped_outside == 1
    assert result.precision == 0.5
