"""The ``tieout`` command line: one subcommand per job, each in its own module.

Every subcommand module exposes ``register(subparsers)``, which adds its parser
and sets ``run=function(args) -> exit code``. Exit codes: 0 clean, 1 a check
failed, 2 unreadable input or bad usage (one line on stderr, never a traceback).
"""

from __future__ import annotations

import argparse
import importlib
import sys

from tieout import __version__
from tieout.errors import InputError

# subcommand modules, in the order --help lists them
COMMAND_MODULES = (
    "tieout.cli_read",     # extract, show
    "tieout.cli_check",    # check
    "tieout.cli_fetch",    # fetch
    "tieout.cli_store",    # ingest, query, export
    "tieout.cli_financials",  # financials
    "tieout.cli_serve",    # serve
)


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # usage errors: one line, exit 2
        self.exit(2, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="tieout",
        description="Turn plain-text pre-XBRL financial reports into verified, structured data.",
        epilog="example: tieout check examples/northwind-1997-q2-release.txt",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"tieout {__version__}")
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=_Parser)
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:  # that part is not built yet
                continue
            raise
        module.register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "run"):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.run(args) or 0)
    except InputError as exc:
        print(f"tieout: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("tieout: interrupted", file=sys.stderr)
        return 130


def warn_stage_errors(report) -> None:
    """A stage that crashed on this document says so on stderr, one line each; the data still comes out."""
    for problem in report.problems:
        if problem.severity == "error":
            where = f"{report.filing.path}:{problem.line}" if problem.line else report.filing.path
            print(f"tieout: {where}: {problem.stage}: {problem.message}", file=sys.stderr)


def example_epilog(*lines: str) -> str:
    """An --help epilog with examples, for subcommand parsers."""
    return "examples:\n" + "\n".join(f"  {line}" for line in lines)


if __name__ == "__main__":
    sys.exit(main())
