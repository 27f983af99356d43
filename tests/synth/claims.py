"""Narrative claims with an exact answer key: sentences that state the tables' figures, true or false.

Why: the claims stage ties each figure the prose states to the row it names, or
flags it, and a false "fail" on a clean release is the worst thing it can do. The
corpus has no key for its prose; these paragraphs do. Each figure written here is
recorded as a ``ClaimTruth``:

* ``true``: the figure the tables print for the row and period the sentence names,
  at the precision it is written (plain, hedged, per share, a percent change, a
  share of revenue, a figure compared with another period's, fiscal quarters named
  as the company's calendar names them);
* ``false``: one digit of a true figure changed, or another period's figure of the
  same row stated for this one (``error``: "digit", "period");
* ``trap``: a figure about something no table holds (rent expense, backlog,
  non-performing assets) whose value is one slip from, or equal to, a row the
  sentence does not name; or a goal ("strive for an efficiency ratio below 50%").
  Nothing can verify it, and it must never fail.

``detectable`` says whether a false figure's interval misses the interval the table
allows (the figure as printed, with its rounding), the same test the checker uses:
a false figure the rounding still admits cannot be caught and is not counted.

Drawn with their own ``random.Random``, so a release generated without claims is
byte for byte what it was.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal

from tests.synth.fiscal import ORDINALS, Span, full_date

MARK = "\x01"  # glued to a figure's first character while the paragraph is wrapped, to find it again


@dataclass
class _Figure:
    text: str  # as written, without hedge
    value: Decimal  # the value it states (base units, or percent points)
    low: Decimal
    high: Decimal


def _money(value: Decimal) -> _Figure:
    """A money figure written the way releases do: "$11.9 million", "$462,630"; its interval."""
    magnitude = abs(value)
    if magnitude >= 10 ** 9:
        shown = (magnitude / 10 ** 9).quantize(Decimal("0.1"), ROUND_HALF_UP)
        return _Figure(f"${shown} billion", shown * 10 ** 9, (shown - Decimal("0.05")) * 10 ** 9,
                       (shown + Decimal("0.05")) * 10 ** 9)
    if magnitude >= 10 ** 6:
        shown = (magnitude / 10 ** 6).quantize(Decimal("0.1"), ROUND_HALF_UP)
        return _Figure(f"${shown} million", shown * 10 ** 6, (shown - Decimal("0.05")) * 10 ** 6,
                       (shown + Decimal("0.05")) * 10 ** 6)
    shown = magnitude.quantize(Decimal(1), ROUND_HALF_UP)
    return _Figure(f"${shown:,}", shown, shown - Decimal("0.5"), shown + Decimal("0.5"))


def _per_share(value: Decimal) -> _Figure:
    magnitude = abs(value)
    if magnitude < 1:
        cents = int((magnitude * 100).to_integral_value(ROUND_HALF_UP))
        shown = Decimal(cents) / 100
        return _Figure(f"{cents} cent{'s' if cents != 1 else ''}", shown, shown - Decimal("0.005"),
                       shown + Decimal("0.005"))
    shown = magnitude.quantize(Decimal("0.01"), ROUND_HALF_UP)
    return _Figure(f"${shown}", shown, shown - Decimal("0.005"), shown + Decimal("0.005"))


def _percent(value: Decimal, places: int) -> _Figure:
    quantum = Decimal(1).scaleb(-places)
    shown = abs(value).quantize(quantum, ROUND_HALF_UP)
    return _Figure(f"{shown}%", shown, shown - quantum / 2, shown + quantum / 2)


def _slip(rng: random.Random, text: str) -> str | None:
    """``text`` with one digit changed (not the leading one of a one-significant-digit figure), else None."""
    positions = [i for i, ch in enumerate(text) if ch.isdigit()]
    significant = [i for i in positions if text[i] != "0" or i != positions[0]]
    if len([i for i in positions if text[i] != "0"]) < 2:
        return None
    at = rng.choice(significant)
    choices = [d for d in "0123456789" if d != text[at] and not (at == positions[0] and d == "0")]
    return text[:at] + rng.choice(choices) + text[at + 1:]


def _value_of(text: str, like: _Figure) -> _Figure:
    """The figure ``text`` (a slip of ``like``) states, with the same precision."""
    digits = "".join(ch for ch in text if ch.isdigit() or ch == ".")
    old = "".join(ch for ch in like.text if ch.isdigit() or ch == ".")
    ratio = Decimal(digits) / Decimal(old)
    width = like.high - like.low
    value = like.value * ratio
    return _Figure(text, value, value - width / 2, value + width / 2)


def _meets(a: tuple[Decimal, Decimal], b: tuple[Decimal, Decimal]) -> bool:
    low, high = max(a[0], b[0]), min(a[1], b[1])
    return low < high or (low == high and (a[0] == a[1] or b[0] == b[1]))


@dataclass
class _Cell:
    label: str
    value: Decimal  # base units, sign as printed
    low: Decimal
    high: Decimal


class _Rows:
    """The income statement's figures by row key and column."""

    def __init__(self, table):
        spec, printed = table.spec, table.rendered.printed
        self.columns = [c.span for c in spec.columns]
        self.cells: dict[str, list[_Cell | None]] = {}
        quantum = Decimal(table.printing.money_quantum)
        for r, row in enumerate(spec.rows):
            if row.heading:
                continue
            out = []
            for c in range(len(spec.columns)):
                p = printed.get((r, c))
                if p is None or p.nil:
                    out.append(None)
                    continue
                half = quantum / 2 if p.unit == "USD" else (Decimal("0.005") if p.unit == "USD/share" else 0)
                out.append(_Cell(row.label, p.value, p.value - half, p.value + half))
            self.cells[row.key] = out

    def get(self, key: str, column: int) -> _Cell | None:
        cells = self.cells.get(key)
        return cells[column] if cells and column < len(cells) else None


