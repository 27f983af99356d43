"""Period phrases resolve against the document's column periods."""

import pytest

from tieout.claims.periods import periods_to_calendar, phrase_to_period, text_to_phrases

HECLA = periods_to_calendar(["1996-01-01/1996-03-31", "1995-01-01/1995-03-31", "1996-03-31", "1995-12-31"])
PERICOM = periods_to_calendar(["2004-10-01/2004-12-31", "2004-07-01/2004-09-30", "2003-10-01/2003-12-31",
                               "2004-07-01/2004-12-31", "2003-07-01/2003-12-31"], fiscal_end_month=6)


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
])
def test_phrase_resolves(cal, text, expected):
    phrases = text_to_phrases(text)
    assert len(phrases) == 1, phrases
    assert phrase_to_period(phrases[0], cal, cal.default) == expected


def test_default_is_latest_shortest():
    assert HECLA.default == "1996-01-01/1996-03-31"
    assert PERICOM.default == "2004-10-01/2004-12-31"
