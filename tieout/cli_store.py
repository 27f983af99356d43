"""``tieout ingest``, ``tieout query`` and ``tieout export``: the store from the command line.

Exit codes: ``ingest`` exits 0 when the batch ran to its end, even if some
documents failed (each failure is a documents row with status 'error' or
'timeout', and the summary line counts them; ``--strict`` makes that exit 1);
2 for unusable arguments (a path given explicitly that does not exist, a glob
matching nothing, an unreachable scheduler, a store that is not a store).
``ingest --cik`` first fetches the company's filings that the cache lacks
(``tieout fetch``'s options and rules) and ingests them with any PATHs given;
a filing that could not be fetched makes the exit code 1.
``query`` and ``export`` exit 2 for a missing store or bad SQL.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from tieout.cli import PATHS_HELP, PATHS_METAVAR, example_epilog
from tieout.cli_fetch import add_company_arguments
from tieout.errors import InputError

FORMATS = ("parquet", "csv", "json", "xlsx", "fsds")


def register(subparsers) -> None:
    ingest = subparsers.add_parser(
        "ingest", help="read many filings into a DuckDB store",
        description="Read files, folders and globs into a DuckDB store. A folder is read recursively "
                    "for its filings (plain text, HTML, EDGAR SGML); its other files (PDF, binary, "
                    "README, data files) are listed as not read, with why, and hidden ones skipped. "
                    "Unchanged files (same path, size and mtime) are skipped; a document that cannot "
                    "be read gets status 'error' and the batch goes on. The summary counts the "
                    "documents stored with failing checks. "
                    "With --cik (or --ticker) the company's filings are fetched from EDGAR first, "
                    "as 'tieout fetch' does (only what the cache lacks), then read; files among the PATHs "
                    "without an EDGAR header take that CIK (and a single --form as their form type).",
        epilog=example_epilog("tieout ingest ../shared/corpus --db filings.duckdb",
                              "tieout ingest --cik 719413 --form 10-Q,10-K,8-K --from 1996 --to 2000 "
                              "--db hecla.duckdb --user-agent 'Jane Doe jane@example.com'",
                              "tieout ingest 'edgar/**/*.txt' --db filings.duckdb --workers 8",
                              "tieout ingest edgar/ --db f.duckdb --scheduler tcp://host:8786 --parquet out/",
                              "tieout ingest edgar/ --parquet out/ --workers 64     # Parquet only, no store"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ingest.add_argument("paths", nargs="*", metavar=PATHS_METAVAR,
                        help=f"{PATHS_HELP} (optional with --cik or --ticker)")
    ingest.add_argument("--db", metavar="FILE",
                        help="DuckDB store (created if absent); without it, --parquet DIR alone is the output")
    where = ingest.add_mutually_exclusive_group()
    where.add_argument("--workers", type=int, default=os.cpu_count() or 1, metavar="N",
                       help="worker processes (default: cores; 0 = in this process)")
    where.add_argument("--scheduler", metavar="ADDRESS",
                       help="a dask.distributed scheduler, e.g. tcp://host:8786 (one task per document)")
    ingest.add_argument("--timeout", type=float, default=120.0, metavar="SECONDS",
                        help="time limit per document (default 120; 0 = none)")
    ingest.add_argument("--parquet", metavar="DIR",
                        help="also write Parquet partitions DIR/<table>/<doc_id>.parquet, written by "
                             "the workers (with --scheduler the default is DB.parquet/); without "
                             "--db they are the only output (read them with read_parquet('DIR/facts/*.parquet'))")
    ingest.add_argument("--wait", type=float, default=60.0, metavar="SECONDS",
                        help="how long a batch waits for readers (tieout query, serve) to let go "
                             "of the store (default 60)")
    ingest.add_argument("--batch", type=int, default=64, metavar="N",
                        help="documents per store transaction (default 64; each is stored whole or not at all)")
    ingest.add_argument("--retry-failed", action="store_true",
                        help="read again files whose last ingest ended in 'error' or 'timeout'")
    ingest.add_argument("--force", action="store_true", help="read every file again")
    ingest.add_argument("--no-check", action="store_true", help="store facts without running checks")
    ingest.add_argument("--strict", action="store_true", help="exit 1 when any document failed")
    ingest.add_argument("-q", "--quiet", action="store_true", help="no progress, only the summary")
    add_company_arguments(ingest, group_title="fetching a company's filings from EDGAR first (see tieout fetch)")
    ingest.set_defaults(run=run_ingest)

    query = subparsers.add_parser(
        "query", help="run SQL on a store (read-only)",
        description="Run one SQL statement (DuckDB's dialect) on a store, read-only, and print the "
                    "result: a table on a terminal (never cut when piped), CSV otherwise. The store's "
                    "tables and columns are in docs/schema.md (documents, tables, facts, checks, "
                    "claims, ...). Works beside a running ingest: it waits while a batch commits.",
        epilog=example_epilog(
            "tieout query --db filings.duckdb \"SELECT status, count(*) FROM documents GROUP BY 1\"",
            "tieout query --db f.duckdb --format csv \"SELECT * FROM facts WHERE label ILIKE '%net income%'\""),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    query.add_argument("sql", metavar="SQL", help="one SQL statement, quoted for the shell")
    query.add_argument("--db", required=True, metavar="FILE", help="the DuckDB store (tieout ingest ... --db FILE)")
    query.add_argument("--format", choices=("table", "csv", "json"), default=None,
                       help="table: for reading (numbers as plain decimals); csv, json: every digit "
                            "the store holds (default: a table on a terminal, csv otherwise)")
    query.add_argument("--wait", type=float, default=30.0, metavar="SECONDS",
                       help="how long to wait while an ingest is committing to the store (default 30)")
    query.set_defaults(run=run_query)

    export = subparsers.add_parser(
        "export", help="export a store as Parquet, CSV, JSON or Excel",
        description="OUT ending in .parquet/.csv/.json is one file of one table (--table, default "
                    "facts); any other OUT is a folder with one file per store table. xlsx is one "
                    "workbook laid out like the filings (select documents with --doc). fsds is a folder in "
                    "the SEC's Financial Statement Data Sets layout (sub, num, pre, tag .txt, plus chk.txt).",
        epilog=example_epilog("tieout export --db f.duckdb --format parquet -o out/",
                              "tieout export --db f.duckdb --format csv -o facts.csv",
                              "tieout export --db f.duckdb --format xlsx --doc 0000320193-95 -o apple.xlsx",
                              "tieout export --db f.duckdb --format fsds -o fsds/"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    export.add_argument("--db", required=True, metavar="FILE", help="the DuckDB store (tieout ingest ... --db FILE)")
    export.add_argument("--format", choices=FORMATS, required=True, help="the file format to write")
    export.add_argument("-o", "--output", required=True, metavar="OUT",
                        help="a file (OUT.parquet, OUT.csv, OUT.json: one table; xlsx: the workbook) "
                             "or a folder (one file per table)")
    export.add_argument("--table", default="facts", help="the table of a single-file export (default: facts)")
    export.add_argument("--doc", action="append", default=[], metavar="TEXT",
                        help="xlsx: documents whose doc_id starts with, or path contains, TEXT")
    export.set_defaults(run=run_export)


# -- ingest ----------------------------------------------------------------


def run_ingest(args) -> int:
    from tieout.batch.ingest import IngestSettings, ingest
    from tieout.batch.progress import make_progress

    if args.workers < 0:
        raise InputError("--workers must be 0 or more")
    if args.timeout < 0:
        raise InputError("--timeout must be 0 or more")
    if args.wait < 0:
        raise InputError("--wait must be 0 or more")
    if not args.db and not args.parquet:
        raise InputError("nowhere to write: give --db FILE, --parquet DIR, or both")
    fetching = bool(args.cik or args.ticker)
    if not fetching and (args.form or args.date_from or args.date_to or args.offline):
        raise InputError("--form, --from, --to and --offline choose a company's filings to fetch: "
                         "give the company with --cik NUMBER (or --ticker)")
    if not args.paths and not fetching:
        raise InputError("nothing to read: give files, folders or globs (PATH...), or a company to "
                         "fetch from EDGAR with --cik NUMBER")
    paths, fetch_failed = list(args.paths), False
    if fetching:
        from tieout.batch.discover import discover
        from tieout.cli_fetch import fetch_from_args

        discover(paths)  # a PATH that does not exist is a usage error before any request
        fetched, _ = fetch_from_args(args)
        paths += [str(path) for path in fetched.paths]
        fetch_failed = bool(fetched.failures)
        if not paths:
            return 1 if fetch_failed else 0
    parquet = args.parquet
    if args.scheduler and not parquet:
        parquet = str(Path(args.db).with_suffix(".parquet"))
    settings = IngestSettings(workers=args.workers, scheduler=args.scheduler,
                              timeout=args.timeout or None, parquet=parquet,
                              retry_failed=args.retry_failed, force=args.force, check=not args.no_check,
                              batch_docs=max(1, args.batch), lock_wait=args.wait)
    progress = make_progress(args.quiet)
    try:
        summary = ingest(paths, args.db, settings,
                         on_start=progress.start if progress else None,
                         on_outcome=progress.outcome if progress else None)
    finally:
        if progress:
            progress.close()
    print_passed_over(summary, sys.stderr)
    for path, status, error in summary.failures[:LISTED]:
        print(f"{path}: {status}: {without_path(error, path)}", file=sys.stderr)
    if len(summary.failures) > LISTED:
        print(f"... and {len(summary.failures) - LISTED} more (SELECT path, error FROM documents "
              "WHERE status <> 'ok')", file=sys.stderr)
    print(f"tieout ingest: {summary.line()}", file=sys.stderr)
    if args.cik and args.paths and args.db:  # files without a header belong to the company named
        fill_company_identity(args)
    return 1 if fetch_failed or (args.strict and summary.failures) else 0


LISTED = 20  # lines of failures (and of files not read) an ingest prints; the rest are counted


def print_passed_over(summary, stream) -> None:
    """The files of the folders given that were not read, each with why; hidden ones counted."""
    for path, why in summary.not_read[:LISTED]:
        print(f"{path}: not read: {why}", file=stream)
    if len(summary.not_read) > LISTED:
        print(f"... and {len(summary.not_read) - LISTED} more files not read", file=stream)
    if summary.hidden:
        print(f"({summary.hidden} hidden file{'s' if summary.hidden != 1 else ''} or folder"
              f"{'s' if summary.hidden != 1 else ''} skipped: their names start with '.')", file=stream)


def without_path(error: str, path: str) -> str:
    """An error message without the file's path in front (the line already starts with it)."""
    from pathlib import Path

    for prefix in {path, str(Path(path).resolve()), Path(path).name}:
        if prefix and error.startswith(prefix + ": "):
            return error[len(prefix) + 2:]
    return error


