"""``tieout serve``: the local web viewer over a store.

Loopback by default (the documents may be unreleased earnings); the store is
opened read-only, so the viewer can run beside an analyst's queries. A
missing or unreadable store is one line on stderr and exit code 2.
"""

from __future__ import annotations

import argparse
import sys

from tieout.cli import example_epilog
from tieout.errors import InputError


def register(subparsers) -> None:
    serve = subparsers.add_parser(
        "serve", help="browse a store in the web browser, with tick marks on every number",
        description="Serve the documents of a store: each filing as filed with a green tick, red mark "
                    "or grey mark on every number, its facts (CSV and Excel downloads) and charts.",
        epilog=example_epilog("tieout serve --db filings.duckdb",
                              "tieout serve --db filings.duckdb --port 8080"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    serve.add_argument("--db", required=True, metavar="FILE", help="the DuckDB store (tieout ingest ... --db FILE)")
    serve.add_argument("--host", default="127.0.0.1",
                       help="address to listen on (default 127.0.0.1: this machine only)")
    serve.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    serve.set_defaults(run=run_serve)


def run_serve(args) -> int:
    import uvicorn

    from tieout.serve.app import create_app

    app = create_app(args.db)  # InputError -> one line, exit 2 (tieout.cli.main)
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        print(f"tieout: warning: serving on {args.host}, reachable from other machines; "
              "the viewer has no login", file=sys.stderr)
    print(f"tieout: serving {args.db} at http://{_url_host(args.host)}:{args.port}/ (Ctrl-C to stop)",
          file=sys.stderr)
    try:
        uvicorn.run(app, host=args.host, port=args.port, log_level="warning", server_header=False)
    except OSError as exc:
        raise InputError(f"cannot listen on {args.host}:{args.port}: {exc.strerror or exc}") from None
    return 0


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host
