"""tieout.records: the fast constructors build exactly the records the dataclasses build."""

import dataclasses
from decimal import Decimal

import pytest

from tieout.model import Block, Cell, Fact, Line, Report, Row
from tieout.records import record_maker, record_replacer
from tieout.tables.cells import RawCell, SplitLine

FACT = dict(id=3, document="10-Q#1", table="Balance sheet", table_index=0, row_index=2, column_index=1,
            label="Cash", path=("ASSETS",), period="1996-03-31", value=Decimal("5018000"), unit="USD",
            display="5,018", scale=Decimal(1000), scale_source="note", decimals=0, line=40, col=51, end_col=56)


def test_maker_equals_the_constructor_with_keywords_positions_and_defaults():
    make = record_maker(Fact)
    fact = make(**FACT)
    assert fact == Fact(**FACT) and type(fact) is Fact
    assert fact.concept == "" and fact.source == "table"  # the defaults
    assert make(*FACT.values(), "cash", "ex27") == Fact(*FACT.values(), "cash", "ex27")
    assert record_maker(Block)("table", "d", 1, 2, ()) == Block("table", "d", 1, 2, ())
    assert record_maker(Cell)("(2)", Decimal(-2), 0, False, 1, 2, 5) == Cell("(2)", Decimal(-2), 0, False, 1, 2, 5)
    assert record_maker(Row)("Cash", (), 0, 4, 4, (None,)) == Row("Cash", (), 0, 4, 4, (None,))
    assert record_maker(Line)(1, "a", "a") == Line(1, "a", "a")
    raw = record_maker(RawCell)(display="1", value=Decimal(1), decimals=0, nil=False, start=3, end=4)
    assert raw == RawCell("1", Decimal(1), 0, False, 3, 4)
    assert record_maker(SplitLine)("Cash", 5, (raw,)) == SplitLine("Cash", 5, (raw,))


def test_made_records_stay_frozen_and_hashable():
    fact = record_maker(Fact)(**FACT)
    with pytest.raises(dataclasses.FrozenInstanceError):
        fact.label = "Other"
    assert hash(fact) == hash(Fact(**FACT))


def test_maker_rejects_missing_or_unknown_arguments():
    with pytest.raises(TypeError):
        record_maker(Fact)(id=1)
    with pytest.raises(TypeError):
        record_maker(Block)("table", "d", 1, 2, (), (), "extra")


def test_replacer_equals_dataclasses_replace():
    fact = Fact(**FACT)
    replace = record_replacer(Fact)
    assert replace(fact, concept="cash") == dataclasses.replace(fact, concept="cash")
    assert replace(fact, id=9, source="ex27") == dataclasses.replace(fact, id=9, source="ex27")
    assert replace(fact) == fact and replace(fact) is not fact
    with pytest.raises(TypeError):
        replace(fact, colour="red")


def test_only_plain_frozen_slots_dataclasses_are_taken():
    @dataclasses.dataclass
    class Mutable:
        x: int

    @dataclasses.dataclass(frozen=True, slots=True)
    class Checked:
        x: int

        def __post_init__(self):
            assert self.x >= 0

    @dataclasses.dataclass(frozen=True, slots=True)
    class Factory:
        xs: list = dataclasses.field(default_factory=list)

    for cls in (Mutable, Checked, Factory):
        with pytest.raises(TypeError):
            record_maker(cls)
    assert record_maker(Report)  # a field with a plain default is fine
