"""Inject one error at a time into real filings and measure whether tieout's checks catch it.

Why: a checker is only as good as the errors it catches and the false alarms it
does not raise. This script changes one figure of a document (a digit, two
adjacent digits swapped, a sign flipped), re-reads and re-checks the modified
bytes with ``tieout.read(path, data=...)``, and counts:

* table errors (figures that take part in a relation or a passing tie check):
  *caught* when a check fails that did not fail on the clean document,
  *located* when such a check's lines include the changed line;
* narrative errors (claim figures that tie on the clean document): *caught*
  when a "claim" check on the changed line fails;
* false failures: every failing check on the unmodified documents.

Each table injection is also classified against the *clean* document's structure
(its relations, concepts and tables, with only the changed figure substituted and
every rule but the narrative claims re-run):

* ``detectable``: the changed figure leaves the admissible interval of at least one
  relation or tie it takes part in, so the mandated interval rule can catch it;
* ``rounding``: it takes part in relations or ties that can fail, but the new figure
  is still inside their rounding slack (XBRL Calculations 1.1 cannot see it);
* ``search-only``: it takes part only in relations found by search or in ties that
  are not identities, which by design never fail;
* ``unread``: the reader does not read the changed text as the same cell.

Recall is reported raw and on detectable injections.

Not injections (skipped, counted): swapping equal digits, a change that leaves
the number as it was, a sign flip of zero or nil, and a sign flip the wording
already carries ("a net loss of ($537,000)" states the same claim as "a net loss
of $537,000": the claim's value is unchanged).

    .venv/bin/python benchmarks/inject_errors.py [FILES...] [--per-doc 200] [--seed 1]
        [--table-only]     table injections only, narrative claims not read (fast)
        [--show-missed N]  misses listed by class
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import zlib
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

sys.path.insert(0, str(REPO / "benchmarks"))

import tieout  # noqa: E402
from check_corpus import KNOWN_REAL_ERRORS  # noqa: E402
from dataclasses import replace  # noqa: E402
from tieout.errors import InputError  # noqa: E402

# ties that are identities (a mismatch fails); footing fails only for layout relations
FAILING_RULES = {"balance-sheet", "cash", "same-figure", "eps", "mining-production", "fee-computation"}

SHARED = REPO.parent / "shared"
KINDS = ("digit", "swap", "sign")


@dataclass(frozen=True)
class Target:
    where: str  # "table" or "narrative"
    line: int  # 1-based
    col: int  # 1-based, in the raw line
    end_col: int
    ident: int  # fact id or claim id


@dataclass(frozen=True)
class Injection:
    target: Target
    kind: str
    before: str
    after: str
    line_bytes: bytes


def split_lines(data: bytes) -> list[bytes]:
    return data.splitlines(keepends=True)


def mutate(text: str, kind: str, rng: random.Random, where: str) -> str | None:
    """One mutation of a figure's text, or None when this kind does not apply."""
    digits = [i for i, ch in enumerate(text) if ch.isdigit()]
    if not digits:
        return None
    if kind == "digit":
        pos = rng.choice(digits)
        options = [d for d in "0123456789" if d != text[pos]]
        integer_lead = pos == digits[0] and len(digits) > 1 and "." not in text[:pos] and \
            not (len(text) > pos + 1 and text[pos + 1] == ".")
        if integer_lead:
            options = [d for d in options if d != "0"]
        return text[:pos] + rng.choice(options) + text[pos + 1:]
    if kind == "swap":
        pairs = [(a, b) for a, b in zip(digits, digits[1:]) if text[a] != text[b]]
        if not pairs:
            return None
        a, b = rng.choice(pairs)
        chars = list(text)
        chars[a], chars[b] = chars[b], chars[a]
        return "".join(chars)
    # sign
    stripped = text.strip()
    if all(ch in "0.,$ -()" for ch in stripped) and not any(ch in "123456789" for ch in stripped):
        return None  # zero or nil
    if "(" in text and ")" in text:
        return text.replace("(", " ", 1).replace(")", " ", 1) if where == "table" else \
            text.replace("(", "", 1).replace(")", "", 1)
    if "-" in text[: digits[0]]:
        return text.replace("-", " " if where == "table" else "", 1)
    first = digits[0]
    start = first - 1 if first > 0 and text[first - 1] == "$" else first
    if where == "narrative":
        end = len(text.rstrip())
        return text[:start] + "(" + text[start:end] + ")" + text[end:]
    return None  # table cells are widened in place by ``table_sign``


