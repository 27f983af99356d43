"""Benchmark: the reader (extract, no checks) over the corpus.

Prints per document: tables found, SGML <TABLE> blocks, numbers extracted vs
numbers present on table rows (an independent count: number-looking tokens
on the lines of table blocks that are not headers), and in total the
throughput in MB/s per core (bytes / CPU seconds of this one process, so
other load on the machine does not distort it) and the peak memory.

    .venv/bin/python benchmarks/extract_corpus.py [CORPUS_DIR] [--repeat N]
"""

from __future__ import annotations

import argparse
import re
import resource
import sys
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

import tieout
from tieout.layout import document_to_blocks
from tieout.source import load_filing
from tieout.tables.cells import rule_kind

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
_NUMBER = re.compile(r"(?<![\w.,/$])\$?\(?\$?\d{1,3}(?:,\d{3})*(?:\.\d+)?\)?%?(?![\w/]|,\d|\.\d)|(?<=\s)-\s-(?=\s|$)")
_DATE_WORDS = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d", re.IGNORECASE)
_YEARS_ONLY = re.compile(r"^[\s\d]*$")


def numbers_present(path: Path) -> tuple[int, int]:
    """(number tokens on table rows, SGML <TABLE> blocks), counted without the table reader."""
    filing = load_filing(path)
    present = sgml_tables = 0
    for document in filing.documents:
        blocks, _ = document_to_blocks(document)
        for block in blocks:
            if block.kind != "table":
                continue
            if block.lines and block.lines[0].text.lstrip().upper().startswith("<TABLE"):
                sgml_tables += 1
            for line in block.lines:
                text = re.sub(r"</?[A-Za-z]+>", " ", line.text)
                if rule_kind(text) or _DATE_WORDS.search(text) or _YEARS_ONLY.match(text):
                    continue
                # tokens set off by two spaces, a tab or a '$' (numbers inside labels are not cells)
                for match in _NUMBER.finditer(text):
                    before = text[: match.start()]
                    if not before.strip() or before.endswith("  ") or before.rstrip().endswith("$") \
                            or re.search(r"\.{2,}\s*$", before):
                        present += 1
    return present, sgml_tables


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    parser.add_argument("--repeat", type=int, default=3, help="timing runs per document (best is kept)")
    args = parser.parse_args(argv)
    corpus = Path(args.corpus)
    files = sorted(p for p in corpus.rglob("*.txt") if p.name != "README.md")
    if not files:
        print(f"no corpus at {corpus}", file=sys.stderr)
        return 2
    table = Table(title="tieout extract over the corpus")
    for name in ("document", "KB", "tables", "<TABLE>", "facts", "present", "coverage", "MB/s"):
        table.add_column(name, justify="right" if name != "document" else "left")
    total_bytes = total_seconds = 0.0
    total_tables = total_facts = total_present = total_sgml = 0
    errors = 0
    for path in files:
        data = path.read_bytes()
        best = float("inf")
        report = None
        for _ in range(args.repeat):
            start = time.process_time()
            try:
                report = tieout.read(path, data=data, check=False)
            except tieout.InputError as exc:
                report = None
                print(f"{path}: {exc}", file=sys.stderr)
                errors += 1
                break
            best = min(best, time.process_time() - start)
        if report is None:
            continue
        errors += sum(1 for p in report.problems if p.severity == "error")
        facts = sum(1 for f in report.fact_records if f.value is not None)
        present, sgml = numbers_present(path)
        total_bytes += len(data)
        total_seconds += best
        total_tables += len(report.tables)
        total_facts += facts
        total_present += present
        total_sgml += sgml
        coverage = f"{facts / present:.0%}" if present else "-"
        table.add_row(str(path.relative_to(corpus)), f"{len(data) / 1024:.0f}", str(len(report.tables)),
                      str(sgml), str(facts), str(present), coverage, f"{len(data) / best / 1e6:.1f}")
    table.add_row("TOTAL", f"{total_bytes / 1024:.0f}", str(total_tables), str(total_sgml), str(total_facts),
                  str(total_present), f"{total_facts / max(total_present, 1):.0%}",
                  f"{total_bytes / total_seconds / 1e6:.2f}", style="bold")
    Console(width=140).print(table)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"documents: {len(files)}  errors: {errors}  throughput: {total_bytes / total_seconds / 1e6:.2f} MB/s "
          f"on one core  peak memory: {peak_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
