"""``tieout financials``: a company's statement across its stored filings, as a table, CSV or JSON.

The view is ``tieout.fundamentals.financials`` (concept x fiscal period, each value from the
latest filing that reports it). The table marks a restated value ``R`` (a later filing's value
that the earlier filing's does not meet within rounding) and a derived one ``d`` (a fourth
quarter computed as the year minus nine months), and lists the company's restatements under
it; CSV and JSON give one record per value with its source, check status and filing.
Exit 2 for a missing store, an unknown CIK, or a store of several companies without ``--cik``.
"""

from __future__ import annotations

import argparse
import json
import sys

from tieout.cli import example_epilog


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "financials", help="a company's income statement, balance sheet or cash flows across its filings",
        description="Concept x fiscal period from a store, each value from the latest filing that reports "
                    "it (the primary statement first, then the EX-27 schedule, then other tables). A value a "
                    "later filing prints differently beyond rounding is a restatement (R); a fourth quarter "
                    "computed as the year minus nine months is derived (d).",
        epilog=example_epilog("tieout financials --db filings.duckdb --cik 320193",
                              "tieout financials --db f.duckdb --cik 320193 --statement balance --format csv",
                              "tieout financials --db f.duckdb --statement income --period quarterly --format json"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--db", required=True, metavar="FILE", help="the DuckDB store (tieout ingest ... --db FILE)")
    parser.add_argument("--cik", metavar="NUMBER", help="the company (default: the one company the store holds)")
    parser.add_argument("--statement", choices=("income", "balance", "cashflow"), default="income",
                        help="which statement's concepts (default income)")
    parser.add_argument("--period", choices=("annual", "quarterly"), default="annual",
                        help="fiscal years, or fiscal quarters (default annual)")
    parser.add_argument("--format", choices=("table", "csv", "json"), default="table",
                        help="table (default): the statement; csv, json: one record per value with its source")
    parser.add_argument("--wait", type=float, default=30.0, metavar="SECONDS",
                        help="how long to wait while an ingest is committing to the store (default 30)")
    parser.set_defaults(run=run_financials)


def run_financials(args) -> int:
    from tieout.errors import InputError
    from tieout.fundamentals.view import cells_to_frame, financial_values, restatements
    from tieout.store import open_store

    if args.wait < 0:
        raise InputError("--wait must be 0 or more")
    with open_store(args.db, read_only=True, wait=args.wait) as store:
        cells = financial_values(store, args.cik, args.statement, args.period)
        restated = restatements(store, args.cik)
    if args.format == "json":
        json.dump(cells.to_dict("records"), sys.stdout, default=_plain, indent=1)
        sys.stdout.write("\n")
        return 0
    if args.format == "csv":
        import csv

        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(cells.columns)
        writer.writerows([[_plain(v) for v in row] for row in cells.itertuples(index=False)])
        return 0
    write_table(cells, cells_to_frame(cells), restated, args)
    return 0


def write_table(cells, frame, restated, args) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(file=sys.stdout, width=None if sys.stdout.isatty() else 240)
    if frame.empty:
        console.print(f"no {args.period} {args.statement} values for this company in {args.db}", markup=False)
        return
    marks = {(row.concept, row.period_end): ("R" if row.restated else "") + ("d" if row.derived else "")
             for row in cells.itertuples(index=False)}
    names = frame.attrs.get("fiscal_periods", {})
    table = Table("concept", *(f"{end}\n{names.get(end, '')}" for end in frame.columns))
    for concept, row in frame.iterrows():
        table.add_row(concept, *("" if value is None else f"{_plain(value)}{(' ' + marks[(concept, end)]) if marks.get((concept, end)) else ''}"
                                 for end, value in row.items()))
    console.print(table)
    mine = restated[restated["statement"] == args.statement] if not restated.empty else restated
    if not mine.empty:
        console.print(f"restatements ({len(mine)}): later filing's value, earlier filing's value", markup=False)
        for row in mine.itertuples(index=False):
            console.print(f"  {row.concept} {row.fp} {row.fy or ''} ({row.period_end}): {_plain(row.value)} in "
                          f"{row.accession} {row.document}:{row.line}, was {_plain(row.earlier_value)} in "
                          f"{row.earlier_accession} {row.earlier_document}:{row.earlier_line}", markup=False, highlight=False)


def _plain(value):
    from decimal import Decimal

    if isinstance(value, Decimal):
        return format(value, "f")
    if value is None:
        return ""
    try:
        import pandas as pd

        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    if hasattr(value, "item"):
        return value.item()
    return value
