"""Coverage-guided fuzzing of the whole reader (``tieout.read(data=...)``, checks included).

Why: Hypothesis (tests/hardening/test_fuzz_reader.py) explores shapes we thought of;
Atheris (libFuzzer for Python) follows branch coverage into the ones we did not.
Every document is untrusted, so the property is the one the CLI promises: reading
any bytes ends with a Report or ``InputError`` (exit 2), never another exception.
A stage crash that the loader catches is a bug too: it shows up as an "internal
error" Problem, and this harness treats it as a crash so it gets fixed.

Install (optional extra; a binary wheel that may not build on every platform):

    .venv/bin/pip install atheris          # or: pip install -e '.[fuzz]'

Run (outside the test suite; libFuzzer flags pass through):

    .venv/bin/python benchmarks/fuzz_atheris.py -max_total_time=300
    .venv/bin/python benchmarks/fuzz_atheris.py -runs=20000
    .venv/bin/python benchmarks/fuzz_atheris.py crash-1234abcd   # replay one input

Seeds: lines of table-bearing corpus documents (../shared/corpus) and the bundled
example, cut into windows of up to 40 lines, written to ``artifacts/fuzz/seeds``
on first run; new interesting inputs go to ``artifacts/fuzz/corpus``. Crashes
are written by libFuzzer as ``crash-<sha1>`` in the working directory; each one
becomes a regression test in tests/hardening.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
WORK = REPO / "artifacts" / "fuzz"
SEEDS = WORK / "seeds"
CORPUS = WORK / "corpus"
MAX_LEN = 8192  # bytes per input: small inputs keep the run fast and crashes short


def seed_sources() -> list[Path]:
    """Documents to cut seeds from: the example, the seed release and corpus filings."""
    paths = [REPO / "examples" / "northwind-1997-q2-release.txt",
             SHARED / "seed" / "hecla-1996-q1-earnings-release.txt"]
    corpus = SHARED / "corpus"
    if corpus.exists():
        paths += sorted(corpus.rglob("*.txt"))
    return [p for p in paths if p.exists()]


def text_to_seeds(data: bytes, window: int = 40, limit: int = 12) -> list[bytes]:
    """Windows of ``window`` lines around lines that look like table rows (digits after 2 spaces)."""
    lines = data.splitlines(keepends=True)
    rows = [i for i, line in enumerate(lines) if b"  " in line and any(ch in b"0123456789" for ch in line[-12:])]
    seeds = []
    for i in rows[:: max(1, len(rows) // limit) or 1][:limit]:
        chunk = b"".join(lines[max(0, i - window // 2): i + window // 2])[:MAX_LEN]
        if chunk.strip():
            seeds.append(chunk)
    return seeds


def write_seeds() -> int:
    SEEDS.mkdir(parents=True, exist_ok=True)
    CORPUS.mkdir(parents=True, exist_ok=True)
    count = 0
    for path in seed_sources():
        for k, seed in enumerate(text_to_seeds(path.read_bytes())):
            (SEEDS / f"{path.stem[:40]}-{k}.txt").write_bytes(seed)
            count += 1
    return count


def test_one_input(data: bytes) -> None:
    """The property: a Report or InputError, and no stage reporting an internal error."""
    import tieout
    from tieout.errors import InputError

    try:
        report = tieout.read("fuzz.txt", data=data)
    except InputError:
        return
    for problem in report.problems:
        if problem.message.startswith("internal error") or "too deeply nested" in problem.message:
            raise AssertionError(f"stage {problem.stage}: {problem.message}")
    lines = len(report.filing.raw_lines)
    for fact in report.fact_records:
        if not 1 <= fact.line <= lines:
            raise AssertionError(f"fact {fact.display!r} at line {fact.line} of {lines}")
        if fact.value is not None and not fact.value.is_finite():
            raise AssertionError(f"fact {fact.display!r} has value {fact.value}")


def main(argv: list[str]) -> None:
    try:
        import atheris
    except ImportError:
        sys.exit("atheris is not installed: .venv/bin/pip install atheris  (or pip install -e '.[fuzz]')")
    with atheris.instrument_imports():
        import tieout  # noqa: F401  - instrument the package for coverage
        import tieout.checks  # noqa: F401
        import tieout.claims  # noqa: F401
        import tieout.concepts  # noqa: F401
        import tieout.relations  # noqa: F401
    replay = [a for a in argv[1:] if not a.startswith("-")]
    if not replay:  # a fuzzing run: corpus dir (new inputs) then seed dir (read only)
        print(f"fuzz_atheris: {write_seeds()} seeds in {SEEDS}", file=sys.stderr)
        argv = [argv[0], f"-max_len={MAX_LEN}", "-timeout=20", "-rss_limit_mb=2048",
                *argv[1:], str(CORPUS), str(SEEDS)]
    atheris.Setup(argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    os.chdir(WORK.parent if WORK.parent.exists() else REPO)
    main(sys.argv)
