"""Score tieout on generated plain-text earnings releases whose every number is known.

Why: the corpus has no answer key, so a reader change that helps one layout and
hurts another goes unseen. ``tests/synth`` writes fictional releases in the
layouts of 1993-2008 filings (tabs, dot leaders, stacked and spanning headers,
scale notes in many wordings, 52/53-week calendars, banks, roll-forwards, pro
forma columns) with an exact key. Each number of the key is matched to the fact
tieout reads at the same line and column, and scored: found, value, unit,
period, scale source. Every failing check is a false failure (generated tables
foot within rounding by construction), except the narrative "claim" rules,
which are left out. Results are broken down by layout feature, so the style a
reader fails on shows.

Section "claims": the same seeds generated with narrative claims
(``generate(seed, claims=True)``, ``tests/synth/claims.py``): true figures, false
ones (one digit changed, or another period's figure), hedged, per share, percent
changes (base stated or the prior column), shares of revenue, comparisons, fiscal
quarters, and traps (a subject no table holds, a goal) that must never fail.
Scored on the failing "claim" checks: *precision* = failing checks on false
figures / all failing claim checks (a fail on a true figure, a trap, or any other
figure of the prose, which is true, is a false positive); *recall* = false figures
whose interval misses the table's (detectable) that fail.

    .venv/bin/python benchmarks/synth_releases.py [--count 200] [--seed 0]
        [--misses N]    N examples of each kind of miss: features, the line printed, key vs fact
        [--fails N]     N failing check messages
        [--write DIR]   save each document and its key (synth-SEED.txt, synth-SEED.json)
        [--json OUT]    totals and breakdowns as JSON, for comparing runs
        [--workers N]   processes reading documents (default: all cores)
        [--no-claims]   skip the claims section
        [--claim-misses N]  N examples of each kind of claim miss and false positive
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import tieout  # noqa: E402
from tests.synth import Synth, generate  # noqa: E402

SCORES = ("found", "value", "unit", "period", "scale_source")
MISS_KINDS = ("not found", "value", "unit", "period", "scale_source", "spurious")
EXAMPLE_FEATURES = ("table", "columns", "header", "note", "note_position", "money", "calendar", "tabs", "leaders",
                    "dollar", "negative", "nil", "paren_hang", "unit", "row_period", "wrapped_label", "drifted",
                    "scale_source", "typed_before")


@dataclass
class DocResult:
    """What one document's reading scored; plain data, so worker processes can return it."""

    seed: int
    outcomes: list[tuple[tuple[str, ...], dict[str, bool]]] = field(default_factory=list)  # features, scores
    misses: list[tuple[str, dict]] = field(default_factory=list)  # (kind, example)
    spurious: int = 0
    fails: list[dict] = field(default_factory=list)
    tables: list[tuple[str, ...]] = field(default_factory=list)  # each table's features
    relations: int = 0
    footed: int = 0
    problems: list[str] = field(default_factory=list)


def score_document(seed: int, write: str | None = None) -> DocResult:
    synth = generate(seed)
    if write:
        _write(synth, Path(write))
    result = DocResult(seed, tables=[t.features for t in synth.tables])
    try:
        report = tieout.read(f"synth-{seed:04d}.txt", data=synth.text.encode())
    except Exception as exc:  # noqa: BLE001 - a reader being changed may crash: score the document as unread
        result.problems.append(f"read failed: {type(exc).__name__}: {exc}")
        result.outcomes = [(n.features, dict.fromkeys(SCORES, False)) for n in synth.numbers]
        return result
    result.problems = [p.message for p in report.problems if p.severity == "error"]
    lines = synth.text.split("\n")
    facts = {}
    for fact in report.fact_records:
        if fact.value is not None and fact.source == "table":
            facts.setdefault((fact.line, fact.col), fact)
    matched = set()
    for number in synth.numbers:
        fact = facts.get((number.line, number.col))
        scores = _scores(number, fact)
        result.outcomes.append((number.features, scores))
        if fact is not None:
            matched.add((number.line, number.col))
        for kind in _miss_kinds(scores):
            result.misses.append((kind, _example(seed, number, fact, lines)))
    for position, fact in facts.items():
        if position not in matched:
            result.spurious += 1
            result.misses.append(("spurious", _spurious_example(seed, fact, lines, synth)))
    result.fails = [_fail(seed, check, synth) for check in report.checks
                    if check.status == "fail" and not check.rule.startswith("claim")]
    result.relations, result.footed = len(synth.relations), _footed(synth, report)
    return result