def table_sign(raw: str, col: int, end_col: int) -> tuple[int, int, str] | None:
    """Flip the sign of the table figure at raw[col-1:end_col-1] keeping columns: (start, end, new text)."""
    a, b = col - 1, end_col - 1
    cell = raw[a:b]
    if "(" in cell or "-" in cell.lstrip("$ ")[:1]:
        return None
    if a > 0 and raw[a - 1] == " " and (b >= len(raw) or raw[b] in " \r\n"):
        return a - 1, b + (1 if b < len(raw) and raw[b] == " " else 0), "(" + cell + ")"
    if a > 0 and raw[a - 1] == " ":
        return a - 1, b, "-" + cell
    return None


def doc_targets(report) -> tuple[list[Target], list[Target]]:
    related: set[int] = set()
    for relation in report.relations:
        related.add(relation.total)
        related.update(fid for fid, _ in relation.items)
    for check in report.checks:
        if check.rule != "claim" and check.status == "pass":
            related.update(check.facts)
    table = []
    for fid in sorted(related):
        if 0 <= fid < len(report.fact_records):
            fact = report.fact_records[fid]
            if fact.value is not None and fact.line:
                table.append(Target("table", fact.line, fact.col, fact.end_col, fid))
    passing = {c for check in report.checks if check.rule == "claim" and check.status == "pass" for c in check.claims}
    narrative = [Target("narrative", c.line, c.col, c.end_col, c.id) for c in report.claims if c.id in passing]
    return table, narrative


def failing(report) -> set[tuple[str, tuple[int, ...]]]:
    return {(c.rule, tuple(c.lines)) for c in report.checks if c.status == "fail"}


def inject(lines: list[bytes], target: Target, kind: str, rng: random.Random) -> tuple[list[bytes], str, str] | None:
    raw_bytes = lines[target.line - 1]
    raw = raw_bytes.decode("latin-1")
    a, b = target.col - 1, target.end_col - 1
    if not (0 <= a < b <= len(raw)):
        return None
    before = raw[a:b]
    if kind == "sign" and target.where == "table":
        flipped = table_sign(raw, target.col, target.end_col)
        if flipped is None:
            return None
        start, end, new = flipped
        new_raw = raw[:start] + new + raw[end:]
        after = new
    else:
        after = mutate(before, kind, rng, target.where)
        if after is None or after == before:
            return None
        new_raw = raw[:a] + after + raw[b:]
    changed = list(lines)
    changed[target.line - 1] = new_raw.encode("latin-1")
    return changed, before, after


def own_rules():
    from tieout.checks import RULES
    return tuple(r for r in RULES if "claim" not in getattr(r, "__name__", ""))


def read(path: Path, data: bytes, table_only: bool):
    """The report, fully (claims too) or, with ``table_only``, without the narrative claims."""
    if not table_only:
        return tieout.read(path, data=data)
    from tieout.checks import prepare, run_checks
    report = prepare(tieout.read(path, data=data, check=False))
    checks, _ = run_checks(report, rules=own_rules())
    return replace(report, checks=tuple(checks))


def changed_fact(report, target: Target):
    """The modified document's fact at the target's place (a sign flip may widen it)."""
    for fact in report.fact_records:
        if fact.line == target.line and fact.col <= target.end_col and fact.end_col >= target.col \
                and fact.value is not None:
            return fact
    return None


