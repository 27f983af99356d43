"""``tieout check FILE``: verify a filing; exit 0 when nothing fails, 1 when a check fails.

Reading errors (missing, binary, empty file) raise ``InputError``, which
``tieout.cli.main`` prints as one line with exit code 2. Rendering lives in
``tieout/render/checks_text.py`` and ``checks_json.py``; this module only wires
arguments to them.
"""

from __future__ import annotations

import argparse
import sys

from tieout.cli import warn_stage_errors


def register(subparsers) -> None:
    from tieout.cli import add_filing_argument, example_epilog

    parser = subparsers.add_parser(
        "check", help="verify totals, ties between statements and narrative claims",
        description="Check every total, every tie between statements and every narrative claim "
                    "of a filing (plain text, HTML or EDGAR SGML). Exit 0 when nothing fails, 1 when a check fails, "
                    "2 when the file cannot be read.",
        epilog=example_epilog(
            "tieout check ../shared/seed/hecla-1996-q1-earnings-release.txt",
            "tieout check filing.txt --format json | jq '.checks[] | select(.status==\"fail\")'",
            "tieout check filing.txt --verbose      # list passing and unverifiable checks too",
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_filing_argument(parser)
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help="text: failures as FILE:LINE:COL messages with the cells marked; json: "
                             "every check with its numbers, for tools (default: text)")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="text format: also list passing and unverifiable checks")
    parser.set_defaults(run=run)


def run(args) -> int:
    import tieout
    from tieout.render.checks_json import render_checks_json
    from tieout.render.checks_text import print_checks_text

    report = tieout.read(args.file)
    warn_stage_errors(report)
    if args.format == "json":
        print(render_checks_json(report))
    else:
        print_checks_text(report, verbose=args.verbose, file=sys.stdout)
    return 1 if any(c.status == "fail" for c in report.checks) else 0
