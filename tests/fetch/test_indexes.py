"""The archive's listings read right: full-index rows (company.idx and form.idx), the submissions
JSON and its older pages, the ticker list; which filings a request chooses; bad requests refused."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from tests.fetch.edgar_site import entry_of, full_index, tiny_submission, tiny_submissions
from tieout.errors import InputError
from tieout.fetch.indexes import (
    Filing, form_matches, other_forms, parse_full_index, parse_submissions, parse_submissions_page,
    parse_tickers, quarter_end, quarters, select, submission_url, submissions_url,
)
from tieout.fetch.run import make_request, parse_date

# rows as the SEC writes them, one with a company name filling its column and a form type with a space
COMPANY_IDX = """\
Description:           Master Index of EDGAR Dissemination Feed by Company Name
Last Data Received:    March 31, 1996
Comments:              webmaster@sec.gov
Anonymous FTP:         ftp://ftp.sec.gov/edgar/




Company Name                                                  Form Type   CIK         Date Filed  File Name
---------------------------------------------------------------------------------------------------------------------------------------------
HECLA MINING CO                                               10-Q        719413      1996-05-14  edgar/data/719413/0000719413-96-000010.txt
HECLA MINING CO                                               SC 13G/A    719413      1996-02-09  edgar/data/719413/0000950123-96-000512.txt
HECLA MINING CO/DE/ AND ITS WHOLLY OWNED SUBSIDIARIES OF IDAHO10-K405     719413      1996-03-28  edgar/data/719413/0000719413-96-000004.txt
HECLA SHAREHOLDERS TRUST                                      10-K        7194130     1996-03-29  edgar/data/7194130/0007194130-96-000001.txt
"""


def test_company_idx_rows_of_one_cik():
    rows = parse_full_index(COMPANY_IDX, "0000719413")
    assert [(r.form, r.filed, r.accession) for r in rows] == [
        ("10-Q", "1996-05-14", "0000719413-96-000010"),
        ("SC 13G/A", "1996-02-09", "0000950123-96-000512"),
        ("10-K405", "1996-03-28", "0000719413-96-000004"),  # the company name filled its column
    ]
    assert rows[0].company == "HECLA MINING CO" and rows[0].cik == "719413"
    assert rows[0].archive_path == "Archives/edgar/data/719413/0000719413-96-000010.txt"
    assert len(parse_full_index(COMPANY_IDX)) == 4  # every filer without a CIK


def test_form_idx_and_company_idx_agree():
    entries = [entry_of(data) for data in tiny_submissions()]
    by_company = parse_full_index(full_index(entries, 1997, 2, by="company").decode("latin-1"))
    by_form = parse_full_index(full_index(entries, 1997, 2, by="form").decode("latin-1"))
    key = lambda r: r.accession  # noqa: E731
    assert sorted(by_company, key=key) == sorted(by_form, key=key)
    assert {(r.cik, r.form, r.accession) for r in by_form} == {(e.cik, e.form, e.accession) for e in entries}


def test_not_an_index_is_a_value_error():
    with pytest.raises(ValueError, match="not an EDGAR full index"):
        parse_full_index("<html>Service unavailable</html>")


def test_submissions_json_and_its_older_page():
    main = {"cik": "0001001426", "name": "PERICOM SEMICONDUCTOR CORP",
            "filings": {"recent": {"accessionNumber": ["0001275287-07-000434"], "filingDate": ["2007-01-31"],
                                   "form": ["8-K"]},
                        "files": [{"name": "CIK0001001426-submissions-001.json", "filingFrom": "1995-10-30",
                                   "filingTo": "2006-12-31"}]}}
    company, filings, pages = parse_submissions(json.dumps(main))
    assert company == "PERICOM SEMICONDUCTOR CORP"
    assert filings == [Filing("1001426", company, "8-K", "2007-01-31", "0001275287-07-000434")]
    assert pages == [("CIK0001001426-submissions-001.json", "1995-10-30", "2006-12-31")]
    page = {"accessionNumber": ["0000891092-03-001810", "not-an-accession"], "filingDate": ["2003-07-29", "x"],
            "form": ["8-k", "8-K"]}
    assert parse_submissions_page(json.dumps(page), "1001426", company) == [
        Filing("1001426", company, "8-K", "2003-07-29", "0000891092-03-001810")]
    with pytest.raises(ValueError):
        parse_submissions(json.dumps({"error": "no such CIK"}))


def test_tickers():
    text = json.dumps({"0": {"cik_str": 719413, "ticker": "HL", "title": "HECLA MINING CO/DE/"},
                       "1": {"cik_str": 320193, "ticker": "aapl", "title": "Apple Inc."}})
    assert parse_tickers(text) == {"HL": "719413", "AAPL": "320193"}


def test_urls():
    filing = Filing("719413", "HECLA", "10-Q", "1996-05-14", "0000719413-96-000010")
    assert submission_url("https://www.sec.gov", filing) == \
        "https://www.sec.gov/Archives/edgar/data/719413/0000719413-96-000010.txt"
    assert submissions_url("https://data.sec.gov/", "719413") == "https://data.sec.gov/submissions/CIK0000719413.json"


def test_quarters_of_a_range():
    assert quarters(dt.date(1996, 1, 1), dt.date(1996, 12, 31)) == [(1996, 1), (1996, 2), (1996, 3), (1996, 4)]
    assert quarters(dt.date(1996, 3, 31), dt.date(1996, 4, 1)) == [(1996, 1), (1996, 2)]
    assert quarter_end(1996, 1) == dt.date(1996, 3, 31) and quarter_end(2000, 4) == dt.date(2000, 12, 31)


def test_forms_amendments_and_patterns():
    assert form_matches("10-K", ("10-K",)) and form_matches("10-K/A", ("10-K",))
    assert not form_matches("10-K405", ("10-K",)) and form_matches("10-K405", ("10-K*",))
    assert form_matches("10-KSB", ("10-K*",)) and not form_matches("10-Q", ("10-K*",))
    assert form_matches("anything", ())


def test_select_dates_forms_one_per_accession():
    a = Filing("1", "A", "10-Q", "1996-05-14", "0000000001-96-000002")
    b = Filing("1", "A", "10-K405", "1996-03-28", "0000000001-96-000001")
    c = Filing("1", "A", "8-K", "1997-01-02", "0000000001-97-000001")
    chosen = select([a, c, b, a], ("10-Q", "10-K*"), dt.date(1996, 1, 1), dt.date(1996, 12, 31))
    assert chosen == [b, a]  # oldest first, the duplicate once, 1997 out of range
    assert other_forms([a, b, c], ("10-Q",), dt.date(1996, 1, 1), dt.date(1997, 12, 31)) == {"10-K405": 1, "8-K": 1}


def test_request_from_user_input():
    today = dt.date(2024, 6, 1)
    request = make_request(cik="0000719413", forms="10-q, 10-K,,8-K", date_from="1996", date_to="2000", today=today)
    assert request.cik == "719413" and request.forms == ("10-Q", "10-K", "8-K")
    assert (request.date_from, request.date_to) == (dt.date(1996, 1, 1), dt.date(2000, 12, 31))
    everything = make_request(cik="CIK719413", today=today)
    assert (everything.date_from, everything.date_to, everything.forms) == (dt.date(1993, 1, 1), today, ())
    assert parse_date("1996-02", end=True, option="--to") == dt.date(1996, 2, 29)


@pytest.mark.parametrize("kwargs, message", [
    ({}, "say which company"),
    ({"cik": "hecla"}, "a CIK is a number"),
    ({"cik": "12345678901"}, "a CIK is a number"),
    ({"cik": "719413", "date_from": "2000", "date_to": "1996"}, "is after --to"),
    ({"cik": "719413", "date_from": "96"}, "give a year"),
    ({"cik": "719413", "date_to": "1996-13-01"}, "give a year"),
    ({"ticker": "H L!"}, "a ticker is letters"),
])
def test_bad_requests_are_input_errors(kwargs, message):
    with pytest.raises(InputError, match=message):
        make_request(**kwargs)


def test_the_tiny_submission_reads_as_a_filing():
    entry = entry_of(tiny_submission())
    assert (entry.cik, entry.form, entry.filed, entry.accession) == ("9999901", "8-K", "1997-04-15",
                                                                     "0009999901-97-000001")
