"""Chart specifications (tieout.serve.charts): pure functions from store rows to Vega-Lite."""

from __future__ import annotations

import json

import pytest

from tieout.serve.charts import mining_chart, period_end, period_kind, table_chart, trend_chart


def test_periods():
    assert period_end("1996-01-01/1996-03-31") == "1996-03-31"
    assert period_end("1996-03-31") == "1996-03-31"
    assert period_end("1996") is None and period_end(None) is None
    assert period_kind("1996-01-01/1996-03-31") == "3 months"
    assert period_kind("1995-09-30/1996-09-27") == "12 months"
    assert period_kind("1996-03-31") == "instant"


def fact(row, col, label, period, value, unit="USD"):
    return {"row_index": row, "column_index": col, "label": label, "period": period, "value_text": value,
            "unit": unit, "display": value, "line": row}


def test_table_chart_keeps_row_order_and_one_bar_per_period():
    facts = [fact(0, 0, "Sales", "1996", "10"), fact(0, 1, "Sales", "1995", "8"),
             fact(1, 0, "Total", "1996", "12"), fact(1, 1, "Total", "1995", "9"),
             fact(2, 0, "Total", "1996", "1"), fact(3, 0, "Margin", "1996", "5", unit="%")]
    spec = table_chart("Income <b>", facts)
    assert spec["title"] == "Income <b>"
    rows = spec["data"]["values"]
    assert [r["row"] for r in rows] == ["Sales", "Sales", "Total", "Total", "Total (2)"]  # % row left out
    assert spec["encoding"]["y"]["sort"] == ["Sales", "Total", "Total (2)"]
    assert spec["$schema"].startswith("https://vega.github.io/schema/vega-lite/v6")
    json.dumps(spec)


def test_trend_chart_draws_every_value_and_follows_the_latest_filing():
    series = [
        {"period": "1995-01-01/1995-12-31", "value_text": "100", "unit": "USD", "filed": "1996-03-01", "name": "a"},
        {"period": "1995-01-01/1995-12-31", "value_text": "90", "unit": "USD", "filed": "1997-03-01", "name": "b"},
        {"period": "1996-01-01/1996-12-31", "value_text": "120", "unit": "USD", "filed": "1997-03-01", "name": "b"},
        {"period": "1996", "value_text": "1", "unit": "USD", "filed": "1997-03-01", "name": "b"},
    ]
    spec = trend_chart("Net sales", series)
    line, dots = spec["layer"]
    assert [v["value"] for v in line["data"]["values"]] == [90.0, 120.0]  # restated 1995 value wins
    assert len(dots["data"]["values"]) == 3
    assert trend_chart("x", []) is None


def test_mining_chart_on_the_seed(seed_path):
    import tieout
    from tieout.store import report_rows

    report = tieout.read(seed_path)
    if not report.fact_records:
        pytest.skip("the reader gives no facts for the seed yet")
    facts = report_rows(report)["facts"]
    spec = mining_chart(facts)
    assert spec is not None
    values = spec["data"]["values"]
    mines = {v["mine"] for v in values}
    assert {"LA CHOYA UNIT", "GROUSE CREEK", "LUCKY FRIDAY UNIT"} <= {m.upper() for m in mines}
    measures = {v["measure"].split(":")[0] for v in values}
    assert measures == {"production", "cost"}
    assert any("cash cost" in v["measure"].lower() for v in values)
