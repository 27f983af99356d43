"""The typing habits a release is drawn with: one house style per document, a few choices per table.

Why: the benchmark must say which layout a reader fails on, so every choice is
a named feature ("leaders=glued", "note=(000's omitted)", "tabs=stops+1") that
travels with each number into the key. A document keeps one house style (one
typist), as real filings do; each table draws its own header style and note.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from tests.synth.printing import NumberStyle, Printing


@dataclass(frozen=True)
class House:
    tabs: str  # none, unexpand (right-aligned, runs of blanks typed as tabs), stops, stops+1, drift
    numbers: NumberStyle
    dollar: str  # none, glued "$1,234", spaced "$ 1,234", left ("$" at the column's left edge)
    leaders: str  # none, glued "Net sales.......", spaced "Net sales . . . ."
    rules: str  # none, dash (------- above totals), dash+equals (======= under grand totals too)
    paren_hang: bool  # ")" of a negative printed one column right of the digits' edge
    header_align: str  # left, center, right
    title_align: str  # center, left
    gap: int  # blanks between columns
    indent: int  # blanks per nesting level of a label
    percent: str  # "%" glued or " %" spaced
    abbreviated: bool  # month names "Sept. 30," rather than "September 30,"
    section_blank: bool  # a blank line before section headings

    def features(self) -> tuple[str, ...]:
        return (f"tabs={self.tabs}", f"negative={self.numbers.negative}", f"nil={self.numbers.nil}",
                f"leading_zero={self.numbers.leading_zero}", f"dollar={self.dollar}", f"leaders={self.leaders}",
                f"rules={self.rules}", f"paren_hang={self.paren_hang}", f"header_align={self.header_align}",
                f"title_align={self.title_align}", f"month_names={'abbreviated' if self.abbreviated else 'full'}",
                f"section_blank={self.section_blank}")


def draw_house(rng: random.Random) -> House:
    tabs = rng.choices(("none", "unexpand", "stops", "stops+1", "drift"), (5, 2, 1, 1, 1))[0]
    at_stops = tabs in ("stops", "stops+1", "drift")
    negative = rng.choices(("paren", "minus"), (4, 1))[0]
    return House(
        tabs=tabs,
        numbers=NumberStyle(negative=negative, nil=rng.choice(("--", "-", "- -", "---")),
                            leading_zero=rng.random() < 0.7),
        dollar=rng.choice(("none", "glued", "spaced") if at_stops else ("none", "glued", "spaced", "left")),
        leaders=rng.choices(("none", "glued", "spaced"), (3, 1, 1))[0],
        rules=rng.choices(("none", "dash", "dash+equals"), (1, 1, 2))[0],
        paren_hang=negative == "paren" and not at_stops and rng.random() < 0.6,
        header_align="left" if at_stops else rng.choice(("left", "center", "right")),
        title_align=rng.choice(("center", "left")),
        gap=rng.randint(2, 5),
        indent=rng.choice((2, 3, 4)),
        percent=rng.choices(("%", " %"), (4, 1))[0],
        abbreviated=rng.random() < 0.25,
        section_blank=rng.random() < 0.4,
    )


@dataclass(frozen=True)
class Note:
    """A scale note's words and what it says about share counts."""

    text: str
    money: int  # 1000 or 1000000
    shares: str  # "all" (counts scaled too, the note says so), "dollars" (names dollars only), "except" (counts in full)


THOUSANDS = (
    Note("(in thousands, except per share data)", 1000, "all"),
    Note("(In thousands, except per share amounts)", 1000, "all"),
    Note("(Dollars in thousands, except per share amounts)", 1000, "dollars"),
    Note("(Dollars and shares in thousands, except per share data)", 1000, "all"),
    Note("(Dollars in 000s)", 1000, "dollars"),
    Note("(000's omitted)", 1000, "all"),
    Note("(in 000s, except share data)", 1000, "except"),
    Note("$000", 1000, "dollars"),
    Note("($000)", 1000, "dollars"),
    Note("(Thousands of dollars, except per share data)", 1000, "dollars"),
)
MILLIONS = (
    Note("(Amounts in millions, except per share data)", 1_000_000, "all"),
    Note("(Dollars in millions, except per share amounts)", 1_000_000, "dollars"),
    Note("(In millions)", 1_000_000, "all"),
)


