"""Concept mapping scored against the filers' own tags, and concept coverage of the corpus.

    .venv/bin/python benchmarks/concept_mapping.py [--zip FSDS_ZIP] [--corpus DIR] [--confusions N]

1. ``pre.txt`` of the SEC's Financial Statement Data Sets (``../shared/fsds/2009q3.zip``) pairs
   each printed statement label (``plabel``, with its statement ``stmt``: BS/IS/CF/EQ/CI/UN) with
   the tag the filer chose. Each (plabel, stmt) goes through ``tieout.concepts.concept_of`` (the
   statement as the table's kind, no section path: the data sets do not give one); the filer's tag
   is *in the vocabulary* when some concept stands for it (its own name or one of its declared
   ``tags`` in ``tieout/concepts/vocabulary.py``), and a label is *right* when the predicted
   concept stands for the filer's tag. Printed per half of the filings (a submission is in the
   *build* half when the SHA-1 of its accession number is even: the vocabulary was written
   looking at that half only; the *held-out* half is filings it never saw) and for all:
   labels, coverage (labels given a concept), precision (right / given a concept, where the tag
   is in the vocabulary), found (right / tag in the vocabulary), concepts given to labels whose tag
   is outside the vocabulary, and the commonest confusions (tag -> predicted).
2. Every ``.txt`` filing under ``../shared/corpus`` read with ``tieout.read(check=False,
   concepts=True)``: the share of rows (a row with at least one number) of balance-sheet, income
   and cash-flow tables (by ``statement_kind``) that have a concept, counting the ``custom:``
   concepts of rows the vocabulary lacks, and the share with a standard concept; the commonest
   rows without a standard one.

Not a test (``tests/concepts/test_benchmark.py`` runs ``score`` on a slice).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import sys
import time
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_ZIP = HERE.parent.parent / "shared" / "fsds" / "2009q3.zip"
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpus"

# the data sets' statement codes -> tieout's statement kinds
KIND_OF_STMT = {"BS": "balance", "IS": "operations", "CF": "cashflow", "EQ": "equity", "CI": "operations"}
PRIMARY_KINDS = ("balance", "operations", "cashflow")


@dataclass(frozen=True)
class PresentedLabel:
    adsh: str
    stmt: str
    tag: str
    plabel: str


def read_pre(zip_path: Path, limit: int | None = None) -> list[PresentedLabel]:
    """The rows of ``pre.txt`` in the zip (tab-delimited, UTF-8 as the readme says)."""
    with zipfile.ZipFile(zip_path) as archive, archive.open("pre.txt") as raw:
        reader = csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8", errors="replace", newline=""),
                                delimiter="\t", quoting=csv.QUOTE_NONE)
        out = []
        for row in reader:
            out.append(PresentedLabel(row["adsh"], row["stmt"], row["tag"], row["plabel"]))
            if limit is not None and len(out) >= limit:
                break
        return out


def half_of(adsh: str) -> str:
    """'build' or 'held-out': a fixed split of the filings by their accession number."""
    return "build" if int(hashlib.sha1(adsh.encode()).hexdigest(), 16) % 2 == 0 else "held-out"


def vocabulary_tags() -> frozenset[str]:
    from tieout.concepts import CONCEPTS, stands_for

    return frozenset(tag for name in CONCEPTS for tag in stands_for(name))


@dataclass
class Score:
    labels: int = 0
    mapped: int = 0
    in_vocabulary: int = 0
    mapped_in_vocabulary: int = 0
    right: int = 0
    mapped_outside: int = 0
    confusions: Counter = field(default_factory=Counter)
    missed: Counter = field(default_factory=Counter)

    @property
    def coverage(self) -> float:
        return self.mapped / self.labels if self.labels else 0.0

    @property
    def precision(self) -> float:
        return self.right / self.mapped_in_vocabulary if self.mapped_in_vocabulary else 0.0

    @property
    def found(self) -> float:
        return self.right / self.in_vocabulary if self.in_vocabulary else 0.0


def score(labels: list[PresentedLabel]) -> Score:
    """Map each (plabel, stmt) and score it against the filer's tag."""
    from tieout.concepts import concept_of, stands_for

    known = vocabulary_tags()
    result = Score()
    for item in labels:
        concept = concept_of(item.plabel, (), KIND_OF_STMT.get(item.stmt, "other"))
        result.labels += 1
        result.mapped += bool(concept)
        if item.tag not in known:
            result.mapped_outside += bool(concept)
            continue
        result.in_vocabulary += 1
        if not concept:
            result.missed[(item.tag, item.stmt, item.plabel.lower()[:60])] += 1
            continue
        result.mapped_in_vocabulary += 1
        if item.tag in stands_for(concept):
            result.right += 1
        else:
            result.confusions[(item.tag, concept)] += 1
    return result


