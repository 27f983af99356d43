"""Line numbering: \\r\\n, \\n and lone \\r end a line; \\f is a page break inside a line."""

import io
import sys

from tieout.source import load_filing
from tieout.source.lines import raw_to_lines, text_to_lines


def numbers_and_raw(filing):
    return [(line.number, line.raw) for line in filing.documents[0].lines]


def test_crlf_lf_and_lone_cr_all_end_lines():
    filing = load_filing("mixed.txt", data=b"one\r\ntwo\nthree\rfour\r\n")
    assert numbers_and_raw(filing) == [(1, "one"), (2, "two"), (3, "three"), (4, "four")]
    assert filing.raw_lines == ("one", "two", "three", "four")


def test_final_newline_adds_no_line_but_blank_lines_count():
    assert text_to_lines("a\n\nb\n").raw_lines == ("a", "", "b")
    assert text_to_lines("a\n\nb").raw_lines == ("a", "", "b")
    assert text_to_lines("a\n\n").raw_lines == ("a", "")


def test_numbering_agrees_with_splitlines_when_no_form_feed():
    text = "x\r\ny\n\nz\rw"
    assert text_to_lines(text).raw_lines == tuple(text.splitlines())


def test_form_feed_stays_in_its_line_and_marks_a_page_break():
    split = text_to_lines("page one\n\x0cpage two\nmore\n\x0c\nlast\n")
    assert split.raw_lines == ("page one", "page two", "more", "", "last")
    assert split.page_breaks == {2, 4}


def test_tabs_expand_to_8_columns_and_map_back():
    filing = load_filing("t.txt", data=b"Cash\t\t$ 5,018\n")
    line = filing.documents[0].lines[0]
    assert line.raw == "Cash\t\t$ 5,018"
    assert line.text == "Cash            $ 5,018"
    assert line.text.index("$") == 16 and line.source_col(17) == 7  # 1-based columns


def test_raw_lines_are_consistent_with_line_numbers():
    data = b"A\r\n\tB\r\n\x0cC\r\n"
    filing = load_filing("c.txt", data=data)
    for line in filing.documents[0].lines:
        assert filing.raw_lines[line.number - 1] == line.raw
        assert line.text == line.raw.expandtabs(8)


def test_fast_line_records_equal_the_dataclass_constructor():
    from tieout.model import Line

    raws = ["plain", "with\ttab", ""]
    assert raw_to_lines(raws, 1, 3) == tuple(Line(n, r.expandtabs(8), r) for n, r in enumerate(raws, 1))
    assert raw_to_lines(raws, 2, 1) == ()


def test_stdin_is_read_for_dash(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Net income   1,475\n")))
    filing = load_filing("-")
    assert filing.path == "-"
    assert filing.documents[0].name == "stdin" and filing.raw_lines == ("Net income   1,475",)


def test_a_one_megabyte_line_is_one_line():
    data = b"word 12,345 " * 90_000 + b"\nend\n"
    filing = load_filing("long.txt", data=data)
    assert [len(line.raw) for line in filing.documents[0].lines] == [1_080_000, 3]


def test_source_col_agrees_with_walking_the_raw_line_a_character_at_a_time():
    from tieout.model import Line

    def walked(raw: str, col: int) -> int:  # the definition: the raw character whose expansion reaches col
        width = 0
        for index, ch in enumerate(raw):
            width = (width // 8 + 1) * 8 if ch == "\t" else width + 1
            if width >= col:
                return index + 1
        return len(raw) + 1

    for raw in ("Cash\t\t$ 5,018", "\tx", "x\t", "\t\t", "abcdefgh\tz", "a\tbcdefghij\tk", "\t"):
        line = Line(1, raw.expandtabs(8), raw)
        for col in range(-1, len(line.text) + 3):
            assert line.source_col(col) == walked(raw, col), (raw, col)
