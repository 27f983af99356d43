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


# Positional arguments are named and described alike in every command (tests/cli/test_help.py):
FILING_METAVAR = "FILE"  # one filing
FILING_HELP = "a filing (plain text, HTML or EDGAR SGML), or - for standard input"
PATHS_METAVAR = "PATH"  # files, folders or globs
PATHS_HELP = "files, folders (read recursively) or globs of filings"
POSITIONAL_METAVARS = (FILING_METAVAR, PATHS_METAVAR, "SQL")


def add_filing_argument(parser: argparse.ArgumentParser) -> None:
    """The FILE positional of a command that reads one filing (extract, show, check)."""
    parser.add_argument("file", metavar=FILING_METAVAR, help=FILING_HELP)


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Descriptions wrapped to the terminal's width; epilogs (examples, laid out by hand) kept as written."""

    def _fill_text(self, text, width, indent):
        if "\n" in text:
            return super()._fill_text(text, width, indent)
        return argparse.HelpFormatter._fill_text(self, text, width, indent)


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs):  # every tieout parser lays out its help alike
        kwargs["formatter_class"] = HelpFormatter
        super().__init__(*args, **kwargs)

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
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=_Parser,
                                       help="run 'tieout COMMAND --help' for its options and examples")
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