SUBJECTS = {  # row key -> how prose names it
    "revenue": ("Revenues", "Net sales", "Sales"), "net_interest": ("Net interest income",),
    "gross": ("Gross profit",), "operating": ("Operating income",), "sga": ("Selling, general and administrative "
                                                                            "expenses",),
    "rnd": ("Research and development expenses",), "pretax": ("Income before income taxes", "Pretax income"),
    "net_income": ("Net income", "Net earnings"), "interest_expense": ("Interest expense",),
    "cost": ("Cost of sales",), "provision": ("The provision for loan losses",),
}
TRAPS = (("Rent expense", ("sga", "opex", "costs", "cost")), ("Order backlog", ("revenue",)),
         ("Capital spending on the new plant", ("operating", "gross")),
         ("Non-performing assets", ("net_income", "provision")), ("Net charge-offs", ("net_income",)),
         ("Total market capitalization", ("revenue", "net_interest")))


class Writer:
    """Sentences about one release, each figure marked and its truth kept in order."""

    def __init__(self, rng: random.Random, rows: _Rows, periods, fiscal_names: bool, abbreviated: bool):
        self.rng = rng
        self.rows = rows
        self.periods = periods
        self.fiscal_names = fiscal_names
        self.abbreviated = abbreviated
        self.truths: list[dict] = []
        self.sentence: list[dict] = []

    # -- figures

    def figure(self, shown: _Figure, truth: str, kind: str, cell: _Cell | None, period: Span | None,
               error: str = "", detectable: bool = True) -> str:
        self.sentence.append(dict(text=shown.text, truth=truth, kind=kind, error=error, detectable=detectable,
                                  row=cell.label if cell else "", period=period.iso if period else ""))
        return MARK + shown.text

    def amount(self, cell: _Cell, period: Span, kind: str, per_share: bool = False, false: str = "") -> str:
        """``cell``'s figure, true, or false by one digit ("digit") or another period's value ("period").

        A sentence gets one false figure at most: a release with an error has one, not one in every clause."""
        make = _per_share if per_share else _money
        if any(t["truth"] == "false" for t in self.sentence):
            false = ""
        shown = make(cell.value)
        if false == "digit":
            text = _slip(self.rng, shown.text)
            if text is not None:
                wrong = _value_of(text, shown)
                return self.figure(wrong, "false", kind, cell, period, "digit",
                                   not _meets((wrong.low, wrong.high), _abs(cell)))
        if false == "period":
            other = self._other_period(cell, period)
            if other is not None:
                wrong = make(other.value)
                return self.figure(wrong, "false", kind, cell, period, "period",
                                   not _meets((wrong.low, wrong.high), _abs(cell)))
        return self.figure(shown, "true", kind, cell, period)

    def _other_period(self, cell: _Cell, period: Span) -> _Cell | None:
        for key, cells in self.rows.cells.items():
            if any(c is cell for c in cells):
                column = self.rows.columns.index(period)
                other = 1 - column if column < 2 else 5 - column
                found = cells[other] if other < len(cells) else None
                if found is not None and _money(found.value).text != _money(cell.value).text:
                    return found
        return None

    # -- period phrases

    def quarter_phrase(self, span: Span, current: bool) -> str:
        q = self.periods.quarter
        fy = self.periods.fiscal_year - (0 if current else 1)
        choices = [f"the quarter ended {full_date(span.end, self.abbreviated)}"]
        if self.fiscal_names:
            choices += [f"the {ORDINALS[q].lower()} quarter of fiscal {fy}", f"the fiscal {fy} {ORDINALS[q].lower()} quarter",
                        f"the {ORDINALS[q].lower()} fiscal quarter of {fy}"]
        elif self.periods.calendar.end_month == 12:
            choices.append(f"the {ORDINALS[q].lower()} quarter of {fy}")
        return self.rng.choice(choices)

    def end_sentence(self, text: str) -> str:
        self.truths.extend(dict(t, sentence=text.replace(MARK, "")) for t in self.sentence)
        self.sentence = []
        return text