@dataclass(frozen=True)
class TableStyle:
    header: str  # stacked, fulldate, oneline, col0, title (how the period headers are laid out)
    wording: str  # months, quarter, weeks (how a period's length is said)
    note: Note | None
    note_position: str  # title, header_first, label_area, column, none
    note_caps: bool
    unaudited: str  # title, note, column, none
    group_rule: bool  # dashes under a spanning header
    header_rule: bool  # dashes under every column's header
    label_extra: int  # blanks after the longest label
    wrap_at: int  # labels longer than this wrap onto a second line
    blank_after_header: bool
    title_blank: bool  # a blank line inside the title block
    title_gap: int  # blank lines between the title block and the headers

    def features(self) -> tuple[str, ...]:
        note = "none" if self.note is None else self.note.text
        return (f"header={self.header}", f"wording={self.wording}", f"note={note}",
                f"note_position={self.note_position}", f"note_caps={self.note_caps}", f"unaudited={self.unaudited}",
                f"group_rule={self.group_rule}", f"header_rule={self.header_rule}", f"title_blank={self.title_blank}")


DURATION_HEADERS = ("stacked", "fulldate", "oneline", "col0", "title")
INSTANT_HEADERS = ("stacked", "fulldate", "title")


def draw_table_style(rng: random.Random, kind: str, money_mode: str, money_only: bool, interim: bool,
                     weekly: bool) -> TableStyle:
    """One table's choices; ``money_only`` tables (no shares, no per-share) may carry the note per column."""
    instant = kind in ("balance", "bank-balance")
    header = rng.choice(INSTANT_HEADERS if instant else DURATION_HEADERS)
    note, position = _draw_note(rng, money_mode, money_only)
    unaudited = ["title", "none"] + (["note"] if note else []) + (["column"] if instant and interim else [])
    return TableStyle(
        header=header,
        wording=rng.choice(("months", "weeks")) if weekly else rng.choices(("months", "quarter"), (3, 1))[0],
        note=note, note_position=position,
        note_caps=note is not None and (position == "label_area" or rng.random() < 0.15),
        unaudited=rng.choice(unaudited),
        group_rule=rng.random() < 0.4, header_rule=rng.random() < 0.3,
        label_extra=rng.randint(1, 10), wrap_at=rng.randint(34, 48),
        blank_after_header=rng.random() < 0.5, title_blank=rng.random() < 0.3, title_gap=rng.randint(1, 2),
    )


def _draw_note(rng: random.Random, money_mode: str, money_only: bool) -> tuple[Note | None, str]:
    if money_mode in ("full", "full_rounded"):
        return None, "none"
    if money_mode == "millions":
        return rng.choice(MILLIONS), rng.choices(("title", "header_first", "label_area"), (5, 2, 2))[0]
    if money_only and rng.random() < 0.15:
        return Note("(in thousands)", 1000, "all"), "column"
    return rng.choice(THOUSANDS), rng.choices(("title", "header_first", "label_area"), (5, 2, 2))[0]


def table_printing(style: TableStyle, money_mode: str, shares_tick: int, shares_full: bool) -> Printing:
    """Scale and rounding of one table: the note's money scale, and share counts as the note says.

    ``shares_full``: under a note that names only dollars, this company prints its
    share counts in full rather than in the note's scale.
    """
    if money_mode in ("full", "full_rounded"):
        label = shares_tick == 1000
        return Printing(1, 1000 if money_mode == "full_rounded" else 1, "none",
                        1000 if label else 1, shares_tick, "label" if label else "none",
                        rounded=money_mode == "full_rounded")
    note = style.note
    quantum = 100_000 if note.money == 1_000_000 else 1000
    source = "header" if style.note_position == "column" else "note"
    if note.shares == "except" or (note.shares == "dollars" and shares_full):
        return Printing(note.money, quantum, source, 1, shares_tick, "none", rounded=False)
    return Printing(note.money, quantum, source, note.money, shares_tick,
                    "note" if note.shares == "all" else "inferred", rounded=False)


MONEY_MODES = ("thousands", "millions", "full", "full_rounded")


def draw_money_mode(rng: random.Random) -> str:
    return rng.choices(MONEY_MODES, (6, 2, 1, 2))[0]