@dataclass
class ClaimResult:
    seed: int
    rows: list[dict] = field(default_factory=list)  # one per key claim: truth, kind, error, detectable, status
    stray_fails: list[dict] = field(default_factory=list)  # failing claim checks at no key claim's position
    problems: list[str] = field(default_factory=list)


def score_claims(seed: int) -> ClaimResult:
    synth = generate(seed, claims=True)
    result = ClaimResult(seed)
    try:
        report = tieout.read(f"synth-{seed:04d}.txt", data=synth.text.encode())
    except Exception as exc:  # noqa: BLE001
        result.problems.append(f"read failed: {type(exc).__name__}: {exc}")
        return result
    by_claim = {c.id: c for c in report.claims}
    checks = {}
    for check in report.checks:
        if check.rule == "claim" and check.claims:
            claim = by_claim.get(check.claims[0])
            if claim is not None:
                checks[(claim.line, claim.col)] = (claim, check)
    read_rows = {(f.label, f.period) for f in report.fact_records if f.value is not None and f.period}
    keyed = set()
    for truth in synth.claims:
        keyed.add((truth.line, truth.col))
        found = checks.get((truth.line, truth.col))
        result.rows.append({"truth": truth.truth, "kind": truth.kind, "error": truth.error,
                            "detectable": truth.detectable, "status": found[1].status if found else "unread",
                            "text": truth.text, "sentence": truth.sentence, "seed": seed, "line": truth.line,
                            "message": found[1].message if found else "", "row": truth.row, "period": truth.period,
                            "row_read": (truth.row, truth.period) in read_rows})
    for position, (claim, check) in checks.items():
        if position not in keyed and check.status == "fail":
            result.stray_fails.append({"seed": seed, "line": claim.line, "text": claim.text,
                                       "message": check.message, "sentence": claim.sentence})
    return result


def summarise_claims(results: list[ClaimResult]) -> dict:
    rows = [r for res in results for r in res.rows]
    stray = [f for res in results for f in res.stray_fails]
    false = [r for r in rows if r.get("truth") == "false"]
    detectable = [r for r in false if r["detectable"]]
    caught = [r for r in detectable if r["status"] == "fail"]
    tp = sum(1 for r in false if r["status"] == "fail")
    fp_rows = [r for r in rows if r["truth"] != "false" and r["status"] == "fail"]
    fails = tp + len(fp_rows) + len(stray)
    by_kind: dict = defaultdict(Counter)
    for r in rows:
        by_kind[(r["truth"], r["kind"], r["error"])][r["status"]] += 1
    return {"documents": len(results), "claims": len(rows), "true": sum(r["truth"] == "true" for r in rows),
            "false": len(false), "detectable": len(detectable), "traps": sum(r["truth"] == "trap" for r in rows),
            "caught": len(caught), "true_positives": tp, "false_positives": len(fp_rows) + len(stray),
            "stray_fails": len(stray), "precision": tp / fails if fails else 1.0,
            "recall": len(caught) / len(detectable) if detectable else 1.0,
            "detectable_row_read": sum(1 for r in detectable if r["row_read"]),
            "caught_row_read": sum(1 for r in caught if r["row_read"]),
            "trap_passes": sum(1 for r in rows if r["truth"] == "trap" and r["status"] == "pass"),
            "by_kind": {" ".join(k for k in key if k): dict(v) for key, v in sorted(by_kind.items())},
            "stage_errors": sum(len(r.problems) for r in results)}


