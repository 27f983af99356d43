"""Every command's --help: each argument has a line, each command a description, positionals alike.

Walks the argparse tree ``tieout.cli.build_parser`` builds, so a command added later is held
to the same rules: a positional naming one filing is ``FILE`` with the one description, files,
folders or globs are ``PATH``, and every option says what it does.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from tieout.cli import (
    FILING_HELP,
    FILING_METAVAR,
    PATHS_METAVAR,
    POSITIONAL_METAVARS,
    build_parser,
)

ROOT = Path(__file__).resolve().parents[2]


def commands(parser: argparse.ArgumentParser):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {a.dest: a.help for a in action._choices_actions}
            for name, sub in action.choices.items():
                yield name, sub, helps.get(name)


def test_every_command_has_a_description_and_a_help_line():
    found = list(commands(build_parser()))
    assert {"extract", "show", "check", "ingest", "query", "export", "serve", "fetch"} <= {n for n, _, _ in found}
    for name, sub, summary in found:
        assert summary and summary.strip(), f"{name}: no line in 'tieout --help'"
        assert sub.description and sub.description.strip(), f"{name}: no description"
        assert sub.epilog and "tieout " + name in sub.epilog, f"{name}: no example"


def test_every_argument_has_help():
    parsers = [("tieout", build_parser())] + [(n, s) for n, s, _ in commands(build_parser())]
    for name, parser in parsers:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                continue
            what = "/".join(action.option_strings) or action.dest
            assert action.help and action.help.strip() and action.help != argparse.SUPPRESS, \
                f"tieout {name} {what}: no help"


def test_positionals_use_the_agreed_names():
    seen: dict[str, set[str]] = {}
    for name, parser, _ in commands(build_parser()):
        for action in parser._actions:
            if action.option_strings or isinstance(action, argparse._SubParsersAction):
                continue
            assert action.metavar in POSITIONAL_METAVARS, f"tieout {name} {action.dest}: metavar {action.metavar!r}"
            seen.setdefault(action.metavar, set()).add(name)
            if action.metavar == FILING_METAVAR:
                assert action.help == FILING_HELP and action.nargs is None, name
            if action.metavar == PATHS_METAVAR:
                assert action.nargs in ("*", "+"), name
    assert seen[FILING_METAVAR] == {"extract", "show", "check"}
    assert seen[PATHS_METAVAR] == {"ingest"}


def test_help_prints_for_every_command():
    env = dict(os.environ, PYTHONPATH=str(ROOT), COLUMNS="100")
    for name in [None] + [n for n, _, _ in commands(build_parser())]:
        args = [sys.executable, "-m", "tieout"] + ([name] if name else []) + ["--help"]
        done = subprocess.run(args, capture_output=True, text=True, env=env, timeout=60)
        assert done.returncode == 0 and done.stderr == "", (name, done.stderr)
        assert done.stdout.startswith("usage: tieout") and "examples" in done.stdout or name is None
        if name in ("extract", "show", "check"):
            assert "FILE" in done.stdout.splitlines()[0] and FILING_HELP.split(",")[0] in done.stdout
