"""Read and check every corpus document; print per document facts, relations, checks, speed.

    .venv/bin/python benchmarks/check_corpus.py [CORPUS_DIR] [--failures] [--profile] [--repeat N]

Per document: facts, relations (layout/search), pass/fail/unverifiable, read+check
MB/s; then totals, overall throughput (MB/s of CPU time on one core, measured with
``time.process_time`` since the machine may be shared) and, with --failures, every
failing check (FILE:LINE: rule: message), split into the known real errors of the
filings (``KNOWN_REAL_ERRORS``, each with its reason) and the rest, which are
tieout false failures to fix. ``--profile`` runs the stages one by one and prints
CPU seconds per stage (source, layout, tables, facts, concepts, relations, claims,
checks; checks split into the claim rule and the others). ``--repeat N`` reads and checks the
corpus N times and prints the best, median and worst throughput (a shared machine's CPU time varies).
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT = HERE.parent.parent / "shared" / "corpus"

# Failing checks on the clean corpus that are errors printed in the filing itself, not
# tieout's: (file name, rule, line of the check's first span) -> why it is real.
KNOWN_REAL_ERRORS: dict[tuple[str, str, int], str] = {
    ("0000950129-95-001652.txt", "fee-computation", 122):
        "24F-2 notice: item 10 repeats item 9's 19,019,524 securities but states an aggregate "
        "price of $315,907,479 against item 9's $315,907,470 (line 12(i) repeats item 10); "
        "the form's own arithmetic differs by $9",
    ("1001136_8K_2000_0000950124-00-004609.txt", "footing", 1219):
        "Stockwalk pro forma statement of operations, PRO FORMA column: 'Other expense' is printed "
        "19,559 but its row cross-foots to 19,599 (7,145 + 2,723 + 5,720 + 2,271 + 1,369 + 371), and "
        "the printed 'Total expenses' 176,160 is the cross-foot of the total row; the column adds "
        "to 176,120",
    ("1001136_8K_2000_0000950124-00-004609.txt", "footing", 1225):
        "Stockwalk pro forma, SUB DEBT column: 'Income (loss) before income taxes' is printed 2,371 "
        "but revenues -- less expenses 2,371 is (2,371), which with the tax benefit (1,043) gives the "
        "printed net loss (1,328); the income row cross-foots to 9,221 only with (2,371)",
    ("1001136_8K_2000_0000950124-00-004609.txt", "footing", 1221):
        "the same misprint seen at its source: SUB DEBT 'Income (loss) before income taxes' 2,371 "
        "where revenues -- less expenses 2,371 give (2,371)",
    ("0000320193-96-000023.txt", "footing", 3315):
        "Apple 1996 10-K, geographic operating income, 1994 column: EMEA is printed 27; the items "
        "add to 251 against the printed 500. The 1995 10-K (0000320193-95-000016.txt line 2949) "
        "prints the same 1994 figure as 276 (Europe), which adds to 500: a digit dropped in print",
}


def known_real(path: Path, check) -> str:
    line = check.spans[0].line if check.spans else 0
    return KNOWN_REAL_ERRORS.get((path.name, check.rule, line), "")


def _owner(rule: str) -> str:
    return "claims" if rule == "claim" else "ex27" if rule == "ex27" else "relations/checks"


def _clear_caches() -> None:
    """Empty every memo (``functools.lru_cache``) of tieout's modules."""
    for name, module in list(sys.modules.items()):
        if name == "tieout" or name.startswith("tieout."):
            for value in vars(module).values():
                if hasattr(value, "cache_clear"):
                    value.cache_clear()


def check_one(path: Path, data: bytes):
    import tieout
    from tieout.checks import prepare, run_checks

    start = time.process_time()
    report = tieout.read(path, data=data)
    if not report.checks and report.fact_records:
        report = prepare(report)
        checks, problems = run_checks(report)
        report = replace(report, checks=tuple(checks), problems=report.problems + tuple(problems))
    return report, time.process_time() - start