def print_claims(summary: dict, results: list[ClaimResult], misses: int) -> None:
    print()
    print(f"claims: {summary['documents']} documents with narrative claims, {summary['claims']:,} figures in the key "
          f"({summary['true']:,} true, {summary['false']:,} false of which {summary['detectable']:,} detectable, "
          f"{summary['traps']:,} traps)")
    print(f"  precision of failing claim checks  {summary['precision']:6.1%}  ({summary['true_positives']:,} on false "
          f"figures, {summary['false_positives']:,} false positives, {summary['stray_fails']:,} of them on prose "
          "figures outside the key)")
    print(f"  recall on detectable false figures {summary['recall']:6.1%}  ({summary['caught']:,} of "
          f"{summary['detectable']:,})")
    read = summary["detectable_row_read"]
    print(f"  recall where the tables were read   {summary['caught_row_read'] / read if read else 1:6.1%}  "
          f"({summary['caught_row_read']:,} of {read:,} whose row the reader found with its period)")
    print(f"  traps that pass (tied to a row they do not name): {summary['trap_passes']:,}")
    if summary["stage_errors"]:
        print(f"  stage errors: {summary['stage_errors']}")
    print(f"  {'truth kind error':<34} {'pass':>6} {'fail':>6} {'unverif':>8} {'unread':>7}")
    for key, counts in summary["by_kind"].items():
        print(f"  {key:<34} {counts.get('pass', 0):>6} {counts.get('fail', 0):>6} {counts.get('unverifiable', 0):>8} "
              f"{counts.get('unread', 0):>7}")
    if not misses:
        return
    rows = [r for res in results for r in res.rows]
    groups = {"false positives": [r for r in rows if r["truth"] != "false" and r["status"] == "fail"]
              + [dict(f, kind="stray") for res in results for f in res.stray_fails],
              "missed (detectable, not failed)": [r for r in rows if r["truth"] == "false" and r["detectable"]
                                                  and r["status"] != "fail"]}
    for title, examples in groups.items():
        print()
        print(f"claims {title} ({len(examples)}):")
        for r in _spread(examples, misses):
            print(f"  seed {r['seed']} line {r['line']} [{r.get('kind')} {r.get('error', '')}] {r['text']!r} "
                  f"{r.get('row', '')} {r.get('period', '')}")
            print(f"    | {r['sentence'][:160]}")
            print(f"    -> {r.get('status', 'fail')}: {r['message'][:220]}")


def _scores(number, fact) -> dict[str, bool]:
    if fact is None:
        return dict.fromkeys(SCORES, False)
    return {"found": True, "value": fact.value == number.value, "unit": fact.unit == number.unit,
            "period": fact.period == number.period, "scale_source": fact.scale_source == number.scale_source}


def _miss_kinds(scores: dict[str, bool]) -> list[str]:
    if not scores["found"]:
        return ["not found"]
    return [kind for kind in SCORES[1:] if not scores[kind]]


def _short_features(features: tuple[str, ...]) -> str:
    wanted = {f.split("=", 1)[0]: f for f in features}
    return " ".join(wanted[key] for key in EXAMPLE_FEATURES if key in wanted)


def _example(seed: int, number, fact, lines: list[str]) -> dict:
    key = {"value": str(number.value), "unit": number.unit, "period": number.period,
           "scale_source": number.scale_source, "label": number.label, "header": number.header}
    read = None if fact is None else {"value": str(fact.value), "unit": fact.unit, "period": fact.period,
                                      "scale_source": fact.scale_source, "label": fact.label}
    return {"seed": seed, "line": number.line, "col": number.col, "text": lines[number.line - 1],
            "features": _short_features(number.features), "key": key, "fact": read}


def _spurious_example(seed: int, fact, lines: list[str], synth: Synth) -> dict:
    table = next((t for t in synth.tables if t.first_line <= fact.line <= t.last_line), None)
    where = f"table {table.index} ({table.kind})" if table else "outside the tables"
    return {"seed": seed, "line": fact.line, "col": fact.col, "text": lines[fact.line - 1],
            "features": where, "key": None,
            "fact": {"value": str(fact.value), "unit": fact.unit, "period": fact.period, "label": fact.label,
                     "display": fact.display}}


def _fail(seed: int, check, synth: Synth) -> dict:
    line = check.spans[0].line if check.spans else 0
    table = next((t for t in synth.tables if t.first_line <= line <= t.last_line), None)
    return {"seed": seed, "rule": check.rule, "message": check.message, "line": line,
            "table": table.index if table else None, "features": table.features if table else ()}


