"""Shared fixtures: the real seed and corpus live in ../shared, read-only.

Tests that need them skip with a reason where ../shared is absent.
"""

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SEED = SHARED / "seed" / "hecla-1996-q1-earnings-release.txt"
CORPUS = SHARED / "corpus"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
EXAMPLE = REPO / "examples" / "northwind-1997-q2-release.txt"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    if not SEED.exists():
        pytest.skip(f"seed document not found at {SEED} (../shared is absent)")
    return SEED


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    if not (CORPUS / "MANIFEST.tsv").exists():
        pytest.skip(f"corpus not found at {CORPUS} (../shared is absent)")
    return CORPUS


def corpus_files() -> list[Path]:
    """Every corpus document (empty where ../shared is absent)."""
    if not CORPUS.exists():
        return []
    return sorted(p for p in CORPUS.rglob("*.txt"))