def classify(clean, target: Target, new_fact) -> str:
    """detectable / rounding / search-only / unread, from the clean document's structure."""
    if new_fact is None:
        return "unread"
    old = clean.fact_records[target.ident]
    can_fail = any(r.found_by == "layout" and (r.total == old.id or any(f == old.id for f, _ in r.items))
                   for r in clean.relations if r.kind == "sum") or \
        any(c.status == "pass" and c.rule in FAILING_RULES and old.id in c.facts for c in clean.checks)
    if not can_fail:
        return "search-only"
    facts = list(clean.fact_records)
    facts[old.id] = replace(old, value=new_fact.value * old.scale / new_fact.scale if new_fact.scale
                            else new_fact.value, decimals=new_fact.decimals)
    substituted = replace(clean, fact_records=tuple(facts), checks=())
    from tieout.checks import run_checks
    before = failing(clean)
    checks, _ = run_checks(substituted, rules=own_rules())
    if any(c.status == "fail" and (c.rule, tuple(c.lines)) not in before and old.line in c.lines
           for c in checks):
        return "detectable"
    return "rounding"


def run_doc(path: Path, per_doc: int, seed: int, stats, false_failures, missed, skipped,
            seconds: float = 30.0, table_only: bool = False) -> None:
    data = path.read_bytes()
    started = time.process_time()
    try:
        clean = read(path, data, table_only)
    except InputError:
        return
    per_doc = max(1, min(per_doc, int(seconds / max(time.process_time() - started, 0.01) / 2)))
    if not clean.fact_records:
        return
    clean_fail = failing(clean)
    for check in clean.checks:
        if check.status == "fail":
            line = check.spans[0].line if check.spans else 0
            real = KNOWN_REAL_ERRORS.get((path.name, check.rule, line), "")
            false_failures.append((path.name, check.rule, check.lines, check.message[:160], real))
    table, narrative = doc_targets(clean)
    lines = split_lines(data)
    if len(lines) != len(clean.filing.raw_lines):
        skipped["line numbering differs from the reader's"] += 1
        return
    rng = random.Random(seed * 1_000_003 + zlib.crc32(path.name.encode()))
    plans = []
    for targets in ((table, []) if table_only else (table, narrative)):  # up to per_doc injections into each
        plan = [(t, k) for t in targets for k in KINDS]
        rng.shuffle(plan)
        plans.append(plan)
    claims_by_id = {c.id: c for c in clean.claims}
    done = Counter()
    for target, kind in plans[0] + plans[1]:
        if done[target.where] >= per_doc:
            continue
        made = inject(lines, target, kind, rng)
        if made is None:
            skipped[f"{target.where}/{kind}: not applicable"] += 1
            continue
        changed, before, after = made
        try:
            report = read(path, b"".join(changed), table_only)
        except InputError:
            skipped["unreadable after injection"] += 1
            continue
        if target.where == "narrative":
            original = claims_by_id[target.ident]
            same = [c for c in report.claims if c.line == target.line and c.col <= target.end_col
                    and c.end_col >= target.col]
            if same and all(c.value == original.value for c in same):
                skipped[f"narrative/{kind}: claim value unchanged"] += 1
                continue
            caught = any(c.rule == "claim" and c.status == "fail" and target.line in c.lines for c in report.checks)
            located = caught
        else:
            new = [c for c in report.checks if c.status == "fail" and (c.rule, tuple(c.lines)) not in clean_fail]
            if report.fact_records and target.ident < len(report.fact_records):
                fact = report.fact_records[target.ident]
                if fact.line == target.line and fact.value == clean.fact_records[target.ident].value:
                    skipped[f"table/{kind}: value unchanged"] += 1
                    continue
            caught = bool(new)
            located = any(target.line in c.lines for c in new)
        done[target.where] += 1
        key = (target.where, kind)
        stats[key]["injected"] += 1
        stats[key]["caught"] += caught
        stats[key]["located"] += located
        cls = ""
        if target.where == "table":
            cls = classify(clean, target, changed_fact(report, target))
            stats[key][f"n:{cls}"] += 1
            stats[key][f"located:{cls}"] += located
        if not (caught and located):
            missed.append((path.name, target.where, kind, target.line, before.strip(), after.strip(), caught,
                           cls))


