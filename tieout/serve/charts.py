"""Charts as Vega-Lite specifications, built with Altair from store rows.

Pure functions: rows in, a JSON-ready spec out; the page embeds the spec in a
JSON block and the vendored vega-embed draws it (with the CSP-safe expression
interpreter, so the server never needs ``'unsafe-eval'``).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import date

import altair as alt

MAX_ROWS = 60


def _float(text) -> float | None:
    try:
        return float(text)
    except (TypeError, ValueError):
        return None


def _unique_labels(labels: list[str]) -> list[str]:
    seen: Counter = Counter()
    out = []
    for label in labels:
        seen[label] += 1
        out.append(label if seen[label] == 1 else f"{label} ({seen[label]})")
    return out


def period_end(period: str | None) -> str | None:
    """The ISO date a period ends on ("1996-01-01/1996-03-31" -> "1996-03-31")."""
    if not period:
        return None
    end = period.split("/")[-1]
    return end if re.fullmatch(r"\d{4}-\d{2}-\d{2}", end) else None


def period_kind(period: str | None) -> str:
    """"instant", or the length of a duration in months ("3 months")."""
    if not period or "/" not in period:
        return "instant"
    try:
        start, end = (date.fromisoformat(p) for p in period.split("/"))
    except ValueError:
        return "duration"
    months = round((end - start).days / 30.44)
    return f"{months} months"


def table_chart(title: str, facts: list[dict]) -> dict | None:
    """A table's rows with its periods side by side (one bar per period), in the table's order."""
    rows = [f for f in facts if _float(f.get("value_text")) is not None]
    if not rows:
        return None
    unit = Counter(f.get("unit") or "" for f in rows).most_common(1)[0][0]
    rows = [f for f in rows if (f.get("unit") or "") == unit]
    order: dict[int, str] = {}
    for f in rows:
        order.setdefault(f["row_index"], f.get("label") or f"row {f['row_index']}")
    keep = list(order)[:MAX_ROWS]
    names = dict(zip(keep, _unique_labels([order[r] for r in keep])))
    columns_of: dict[str, set] = {}
    for f in rows:
        columns_of.setdefault(f.get("period") or "", set()).add(f["column_index"])

    def series(f: dict) -> str:
        """The period; the column's header too where several columns share it (a pro forma table)."""
        period = f.get("period") or ""
        if period and len(columns_of[period]) == 1:
            return period
        header = f.get("column_header") or f"column {f['column_index'] + 1}"
        return f"{header} ({period})" if period else header

    values = [{"row": names[f["row_index"]], "period": series(f),
               "value": _float(f["value_text"]), "shown": f.get("display") or "", "line": f.get("line")}
              for f in rows if f["row_index"] in names]
    n_periods = len({v["period"] for v in values})
    chart = alt.Chart(alt.Data(values=values), title=title or "table").mark_bar().encode(
        y=alt.Y("row:N", sort=list(names.values()), title=None, axis=alt.Axis(labelLimit=320)),
        x=alt.X("value:Q", title=unit or "value"),
        color=alt.Color("period:N", title="period"),
        yOffset="period:N",
        tooltip=[alt.Tooltip("row:N", title="row"), "period:N", alt.Tooltip("shown:N", title="as printed"),
                 alt.Tooltip("value:Q", format=",.10~g"), "line:Q"],
    ).properties(width=520, height=max(60, len(names) * (8 * n_periods + 6)))
    return chart.to_dict()


def trend_chart(label: str, series: list[dict]) -> dict | None:
    """One fact across a company's documents over time, one line per period length.

    Every value any document states is a point (so a restated or misread
    figure stands out beside the others), its tooltip saying where it was read
    (row, table, column, document, line); the line follows, for each period,
    the value of the latest filing. Only the most common unit is drawn.
    """
    points = []
    for f in series:
        end, value = period_end(f.get("period")), _float(f.get("value_text"))
        if end is None or value is None:
            continue
        points.append({"end": end, "value": value, "kind": period_kind(f.get("period")),
                       "period": f.get("period"), "shown": f.get("display") or "",
                       "document": f.get("name") or "", "form": f.get("form_type") or "",
                       "filed": f.get("filed") or "", "unit": f.get("unit") or "",
                       "table": f.get("table_title") or "", "column": f.get("column_header") or "",
                       "line": f.get("line"), "label": f.get("label") or "", "concept": f.get("concept") or ""})
    if not points:
        return None
    unit = Counter(p["unit"] for p in points).most_common(1)[0][0]
    points = [p for p in points if p["unit"] == unit]
    latest: dict[tuple[str, str], dict] = {}
    for p in sorted(points, key=lambda p: p["filed"]):
        latest[(p["end"], p["kind"])] = p
    line_values = sorted(latest.values(), key=lambda p: p["end"])
    x = alt.X("end:T", title="period end")
    y = alt.Y("value:Q", title=unit or "value")
    color = alt.Color("kind:N", title="period length")
    line = alt.Chart(alt.Data(values=line_values)).mark_line().encode(x=x, y=y, color=color)
    dots = alt.Chart(alt.Data(values=points)).mark_point(filled=True, size=60).encode(
        x=x, y=y, color=color,
        tooltip=["period:N", alt.Tooltip("shown:N", title="as printed"), alt.Tooltip("value:Q", format=",.10~g"),
                 alt.Tooltip("label:N", title="row"), "table:N", "column:N", "document:N", "line:Q",
                 "form:N", "filed:N"])
    return alt.layer(line, dots, title=label).properties(width=640, height=300).to_dict()


