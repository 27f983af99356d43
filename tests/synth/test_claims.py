"""The claims key's own promises: each claimed figure is where the key says; releases without claims are unchanged.

These test the generator (``tests/synth/claims.py``); benchmarks/synth_releases.py (section "claims")
scores the claims stage on it.
"""

from __future__ import annotations

from collections import Counter

import pytest

from tests.synth import generate

SEEDS = range(40)


@pytest.fixture(scope="module")
def releases():
    return [generate(seed, claims=True) for seed in SEEDS]


def test_without_claims_the_release_is_what_it_was():
    for seed in (0, 7):
        plain, again = generate(seed), generate(seed, claims=False)
        assert plain.text == again.text and plain.claims == () and "claims" not in plain.to_json()
        with_claims = generate(seed, claims=True)
        assert with_claims.text != plain.text and with_claims.claims
        assert [t.title for t in with_claims.tables] == [t.title for t in plain.tables]


def test_each_claim_points_at_its_figure(releases):
    for synth in releases:
        lines = synth.text.split("\n")
        for claim in synth.claims:
            raw = lines[claim.line - 1]
            assert raw[claim.col - 1:].startswith(claim.text.split()[0]), (synth.seed, claim)
            assert claim.text.replace(" ", "") in claim.sentence.replace(" ", ""), (synth.seed, claim)


def test_the_key_says_what_each_figure_is(releases):
    claims = [c for s in releases for c in s.claims]
    truths = Counter(c.truth for c in claims)
    assert truths["true"] and truths["false"] and truths["trap"]
    kinds = {c.kind for c in claims}
    assert {"amount", "per-share", "compared", "change", "change-implicit", "share-of", "hedged", "trap-row",
            "goal"} <= kinds
    assert {c.error for c in claims if c.truth == "false"} == {"digit", "period"}
    assert all(c.row and c.period for c in claims if c.truth != "trap")


def test_the_table_key_still_holds_with_claims(releases):
    for synth in releases:
        lines = synth.text.split("\n")
        for number in synth.numbers:
            assert lines[number.line - 1][number.col - 1:number.end_col - 1] == number.display, (synth.seed, number)
