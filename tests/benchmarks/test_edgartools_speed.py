"""benchmarks/edgartools_speed.py: its own helpers (document choice, alternation, medians,
the grown document), and one tiny end-to-end run through both workers where the edgartools
environment exists (``make bench-edgartools`` makes it; CI has no reason to).
"""

import importlib.util
import json
import sys

import pytest

from tests.conftest import REPO

EDGARTOOLS_PYTHON = REPO / "benchmarks" / ".venv-edgartools" / "bin" / "python"
PAGE = """<html><head><title>x</title></head><body><p>(in thousands)</p><table>
<tr><td></td><td>2023</td><td>2022</td></tr>
<tr><td>Revenue</td><td>1,200</td><td>1,000</td></tr>
<tr><td>Costs</td><td>(700)</td><td>(600)</td></tr>
<tr><td>Profit</td><td>500</td><td>400</td></tr>
</table></body></html>
"""


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("edgartools_speed", REPO / "benchmarks" / "edgartools_speed.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["edgartools_speed"] = module
    spec.loader.exec_module(module)
    return module


def test_sample_spreads_over_sizes_and_keeps_the_largest(bench, tmp_path):
    for k in range(10):
        (tmp_path / f"d{k}.htm").write_text("x" * (k + 1) * 10)
    (tmp_path / "notes.txt").write_text("not html")
    every = bench.select_paths([tmp_path], 0)
    assert [p.name for p in every] == [f"d{k}.htm" for k in range(10)]
    assert [p.name for p in bench.select_paths([tmp_path], 3)] == ["d0.htm", "d4.htm", "d9.htm"]
    assert [p.name for p in bench.select_paths([tmp_path], 1)] == ["d9.htm"]


def test_order_rotates_so_no_mode_always_runs_first(bench):
    modes = ["tieout", "parse", "release"]
    firsts = {bench.order(modes, 0, r)[0] for r in range(3)}
    assert firsts == set(modes)
    assert sorted(bench.order(modes, 5, 1)) == sorted(modes)


def test_summarize_takes_the_median_and_the_fresh_process_peak(bench):
    runs = [{"wall": s + 1, "cpu": s, "rss_start": 10e6, "rss_peak": 60e6, "parent_rss": 100e6, "tables": 4}
            for s in (3.0, 1.0, 2.0)] + [{"error": "timeout after 600 s", "parent_rss": 100e6}]
    figures = bench.summarize(runs)
    assert figures["seconds"] == 2.0 and (figures["min"], figures["max"]) == (1.0, 3.0) and figures["wall"] == 3.0
    assert bench.summarize(runs, "wall")["seconds"] == 3.0
    assert figures["peak_mb"] == 150.0  # the worker's 100 MB + the child's 50 MB growth
    assert figures["tables"] == 4 and figures["failed_runs"] == 1
    assert bench.summarize([{"error": "boom"}]) == {"error": "boom"}


def test_totals_ratio_is_tieout_over_edgartools(bench):
    rows = [{"bytes": 2e6, "ten_k": True, "tieout": {"seconds": 1.0, "cpu": 1.0, "wall": 1.0}, "parse": {"seconds": 2.0, "cpu": 2.0, "wall": 2.0}},
            {"bytes": 1e6, "ten_k": False, "tieout": {"seconds": 3.0, "cpu": 3.0, "wall": 3.0}, "parse": {"seconds": 1.0, "cpu": 1.0, "wall": 1.0}},
            {"bytes": 1e6, "ten_k": False, "tieout": {"seconds": 1.0, "cpu": 1.0, "wall": 1.0}, "parse": {"error": "x"}}]
    t = bench.totals(rows, ["tieout", "parse"])
    assert t["timed_by_every_mode"] == 2 and t["parse"]["errors"] == 1
    assert t["ratio_vs_parse"]["median_10k"] == 0.5 and t["ratio_vs_parse"]["tieout_at_least_as_fast"] == 1
    assert t["tieout"]["mb_per_s"] == 0.75


def test_grow_repeats_the_body_up_to_the_size(bench, tmp_path):
    page = tmp_path / "p.htm"
    page.write_text(PAGE)
    grown = bench.grow(page, 0.01, tmp_path / "out").read_text()
    assert 10_000 <= len(grown) < 10_000 + len(PAGE) and grown.count("<body>") == 1 and grown.count("</body>") == 1
    assert grown.rstrip().endswith("</table></body></html>")
    assert grown.count("Revenue") >= 10_000 // len(PAGE)


def test_both_workers_end_to_end(bench, tmp_path):
    if not EDGARTOOLS_PYTHON.exists():
        pytest.skip(f"edgartools environment absent at {EDGARTOOLS_PYTHON} (make bench-edgartools creates it)")
    page = tmp_path / "release.htm"
    page.write_text(PAGE)
    out = tmp_path / "figures.json"
    code = bench.main([str(page), "--repeat", "1", "--grow", "0", "--no-fresh", "--out", str(tmp_path / "w"),
                       "--edgartools-python", str(EDGARTOOLS_PYTHON), "--json", str(out)])
    assert code == 0
    report = json.loads(out.read_text())
    row = report["documents"][0]
    assert all("seconds" in row[m] for m in ("tieout", "parse", "release")), row
    assert row["tieout"]["tables"] == 1 and row["parse"]["tables"] == 1
    assert report["workers"]["tieout"]["versions"]["tieout_from"] == str(REPO / "tieout")