def fill_company_identity(args) -> None:
    from tieout.batch.discover import discover
    from tieout.store import open_store
    from tieout.store.identity import fill_identity

    with open_store(args.db, write=True, wait=args.wait) as store:
        fill_identity(store, discover(args.paths), args.cik, args.form)


# -- query -----------------------------------------------------------------


def run_query(args) -> int:
    import duckdb

    from tieout.store import open_store

    if args.wait < 0:
        raise InputError("--wait must be 0 or more")
    with open_store(args.db, read_only=True, wait=args.wait) as store:
        try:
            cursor = store.con.execute(args.sql)
        except duckdb.Error as exc:
            raise InputError(f"query failed: {' '.join(str(exc).split())}") from None
        if cursor.description is None:
            return 0
        columns = [d[0] for d in cursor.description]
        rows = cursor.fetchall()
    fmt = args.format or ("table" if sys.stdout.isatty() else "csv")
    write_result(columns, rows, fmt, sys.stdout)
    return 0


def write_result(columns: list[str], rows: list[tuple], fmt: str, stream) -> None:
    """A query result as a table for people, CSV or JSON for tools.

    CSV and JSON give a DECIMAL with all the digits DuckDB holds and no exponent
    (``5018000.0000000000``, never ``5.018E+6`` or a float): a JSON string, a CSV
    field as is. The table is for reading: a Decimal as the plain number it is
    (``5018000``, ``0.347``), and when it is not going to a terminal (a pipe, a
    file) no cell is cut or wrapped, whatever its width.
    """
    if fmt == "csv":
        import csv

        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([[_plain(v) for v in row] for row in rows])
    elif fmt == "json":
        json.dump([dict(zip(columns, row)) for row in rows], stream, default=_json_default, indent=1)
        stream.write("\n")
    else:
        from rich.cells import cell_len
        from rich.console import Console
        from rich.table import Table

        console = Console(file=stream)
        cells = [["" if v is None else str(_readable(v)) for v in row] for row in rows]
        if not console.is_terminal:  # as wide as the widest row needs: nothing cut, nothing wrapped
            widths = [max([cell_len(name)] + [cell_len(row[i]) for row in cells])
                      for i, name in enumerate(columns)]
            console = Console(file=stream, width=sum(w + 3 for w in widths) + 1)
        table = Table(show_lines=False)
        for column in columns:
            table.add_column(column, no_wrap=not console.is_terminal, overflow="fold")
        for row in cells:
            table.add_row(*row)
        console.print(table)


def _readable(value):
    """A value for the table format: a Decimal as a plain number without padding zeros."""
    from decimal import Decimal

    if isinstance(value, Decimal) and value.is_finite():
        if not value:
            return "0"
        text = format(value, "f")
        return text.rstrip("0").rstrip(".") if "." in text else text
    return _plain(value)


def _plain(value):
    from decimal import Decimal

    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, (list, dict)):
        return json.dumps(value, default=_json_default)
    return value


def _json_default(value):
    from decimal import Decimal

    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


# -- export ----------------------------------------------------------------


def run_export(args) -> int:
    from tieout.store import open_store
    from tieout.store.export import export_store

    with open_store(args.db, read_only=True) as store:
        written = export_store(store, args.format, args.output, table=args.table, docs=args.doc)
    print(f"tieout export: wrote {written}", file=sys.stderr)
    return 0