def print_score(name: str, result: Score, confusions: int) -> None:
    print(f"{name}: {result.labels} labels, coverage {result.coverage:.1%} ({result.mapped} given a concept); "
          f"tag in vocabulary {result.in_vocabulary}: precision {result.precision:.1%} "
          f"({result.right}/{result.mapped_in_vocabulary}), found {result.found:.1%}; "
          f"{result.mapped_outside} concepts given to labels whose tag is outside the vocabulary")
    if confusions:
        for (tag, concept), n in result.confusions.most_common(confusions):
            print(f"    {n:4d}  tag {tag} -> {concept}")


@dataclass
class Coverage:
    rows: Counter = field(default_factory=Counter)  # kind -> rows with numbers
    with_concept: Counter = field(default_factory=Counter)  # a standard or a custom: concept
    with_standard: Counter = field(default_factory=Counter)  # a concept of the vocabulary
    without: Counter = field(default_factory=Counter)  # (kind, label) -> rows without a standard concept

    def share(self, kinds=PRIMARY_KINDS, standard: bool = False) -> float:
        rows = sum(self.rows[k] for k in kinds)
        found = self.with_standard if standard else self.with_concept
        return sum(found[k] for k in kinds) / rows if rows else 0.0


def corpus_coverage(corpus: Path) -> Coverage:
    """Rows of primary-statement tables (one per row with a number) with a concept, over the corpus."""
    import tieout
    from tieout.concepts import CUSTOM, statement_kind

    result = Coverage()
    for path in sorted(corpus.rglob("*.txt")):
        report = tieout.read(path, check=False, concepts=True)
        kinds = [statement_kind(t) for t in report.tables]
        rows: dict[tuple[int, int], tuple[str, str, str]] = {}
        for fact in report.fact_records:
            if fact.source != "table" or fact.value is None or not 0 <= fact.table_index < len(kinds):
                continue
            key = (fact.table_index, fact.row_index)
            rows.setdefault(key, (kinds[fact.table_index], fact.label, fact.concept))
        for kind, label, concept in rows.values():
            result.rows[kind] += 1
            result.with_concept[kind] += bool(concept)
            result.with_standard[kind] += bool(concept) and not concept.startswith(CUSTOM)
            if (not concept or concept.startswith(CUSTOM)) and kind in PRIMARY_KINDS:
                result.without[(kind, label)] += 1
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--zip", type=Path, default=DEFAULT_ZIP)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--confusions", type=int, default=15)
    parser.add_argument("--missed", type=int, default=0, help="also print the N commonest labels left unmapped")
    parser.add_argument("--no-corpus", action="store_true")
    args = parser.parse_args(argv)

    if args.zip.exists():
        labels = read_pre(args.zip)
        started = time.process_time()
        halves = {name: score([x for x in labels if half_of(x.adsh) == name]) for name in ("build", "held-out")}
        overall = score(labels)
        print(f"pre.txt: {len(labels)} labels, {len({x.adsh for x in labels})} filings, "
              f"{len(vocabulary_tags())} tags in the vocabulary "
              f"({time.process_time() - started:.1f} s CPU for three passes)")
        for name, result in halves.items():
            print_score(name, result, 0)
        print_score("all", overall, args.confusions)
        for (tag, stmt, label), n in overall.missed.most_common(args.missed):
            print(f"    missed {n:4d}  {stmt} {tag}: {label}")
    else:
        print(f"{args.zip}: absent, label mapping not scored", file=sys.stderr)

    if not args.no_corpus and args.corpus.is_dir():
        coverage = corpus_coverage(args.corpus)
        parts = ", ".join(f"{k} {coverage.with_standard[k]}/{coverage.rows[k]}" for k in PRIMARY_KINDS)
        print(f"corpus: rows of balance-sheet, income and cash-flow tables with a concept "
              f"{coverage.share():.1%} (a custom: one for rows the vocabulary lacks), with a standard concept "
              f"{coverage.share(standard=True):.1%} ({parts}); equity tables {coverage.share(('equity',)):.1%}, "
              f"standard {coverage.share(('equity',), standard=True):.1%}; rows without a standard concept:")
        for (kind, label), n in coverage.without.most_common(args.confusions):
            print(f"    {n:4d}  {kind}: {label[:70]}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(HERE.parent))
    raise SystemExit(main())
