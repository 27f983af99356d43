"""The source stage on the real EDGAR corpus (../shared/corpus; skipped where absent)."""


import pytest

from tests.conftest import corpus_files
from tieout.source import load_filing

CORPUS_FILES = corpus_files()


@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.name)
def test_every_corpus_file_loads(path):
    filing = load_filing(path)
    assert filing.documents and filing.form_type and filing.accession
    raw = filing.raw_lines
    for document in filing.documents:
        assert document.lines, document.name
        numbers = [line.number for line in document.lines]
        assert numbers == list(range(numbers[0], numbers[-1] + 1))
        assert all(raw[line.number - 1] == line.raw for line in document.lines[:50])
        assert document.furniture <= set(numbers)
        assert not any(line.raw in ("<TEXT>", "</TEXT>") for line in document.lines)


def test_corpus_was_found(corpus_dir):
    assert len(CORPUS_FILES) == 61


@pytest.mark.parametrize("name, fields", [
    ("8-k/1001426_8K_2003_0000891092-03-001810.txt",
     ("8-K", "PERICOM SEMICONDUCTOR CORP", "0001001426", "2003-07-29", "2003-07-29", "0000891092-03-001810")),
    ("other/0000891618-94-000021.txt",  # 1994 <IMS-HEADER>, no period of report
     ("424B5", "APPLE COMPUTER INC", "0000320193", "", "1994-01-26", "0000891618-94-000021")),
    ("other/0000950129-95-001652.txt",
     ("24F-2NT", "COMMON SENSE TRUST", "0000810271", "1995-10-31", "1995-12-28", "0000950129-95-001652")),
    ("aapl-10k/0000320193-96-000023.txt",  # tags stripped: header read from bare lines
     ("10-K", "APPLE COMPUTER INC", "0000320193", "1996-09-27", "1996-12-19", "0000320193-96-000023")),
])
def test_header_fields_pinned(corpus_dir, name, fields):
    filing = load_filing(corpus_dir / name)
    assert (filing.form_type, filing.company, filing.cik, filing.period, filing.filed,
            filing.accession) == fields


def test_8k_with_exhibits_document_names(corpus_dir):
    filing = load_filing(corpus_dir / "8-k/1001258_8K_2005_0001125282-05-002435.txt")
    assert [d.name for d in filing.documents] == ["8-K#1", "EX-99.1#2", "EX-99.2#3", "EX-99.3#4"]
    assert [d.filename for d in filing.documents][0] == "b406621_8k.txt"
    pericom = load_filing(corpus_dir / "8-k/1001426_8K_2003_0000891092-03-001810.txt")
    assert [d.name for d in pericom.documents] == ["8-K#1", "EX-99.1#3"]  # sequence 2 is absent
    assert pericom.documents[1].lines[0].number == 134  # the line after <TEXT> on line 133


def test_conference_call_running_heads_are_furniture(corpus_dir):
    filing = load_filing(corpus_dir / "8-k/1001258_8K_2005_0001125282-05-002435.txt")
    transcript = filing.documents[3]
    raw = filing.raw_lines
    # lines 436-440: ASTA FUNDING INCORPORATED / Moderator / date / Confirmation / Page 2
    assert raw[435].strip() == "ASTA FUNDING INCORPORATED" and raw[439].strip() == "Page 2"
    assert set(range(436, 441)) <= transcript.furniture
    assert 442 not in transcript.furniture  # the first line of speech after the head


@pytest.mark.parametrize("name, names", [
    ("0000320193-95-000016.txt", ["10-K#1", "EX-11#2", "EX-21#3", "EX-27#4", "EX-10#5"]),
    ("0000320193-96-000023.txt", ["10-K#1", "EX-10#2", "EX-10#3", "EX-10#4", "EX-11#5", "EX-21#6", "EX-27#7"]),
])
def test_apple_tag_stripped_10k_split_into_documents(corpus_dir, name, names):
    filing = load_filing(corpus_dir / "aapl-10k" / name)
    assert [d.name for d in filing.documents] == names
    ex27 = next(d for d in filing.documents if d.type == "EX-27")
    assert ex27.lines[0].raw.startswith("ART. 5 FDS") and not ex27.furniture


def test_apple_page_numbers_form_the_page_sequence(corpus_dir):
    filing = load_filing(corpus_dir / "aapl-10k/0000320193-96-000023.txt")
    ten_k = filing.documents[0]
    pages = [int(filing.raw_lines[n - 1]) for n in sorted(ten_k.furniture)
             if filing.raw_lines[n - 1].strip().isdigit()]
    assert pages == list(range(2, 62))
