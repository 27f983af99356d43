"""Settings of the claims stage, as one validated dataclass (pdfplumber's TableSettings habit)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class ClaimSettings:
    """Knobs for reading and tying narrative claims.

    ``context_chars``: how much of the paragraph (after its heading) scopes a claim's
    meaning (mine and segment names). ``magnitude_gate``: a claim is only called
    wrong against a row it names when the two are within this factor of each other;
    beyond it the claim is more likely about something else (a reserve, a market)
    and is left unverifiable. This is a plausibility filter for *blaming* a row,
    never a tolerance for passing one. ``tie_margin``: how far the best-worded row
    must score above any row that means something else for a claim to be tied to
    it by its words alone (and so fail when its value misses). ``blame_gate``: a figure
    of two or more significant digits that misses the row it names by more than a typing
    slip fails only within this factor of the row's value; a figure under half or over twice
    the row is more likely a part of it or another measure ("the premiums earned by
    assumption", "paid income taxes of") and is left unverifiable with the difference shown
    (a one-digit figure, "6 cents" for 1 cent, is always one slip away).
    """

    context_chars: int = 600
    magnitude_gate: Decimal = Decimal(20)
    tie_margin: float = 1.0
    blame_gate: Decimal = Decimal(2)

    def __post_init__(self) -> None:
        if self.context_chars < 0:
            raise ValueError("context_chars must be >= 0")
        if self.magnitude_gate < 1 or self.blame_gate < 1:
            raise ValueError("magnitude_gate and blame_gate must be >= 1")