def _abs(cell: _Cell) -> tuple[Decimal, Decimal]:
    low, high = abs(cell.low), abs(cell.high)
    return min(low, high), max(low, high)


def _subject(rng: random.Random, key: str, cell: _Cell) -> str:
    if key == "net_income" and cell.value < 0:
        return "The net loss"
    if key == "operating" and cell.value < 0:
        return "The operating loss"
    if key == "pretax" and cell.value < 0:
        return "The loss before income taxes"
    if key == "gross" and cell.value < 0:
        return "The gross loss"
    return rng.choice(SUBJECTS[key])


def claim_paragraphs(rng: random.Random, table, periods, labels: tuple[str, ...] = ()) -> tuple[list[str], list[dict]]:
    """Paragraphs (figures marked with ``MARK``) about the income statement ``table``, and their truths in order.

    ``labels``: every row label of the release, so that a trap's subject is one no table holds."""
    rows = _Rows(table)
    spans = rows.columns
    if len(spans) < 2 or spans[0] != periods.q0 or spans[1] != periods.q1:
        return [], []  # a year-only release: its columns are not the quarter's
    fiscal_names = periods.calendar.end_month in (3, 6, 9, 12) and not periods.calendar.weekly
    w = Writer(rng, rows, periods, fiscal_names and periods.calendar.end_month != 12, rng.random() < 0.25)
    q0, q1 = periods.q0, periods.q1
    keys = [k for k in SUBJECTS if rows.get(k, 0) is not None and rows.get(k, 1) is not None]
    sentences: list[str] = []

    def false_kind() -> str:
        return rng.choices(("", "digit", "period"), (5, 3, 1))[0]

    # plain amounts for the quarter, fiscal or dated
    for key in rng.sample(keys, min(3, len(keys))):
        cell = rows.get(key, 0)
        phrase = w.quarter_phrase(q0, True)
        sentences.append(w.end_sentence(f"{_subject(rng, key, cell)} was {w.amount(cell, q0, 'fiscal' if 'fiscal' in phrase else 'amount', false=false_kind())} for {phrase}."))
    # a comparison: "compared with net income of $X, or $Y per share, for the same period of 1995"
    income0, income1 = rows.get("net_income", 0), rows.get("net_income", 1)
    eps0, eps1 = rows.get("eps_basic", 0), rows.get("eps_basic", 1)
    if income0 and income1 and eps0 and eps1 and income0.value > 0 and income1.value > 0:
        priors = ["the same quarter a year earlier", "the same quarter last year", w.quarter_phrase(q1, False)]
        if q0.end.year - q1.end.year == 1:  # a 52/53-week quarter ending Jan 1, 2000 is not "of 2000"'s last year
            priors.append(f"the same period of {q1.end.year}")
        prior = rng.choice(priors)
        sentences.append(w.end_sentence(
            f"Net income for {w.quarter_phrase(q0, True)} was {w.amount(income0, q0, 'compared', false=false_kind())}, "
            f"or {w.amount(eps0, q0, 'per-share', per_share=True, false=false_kind())} per share, compared with net "
            f"income of {w.amount(income1, q1, 'compared', false=false_kind())}, or "
            f"{w.amount(eps1, q1, 'per-share', per_share=True, false=false_kind())} per share, for {prior}."))
    # a percent change, with its base stated or taken from the prior column
    for key in rng.sample(keys, min(2, len(keys))):
        now, then = rows.get(key, 0), rows.get(key, 1)
        if now.value <= 0 or then.value <= 0 or key in ("provision",):
            continue
        change = (now.value - then.value) * 100 / then.value
        if abs(change) < 1:
            continue
        verb = "increased" if change > 0 else "decreased"
        pct = _percent(change, rng.choice((0, 1)))
        false = rng.random() < 0.35
        text = _slip(rng, pct.text) if false else None
        low = (now.low / then.high - 1) * 100
        high = (now.high / then.low - 1) * 100
        computed = (min(abs(low), abs(high)), max(abs(low), abs(high))) if low * high > 0 else (Decimal(0), max(abs(low), abs(high)))
        stated = rng.random() < 0.5
        if stated:  # the text may compute from its own rounded figures: a false figure they admit is no error
            a, b = _money(now.value), _money(then.value)
            own = ((a.low / b.high - 1) * 100, (a.high / b.low - 1) * 100)
            computed_own = (min(abs(own[0]), abs(own[1])), max(abs(own[0]), abs(own[1]))) \
                if own[0] * own[1] > 0 else (Decimal(0), max(abs(own[0]), abs(own[1])))
        if text is not None:
            wrong = _value_of(text, pct)
            detectable = not _meets((wrong.low, wrong.high), computed) and not (
                stated and _meets((wrong.low, wrong.high), computed_own))
            pct_text = w.figure(wrong, "false", "change", now, q0, "digit", detectable)
        else:
            pct_text = w.figure(pct, "true", "change", now, q0)
        subject = _subject(rng, key, now)
        if stated:
            sentences.append(w.end_sentence(
                f"{subject} {verb} {pct_text} to {w.amount(now, q0, 'compared')} from {w.amount(then, q1, 'compared')}."))
        else:
            w.sentence[-1]["kind"] = "change-implicit"
            sentences.append(w.end_sentence(f"{subject} {verb} {pct_text} to {w.amount(now, q0, 'compared')} for "
                                            f"{w.quarter_phrase(q0, True)}."))
    # a share of revenue
    revenue = rows.get("revenue", 0) or rows.get("net_interest", 0)
    for key in ("gross", "sga", "cost", "operating"):
        part = rows.get(key, 0)
        if part is None or revenue is None or part.value <= 0 or "revenue" not in rows.cells:
            continue
        ratio = part.value * 100 / revenue.value
        pct = _percent(ratio, 1)
        interval = (part.low * 100 / revenue.high, part.high * 100 / revenue.low)
        false = rng.random() < 0.35
        text = _slip(rng, pct.text) if false else None
        if text is not None:
            wrong = _value_of(text, pct)
            pct_text = w.figure(wrong, "false", "share-of", part, q0, "digit", not _meets((wrong.low, wrong.high), interval))
        else:
            pct_text = w.figure(pct, "true", "share-of", part, q0)
        sentences.append(w.end_sentence(f"{_subject(rng, key, part)} was {pct_text} of {rng.choice(('revenues', 'net sales', 'sales'))} "
                                        f"for {w.quarter_phrase(q0, True)}."))
        break
    # hedged: "more than $8.3 million", "nearly $8.4 million"
    key = rng.choice(keys) if keys else None
    cell = rows.get(key, 0) if key else None
    if cell is not None and abs(cell.value) >= 10 ** 6 and cell.value > 0:
        millions = abs(cell.value) / 10 ** 6
        if rng.random() < 0.5:
            shown = millions.quantize(Decimal(1) if millions >= 20 else Decimal("0.1"), ROUND_FLOOR)
            hedge, low, high = "more than", shown, None
        else:
            step = Decimal(1) if millions >= 20 else Decimal("0.1")
            shown = (millions / step).to_integral_value(rounding="ROUND_CEILING") * step
            hedge = "nearly"
        if shown * 10 ** 6 != abs(cell.value) and shown > 0:
            fig = _Figure(f"${shown} million", shown * 10 ** 6, shown * 10 ** 6, shown * 10 ** 6)
            sentences.append(w.end_sentence(f"{_subject(rng, key, cell)} was {hedge} "
                                            f"{w.figure(fig, 'true', 'hedged', cell, q0)} for {w.quarter_phrase(q0, True)}."))
    # the comparison's period stops at its sentence: the next figure is the quarter's again
    op0, op1 = rows.get("operating", 0), rows.get("operating", 1)
    if op0 and op1 and op0.value > 0 and op1.value > 0 and income0 is not None and income0.value > 0:
        first = w.end_sentence(
            f"Operating income rose to {w.amount(op0, q0, 'compared')} for {w.quarter_phrase(q0, True)}, up from "
            f"{w.amount(op1, q1, 'compared')} in {w.quarter_phrase(q1, False)}.")
        # one paragraph: the next sentence's figure is the quarter's, which the paragraph has named
        sentences.append(first + " " + w.end_sentence(
            f"Net income was {w.amount(income0, q0, 'amount', false=false_kind())}."))
    # traps: a subject no table holds, a value one slip from (or equal to) a row it does not name
    held = " ".join(labels).lower().replace("-", "")
    for subject, targets in rng.sample(TRAPS, 2):
        if subject.split()[-1].lower().replace("-", "") in held:
            continue  # "Net charge-offs" of a bank's allowance table: a row, not a trap
        target = next((rows.get(k, 0) for k in targets if rows.get(k, 0) is not None), None)
        if target is None or target.value <= 0:
            continue
        shown = _money(target.value)
        text = _slip(rng, shown.text) if rng.random() < 0.7 else shown.text
        fig = _value_of(text or shown.text, shown)
        sentences.append(w.end_sentence(f"{subject} was {w.figure(fig, 'trap', 'trap-row', None, q0)} for "
                                        f"{w.quarter_phrase(q0, True)}."))
    # a goal is not a reported figure
    ratio = rng.choice((45, 50, 55, 60))
    goal = _Figure(f"{ratio}%", Decimal(ratio), Decimal(ratio), Decimal(ratio))
    sentences.append(w.end_sentence(rng.choice((
        f"We continue to strive for an efficiency ratio below {w.figure(goal, 'trap', 'goal', None, None)}.",
        f"Our objective is a gross margin of {w.figure(goal, 'trap', 'goal', None, None)} of sales by the end of "
        "next year."))))
    paragraphs = []
    while sentences:
        take = rng.randint(2, 4)
        paragraphs.append(" ".join(sentences[:take]))
        sentences = sentences[take:]
    return paragraphs, w.truths
