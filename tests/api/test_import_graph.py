"""Every tieout module imports on its own, the model imports nothing above it, no import circles.

The import graph is read from the source with ``ast`` (every import statement, those inside
functions too), so an import made lazily to hide a circle still counts.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.conftest import REPO

PACKAGE = REPO / "tieout"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}
SCRIPTS = {"tieout.__main__"}  # runs the command line when imported


def imports_of(name: str) -> set[str]:
    """The tieout modules (and other top-level names) ``name``'s source imports, anywhere in it."""
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[:len(package.split(".")) - node.level + 1] + ([base] if base else []))
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names if f"{base}.{alias.name}" in MODULES)
    return found


def reaches(start: str, goal: str) -> bool:
    seen, todo = set(), [start]
    while todo:
        name = todo.pop()
        for target in imports_of(name):
            if target == goal:
                return True
            if target in MODULES and target not in seen:
                seen.add(target)
                todo.append(target)
    return False


def test_the_model_imports_only_the_standard_library_and_records():
    allowed = {"tieout.records", "tieout.errors"}
    for imported in imports_of("tieout.model"):
        top = imported.split(".")[0]
        assert imported in allowed or (top != "tieout" and top in sys.stdlib_module_names), imported


@pytest.mark.parametrize("one, other", [("tieout.model", "tieout.facts.frame"),
                                        ("tieout.store", "tieout.batch.partitions"),
                                        ("tieout.store", "tieout.store.partitions")])
def test_no_import_circle(one, other):
    """Issue 14: facts.frame <-> model and batch.partitions <-> store imported each other."""
    assert not (reaches(one, other) and reaches(other, one)), f"{one} and {other} import each other"
    assert not reaches("tieout.model", other)
    assert not any(name.startswith("tieout.batch") for name in imports_of("tieout.store"))


def test_every_module_imports_in_a_fresh_interpreter():
    env = dict(os.environ, PYTHONPATH=str(REPO))

    def alone(name: str):
        done = subprocess.run([sys.executable, "-c", f"import {name}"], capture_output=True, text=True,
                              env=env, timeout=120)
        return name, done.returncode, done.stderr.strip().splitlines()[-1:] if done.returncode else []

    with ThreadPoolExecutor(max_workers=2) as pool:
        failed = [result for result in pool.map(alone, sorted(set(MODULES) - SCRIPTS)) if result[1]]
    assert not failed, failed
