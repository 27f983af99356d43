"""The loader's verification stages: one tuple of functions; a stage that crashes is a Problem."""

from __future__ import annotations

import ast
import inspect

import tieout
from tieout import loader
from tests.conftest import EXAMPLE


def test_stages_are_functions_imported_by_the_loader():
    from tieout.checks import run_checks
    from tieout.claims import find_claims
    from tieout.concepts import assign_concepts
    from tieout.relations import find_relations

    assert [(name, function) for name, function, _ in loader.VERIFY_STAGES] == [
        ("concepts", assign_concepts), ("relations", find_relations), ("claims", find_claims),
        ("checks", run_checks)]
    imported = {alias.name for node in ast.walk(ast.parse(inspect.getsource(loader)))
                if isinstance(node, (ast.Import, ast.ImportFrom)) for alias in node.names}
    assert "importlib" not in imported  # no stage looked up by name at run time


def test_a_stage_that_crashes_is_a_problem_and_the_rest_still_run(monkeypatch):
    def find_relations_crashing(report):
        raise ZeroDivisionError("a rule divided by a zero total")

    stages = tuple(("relations", find_relations_crashing, field) if name == "relations" else (name, f, field)
                   for name, f, field in loader.VERIFY_STAGES)
    monkeypatch.setattr(loader, "VERIFY_STAGES", stages)
    report = tieout.read(EXAMPLE)
    crashed = [p for p in report.problems if p.stage == "relations"]
    assert len(crashed) == 1 and crashed[0].severity == "error"
    assert "ZeroDivisionError: a rule divided by a zero total" in crashed[0].message
    assert "test_loader.py" in crashed[0].message  # where it was raised
    assert report.relations == ()
    assert report.checks and report.claims  # the stages after it ran
    assert any(f.concept for f in report.fact_records)  # and the one before it
