"""Fixtures of the store tests: a hand-made Report (see handmade.py)."""

import pytest

from tests.store.handmade import make_report


@pytest.fixture
def report():
    return make_report()