def _footed(synth: Synth, report) -> int:
    """Relations of the key that a passing footing check states with the same total and items."""
    checked = set()
    for check in report.checks:
        if check.rule == "footing" and check.status == "pass" and check.spans:
            total = check.spans[0]
            items = frozenset((s.line, s.col) for s in check.spans[1:])
            checked.add(((total.line, total.col), items))
    count = 0
    for relation in synth.relations:
        total = synth.numbers[relation.total]
        items = frozenset((synth.numbers[i].line, synth.numbers[i].col) for i, _ in relation.items)
        count += ((total.line, total.col), items) in checked
    return count


def _write(synth: Synth, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"synth-{synth.seed:04d}.txt").write_text(synth.text)
    (folder / f"synth-{synth.seed:04d}.json").write_text(json.dumps(synth.to_json(), indent=1))


# --------------------------------------------------------------------------
# totals and breakdowns


@dataclass
class Tally:
    n: int = 0
    right: Counter = field(default_factory=Counter)

    def add(self, scores: dict[str, bool]) -> None:
        self.n += 1
        self.right.update(k for k, v in scores.items() if v)

    def rate(self, score: str) -> float:
        return self.right[score] / self.n if self.n else 0.0


def summarise(results: list[DocResult]) -> dict:
    total = Tally()
    by_feature: dict[str, Tally] = defaultdict(Tally)
    tables_with: Counter = Counter()
    fails_with: Counter = Counter()
    for result in results:
        for features, scores in result.outcomes:
            total.add(scores)
            for feature in features:
                by_feature[feature].add(scores)
        for features in result.tables:
            tables_with.update(features)
        for fail in result.fails:
            fails_with.update(fail["features"])
    fails = [f for r in results for f in r.fails]
    return {
        "documents": len(results), "numbers": total.n,
        "rates": {s: total.rate(s) for s in SCORES},
        "spurious": sum(r.spurious for r in results),
        "relations": sum(r.relations for r in results), "footed": sum(r.footed for r in results),
        "false_failures": len(fails), "documents_with_failures": len({f["seed"] for f in fails}),
        "failures_by_rule": dict(Counter(f["rule"] for f in fails).most_common()),
        "stage_errors": sum(len(r.problems) for r in results),
        "features": {feature: {"n": t.n, **{s: t.rate(s) for s in SCORES},
                               "tables": tables_with.get(feature, 0), "fails": fails_with.get(feature, 0)}
                     for feature, t in sorted(by_feature.items())},
    }


def print_summary(summary: dict, seconds: float, first_seed: int, min_n: int) -> None:
    docs, numbers = summary["documents"], summary["numbers"]
    print(f"synth releases: {docs} documents (seeds {first_seed}-{first_seed + docs - 1}), {numbers:,} numbers, "
          f"{summary['relations']:,} relations; generated, read and checked in {seconds:.1f} s")
    print()
    print("  (rates are shares of all the key's numbers; a number not found counts as wrong on every score)")
    for score in SCORES:
        rate = summary["rates"][score]
        print(f"  {score + ' right' if score != 'found' else 'found':<20} {round(rate * numbers):>8,}  {rate:6.1%}")
    print(f"  {'spurious facts':<20} {summary['spurious']:>8,}  (facts at no key number's position)")
    relations = summary["relations"] or 1
    print(f"  {'relations footed':<20} {summary['footed']:>8,}  {summary['footed'] / relations:6.1%}"
          "  (a passing footing check with the key's total and items)")
    rules = ", ".join(f"{rule} {count}" for rule, count in summary["failures_by_rule"].items()) or "none"
    print(f"  {'false failures':<20} {summary['false_failures']:>8,}  in {summary['documents_with_failures']} "
          f"documents: {rules}")
    if summary["stage_errors"]:
        print(f"  {'stage errors':<20} {summary['stage_errors']:>8,}  (reader crashes, whole documents or stages)")
    features = {f: v for f, v in summary["features"].items() if v["n"] >= min_n}
    print()
    print(f"per layout feature (features on at least {min_n} numbers; fails = false failures per table "
          "with the feature)")
    _feature_table(sorted(features.items()))
    for score, title in (("period", "period right"), ("found", "found")):
        print()
        print(f"worst 10 features by {title}")
        _feature_table(sorted(features.items(), key=lambda item: (item[1][score], item[0]))[:10])


