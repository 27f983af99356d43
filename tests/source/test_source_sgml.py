"""EDGAR containers: <SEC-DOCUMENT>/<IMS-DOCUMENT> headers, <DOCUMENT> parts, truncation, stripped tags."""

from pathlib import Path

from tieout.source import load_filing
from tieout.source.header import yyyymmdd_to_iso

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "source"


def line_numbered(path: Path, text: str) -> int:
    """The 1-based number of the first line of ``path`` equal to ``text``."""
    return path.read_text().splitlines().index(text) + 1


def test_header_fields_of_a_submission():
    filing = load_filing(FIXTURES / "submission-two-docs.txt")
    assert (filing.form_type, filing.company, filing.cik) == ("8-K", "NORTHWIND TRADING CO", "0000999999")
    assert (filing.period, filing.filed, filing.accession) == ("1997-03-31", "1997-05-02",
                                                               "0000999999-97-000042")


def test_documents_are_named_type_hash_sequence_and_html_is_read_as_html():
    path = FIXTURES / "submission-two-docs.txt"
    filing = load_filing(path)
    assert [(d.name, d.type, d.sequence) for d in filing.documents] == [
        ("8-K#1", "8-K", 1), ("EX-99.1#2", "EX-99.1", 2), ("EX-99.2#3", "EX-99.2", 3)]
    assert [d.origin is not None for d in filing.documents] == [False, True, False]


def test_document_lines_are_inside_text_with_original_line_numbers():
    path = FIXTURES / "submission-two-docs.txt"
    raw = path.read_text().splitlines()
    filing = load_filing(path)
    exhibit = filing.documents[2]
    text_tags = [n for n, line in enumerate(raw, 1) if line in ("<TEXT>", "</TEXT>")]
    assert exhibit.lines[0].number == text_tags[4] + 1 and exhibit.lines[-1].number == text_tags[5] - 1
    for line in exhibit.lines:
        assert raw[line.number - 1] == line.raw == filing.raw_lines[line.number - 1]
    kept = [line.raw for line in exhibit.lines if line.raw.startswith("<")]
    assert kept == ["<PAGE>", "<TABLE>", "<CAPTION>", "<S>                                  <C>         <C>",
                    "</TABLE>"]
    assert exhibit.furniture == {line_numbered(path, "<PAGE>")}


def test_header_and_pem_lines_belong_to_no_document():
    filing = load_filing(FIXTURES / "submission-two-docs.txt")
    numbers = {line.number for d in filing.documents if d.origin is None for line in d.lines}
    assert 1 not in numbers and 7 not in numbers  # PEM line, ACCESSION NUMBER line


def test_truncated_submission_keeps_what_it_has():
    filing = load_filing(FIXTURES / "truncated-submission.txt")
    assert [d.name for d in filing.documents] == ["10-Q#1", "EX-27#2"]
    assert filing.documents[1].lines[-1].raw.startswith("<CASH>")
    assert any("truncated" in p.message for p in filing.problems)


def test_old_ims_header():
    filing = load_filing(FIXTURES / "ims-header.txt")
    assert (filing.form_type, filing.company, filing.filed, filing.period) == (
        "424B5", "NORTHWIND TRADING CO", "1994-01-26", "")
    assert [d.name for d in filing.documents] == ["424B5#1"]
    assert filing.documents[0].furniture == {line_numbered(FIXTURES / "ims-header.txt", "<PAGE>   1")}


def test_tag_stripped_submission_is_split_at_bare_type_and_sequence_lines():
    filing = load_filing(FIXTURES / "stripped-submission.txt")
    assert (filing.form_type, filing.accession, filing.period) == ("10-K", "0000999999-96-000011", "1996-09-27")
    assert [d.name for d in filing.documents] == ["10-K#1", "EX-21#2", "EX-27#3"]
    ex27 = filing.documents[2]
    assert [line.raw for line in ex27.lines] == ["ART. 5 FDS FOR FY96 FORM 10-K", "5", "1,000"]
    assert any("stripped" in p.message for p in filing.problems)


def test_a_plain_file_is_one_document_named_after_the_file():
    filing = load_filing("/some/where/q1-release.txt", data=b"HECLA REPORTS\n\nNet loss of $537,000.\n")
    (document,) = filing.documents
    assert (document.name, document.type, document.sequence) == ("q1-release.txt", "", 1)
    assert filing.form_type == "" and [line.number for line in document.lines] == [1, 2, 3]


def test_document_without_text_tag_reads_from_its_first_untagged_line():
    data = (b"<SEC-DOCUMENT>x\n<SEC-HEADER>\nCONFORMED SUBMISSION TYPE:\t8-K\n</SEC-HEADER>\n"
            b"<DOCUMENT>\n<TYPE>8-K\n<SEQUENCE>1\nItem 5. Other events.\n</DOCUMENT>\n</SEC-DOCUMENT>\n")
    filing = load_filing("x.txt", data=data)
    assert [line.number for line in filing.documents[0].lines] == [8]
    assert any("no <TEXT>" in p.message for p in filing.problems)


def test_dates_that_are_not_dates_are_left_empty():
    assert yyyymmdd_to_iso("19960331") == "1996-03-31"
    assert yyyymmdd_to_iso("19961331") == "" and yyyymmdd_to_iso("") == "" and yyyymmdd_to_iso("abc") == ""
