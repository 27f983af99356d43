"""Read and check every corpus document; print per document facts, relations, checks, speed.

    .venv/bin/python benchmarks/check_corpus.py [CORPUS_DIR] [--failures]

Per document: facts, relations (layout/search), pass/fail/unverifiable, read+check
MB/s; then totals, overall throughput (MB/s on one core) and, with --failures,
every failing check (FILE:LINE: rule: message) for classification as a real
filing error or a tieout false failure.
"""

from __future__ import annotations

import sys
import time
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT = HERE.parent.parent / "shared" / "corpus"


def check_one(path: Path):
    import tieout
    from tieout.checks import prepare, run_checks

    start = time.perf_counter()
    report = tieout.read(path)
    if not report.checks and report.fact_records:
        report = prepare(report)
        checks, problems = run_checks(report)
        report = replace(report, checks=tuple(checks), problems=report.problems + tuple(problems))
    return report, time.perf_counter() - start


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    corpus = Path(args[0]) if args else DEFAULT
    files = sorted(corpus.rglob("*.txt"))
    if not files:
        print(f"no corpus at {corpus}", file=sys.stderr)
        return 2
    total_bytes = total_time = 0.0
    totals = {"facts": 0, "relations": 0, "pass": 0, "fail": 0, "unverifiable": 0, "errors": 0}
    failures = []
    print(f"{'document':58} {'facts':>6} {'rel':>5} {'lay':>4} {'pass':>5} {'fail':>4} {'unv':>4} {'MB/s':>6}")
    for path in files:
        if path.name in ("README.md",):
            continue
        size = path.stat().st_size
        try:
            report, seconds = check_one(path)
        except Exception as exc:  # noqa: BLE001 - the benchmark reports, never stops
            print(f"{str(path.relative_to(corpus)):58} ERROR {type(exc).__name__}: {exc}")
            totals["errors"] += 1
            continue
        total_bytes += size
        total_time += seconds
        counts = {"pass": 0, "fail": 0, "unverifiable": 0}
        for check in report.checks:
            counts[check.status] += 1
            if check.status == "fail":
                failures.append((path.relative_to(corpus), check))
        errors = [p for p in report.problems if p.severity == "error" and p.stage in ("relations", "checks")]
        totals["errors"] += len(errors)
        layout = sum(1 for r in report.relations if r.found_by == "layout")
        totals["facts"] += len(report.fact_records)
        totals["relations"] += len(report.relations)
        for k in counts:
            totals[k] += counts[k]
        mbs = size / 1e6 / seconds if seconds else 0
        print(f"{str(path.relative_to(corpus)):58} {len(report.fact_records):6} {len(report.relations):5} "
              f"{layout:4} {counts['pass']:5} {counts['fail']:4} {counts['unverifiable']:4} {mbs:6.2f}"
              + (f"  {len(errors)} stage errors" if errors else ""))
    print(f"\n{len(files)} documents, {total_bytes / 1e6:.2f} MB in {total_time:.2f} s: "
          f"{total_bytes / 1e6 / total_time:.2f} MB/s read+check on one core")
    print("totals: " + ", ".join(f"{k} {v}" for k, v in totals.items()))
    if "--failures" in argv:
        print("\nfailing checks:")
        for path, check in failures:
            line = check.spans[0].line if check.spans else 0
            print(f"  {path}:{line}: [{check.rule}] {check.message}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