def _value(result):
    """A stage's result without its problems (stages may return (result, problems))."""
    if isinstance(result, tuple) and len(result) == 2 and isinstance(result[1], list):
        return result[0]
    return result


def profile_one(path: Path, data: bytes, seconds: Counter) -> None:
    """The loader's stages one by one, CPU seconds added to ``seconds`` by stage."""
    from tieout.checks import RULES
    from tieout.concepts import assign_concepts
    from tieout.facts import tables_to_facts
    from tieout.layout import document_to_blocks
    from tieout.model import Report
    from tieout.relations import find_relations
    from tieout.source import load_filing
    from tieout.tables import block_to_table

    clock = time.process_time
    t = clock()
    filing = load_filing(path, data=data)
    seconds["source"] += clock() - t
    blocks, tables = [], []
    for document in filing.documents:
        t = clock()
        doc_blocks = _value(document_to_blocks(document))
        seconds["layout"] += clock() - t
        blocks.extend(doc_blocks)
        t = clock()
        n = 0
        for block in doc_blocks:
            if block.kind == "table":
                table = _value(block_to_table(block, document, n, doc_blocks))
                if table is not None and table.rows:
                    tables.append(table)
                    n += 1
        seconds["tables"] += clock() - t
    t = clock()
    facts = _value(tables_to_facts(tables))
    seconds["facts"] += clock() - t
    report = Report(filing=filing, tables=tuple(tables), fact_records=tuple(facts), blocks=tuple(blocks))
    t = clock()
    report = assign_concepts(report)
    seconds["concepts"] += clock() - t
    t = clock()
    relations, _ = find_relations(report)
    report = replace(report, relations=tuple(relations))
    seconds["relations"] += clock() - t
    try:
        from tieout.claims import find_claims
        t = clock()
        claims, _ = find_claims(report)
        report = replace(report, claims=tuple(claims))
        seconds["claims"] += clock() - t
    except ImportError:
        pass
    for rule in RULES:
        name = getattr(rule, "__name__", "rule")
        stage = "checks:claims" if "claim" in name else "checks:ex27" if "ex27" in name else "checks:own"
        t = clock()
        try:
            list(rule(report))
        except Exception:  # noqa: BLE001 - timing only
            pass
        seconds[stage] += clock() - t


