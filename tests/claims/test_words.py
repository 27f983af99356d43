"""Label words: a parenthesised alternative joins the word printed before it, whatever the hash seed."""

import subprocess
import sys

from tieout.claims.words import label_to_groups


def test_parenthesised_alternative_joins_the_word_printed_before_it():
    assert label_to_groups("Basic earnings (loss) per share") == (
        frozenset({"basic"}), frozenset({"income", "loss"}), frozenset({"share"}))
    assert label_to_groups("Interest and other income (expense), net") == (
        frozenset({"interest"}), frozenset({"income", "expense"}))


def test_label_groups_do_not_depend_on_the_hash_seed():
    # a set's order changes with PYTHONHASHSEED; the grouping once took "the last word" from one, so
    # "Basic earnings (loss)" sometimes read as "basic (loss)" and Basic vs Diluted ties flipped between runs
    code = ("from tieout.claims.words import label_to_groups as g; "
            "print([sorted(x) for x in g('Basic earnings (loss) per share')])")
    outputs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                              env={"PYTHONHASHSEED": str(seed), "PATH": ""}).stdout for seed in range(6)}
    assert outputs == {"[['basic'], ['income', 'loss'], ['share']]\n"}