PRIMARY_STATEMENTS = ("balance", "operations", "cashflow")
_STATEMENT_TITLE = re.compile(r"statements? of|balance sheets?|financial (?:position|condition)", re.I)


def table_kind(table: dict) -> str:
    """What statement a stored table is ("balance", "operations", "cashflow", "highlights" ...),
    decided by the concepts stage's own rule on its title, note, headers and row labels."""
    from decimal import Decimal

    from tieout.concepts import statement_kind
    from tieout.model import Column, Row, Table

    columns = tuple(Column(k, c.get("header") or "", c.get("period"), 0, 0)
                    for k, c in enumerate(_loaded(table.get("columns"))))
    rows = tuple(Row(r.get("label") or "", tuple(r.get("path") or ()), r.get("indent") or 0, r.get("line") or 0,
                     r.get("label_line") or 0, ()) for r in _loaded(table.get("rows")))
    record = Table(document=table.get("document") or "", index=table.get("table_id") or 0,
                   title=table.get("title") or "", note=table.get("note") or "", scale=Decimal(1),
                   shares_scale=Decimal(1), first=table.get("first_line") or 0, last=table.get("last_line") or 0,
                   columns=columns, rows=rows)
    return statement_kind(record)


def default_table(tables: list[dict]) -> dict | None:
    """The table the charts page opens on: the first primary statement (balance sheet,
    operations, cash flows), else the first table with rows of numbers, else the first."""
    if not tables:
        return None
    primary = [t for t in tables if table_kind(t) in PRIMARY_STATEMENTS]
    # a table titled as a statement before one only shaped like it (selected financial data)
    titled = [t for t in primary if _STATEMENT_TITLE.search(t.get("title") or "")]
    if titled or primary:
        return (titled or primary)[0]
    return next((t for t in tables if _loaded(t.get("rows"))), tables[0])


def _loaded(value) -> list:
    """A JSON column of the store (``tables.rows``, ``tables.columns``) as a list."""
    return json.loads(value) if isinstance(value, str) else list(value or [])


_COST = re.compile(r"\bcost", re.I)
_GRADE = re.compile(r"grade|recovery|price", re.I)
_PRODUCTION = re.compile(r"production|produced|ounces|\boz\b|tons (?:milled|shipped|mined)", re.I)


def mine_of(fact: dict) -> str:
    """The mine a per-mine figure belongs to: the outermost heading of its row, else its table."""
    path = [p for p in (fact.get("path") or []) if p]
    return path[0] if path else (fact.get("table_title") or "")


def mining_chart(facts: list[dict]) -> dict | None:
    """Production and cash cost by mine: one panel per measure, one bar per mine and period."""
    values = []
    for f in facts:
        label, value = f.get("label") or "", _float(f.get("value_text"))
        if value is None or _GRADE.search(label):
            continue
        unit = f.get("unit") or ""
        if _COST.search(label):
            measure = "cost"
        elif _PRODUCTION.search(label) or (re.search(r"oz|ton", unit, re.I) and "/" not in unit):
            measure = "production"
        else:
            continue
        mine = mine_of(f)
        if not mine:
            continue
        values.append({"measure": f"{measure}: {label}" + (f" ({unit})" if unit else ""), "mine": mine,
                       "period": f.get("period") or "", "value": value, "shown": f.get("display") or "",
                       "line": f.get("line")})
    if not values:
        return None
    measures = [m for m, _ in Counter(v["measure"] for v in values).most_common(12)]
    measures.sort(key=lambda m: (m.startswith("cost"), m))
    values = [v for v in values if v["measure"] in measures]
    chart = alt.Chart(alt.Data(values=values)).mark_bar().encode(
        y=alt.Y("mine:N", title=None, axis=alt.Axis(labelLimit=240)),
        x=alt.X("value:Q", title=None),
        color=alt.Color("period:N"),
        yOffset="period:N",
        tooltip=["mine:N", "measure:N", "period:N", alt.Tooltip("shown:N", title="as printed"), "line:Q"],
    ).properties(width=420, height=alt.Step(10)).facet(
        row=alt.Row("measure:N", title=None, sort=measures, header=alt.Header(labelAngle=0, labelAlign="left", labelLimit=400)),
    ).resolve_scale(x="independent", y="independent")
    return chart.to_dict()
