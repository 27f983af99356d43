"""``tieout fetch``: a company's filings from EDGAR into a folder (and the options ``ingest --cik`` shares).

Exit codes: 0 every filing asked for is on disk; 1 some could not be fetched
(each failure was one line on stderr as it happened, the failed accessions are
listed at the end, and running the same command again fetches only those);
2 bad usage (no User-Agent, a CIK that is not a number, dates the wrong way
round), one line and no request made. Standard output lists the local path of
every filing fetched or found in the cache, one a line.
"""

from __future__ import annotations

import argparse
import os
import sys

from tieout.cli import example_epilog
from tieout.errors import InputError


def register(subparsers) -> None:
    fetch = subparsers.add_parser(
        "fetch", help="download a company's filings from EDGAR (cached, polite)",
        description="Download the complete submissions (every exhibit included) of one company's filings "
                    "from the SEC's EDGAR archive, listed from the archive's own indexes. At most 10 "
                    "requests a second, retried with back-off; every file is cached by URL, so a second "
                    "run makes no request and an interrupted run resumes. The SEC requires a User-Agent "
                    "naming you and a contact e-mail (--user-agent or TIEOUT_USER_AGENT).",
        epilog=example_epilog(
            "export TIEOUT_USER_AGENT='Jane Doe jane@example.com'",
            "tieout fetch --cik 719413 --form 10-Q,10-K,8-K --from 1996 --to 2000 -o hecla/",
            "tieout fetch --ticker HL --form '10-K*' --from 1996-07 --to 1997-06 -o hecla/",
            "tieout fetch --cik 719413 --from 1996 --to 2000 --offline -o hecla/   # the cache only",
            "tieout ingest --cik 719413 --form 10-Q,8-K --from 1996 --to 2000 --db hecla.duckdb"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_company_arguments(fetch)
    fetch.add_argument("-o", "--output", metavar="DIR",
                       help="put each filing at DIR/CIK/ACCESSION.txt (a hard link to the cached file "
                            "where possible); without it the files stay in the cache")
    fetch.add_argument("-q", "--quiet", action="store_true", help="no progress, only failures and the summary")
    fetch.set_defaults(run=run_fetch)


def add_company_arguments(parser, *, group_title: str = "the company and its filings") -> None:
    """--cik, --ticker, --form, --from, --to and the EDGAR access options (shared with ``ingest``)."""
    from tieout.fetch.settings import BASE_URL_ENV, CACHE_ENV, DATA_URL_ENV, INDEX_SOURCES, USER_AGENT_ENV

    what = parser.add_argument_group(group_title)
    what.add_argument("--cik", metavar="NUMBER", help="the company's EDGAR Central Index Key (e.g. 719413)")
    what.add_argument("--ticker", metavar="SYMBOL",
                      help="its ticker, looked up in the SEC's list of current tickers (beside --cik: only checked)")
    what.add_argument("--form", default="", metavar="FORMS",
                      help="comma-separated forms, e.g. 10-Q,10-K,8-K (each with its /A amendments); "
                           "10-K* for every form starting so (10-K405, 10-KSB); default: all forms")
    what.add_argument("--from", dest="date_from", metavar="DATE",
                      help="filed on or after: 1996, 1996-07 or 1996-07-15 (default: 1993, the archive's start)")
    what.add_argument("--to", dest="date_to", metavar="DATE",
                      help="filed on or before: 2000, 2000-06 or 2000-06-30 (default: today)")
    access = parser.add_argument_group("EDGAR access")
    access.add_argument("--user-agent", metavar="TEXT",
                        help=f"your name and contact e-mail, sent with every request as the SEC requires "
                             f"(default: ${USER_AGENT_ENV})")
    access.add_argument("--base-url", metavar="URL",
                        help=f"the archive (default: ${BASE_URL_ENV}, else https://www.sec.gov)")
    access.add_argument("--data-url", metavar="URL",
                        help=f"where submissions/CIK##########.json lives (default: ${DATA_URL_ENV}, else "
                             "https://data.sec.gov for the SEC's archive, else --base-url)")
    access.add_argument("--cache", metavar="DIR",
                        help=f"the download cache, one file per URL (default: ${CACHE_ENV}, else "
                             "~/.cache/tieout/edgar)")
    access.add_argument("--offline", action="store_true",
                        help="no request at all: only what the cache holds (each missing file is a failure)")
    access.add_argument("--index", choices=INDEX_SOURCES, default="auto",
                        help="the listing to read: the submissions JSON, the quarterly full index, or "
                             "auto (the JSON where it exists, else the full index; default)")


def settings_from_args(args):
    """FetchSettings from the command line and the environment; InputError with the remedy otherwise."""
    from tieout.fetch.settings import (
        BASE_URL_ENV, DATA_URL_ENV, SEC_ARCHIVE_URL, USER_AGENT_ENV, FetchSettings, data_url_for,
        default_cache_dir, user_agent_ok,
    )

    user_agent = args.user_agent if args.user_agent is not None else os.environ.get(USER_AGENT_ENV, "")
    if not args.offline and not user_agent_ok(user_agent):
        given = f"the User-Agent {user_agent!r} has no contact e-mail" if user_agent.strip() else "no User-Agent"
        raise InputError(f"{given}: the SEC requires one naming you and a contact e-mail; pass "
                         f"--user-agent 'Jane Doe jane@example.com' or set {USER_AGENT_ENV}")
    base_url = args.base_url or os.environ.get(BASE_URL_ENV) or SEC_ARCHIVE_URL
    data_url = data_url_for(base_url, args.data_url or os.environ.get(DATA_URL_ENV))
    cache = os.path.expanduser(args.cache) if args.cache else default_cache_dir()
    if os.path.exists(cache) and not os.path.isdir(cache):
        raise InputError(f"--cache {cache}: not a folder; name a folder for the download cache")
    try:
        return FetchSettings(user_agent=user_agent.strip(), base_url=base_url.rstrip("/"),
                             data_url=data_url.rstrip("/"), cache_dir=cache, offline=args.offline,
                             index=args.index)
    except ValueError as exc:
        raise InputError(str(exc)) from None


def request_from_args(args, output=None):
    from tieout.fetch.run import make_request

    return make_request(cik=args.cik, ticker=args.ticker, forms=args.form, date_from=args.date_from,
                        date_to=args.date_to, output=output)


def fetch_from_args(args, output=None):
    """Run the fetch the arguments describe, printing its failures and summary: (summary, request)."""
    from tieout.fetch.progress import make_progress
    from tieout.fetch.run import fetch_company

    request = request_from_args(args, output)
    settings = settings_from_args(args)
    progress = make_progress(args.quiet)
    try:
        summary = fetch_company(request, settings, progress)
    finally:
        progress.close()
    print_summary(summary, request)
    return summary, request


def print_summary(summary, request, stream=None) -> None:
    stream = stream or sys.stderr
    if summary.unasked and request.forms:
        others = ", ".join(f"{form} ({n})" for form, n in summary.unasked.items())
        print(f"fetch: also filed in the range, not asked for: {others} (add them to --form, "
              "or use a pattern such as 10-K*)", file=stream)
    failed = summary.failed_filings()
    if failed:
        shown = ", ".join(failed[:20]) + (f" and {len(failed) - 20} more" if len(failed) > 20 else "")
        print(f"tieout fetch: {len(failed)} filing{'s' if len(failed) != 1 else ''} not fetched: {shown} "
              "(run the same command again to fetch only what is missing)", file=stream)
    listings = len(summary.failures) - len(failed)
    if listings:
        print(f"tieout fetch: {listings} listing{'s' if listings != 1 else ''} could not be read (see above); "
              "the filings they name are missing from this run", file=stream)
    print(f"tieout fetch: {summary.line(request)}", file=stream)


def run_fetch(args) -> int:
    if args.output and os.path.exists(args.output) and not os.path.isdir(args.output):
        raise InputError(f"-o {args.output}: not a folder; name a folder for the filings")
    summary, _ = fetch_from_args(args, output=args.output)
    for path in summary.paths:
        print(path)
    return 1 if summary.failures else 0
