"""The literal prefilters of the claims regexes never skip a match.

A pattern is skipped when the folded text lacks a needle every match contains
(``text.may_match``), or tried only where one of the literals every match starts
with occurs (``text.search_at``). Both are sound only if the needle lists agree
with their patterns, so this checks them two ways:

* strings are generated from each pattern itself (its parse tree, letters in
  random case, ``\\s`` as a space, tab or newline), and every match found in them
  must contain the needles, or start with one of the starts;
* on the fixture texts, the example release and generated sentences, the stage
  functions give what they give with the prefilters off (``folded`` returning
  None turns every prefilter off); quantities, tried only before a unit word,
  are those ``finditer`` finds.
"""

from __future__ import annotations

import random
import re
import zlib
from pathlib import Path

import pytest

from tests.claims.helpers import FIXTURES
from tieout.claims import extract, figures, periods
from tieout.claims.extract import RESPECTIVELY
from tieout.claims.text import folded, may_match
from tieout.claims.words import (
    DELTA_LEAD, DELTA_STARTS, FORWARD_RE, FORWARD_STARTS, SUBJECT_CUT, SUBJECT_CUT_NEEDLES,
)

try:
    from re import _constants as C, _parser as sre_parse
except ImportError:  # Python < 3.11
    import sre_constants as C  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

REPO = Path(__file__).resolve().parents[2]

NEEDLES = {
    "figures._MONEY": (figures._MONEY, figures._MONEY_NEEDLES),
    "figures._CENTS": (figures._CENTS, figures._CENTS_NEEDLES),
    "figures._PERCENT": (figures._PERCENT, figures._PERCENT_NEEDLES),
    "figures._QUANTITY": (figures._QUANTITY, figures._QUANTITY_NEEDLES),
    "figures._MULTIPLE": (figures._MULTIPLE, figures._MULTIPLE_NEEDLES),
    "words.SUBJECT_CUT": (SUBJECT_CUT, SUBJECT_CUT_NEEDLES),
    **{f"periods.PATTERNS[{i}] {kind}": (pattern, needles)
       for i, (kind, pattern, needles) in enumerate(periods.PATTERNS)},
}
STARTS = {
    "figures._ANCHOR": (figures._ANCHOR, figures._ANCHOR_STARTS),
    "words.FORWARD_RE": (FORWARD_RE, FORWARD_STARTS),
    "words.DELTA_LEAD": (DELTA_LEAD, DELTA_STARTS),
    "extract._NEGATION": (extract._NEGATION, ("no",)),
    "extract.RESPECTIVELY": (RESPECTIVELY, ("respectively",)),
}

_SPACES = " \t\n"
_PRINTABLE = [chr(c) for c in range(32, 127)]


def _chars(items, rng: random.Random) -> str:
    """One character of a character class (``IN``)."""
    negate = any(op is C.NEGATE for op, _ in items)
    pool: list[str] = []
    for op, av in items:
        if op is C.LITERAL:
            pool.append(chr(av))
        elif op is C.RANGE:
            pool.extend(chr(c) for c in range(av[0], av[1] + 1))
        elif op is C.CATEGORY:
            pool.extend({C.CATEGORY_DIGIT: "0123456789", C.CATEGORY_SPACE: _SPACES,
                         C.CATEGORY_WORD: "abcxyzABCXYZ019_"}.get(av, ""))
    if negate:  # a guess: strings the class rejects are dropped when the pattern does not match them
        pool = [c for c in _PRINTABLE if c not in pool]
    return rng.choice(pool or ["#"])


def generate(tree, rng: random.Random) -> str:
    """A string following the parse tree (assertions ignored: the caller keeps only real matches)."""
    out = []
    for op, av in tree:
        if op is C.LITERAL:
            out.append(chr(av))
        elif op is C.NOT_LITERAL:
            out.append(rng.choice([c for c in _PRINTABLE if ord(c) != av]))
        elif op is C.ANY:
            out.append(rng.choice(_PRINTABLE))
        elif op is C.IN:
            out.append(_chars(av, rng))
        elif op is C.BRANCH:
            out.append(generate(rng.choice(av[1]), rng))
        elif op is C.SUBPATTERN:
            out.append(generate(av[-1], rng))
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", C.MAX_REPEAT)):
            low, high, sub = av
            count = rng.randint(low, min(high, low + 3))
            out.extend(generate(sub, rng) for _ in range(count))
        elif op is getattr(C, "ATOMIC_GROUP", None):
            out.append(generate(av, rng))
        # AT, ASSERT, ASSERT_NOT: nothing to produce
    return "".join(out)


