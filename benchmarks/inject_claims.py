"""Inject one error at a time into the narrative figures of real filings; measure whether the claim check catches it.

Why: real narrative errors are a mistyped digit, two transposed digits, a dropped
minus or parentheses. This script changes one narrative figure that ties on the
clean document (a digit, two adjacent digits swapped, a sign flipped; the same
``doc_targets``/``inject``/``mutate`` as ``benchmarks/inject_errors.py``),
re-reads the modified bytes with ``tieout.read(path, data=...)`` and counts:

* *caught*: a "claim" check at the changed line fails;
* *located*: a failing "claim" check names the changed claim itself (its span
  covers the changed figure);
* *false failures*: every failing "claim" check on the unmodified documents
  (and on the bundled example), which must be 0.

Each injection is also classified against the *clean* document, like the table
injections of ``benchmarks/inject_errors.py`` (``classify``):

* ``detectable``: on the clean document the claim passed tied to a fact F (for a
  change or multiple: the interval recomputed from its tied facts; for an
  interest: the table's share), and the modified figure's interval no longer
  meets F's: the interval rule can catch it;
* ``rounding``: the modified figure still meets F ("$537,000" -> "$537,030"
  against 537 in thousands, or a sign the wording already carries against a row
  compared by magnitude): the interval rule cannot, and must not, fail it;
* ``untied``: the clean claim did not pass tied to a fact: nothing to catch;
* ``unread``: the modified text is not read as a claim at that place.

Recall is reported raw and on detectable injections.

Not injections (skipped, counted): a change that leaves the claim's value as it
was (a sign flip the wording already carries: "a net loss of ($537,000)").

    .venv/bin/python benchmarks/inject_claims.py [FILES...] [--per-doc 60] [--seed 1]
        [--show-missed N] [--workers 2]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import zlib
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

import tieout  # noqa: E402
from dataclasses import replace  # noqa: E402
from inject_errors import KINDS, corpus_paths, doc_targets, inject, split_lines  # noqa: E402
from tieout.errors import InputError  # noqa: E402

EXAMPLE = REPO / "examples" / "northwind-1997-q2-release.txt"


def claim_failures(report) -> list:
    return [c for c in report.checks if c.rule == "claim" and c.status == "fail"]


CLASSES = ("detectable", "rounding", "untied", "unread")


def classify(clean, original, modified, tied: dict) -> str:
    """detectable / rounding / untied / unread: does the modified figure still meet what the clean claim tied to?"""
    from tieout.claims.link import (
        claim_meets_fact, claim_to_words, relative_to_check, report_to_shares, share_to_check,
    )
    if modified is None:
        return "unread"
    check = next((k for k in clean.checks if k.rule == "claim" and original.id in k.claims), None)
    if check is None or check.status != "pass":
        return "untied"
    substituted = replace(original, value=modified.value, low=modified.low, high=modified.high,
                          text=modified.text, qualifier=modified.qualifier)
    if original.kind in ("amount", "delta"):
        if not check.facts:
            return "untied"
        fact = clean.fact_records[check.facts[0]]
        return "rounding" if claim_meets_fact(substituted, claim_to_words(substituted), fact) else "detectable"
    if original.kind in ("change", "ratio"):
        by_id = {c.id: c for c in clean.claims}
        by_id[original.id] = substituted
        again = relative_to_check(substituted, by_id, tied, clean.fact_records)
    else:
        again = share_to_check(substituted, report_to_shares(clean))
    return "rounding" if again.status == "pass" else "detectable"


def clean_ties(clean) -> dict:
    """claim id -> the fact its clean check tied it to (pass or fail), as ``claims_to_checks`` passes them on."""
    out = {}
    for check in clean.checks:
        if check.rule == "claim" and len(check.claims) == 1 and check.status in ("pass", "fail") and check.facts:
            out[check.claims[0]] = clean.fact_records[check.facts[0]]
    return out


def run_doc(path: Path, per_doc: int, seed: int, seconds: float) -> dict:
    """Injections into one document: {"stats", "false", "missed", "skipped"} (plain data for a pool)."""
    stats: dict[str, Counter] = defaultdict(Counter)
    out = {"stats": stats, "false": [], "missed": [], "skipped": Counter(), "caught": []}
    data = path.read_bytes()
    started = time.process_time()
    try:
        clean = tieout.read(path, data=data)
    except InputError:
        return out
    cost = max(time.process_time() - started, 0.01)
    for check in claim_failures(clean):
        out["false"].append((path.name, check.lines, check.message[:200]))
    _, narrative = doc_targets(clean)
    if not narrative:
        return out
    lines = split_lines(data)
    if len(lines) != len(clean.filing.raw_lines):
        out["skipped"]["line numbering differs from the reader's"] += 1
        return out
    per_doc = max(1, min(per_doc, int(seconds / cost)))
    rng = random.Random(seed * 1_000_003 + zlib.crc32(path.name.encode()))
    plan = [(t, k) for t in narrative for k in KINDS]
    rng.shuffle(plan)
    claims_by_id = {c.id: c for c in clean.claims}
    tied = clean_ties(clean)
    done = 0
    for target, kind in plan:
        if done >= per_doc:
            break
        made = inject(lines, target, kind, rng)
        if made is None:
            out["skipped"][f"{kind}: not applicable"] += 1
            continue
        changed, before, after = made
        try:
            report = tieout.read(path, data=b"".join(changed))
        except InputError:
            out["skipped"]["unreadable after injection"] += 1
            continue
        original = claims_by_id[target.ident]
        same = [c for c in report.claims if c.line == target.line and c.col <= target.end_col
                and c.end_col >= target.col]
        if same and all(c.value == original.value for c in same):
            out["skipped"][f"{kind}: claim value unchanged"] += 1
            continue
        ids = {c.id for c in same}
        fails = [c for c in claim_failures(report) if target.line in c.lines]
        caught = bool(fails)
        located = any(set(c.claims) & ids for c in fails)
        modified = min(same, key=lambda c: (c.kind != original.kind, abs(c.col - original.col)), default=None)
        cls = classify(clean, original, modified, tied)
        done += 1
        stats[kind]["injected"] += 1
        stats[kind]["caught"] += caught
        stats[kind]["located"] += located
        stats[kind][f"n:{cls}"] += 1
        stats[kind][f"caught:{cls}"] += caught
        if not located:
            status = next((k.status + ": " + k.message for k in report.checks if k.rule == "claim"
                           and set(k.claims) & ids), "no claim read")
            out["missed"].append((path.name, kind, target.line, before.strip(), after.strip(), caught,
                                  status[:220], cls))
        else:
            out["caught"].append((path.name, kind, target.line, before.strip(), after.strip(),
                                  fails[0].message[:220]))
    return out


def _run(args):
    return args[0], run_doc(*args)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--per-doc", type=int, default=60, help="injections per document (default 60)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--show-missed", type=int, default=30)
    parser.add_argument("--show-caught", type=int, default=0)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--max-seconds-per-doc", type=float, default=60.0,
                        help="time budget per document: slow documents get fewer injections")
    args = parser.parse_args(argv)
    paths = args.files or corpus_paths()
    started = time.time()
    jobs = [(p, args.per_doc, args.seed, args.max_seconds_per_doc) for p in paths]
    if args.workers > 1:
        with ProcessPoolExecutor(args.workers) as pool:
            results = list(pool.map(_run, jobs))
    else:
        results = [_run(j) for j in jobs]
    stats: dict[str, Counter] = defaultdict(Counter)
    false, missed, caught, skipped = [], [], [], Counter()
    docs = 0
    for path, res in results:
        if any(c["injected"] for c in res["stats"].values()):
            docs += 1
        for kind, c in res["stats"].items():
            stats[kind].update(c)
        false += res["false"]
        missed += res["missed"]
        caught += res["caught"]
        skipped.update(res["skipped"])

    def pct(a: int, b: int) -> str:
        return f"{100 * a / b:6.1f}%" if b else "     -"

    print(f"\nnarrative injections over {docs} documents (seed {args.seed}, --per-doc {args.per_doc})")
    print(f"{'kind':6} {'injected':>8} {'caught':>8} {'located':>8}")
    total = Counter()
    for kind in KINDS:
        c = stats[kind]
        total.update(c)
        print(f"{kind:6} {c['injected']:8d} {pct(c['caught'], c['injected']):>8} {pct(c['located'], c['injected']):>8}")
    print(f"{'ALL':6} {total['injected']:8d} {pct(total['caught'], total['injected']):>8} "
          f"{pct(total['located'], total['injected']):>8}")
    print("\nby class against the clean document (caught = a claim check at the changed line fails):")
    print(f"{'kind':6} " + " ".join(f"{c + ' n':>13} {'caught':>7}" for c in CLASSES))
    for kind in KINDS + ("ALL",):
        c = total if kind == "ALL" else stats[kind]
        print(f"{kind:6} " + " ".join(f"{c[f'n:{cl}']:13d} {pct(c[f'caught:{cl}'], c[f'n:{cl}']):>7}"
                                      for cl in CLASSES))
    print("\nrecall on detectable injections: " + ", ".join(
        f"{kind} {pct(stats[kind]['caught:detectable'], stats[kind]['n:detectable']).strip()}" for kind in KINDS)
        + f", ALL {pct(total['caught:detectable'], total['n:detectable']).strip()}"
        f" (raw {pct(total['caught'], total['injected']).strip()})")
    example = tieout.read(EXAMPLE) if EXAMPLE.exists() else None
    example_fail = [c for c in example.checks if c.status == "fail"] if example else []
    print(f"\nclaim failures on clean documents: {len(false)}")
    for name, lines, message in false:
        print(f"  FALSE {name}:{lines}: {message}")
    if example is not None:
        print(f"example {EXAMPLE.name}: {len(example_fail)} failing checks"
              + "".join(f"\n  FALSE {c.lines}: {c.message[:200]}" for c in example_fail))
    print("\nskipped (not injections):")
    for reason, n in sorted(skipped.items()):
        print(f"  {n:6d}  {reason}")
    if missed and args.show_missed:
        print(f"\nmissed or not located ({len(missed)}), by class, first {args.show_missed} of each:")
        for cls in CLASSES:
            some = [m for m in missed if m[7] == cls]
            if some:
                print(f"  [{cls}] {len(some)}")
            for name, kind, line, before, after, was_caught, status, _ in some[:args.show_missed]:
                print(f"  {name}:{line} {kind} {before!r} -> {after!r} "
                      f"{'caught elsewhere' if was_caught else 'MISSED'}\n      {status}")
    if caught and args.show_caught:
        print(f"\ncaught ({len(caught)}), first {args.show_caught}:")
        for name, kind, line, before, after, message in caught[:args.show_caught]:
            print(f"  {name}:{line} {kind} {before!r} -> {after!r}\n      {message}")
    print(f"\n{time.time() - started:.1f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
