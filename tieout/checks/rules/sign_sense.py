"""Rule "sign-sense": a quantity that cannot be negative, shown negative.

Ounces and tons produced, ore grades, prices and unit costs per ounce, pound or ton, and
shares outstanding are never below zero. Shown in parentheses or with a minus, the figure
is a typo or a misread; either way the row cannot stand as printed. Rows that may be
negative by what they say are left alone: changes, increases and decreases, variances,
differences, adjustments, credits and the amounts a label subtracts ("Less ...").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from tieout.model import Check, Report

RULE = "sign-sense"
_NEVER_NEGATIVE = {"oz": "ounces", "ton": "tons", "lb": "pounds", "oz/ton": "an ore grade", "g/t": "an ore grade",
                   "USD/oz": "a price or cost per ounce", "USD/lb": "a price or cost per pound",
                   "USD/ton": "a cost per ton"}
_MAY_BE_NEGATIVE = re.compile(r"chang|increas|decreas|varian|differen|adjust|credit|less\b|net\b|gain|loss|"
                              r"reduction|reversal|write|impact|effect|hedg", re.IGNORECASE)
_OUTSTANDING = re.compile(r"\bshares\b.*\boutstanding\b|\boutstanding\b.*\bshares\b", re.IGNORECASE)


def check_sign_sense(report: Report) -> Iterable[Check]:
    for fact in report.fact_records:
        if fact.value is None or fact.value >= 0 or fact.source != "table":
            continue
        what = _NEVER_NEGATIVE.get(fact.unit)
        if what is None and fact.unit == "shares" and _OUTSTANDING.search(fact.label):
            what = "a count of shares outstanding"
        if what is None or _MAY_BE_NEGATIVE.search(" ".join((fact.label, *fact.path, fact.column_header))):
            continue
        yield Check(RULE, "fail", f"{fact.label or 'row'} is shown negative ({fact.display}): {what} cannot be "
                                  f"below zero (a typo, or the row is misread)",
                    (fact.span,), actual=fact.display, facts=(fact.id,), document=fact.document)