def main(argv: list[str]) -> int:
    args = [a for i, a in enumerate(argv) if not a.startswith("--") and (i == 0 or argv[i - 1] != "--repeat")]
    corpus = Path(args[0]) if args else DEFAULT
    files = sorted(corpus.rglob("*.txt"))
    if not files:
        print(f"no corpus at {corpus}", file=sys.stderr)
        return 2
    if "--profile" in argv:
        seconds: Counter = Counter()
        size = 0
        for path in files:
            data = path.read_bytes()
            size += len(data)
            profile_one(path, data, seconds)
        total = sum(seconds.values())
        print(f"{'stage':14} {'cpu s':>8} {'share':>6} {'MB/s':>8}")
        for stage in ("source", "layout", "tables", "facts", "concepts", "relations", "claims",
                      "checks:own", "checks:claims", "checks:ex27"):
            s = seconds.get(stage, 0.0)
            print(f"{stage:14} {s:8.2f} {100 * s / total:5.1f}% {size / 1e6 / s if s else 0:8.1f}")
        reader = sum(seconds[k] for k in ("source", "layout", "tables", "facts"))
        mine = sum(seconds[k] for k in ("concepts", "relations", "checks:own"))
        print(f"{'total':14} {total:8.2f}        {size / 1e6 / total:8.2f}  ({size / 1e6:.2f} MB)")
        print(f"reader {size / 1e6 / reader:.2f} MB/s; concepts+relations+own checks "
              f"{size / 1e6 / mine:.2f} MB/s; all but claims "
              f"{size / 1e6 / (total - seconds['claims'] - seconds['checks:claims']):.2f} MB/s")
        return 0
    total_bytes = total_time = 0.0
    totals = {"facts": 0, "relations": 0, "pass": 0, "fail": 0, "unverifiable": 0, "errors": 0}
    failures = []
    print(f"{'document':58} {'facts':>6} {'rel':>5} {'lay':>4} {'pass':>5} {'fail':>4} {'unv':>4} {'MB/s':>6}")
    for path in files:
        data = path.read_bytes()
        size = len(data)
        try:
            report, seconds_ = check_one(path, data)
        except Exception as exc:  # noqa: BLE001 - the benchmark reports, never stops
            print(f"{str(path.relative_to(corpus)):58} ERROR {type(exc).__name__}: {exc}")
            totals["errors"] += 1
            continue
        total_bytes += size
        total_time += seconds_
        counts = {"pass": 0, "fail": 0, "unverifiable": 0}
        for check in report.checks:
            counts[check.status] += 1
            if check.status == "fail":
                failures.append((path, check))
        errors = [p for p in report.problems if p.severity == "error" and p.stage in ("relations", "checks")]
        totals["errors"] += len(errors)
        layout = sum(1 for r in report.relations if r.found_by == "layout")
        totals["facts"] += len(report.fact_records)
        totals["relations"] += len(report.relations)
        for k in counts:
            totals[k] += counts[k]
        mbs = size / 1e6 / seconds_ if seconds_ else 0
        print(f"{str(path.relative_to(corpus)):58} {len(report.fact_records):6} {len(report.relations):5} "
              f"{layout:4} {counts['pass']:5} {counts['fail']:4} {counts['unverifiable']:4} {mbs:6.2f}"
              + (f"  {len(errors)} stage errors" if errors else ""))
    print(f"\n{len(files)} documents, {total_bytes / 1e6:.2f} MB in {total_time:.2f} s CPU: "
          f"{total_bytes / 1e6 / total_time:.2f} MB/s read+check on one core")
    repeat = int(argv[argv.index("--repeat") + 1]) if "--repeat" in argv else 1
    if repeat > 1:
        # CPU time of the same work swings by 30-50% on a shared virtual machine (caches, a sibling
        # hyperthread): run the corpus again and report the best and the median, as timeit does
        runs = [total_time]
        datas = [(path, path.read_bytes()) for path in files]
        for _ in range(repeat - 1):
            _clear_caches()  # each run starts as cold as the first: no label or line remembered from the last
            runs.append(sum(check_one(path, data)[1] for path, data in datas))
        runs.sort()
        print(f"{repeat} runs: best {total_bytes / 1e6 / runs[0]:.2f} MB/s, median "
              f"{total_bytes / 1e6 / runs[len(runs) // 2]:.2f} MB/s, worst {total_bytes / 1e6 / runs[-1]:.2f} MB/s")
    print("totals: " + ", ".join(f"{k} {v}" for k, v in totals.items()))
    real = [(p, c) for p, c in failures if known_real(p, c)]
    false = [(p, c) for p, c in failures if not known_real(p, c)]
    print(f"failing checks: {len(failures)}: {len(real)} known real errors in filings, "
          f"{len(false)} false failures")
    if "--failures" in argv:
        print("\nreal errors in filings (KNOWN_REAL_ERRORS):")
        for path, check in real:
            line = check.spans[0].line if check.spans else 0
            print(f"  {path.relative_to(corpus)}:{line}: [{check.rule}] {check.message}\n"
                  f"      why real: {known_real(path, check)}")
        print("\nfalse failures (tieout's, to fix), by the stage that owns the rule:")
        for owner in ("relations/checks", "claims", "ex27"):
            some = [(p, c) for p, c in false if _owner(c.rule) == owner]
            print(f"  {owner}: {len(some)}")
            for path, check in some:
                line = check.spans[0].line if check.spans else 0
                print(f"    {path.relative_to(corpus)}:{line}: [{check.rule}] {check.message}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
