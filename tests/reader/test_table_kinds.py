"""A table of contents is recognised and gives no facts; a table of small whole figures does."""

from pathlib import Path

import tieout

FIXTURES = Path(__file__).parent.parent / "fixtures" / "reader"


def test_a_contents_page_is_kept_but_gives_no_facts():
    report = tieout.read(FIXTURES / "contents.txt")
    assert [t.kind for t in report.tables] == ["contents"]
    assert report.fact_records == ()
    assert report.checks == ()


def test_small_whole_figures_that_do_not_rise_are_data():
    text = ("Units shipped by region\n\n"
            "                          1998     1997\n"
            "East                        12       11\n"
            "West                         9        8\n"
            "North                       14       15\n"
            "Total                       35       34\n")
    report = tieout.read("units.txt", data=text.encode())
    assert [t.kind for t in report.tables] == ["data"]
    assert len(report.fact_records) == 8


def test_one_column_of_figures_that_fall_is_data():
    text = ("Headcount\n\n"
            "                               1998\n"
            "Engineering                     120\n"
            "Sales                            85\n"
            "Administration                   30\n"
            "Total                           235\n")
    report = tieout.read("headcount.txt", data=text.encode())
    assert [t.kind for t in report.tables] == ["data"]


def test_items_under_their_total_are_data_even_when_they_rise():
    text = ("Headcount\n\n"
            "                               1998\n"
            "Administration                   30\n"
            "Sales                            85\n"
            "Engineering                     120\n"
            "Total                           235\n")
    report = tieout.read("headcount.txt", data=text.encode())
    assert [t.kind for t in report.tables] == ["data"] and len(report.fact_records) == 4


def test_a_cover_page_grid_gives_no_facts():
    text = ("                        SECURITIES AND EXCHANGE COMMISSION\n"
            "/X/ ANNUAL REPORT PURSUANT TO SECTION 13 OR 15(d) OF THE SECURITIES EXCHANGE ACT OF 1934\n\n"
            "           CALIFORNIA                                         942404110\n"
            "(State or other jurisdiction of incorporation)   (I.R.S. Employer Identification No.)\n\n"
            "  1 Infinite Loop, Cupertino, California                      95014\n"
            "  (Address of principal executive offices)                (Zip Code)\n")
    report = tieout.read("cover.txt", data=text.encode())
    assert report.fact_records == ()
