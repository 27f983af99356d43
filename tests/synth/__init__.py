"""Synthetic plain-text earnings releases with an exact answer key, for benchmarking the reader.

    from tests.synth import generate
    synth = generate(7)          # synth.text, synth.numbers, synth.relations, synth.tables
"""

from tests.synth.generate import generate
from tests.synth.truth import Number, Relation, Synth, TableTruth

__all__ = ["generate", "Synth", "Number", "Relation", "TableTruth"]
