"""Checks as JSON for tools (the shape other tools depend on; keep it).

    {"document": PATH,
     "summary": {"pass": P, "fail": F, "unverifiable": U},
     "checks": [{"rule", "status", "message", "lines", "expected", "actual", ...}]}

Extra keys (``slack``, ``facts``, ``spans``, ``document``) may be added; none removed.
"""

from __future__ import annotations

import json

from tieout.model import Check, Report


def check_to_dict(check: Check) -> dict:
    return {
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


def render_checks_json(report: Report, checks=None) -> str:
    from tieout.checks import summary

    checks = report.checks if checks is None else checks
    return json.dumps({
        "document": report.path,
        "summary": summary(checks),
        "checks": [check_to_dict(c) for c in checks],
    }, indent=2)