def _feature_table(rows: list) -> None:
    print(f"  {'feature':<58} {'n':>7} {'found':>7} {'value':>7} {'unit':>7} {'period':>7} {'scale':>7} {'fails':>6}")
    for feature, v in rows:
        per_table = f"{v['fails'] / v['tables']:.2f}" if v["tables"] else "-"
        print(f"  {feature[:58]:<58} {v['n']:>7,} {v['found']:>7.1%} {v['value']:>7.1%} {v['unit']:>7.1%} "
              f"{v['period']:>7.1%} {v['scale_source']:>7.1%} {per_table:>6}")


def print_misses(results: list[DocResult], count: int) -> None:
    for kind in MISS_KINDS:
        examples = _spread([example for r in results for k, example in r.misses if k == kind], count)
        if not examples:
            continue
        print()
        print(f"misses: {kind} ({sum(1 for r in results for k, _ in r.misses if k == kind):,})")
        for example in examples:
            print(f"  seed {example['seed']} line {example['line']} col {example['col']}: {example['features']}")
            print(f"    | {example['text'].expandtabs(8).rstrip()}")
            if example["key"]:
                print(f"    key:  {_describe(example['key'])}")
            print(f"    fact: {_describe(example['fact']) if example['fact'] else '(none at this position)'}")


def _spread(examples: list[dict], count: int) -> list[dict]:
    """Up to ``count`` examples, one per document first, so one bad table does not fill the list."""
    chosen, seen = [], set()
    for example in examples:
        if example["seed"] not in seen:
            chosen.append(example)
            seen.add(example["seed"])
        if len(chosen) == count:
            return chosen
    return chosen + [e for e in examples if e not in chosen][:count - len(chosen)]


def _describe(values: dict) -> str:
    return "  ".join(f"{k}={v!r}" if k in ("label", "header", "display") else f"{k}={v}" for k, v in values.items())


def print_fails(results: list[DocResult], count: int) -> None:
    fails = _spread([f for r in results for f in r.fails], count)
    if not fails:
        return
    print()
    print(f"false failures ({sum(len(r.fails) for r in results):,}), {len(fails)} shown")
    for fail in fails:
        features = " ".join(f for f in fail["features"] if f.split("=")[0] in ("table", "header", "money", "tabs",
                                                                                "note_position", "rules"))
        print(f"  seed {fail['seed']} line {fail['line']} [{fail['rule']}] {fail['message']}")
        print(f"    {features}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=200, help="documents to generate (default 200)")
    parser.add_argument("--seed", type=int, default=0, help="first seed (documents use seed, seed+1, ...)")
    parser.add_argument("--misses", type=int, default=0, metavar="N", help="N examples of each kind of miss")
    parser.add_argument("--fails", type=int, default=0, metavar="N", help="N failing check messages")
    parser.add_argument("--write", metavar="DIR", help="save each document and its key in DIR")
    parser.add_argument("--json", metavar="OUT", help="write totals and breakdowns as JSON")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="reading processes")
    parser.add_argument("--min-n", type=int, default=50, help="smallest feature shown in the breakdown")
    parser.add_argument("--no-claims", action="store_true", help="skip the claims section")
    parser.add_argument("--claim-misses", type=int, default=0, metavar="N",
                        help="N examples of claim false positives and misses")
    args = parser.parse_args(argv)
    seeds = range(args.seed, args.seed + args.count)
    started = time.perf_counter()
    if args.workers > 1:
        with ProcessPoolExecutor(args.workers) as pool:
            results = list(pool.map(score_document, seeds, [args.write] * len(seeds), chunksize=4))
    else:
        results = [score_document(seed, args.write) for seed in seeds]
    seconds = time.perf_counter() - started
    summary = summarise(results)
    print_summary(summary, seconds, args.seed, args.min_n)
    if args.misses:
        print_misses(results, args.misses)
    if args.fails:
        print_fails(results, args.fails)
    claims_summary = None
    if not args.no_claims:
        if args.workers > 1:
            with ProcessPoolExecutor(args.workers) as pool:
                claim_results = list(pool.map(score_claims, seeds, chunksize=4))
        else:
            claim_results = [score_claims(seed) for seed in seeds]
        claims_summary = summarise_claims(claim_results)
        print_claims(claims_summary, claim_results, args.claim_misses)
    if args.json:
        Path(args.json).write_text(json.dumps({"count": args.count, "seed": args.seed, "seconds": seconds,
                                               **summary, "claims": claims_summary}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
