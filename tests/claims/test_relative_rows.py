"""A row that measures the row above it ("Percentage of net sales" under "Gross margin") is no
target for a typo verdict: its label does not say what it is a percentage of."""

from decimal import Decimal

from tieout.claims.nearmiss import near_miss
from tieout.model import Claim, Fact


def _fact(label: str) -> Fact:
    return Fact(id=0, document="d", table="t", table_index=0, row_index=1, column_index=0, label=label, path=(),
                period="1994", value=Decimal("25.5"), unit="%", display="25.5%", scale=Decimal(1),
                scale_source="none", decimals=1, line=10, col=5, end_col=10)


def _claim() -> Claim:
    return Claim(id=0, document="d", sentence="International net sales were 46% of net sales in 1994.", text="46%",
                 value=Decimal(46), unit="%", low=Decimal("45.5"), high=Decimal("46.5"), qualifier="",
                 about="net sales", period="1994", line=3, col=1, end_col=4)


def test_percentage_of_row_gives_no_typo_verdict():
    assert near_miss(_claim(), _fact("Percentage of net sales"), False) is None
    assert near_miss(_claim(), _fact("As a % of sales"), False) is None


def test_a_row_that_names_its_measure_still_does():
    assert near_miss(_claim(), _fact("Gross margin percentage"), False) is not None
