"""Two inline-XBRL 10-Qs of ../shared/corpus-html, tags removed and rendered by w3m as plain
text, read and checked against their own tags (benchmarks/ixbrl_text.py does all 55).

Pins what the reader reaches on statements it was not built on: every tagged number located,
most of them found with the value and period their tags give, and no failing check on these
filed statements. Skips without w3m or ../shared.
"""

import importlib.util
import shutil
import sys

import pytest

from tests.conftest import REPO, SHARED

IXBRL = SHARED / "corpus-html" / "ixbrl"
DOCUMENTS = ("LOW-10-Q-0000060667-23-000139.html", "PG-10-Q-0000080424-23-000103.html")


@pytest.fixture(scope="module")
def benchmark(tmp_path_factory):
    if shutil.which("w3m") is None:
        pytest.skip("w3m not installed (make test installs Debian's w3m when run as root)")
    if not IXBRL.exists():
        pytest.skip(f"answer-key filings not found at {IXBRL} (../shared is absent)")
    spec = importlib.util.spec_from_file_location("ixbrl_text", REPO / "benchmarks" / "ixbrl_text.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["ixbrl_text"] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    module.CACHE = tmp_path_factory.mktemp("ixbrl-text")  # renders go to a temporary folder
    return module


@pytest.mark.parametrize("name, value_right, period_right", [
    (DOCUMENTS[0], 0.72, 0.70), (DOCUMENTS[1], 0.55, 0.50),
])
def test_tagged_statement_numbers_are_read_as_tagged(benchmark, name, value_right, period_right):
    result = benchmark.document_to_result(IXBRL / name, fresh=True, plain=False, keep=0)
    counts = result["counts"]
    assert counts["located"] == counts["tagged"] > 300
    assert counts["found"] >= 0.9 * counts["located"]
    # the primary statements' numbers (contexts without dimensions): the floor this reader reaches
    assert counts["primary value"] >= value_right * counts["primary located"]
    assert counts["primary period"] >= period_right * counts["primary located"]


def test_no_failing_check_on_the_filed_statements(benchmark):
    for name in DOCUMENTS:
        result = benchmark.document_to_result(IXBRL / name, fresh=False, plain=False, keep=5)
        assert result["checks"].get("fail", 0) == 0, result["fails"]
