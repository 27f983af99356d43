"""Period phrases resolve against the document's column periods."""

import pytest

from tieout.claims.periods import periods_to_calendar, phrase_to_period, text_to_phrases

HECLA = periods_to_calendar(["1996-01-01/1996-03-31", "1995-01-01/1995-03-31", "1996-03-31", "1995-12-31"])
PERICOM = periods_to_calendar(["2004-10-01/2004-12-31", "2004-07-01/2004-09-30", "2003-10-01/2003-12-31",
                               "2004-07-01/2004-12-31", "2003-07-01/2003-12-31"], fiscal_end_month=6)
NORTHWIND = periods_to_calendar(["1997-04-01/1997-06-30", "1996-04-01/1996-06-30", "1997-01-01/1997-06-30",
                                 "1996-01-01/1996-06-30", "1997-06-30", "1996-12-31"])


@pytest.mark.parametrize("cal, text, expected", [
    (HECLA, "for the first quarter of 1996", "1996-01-01/1996-03-31"),
    (HECLA, "during the same period in 1995", "1995-01-01/1995-03-31"),
    (HECLA, "from last year's first quarter costs", "1995-01-01/1995-03-31"),
    (HECLA, "during the first quarter of last year", "1995-01-01/1995-03-31"),
    (HECLA, "in 1995", "1995-01-01/1995-12-31"),
    (HECLA, "at March 31, 1996", "1996-03-31"),
    (PERICOM, "in the preceding quarter", "2004-07-01/2004-09-30"),
    (PERICOM, "in the comparable period a year ago", "2003-10-01/2003-12-31"),
    (PERICOM, "for the six months ended December 31, 2004", "2004-07-01/2004-12-31"),
    (PERICOM, "for the second quarter", "2004-10-01/2004-12-31"),
    (PERICOM, "in the first quarter", "2004-07-01/2004-09-30"),
    (NORTHWIND, "For the first six months of 1997", "1997-01-01/1997-06-30"),
    (NORTHWIND, "in the first half of 1996", "1996-01-01/1996-06-30"),
    (NORTHWIND, "during the first half", "1997-01-01/1997-06-30"),
    (NORTHWIND, "year-to-date", "1997-01-01/1997-06-30"),
    (NORTHWIND, "the second half of 1996", "1996-07-01/1996-12-31"),
    (NORTHWIND, "for the first nine months of 1996", "1996-01-01/1996-09-30"),
    (NORTHWIND, "at the end of 1996", "1996-12-31"),
    (NORTHWIND, "at year end", "1996-12-31"),
    (NORTHWIND, "at year-end 1996", "1996-12-31"),
    (NORTHWIND, "at December 31", "1996-12-31"),
    (NORTHWIND, "as of June 30", "1997-06-30"),
    (PERICOM, "in the first half of fiscal 2005", "2004-07-01/2004-12-31"),
])
def test_phrase_resolves(cal, text, expected):
    phrases = text_to_phrases(text)
    assert len(phrases) == 1, phrases
    assert phrase_to_period(phrases[0], cal, cal.default) == expected


def test_default_is_latest_shortest():
    assert HECLA.default == "1996-01-01/1996-03-31"
    assert PERICOM.default == "2004-10-01/2004-12-31"
    assert NORTHWIND.default == "1997-04-01/1997-06-30"  # the second quarter, not the first half