def _random_case(text: str, rng: random.Random) -> str:
    return "".join(c.upper() if rng.random() < 0.3 else c for c in text)


def samples(pattern: re.Pattern, seed: int, count: int = 400):
    """(text, match) pairs: generated strings with some context around them, and the matches found there."""
    rng = random.Random(seed)
    tree = sre_parse.parse(pattern.pattern, pattern.flags)
    found = []
    for _ in range(count):
        text = generate(tree, rng)
        if pattern.flags & re.I:
            text = _random_case(text, rng)
        text = rng.choice(["", " ", "was ", "(", "the x "]) + text + rng.choice(["", " ", ".", " and more", "x"])
        found.extend((text, m) for m in pattern.finditer(text))
    return found


@pytest.mark.parametrize("name", sorted(NEEDLES))
def test_every_match_contains_the_needles(name):
    pattern, groups = NEEDLES[name]
    found = samples(pattern, seed=zlib.crc32(name.encode()))
    assert len(found) > 50, f"{name}: too few generated strings match ({len(found)})"
    for text, match in found:
        assert may_match(folded(match.group()), groups), f"{name}: {match.group()!r} lacks a needle of {groups}"


@pytest.mark.parametrize("name", sorted(STARTS))
def test_every_match_starts_with_a_start(name):
    pattern, starts = STARTS[name]
    found = samples(pattern, seed=zlib.crc32(name.encode()))
    assert len(found) > 50, f"{name}: too few generated strings match ({len(found)})"
    for text, match in found:
        assert folded(text)[match.start():].startswith(tuple(starts)), f"{name}: {match.group()!r}"


def _texts() -> list[str]:
    """Fixture paragraphs, the example release and sentences made of generated phrases."""
    texts = []
    for path in sorted(FIXTURES.glob("*.txt")) + [REPO / "examples" / "northwind-1997-q2-release.txt"]:
        text = path.read_text(errors="replace")
        texts.extend(chunk for chunk in text.split("\n\n") if chunk.strip())
        texts.extend(line for line in text.splitlines() if line.strip())
    rng = random.Random(7)
    parts = [text for pattern, _ in list(NEEDLES.values()) + list(STARTS.values())
             for text, _ in samples(pattern, seed=11, count=40)]
    for _ in range(400):
        texts.append(" ".join(rng.sample(parts, 4)))
    return texts


def test_stage_functions_agree_with_prefilters_off(monkeypatch):
    texts = _texts()
    assert len(texts) > 500
    on = [(figures.may_have_figures(t), figures.text_to_figures(t), periods.text_to_phrases(t)) for t in texts]
    monkeypatch.setattr(figures, "folded", lambda text: None)
    monkeypatch.setattr(periods, "folded", lambda text: None)
    off = [(figures.may_have_figures(t), figures.text_to_figures(t), periods.text_to_phrases(t)) for t in texts]
    for text, a, b in zip(texts, on, off):
        assert a == b, text
    assert any(a[1] for a in on) and any(a[2] for a in on)


def test_quantities_are_tried_where_they_can_start():
    found = samples(figures._QUANTITY, seed=5, count=1000)
    assert len(found) > 500
    for text, _ in found:
        fast = figures._quantities(text, 0, len(text), folded(text))
        assert [m.span() for m in fast] == [m.span() for m in figures._QUANTITY.finditer(text)], text


def test_search_at_agrees_with_search():
    from tieout.claims.text import search_at
    for text in _texts():
        for pattern, starts in STARTS.values():
            assert search_at(pattern, text, folded(text), starts) == (pattern.search(text) is not None), text


def test_folded_keeps_offsets_and_turns_whitespace_into_spaces():
    assert folded("Net\tLoss\n$1") == "net loss $1"
    assert folded("a\x1cb") == "a b"
    assert folded("caf\u00e9") is None  # not ASCII: not prefiltered
