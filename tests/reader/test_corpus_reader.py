"""The real corpus: every document is read without an error, and every table found.

An SGML ``<TABLE>`` block holding a line of numbers, and every other block of
aligned number columns, must come out as a table with its numbers as facts.
"""

import pytest

import tieout
from tieout.layout import document_to_blocks
from tieout.source import load_filing
from tieout.tables.cells import is_year_header, line_to_cells, strip_markup

from tests.conftest import corpus_files

FILES = corpus_files()


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_corpus_document_reads_without_error(path):
    report = tieout.read(path, check=False)
    assert [p for p in report.problems if p.severity == "error"] == []
    for fact in report.fact_records:
        assert 1 <= fact.line <= len(report.filing.raw_lines)
        if fact.value is not None:
            raw = report.filing.raw_lines[fact.line - 1]
            assert raw.expandtabs(8) and fact.col >= 1 and fact.end_col > fact.col


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_every_table_block_with_numbers_becomes_a_table(path):
    filing = load_filing(path)
    report = tieout.read(path, check=False)
    table_lines = {(t.document, line) for t in report.tables for line in range(t.first, t.last + 1)}
    for document in filing.documents:
        if document.type.upper().startswith("EX-27"):
            continue  # schedules of tagged values are read by the ex27 stage, not as tables
        blocks, _ = document_to_blocks(document)
        for block in blocks:
            if block.kind != "table":
                continue
            numbered = [line for line in block.lines
                        if (split := line_to_cells(strip_markup(line.text))).cells and not is_year_header(split)]
            if numbered:
                assert any((document.name, line.number) in table_lines for line in numbered), \
                    f"{path.name}: table block at line {block.first} was not read"


def test_corpus_is_present_or_skipped(corpus_dir):
    assert len(FILES) >= 60
