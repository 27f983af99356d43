"""The claims and EX-27 patterns that backtracked quadratically run in linear time on 50,000-character strings.

``_SHARE_IN_PATH`` (now ``share_in_path``), ``_UNIT_PAREN`` (now ``words._parens``), ``figures._PER`` and
``ex27._NUMBER`` took seconds to minutes on a long run of one character; the literal prefilters
(``text.search_at`` tries a match at every occurrence of a literal) must stay linear too. Each is run in a
subprocess with a generous timeout: a hang guard, not a speed assertion (a linear pattern needs milliseconds).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
N = 50_000
TIMEOUT = 20

STRINGS = (
    '{"spaces": " " * N, "tabs": "\\t" * N, "letters": "x" * N, "open parens": "(" * N, "close parens": ")" * N,'
    ' "digits": "1" * N, "digits then x": "1" * N + "x", "digits dot digits": "1" * N + "." + "1" * N + "%%",'
    ' "dollar spaces": "$" + " " * N + "x", "paren spaces": "(" + " " * N, "percent spaces": "1%" + " " * N,'
    ' "percents": "1%" * (N // 2), "open x": "(x" * (N // 2), "per spaces": "per" + " " * N + "x",'
    ' "pers": "per " * (N // 4), "class a": "class a " * (N // 8), "per common": "per " + "common " * (N // 7),'
    ' "a": "a " * (N // 2), "diluted": "(diluted) " * (N // 10), "digit dots": "1." * (N // 2),'
    ' "tons": "ton" * (N // 3), "bys": "by " * (N // 3), "by spaces": ("by" + " " * 99) * (N // 101),'
    ' "shares": "1 shares " * (N // 9), "word shares": "a" * N + " shares" * 9, "digits shares": "1" * N + " shares"}'
)

CASES = {
    "share_in_path": (
        "from tieout.claims.link import share_in_path, _SHARE_TAIL",
        "share_in_path(s); _SHARE_TAIL.search(s); list(_SHARE_TAIL.finditer(s))",
    ),
    "unit parentheses": (
        "from tieout.claims.words import _parens, label_to_groups",
        "list(_parens(s)); label_to_groups(s)",
    ),
    "_PER": (
        "from tieout.claims.figures import _PER",
        "_PER.match(s); _PER.search(s); list(_PER.finditer(s))",
    ),
    "literal prefilters": (
        "from tieout.claims.figures import _quantities, may_have_figures\n"
        "from tieout.claims.text import folded, search_at\n"
        "from tieout.claims.words import DELTA_LEAD, DELTA_STARTS, FORWARD_RE, FORWARD_STARTS",
        "may_have_figures(s); search_at(DELTA_LEAD, s, folded(s), DELTA_STARTS); "
        "search_at(FORWARD_RE, s, folded(s), FORWARD_STARTS); _quantities(s, 0, len(s), folded(s))",
    ),
    "ex27 _NUMBER": (
        "from tieout.ex27 import _NUMBER, parse_number",
        "_NUMBER.fullmatch(s); _NUMBER.match(s); _NUMBER.search(s); list(_NUMBER.finditer(s)); parse_number(s)",
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_pattern_finishes_on_adversarial_strings(name: str) -> None:
    imports, calls = CASES[name]
    code = (f"N = {N}\n{imports}\nfor s in ({STRINGS}).values():\n    {calls}\nprint('done')\n")
    try:
        done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True,
                              timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{name} did not finish within {TIMEOUT} s on {N:,}-character strings (quadratic?)")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "done"
