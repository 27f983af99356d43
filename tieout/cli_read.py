"""``tieout extract`` and ``tieout show``: what the reader found, as data or on screen."""

from __future__ import annotations

import sys
from pathlib import Path

from tieout.cli import add_filing_argument, example_epilog, warn_stage_errors
from tieout.errors import InputError

FORMATS = ("jsonl", "csv", "json", "parquet", "xlsx")


def register(subparsers) -> None:
    import argparse

    extract = subparsers.add_parser(
        "extract", help="every number of every table as a fact (JSON Lines, CSV, JSON, Parquet, Excel)",
        description="Read FILE (a filing: plain text, HTML or EDGAR SGML; or - for stdin) and write one record per table cell: "
                    "document, table, label, path, period, value (base units), unit, display, scale, line, col, "
                    "concept, column_index and column_header (the column's header as printed).",
        epilog=example_epilog(
            "tieout extract examples/northwind-1997-q2-release.txt | head -3",
            "tieout extract filing.txt --format parquet -o facts.parquet",
            "cat filing.txt | tieout extract - --format csv",
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_filing_argument(extract)
    extract.add_argument("--format", choices=FORMATS, default="jsonl", help="output format (default: jsonl)")
    extract.add_argument("-o", "--output", metavar="OUT", help="write here instead of standard output")
    extract.set_defaults(run=run_extract)

    show = subparsers.add_parser(
        "show", help="the tables as tieout read them, with check marks (or one HTML page)",
        description="Print every table of FILE as read: labels with their section path and one column "
                    "per period; numbers are green where every check they take part in passes, red where "
                    "one fails. With --html, write the document view as one self-contained HTML file "
                    "(an HTML filing as filed, sanitized, its numbers marked).",
        epilog=example_epilog(
            "tieout show examples/northwind-1997-q2-release.txt",
            "tieout show filing.txt --html review.html",
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_filing_argument(show)
    show.add_argument("--html", metavar="OUT", help="write the document view as one HTML file")
    show.add_argument("--no-check", action="store_true", help="only read; do not run the checks")
    show.add_argument("--as-text", action="store_true",
                      help="with --html: show an HTML filing's markup lines, not the filing as filed")
    show.set_defaults(run=run_show)


def _output_path(args) -> Path | None:
    if not args.output or args.output == "-":
        return None
    out = Path(args.output)
    if out.is_dir():
        raise InputError(f"{out}: is a directory; give a file name for -o")
    if not out.parent.exists():
        raise InputError(f"{out.parent}: no such directory for -o")
    return out


def run_extract(args) -> int:
    import tieout
    from tieout.render import facts_out

    out = _output_path(args)
    if args.format in ("parquet", "xlsx") and out is None:
        raise InputError(f"--format {args.format} writes a binary file: give -o OUT")
    # the checks only for a workbook (it shows them); concepts always, as tieout.read() gives them
    report = tieout.read(args.file, check=args.format == "xlsx", concepts=True)
    warn_stage_errors(report)
    rows = facts_out.records(report)
    if args.format == "parquet":
        facts_out.write_parquet(rows, out)
        return 0
    if args.format == "xlsx":
        from tieout.render.excel import report_to_xlsx

        report_to_xlsx(report, out)
        return 0
    stream = sys.stdout if out is None else out.open("w", encoding="utf-8")
    try:
        if args.format == "jsonl":
            facts_out.write_jsonl(rows, stream)
        elif args.format == "csv":
            facts_out.write_csv(rows, stream)
        else:
            stream.write(facts_out.to_json(report, rows))
    finally:
        if out is not None:
            stream.close()
    return 0


def run_show(args) -> int:
    import tieout

    report = tieout.read(args.file, check=not args.no_check)
    warn_stage_errors(report)
    if args.html:
        from tieout.render.html import report_to_html

        out = Path(args.html)
        if out.is_dir() or not out.parent.exists():
            raise InputError(f"{out}: cannot write the HTML file there")
        out.write_text(report_to_html(report, as_text=args.as_text), encoding="utf-8")
        print(f"wrote {out}", file=sys.stderr)
        return 0
    from tieout.render.tables_text import print_report

    print_report(report)
    return 0
