"""Page furniture: page numbers, running heads, repeated footers; never table or narrative lines."""

from pathlib import Path

from tieout.source import load_filing
from tieout.source.furniture import FurnitureSettings, lines_to_furniture
from tieout.source.lines import raw_to_lines

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "source"


def furniture_of(text: str, **settings) -> list[int]:
    raws = text.split("\n")
    return sorted(lines_to_furniture(raw_to_lines(raws, 1, len(raws)), settings=FurnitureSettings(**settings)))


# --------------------------------------------------------------------------
# the seed: Hecla's 1996 first-quarter release

SEED_PAGE_NUMBERS = [1, 67, 136, 199, 266, 336, 408, 484]  # "1", "  2", ... "  8"
SEED_RUNNING_HEADS = [69, 138]  # "HECLA REPORTS FIRST QUARTER RESULTS     Page 2" / "Page 3"
SEED_FOOTER_STARTS = [59, 131, 192, 260, 330, 402, 478, 550]  # "Contact Bill Booth, ..." 4 lines each


def test_seed_furniture_is_exactly_page_numbers_running_heads_and_footers(seed_path):
    filing = load_filing(seed_path)
    (document,) = filing.documents
    footers = [n + k for n in SEED_FOOTER_STARTS for k in range(4)]
    assert sorted(document.furniture) == sorted(SEED_PAGE_NUMBERS + SEED_RUNNING_HEADS + footers)
    raw = filing.raw_lines
    for n in SEED_PAGE_NUMBERS:
        assert raw[n - 1].strip().isdigit()
    for n in SEED_RUNNING_HEADS:
        assert raw[n - 1].startswith("HECLA REPORTS FIRST QUARTER RESULTS") and "Page" in raw[n - 1]
    for n in SEED_FOOTER_STARTS:
        assert raw[n - 1].strip().startswith("Contact Bill Booth")
        assert raw[n + 2].strip() == "* FAX 208/769-4159"


def test_seed_tables_and_narrative_are_not_furniture(seed_path):
    filing = load_filing(seed_path)
    furniture = filing.documents[0].furniture
    raw = filing.raw_lines
    for number, line in enumerate(raw, 1):
        if "HECLA MINING COMPANY" in line or "First Quarter Ended" in line or line.startswith("- ----"):
            assert number not in furniture, line  # table titles and headers repeat, yet are content
        if any(ch.isdigit() for ch in line) and "  " in line.strip() and "Page" not in line \
                and "208/769" not in line:
            assert number not in furniture, line  # every row of numbers
    assert 185 not in furniture and raw[184].strip() == "-HL-"
    assert 10 not in furniture  # "reported a net loss of $537,000, ..."


# --------------------------------------------------------------------------
# a small release with form feeds, a repeated column header and an SGML table

def test_release_pages_fixture():
    path = FIXTURES / "release-pages.txt"
    filing = load_filing(path)
    raw = path.read_text().split("\n")
    furniture = filing.documents[0].furniture
    footer = [n for n, line in enumerate(raw, 1) if "Pike Street" in line or "Investor contact" in line]
    page_numbers = [n for n, line in enumerate(raw, 1) if line.strip() in ("- 1 -", "- 2 -", "- 3 -")]
    running_heads = [n for n, line in enumerate(raw, 1) if line.rstrip().endswith(("Page 2", "Page 3"))]
    form_feed_only = [n for n, line in enumerate(raw, 1) if line == "\f"]
    page_tags = [n for n, line in enumerate(raw, 1) if line == "<PAGE>"]
    assert len(footer) == 8 and len(running_heads) == 2 and len(form_feed_only) == 1
    assert sorted(furniture) == sorted(footer + page_numbers + running_heads + form_feed_only + page_tags)
    column_header = [n for n, line in enumerate(raw, 1) if "Three Months Ended" in line]
    assert len(column_header) == 3 and not furniture & set(column_header)


def test_page_number_styles():
    for style in ("2", "- 2 -", "-19-", "Page 2", "PAGE 4 of 9", "F-3", "S-12", "iii", "- ii -"):
        assert furniture_of(f"Some narrative line.\n\n          {style}\n\nNext page text.") == [3], style


def test_lone_numbers_that_are_not_page_numbers():
    assert furniture_of("Shares outstanding\n\n          -0-\n\nmore") == []  # nil, not page 0
    assert furniture_of("Title\n\n          1996\n\nmore") == []  # a year
    assert furniture_of("EX-27 values\n756\n0\n48\nend") == []  # values between text lines


def test_page_number_between_text_lines_counts_when_it_continues_the_sequence():
    body = ["text line"] * 30
    lines = body + ["", "   7", ""] + body + ["   8"] + body
    assert furniture_of("\n".join(lines)) == [32, 64]


def test_page_numbers_inside_sgml_tables_are_not_furniture():
    text = "<TABLE>\n<S>   <C>\n\n   12\n\nTotal   12\n</TABLE>"
    assert furniture_of(text) == []


def pages(template: str, count: int = 4) -> str:
    words = ["one", "two", "three", "four", "five"]
    return "".join(template.format(words[k]) for k in range(count))


def test_repeated_footnote_and_rule_are_not_furniture():
    text = pages("Narrative page {}.\n\n(1) Incorporated by reference.\n\n---------\n\n<PAGE>\n")
    assert furniture_of(text) == [7, 14, 21, 28]  # only the <PAGE> lines


def test_repeats_below_min_repeats_are_content():
    text = pages("Body text {}.\n\nNORTHWIND TRADING CO\n\n<PAGE>\n", 2)
    assert furniture_of(text) == [5, 10]
    assert furniture_of(text, min_repeats=2) == [3, 5, 8, 10]


def test_repeated_block_in_the_middle_of_pages_is_not_furniture():
    text = pages("Body {}.\n\nSee the discussion below.\n\nMore body {}.\n\n<PAGE>\n".replace("{}", "{0}"))
    assert furniture_of(text) == [7, 14, 21, 28]


def test_repeated_letterhead_at_page_tops_is_furniture():
    text = pages("<PAGE>\n\nKINNARD INVESTMENTS, INC.\n\nBody text page {}.\n")
    assert furniture_of(text) == [1, 3, 6, 8, 11, 13, 16, 18]
