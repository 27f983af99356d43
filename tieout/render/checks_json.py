"""Checks as JSON for tools (the shape other tools depend on; keep it).

    {"document": PATH,
     "summary": {"pass": P, "fail": F, "unverifiable": U},
     "checks": [{"rule", "status", "message", "lines", "expected", "actual", ...}]}

Extra keys (``slack``, ``facts``, ``spans``, ``document``, ``fact_details``) may
be added; none removed. ``facts`` lists the ids of the facts a check involves
(the total first); ``fact_details`` says for each of them, in the same order,
where it is and what it shows::

    {"id": 7, "document": "...", "table": "CONSOLIDATED BALANCE SHEET", "table_index": 0,
     "row_index": 7, "label": "Total assets", "column_index": 3,
     "column_header": "December 31, 1999 Pro Forma Combined", "period": "1999-12-31",
     "value": 88090000, "value_text": "88090000", "display": "88,090", "unit": "USD",
     "source": "table", "line": 26, "col": 79, "end_col": 85}

``value`` is a JSON number written with the exact digits of the decimal
(never through a float); ``value_text`` is the same as a string; both are
null for a blank cell.

Each check also carries its arithmetic as JSON numbers in base units (exact
digits, null where the rule has none, as for a claim): ``shown`` (the figure
checked), ``computed`` (what the other figures make it), ``difference``
(shown - computed) and ``allowance`` (how far apart rounding lets them be: a
check fails when ``|difference|`` exceeds it); the checked figure's ``table``
title, row ``label`` and ``column_header``; ``kind``: "check", or "derived" for
a figure the tables imply (implied recovery, a change in cash cost), which is
information, never a pass or fail; and ``see_also``: the indexes in ``checks``
of the other failures one change to one figure would clear with this one
(``shared_cause`` says which fact and what change). ``summary`` adds
``derived``, how many of the unverifiable are derived figures.
"""

from __future__ import annotations

import json
import re
import secrets
from decimal import Decimal

from tieout.checks.mining import is_derived
from tieout.model import Check, Fact, Report


def fact_detail(fact: Fact) -> dict:
    """One fact of a check: table, row, column (index and header as printed), period, value."""
    return {
        "id": fact.id,
        "document": fact.document,
        "table": fact.table,
        "table_index": fact.table_index,
        "row_index": fact.row_index,
        "label": fact.label,
        "column_index": fact.column_index,
        "column_header": fact.column_header,
        "period": fact.period,
        "value": fact.value if fact.value is not None and fact.value.is_finite() else None,
        "value_text": None if fact.value is None else format(fact.value, "f"),
        "display": fact.display,
        "unit": fact.unit,
        "source": fact.source,
        "line": fact.line,
        "col": fact.col,
        "end_col": fact.end_col,
    }


def check_to_dict(check: Check, report: Report | None = None) -> dict:
    out = {
        "rule": check.rule,
        "status": check.status,
        "message": check.message,
        "lines": check.lines,
        "expected": check.expected,
        "actual": check.actual,
        "slack": check.slack,
        "facts": list(check.facts),
        "spans": [[s.line, s.col, s.end_col] for s in check.spans],
        "document": check.document,
    }
    out.update(kind="derived" if is_derived(check) else "check", shown=check.shown, computed=check.computed,
               difference=None if check.shown is None or check.computed is None else check.shown - check.computed,
               allowance=check.allowance, table=None, label=None, column_header=None)
    if report is not None:
        facts = report.fact_records
        out["fact_details"] = [fact_detail(facts[i]) for i in check.facts if 0 <= i < len(facts)]
        if out["fact_details"]:
            first = out["fact_details"][0]
            out.update(table=first["table"], label=first["label"], column_header=first["column_header"])
    return out


def render_checks_json(report: Report, checks=None) -> str:
    from tieout.checks import summary
    from tieout.checks.causes import shared_causes

    checks = report.checks if checks is None else checks
    rendered = [check_to_dict(c, report) for c in checks]
    for entry in rendered:
        entry["see_also"], entry["shared_cause"] = [], None
    for cause in shared_causes(report, checks):
        for index in cause.checks:
            rendered[index]["see_also"] += [i for i in cause.checks if i != index]
            rendered[index]["shared_cause"] = {"fact": cause.fact, "change": cause.change}
    return dumps({
        "document": report.path,
        "summary": {**summary(checks), "derived": sum(1 for c in checks if is_derived(c))},
        "checks": rendered,
    }, indent=2)


def dumps(payload, **options) -> str:
    """``json.dumps`` with each ``Decimal`` written as a JSON number of exactly its digits.

    The json module writes numbers only from int and float; a Decimal becomes a
    placeholder string with a random token (no document text can contain it)
    and the placeholder is replaced by the number's text afterwards.
    """
    token = secrets.token_hex(12)
    numbers: list[str] = []

    def default(value):
        if isinstance(value, Decimal) and value.is_finite():
            numbers.append(format(value, "f"))
            return f"{token}:{len(numbers) - 1}"
        raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")

    text = json.dumps(payload, default=default, **options)
    if not numbers:
        return text
    return re.sub(f'"{token}:(\\d+)"', lambda m: numbers[int(m.group(1))], text)
