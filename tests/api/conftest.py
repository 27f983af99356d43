"""Fixtures of the Python API tests: the bundled example, read and checked once."""

import pytest

import tieout
from tests.conftest import EXAMPLE


@pytest.fixture(scope="session")
def example_report():
    return tieout.read(EXAMPLE)
