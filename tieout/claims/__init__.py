"""Stage: narrative claims. Read the numbers a release's prose states, and tie each to its table.

Auditors "tick and tie" a release: every figure in the text is traced to the
statement that holds it. This stage does that for plain-text EDGAR filings:

    find_claims(report)  -> (claims, problems)   the figures the paragraphs state
    check_claims(report) -> checks               one "claim" Check per claim:
                                                 pass / fail / unverifiable

The pieces, each a small pure function (see docs.md):

    text      paragraph blocks -> passages (one line, mapped back to source columns) -> sentences
    figures   sentence -> figures with unit and the interval the wording admits
    periods   period phrases -> ISO periods of the document's table columns
    extract   figures + phrases -> Claims (kind, about, sign, period, base period)
    link      Claims + Facts -> Checks (value first, then meaning and period)
"""

from __future__ import annotations

from collections.abc import Iterable

from tieout.claims.extract import find_claims
from tieout.claims.link import claims_to_checks
from tieout.claims.settings import ClaimSettings
from tieout.model import Check, Report

__all__ = ["find_claims", "check_claims", "ClaimSettings"]


def check_claims(report: Report) -> Iterable[Check]:
    """One Check (rule "claim") per narrative claim of ``report``.

    Uses ``report.claims`` when the loader has found them, else finds them here.
    """
    claims = report.claims
    if not claims and report.blocks:
        claims, _ = find_claims(report)
    return claims_to_checks(claims, report)