def corpus_paths() -> list[Path]:
    seed = SHARED / "seed" / "hecla-1996-q1-earnings-release.txt"
    paths = [seed] if seed.exists() else []
    if (SHARED / "corpus").exists():
        paths += sorted((SHARED / "corpus").rglob("*.txt"))
    return paths


def print_results(stats, false_failures, missed, skipped, elapsed: float, show_missed: int) -> None:
    rows = []
    totals: dict[str, Counter] = defaultdict(Counter)
    for (where, kind), c in sorted(stats.items()):
        rows.append((where, kind, c["injected"], c["caught"], c["located"]))
        totals[where].update(c)
    for where, c in sorted(totals.items()):
        rows.append((where, "ALL", c["injected"], c["caught"], c["located"]))

    def pct(a: int, b: int) -> str:
        return f"{100 * a / b:6.1f}%" if b else "     -"

    print(f"\n{'target':10} {'kind':6} {'injected':>8} {'caught':>8} {'located':>8}")
    for where, kind, n, caught, located in rows:
        print(f"{where:10} {kind:6} {n:8d} {pct(caught, n):>8} {pct(located, n):>8}")
    classes = ("detectable", "rounding", "search-only", "unread")
    print("\ntable injections by class (located = a new failing check names the changed line):")
    print(f"{'kind':6} " + " ".join(f"{c + ' n':>14} {'located':>8}" for c in classes))
    by_kind = {kind: c for (where, kind), c in stats.items() if where == "table"}
    by_kind["ALL"] = totals.get("table", Counter())
    for kind, c in sorted(by_kind.items()):
        print(f"{kind:6} " + " ".join(f"{c[f'n:{cl}']:14d} {pct(c[f'located:{cl}'], c[f'n:{cl}']):>8}"
                                       for cl in classes))
    real = [f for f in false_failures if f[4]]
    false = [f for f in false_failures if not f[4]]
    print(f"\nfailing checks on clean documents: {len(false_failures)}: {len(real)} real errors in the "
          f"filings (benchmarks/check_corpus.py KNOWN_REAL_ERRORS), {len(false)} false failures")
    for name, rule, lines, message, why in real:
        print(f"  real  {name}: {rule} {lines} {message}\n        why: {why[:160]}")
    for name, rule, lines, message, _ in false:
        print(f"  FALSE {name}: {rule} {lines} {message}")
    print("\nskipped (not injections):")
    for reason, n in sorted(skipped.items()):
        print(f"  {n:6d}  {reason}")
    if missed and show_missed:
        print(f"\nmissed or not located ({len(missed)}), by class, first {show_missed} of each:")
        for cls in sorted({m[7] for m in missed}):
            some = [m for m in missed if m[7] == cls]
            print(f"  [{cls or 'narrative'}] {len(some)}")
            for name, where, kind, line, before, after, caught, _ in some[:show_missed]:
                print(f"    {name}:{line} {where}/{kind} {before!r} -> {after!r} "
                      f"{'caught, not located' if caught else 'MISSED'}")
    print(f"\n{elapsed:.1f}s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--per-doc", type=int, default=200, help="injections per document (default 200)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--table-only", action="store_true",
                        help="table injections only; narrative claims are not read (fast)")
    parser.add_argument("--show-missed", type=int, default=25)
    parser.add_argument("--max-seconds-per-doc", type=float, default=30.0,
                        help="time budget per document: slow documents get fewer injections")
    args = parser.parse_args(argv)
    paths = args.files or corpus_paths()
    stats: dict[tuple[str, str], Counter] = defaultdict(Counter)
    false_failures: list = []
    missed: list = []
    skipped: Counter = Counter()
    started = time.time()
    for path in paths:
        t0 = time.time()
        run_doc(path, args.per_doc, args.seed, stats, false_failures, missed, skipped, args.max_seconds_per_doc,
                args.table_only)
        print(f"{time.time() - t0:6.1f}s {path.name}", file=sys.stderr)
    print_results(stats, false_failures, missed, skipped, time.time() - started, args.show_missed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
