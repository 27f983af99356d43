"""Narrative -> Claims: which figures a sentence states, about what, for which period.

A sentence is read left to right. Each figure (see ``figures``) gets

* its *kind*: an amount; a change ("up 14.0% from", "a 17% reduction"); a
  multiple ("nearly doubling"); an ownership share ("a 47% interest");
* its *about* words: the phrase that leads up to it in its clause ("net loss
  of") and the words that follow it ("in quarterly dividend payments to holders
  of preferred stock"); a figure joined by "or" to the one before ("$537,000,
  or 1 cent per common share") inherits that one's subject;
* its *sign*: printed parentheses or minus, or a loss word in its subject;
  a change is negative when its direction word is ("down", "reduction");
* its *period*: the period phrase that follows it in the same clause, else the
  one before it in the sentence, else the period the paragraph is discussing.
  A change's or multiple's own phrase ("from last year's first quarter") is its
  *base* period and is not given to other figures.

Sentences about the future (guidance, plans, estimates) are claims marked
``forward``: kept, shown, never checked against the tables.
"""

from __future__ import annotations

import re

from tieout.claims.figures import Figure, interval_for, may_have_figures, text_to_figures
from tieout.claims.periods import (
    MONTHS, Calendar, PeriodPhrase, cal_year, is_absolute, iso_to_dates, months_of, periods_to_calendar,
    phrase_to_period, shift_years, text_to_phrases,
)
from tieout.claims.settings import ClaimSettings
from tieout.claims.text import Passage, blocks_to_passages, folded, may_match, passage_to_sentences, search_at
from tieout.claims.words import (
    CHANGE_NOUNS, DELTA_LEAD, DELTA_STARTS, DOWN_WORDS, FORWARD_RE, FORWARD_STARTS, LOSS_WORDS, MODIFIERS, PER_UNITS,
    PROFIT_WORDS, STOP, SUBJECT_CUT, SUBJECT_CUT_NEEDLES, UP_WORDS, VERBS,
)
from tieout.model import Claim, Problem, Report

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
_BOUNDARY = re.compile(r"\b(?:compared|compares|comparing|versus|vs\.?|from|while|whereas|up|down)\b|;|\bas compared\b",
                       re.I)
_COMPARED = re.compile(r"\b(?:from|compared (?:to|with)|versus|vs\.?|against)\s+(?:(?:a|an|the)\s+)?"
                       r"(?:(?:net\s+)?(?:loss|income|earnings|revenues?|sales)\s+(?:of\s+)?)?"
                       r"(?:approximately |about |nearly |over |more than |less than )?\(?$", re.I)
# between a change's base period and the amount it was compared with: "('s) (results|level) of", a few words at most
_BASE_FIGURE = re.compile(r"(?:'s)?(?:\s+[a-z-]+){0,3}?\s+(?:of|at|was|were)\s+(?:(?:approximately|about|nearly|"
                          r"over|more than|less than)\s+)?\(?\s*|(?:'s)?\s+", re.I)
_OR_JOIN = re.compile(r"^[\s,]*(?:or|and)\s*$", re.I)
_SHARE_AFTER = re.compile(r"^\s*(?:equity\s+|ownership\s+|working\s+|undivided\s+)?(?:interest|share|stake|owned|"
                          r"ownership)\b", re.I)
_SHARE_BEFORE = re.compile(r"\b(?:owns?|owned|holds?|held|acquired|retains?)\s+(?:an?\s+|its\s+)?$", re.I)
# "32% of revenues", "18.5% of net sales": a share of another row (not "of the company", "of its shares")
_PORTION_AFTER = re.compile(r"\s*of\s+(?:(?:total|net|consolidated|gross)\s+)?(?:revenues?|sales|loans|deposits|"
                            r"assets)\b", re.I)
_CHANGE_NOUN = re.compile(r"^\s*(?P<word>increase|decrease|reduction|decline|drop|rise|gain|improvement|"
                          r"growth|jump|higher|lower|more|less|cut)\b", re.I)


def _words_before(text: str, limit: int) -> list[str]:
    return _WORD.findall(text)[-limit:]


def figure_to_kind(text: str, figure: Figure, lo: int) -> tuple[str, int]:
    """("amount" | "change" | "ratio" | "share", direction +1/-1/0) of a figure in its sentence."""
    if figure.unit == "x":
        return "ratio", 0
    if figure.unit != "%":
        return "amount", 0
    after = text[figure.end:figure.end + 40]
    before = text[max(lo, figure.start - 60):figure.start]
    if figure.hedge_text and before.rstrip().lower().endswith(figure.hedge_text.lower()):
        before = before.rstrip()[: -len(figure.hedge_text)]
    if _SHARE_AFTER.match(after) or _SHARE_BEFORE.search(before):
        return "share", 0
    if _PORTION_AFTER.match(after):
        return "portion", 0  # "32% of revenues": a ratio of two rows
    noun = _CHANGE_NOUN.match(after)
    if noun:
        word = noun.group("word").lower()
        return "change", (1 if word in UP_WORDS or word in ("rise", "growth", "jump") else -1)
    previous = [w.lower() for w in _words_before(before, 3)]
    while previous and previous[-1] in ("by", "of", "an", "a", "approximately", "about", "nearly", "over",
                                        "some", "roughly", "almost"):
        previous.pop()
    if previous and previous[-1] in UP_WORDS:
        return "change", 1
    if previous and previous[-1] in DOWN_WORDS:
        return "change", -1
    return "amount", 0


def _clause_start(text: str, lo: int, limit: int) -> int:
    """Start of the clause that ends at ``limit`` (after the last ';' or sentence start)."""
    cut = max(text.rfind(";", lo, limit), text.rfind(" -- ", lo, limit))
    return lo if cut < 0 else cut + 1


# figure_to_subject's patterns, compiled once (it runs per figure)
_ASIDE = re.compile(r"\([^()]*\)")
_BROKEN_WORD = re.compile(r"(?<=[a-z])- (?=[a-z])")
_NET_OF = re.compile(r"\bnet of\b[^,;]*", re.I)
_GAAP = re.compile(r"\b(?:under|in accordance with|according to)?\s*generally accepted accounting principles\b", re.I)
_NEGATION = re.compile(r"\b(?:not|no)\b", re.I)  # every match starts with "no"


def figure_to_subject(text: str, figures: list[Figure], index: int, lo: int,
                      phrases: list[PeriodPhrase]) -> tuple[list[str], bool]:
    """The last content words leading up to a figure in its clause, and whether it states a change ("up $3 million")."""
    figure = figures[index]
    prev_end = figures[index - 1].tail if index else lo
    start = max(prev_end, _clause_start(text, lo, figure.start))
    lead = text[start:figure.start]
    for phrase in phrases:  # period phrases are not what the figure is about
        if start <= phrase.start < figure.start:
            lead = lead.replace(text[phrase.start:phrase.end], " ")
    lead = _ASIDE.sub(" ", lead).rstrip(" ($-")  # "(HL & HL-B:NYSE)", "(restated)"
    lead = _BROKEN_WORD.sub("-", lead)  # "long-\nterm debt", joined at a line break
    lead = _NET_OF.sub(" ", lead)  # "investments, net of notes payable": not the notes
    lead = _GAAP.sub(" ", lead)  # "Under generally accepted accounting principles, net revenues were"
    if figure.hedge_text and lead.lower().endswith(figure.hedge_text.lower()):
        lead = lead[: -len(figure.hedge_text)].rstrip()
    low = folded(lead)  # literal prefilters: these patterns rarely match a lead (text.search_at, may_match)
    delta = search_at(DELTA_LEAD, lead, low, DELTA_STARTS)
    cuts = list(SUBJECT_CUT.finditer(lead)) if may_match(low, SUBJECT_CUT_NEEDLES) else []
    if cuts:
        cut = cuts[-1]
        lead = lead[:cut.start()] if cut.group(0).lower().startswith(("including", "which")) else lead[cut.end():]
        low = folded(lead)
    delta = delta or search_at(_NEGATION, lead, low, ("no",))  # "taxes have not been provided on $395 million"
    segments: list[list[str]] = [[]]
    for word in _WORD.findall(lead):
        if word.lower() in VERBS:
            segments.append([])
        elif word.lower() not in STOP:
            segments[-1].append(word)
    words = next((seg for seg in reversed(segments) if seg), [])[-4:]  # "reported a net loss of" -> "net loss"
    if any(w.lower() in CHANGE_NOUNS for w in words):
        delta = True  # "an increase in interest expense of $52 million", not "revenue growth and ... income reached"
    return words, delta


_AFTER_STOP = re.compile(r",|;|\b(?:at|for|compared|versus|while|and|from|up|down|during|which|or|was|were|"
                         r"is|are|as)\b", re.I)


def figure_to_about(text: str, figures: list[Figure], index: int, hi: int, subject: list[str],
                    phrases: list[PeriodPhrase]) -> str:
    """What a figure is about: its subject, its unit words ("per common share"), the words right after it."""
    figure = figures[index]
    tail = _WORD.findall(text[figure.end:figure.tail])
    next_start = figures[index + 1].start if index + 1 < len(figures) else hi
    for phrase in phrases:
        if figure.tail <= phrase.start < next_start:
            next_start = phrase.start
            break
    after = text[figure.tail:next_start]
    stop = _AFTER_STOP.search(after)
    after_words = _WORD.findall(after[: stop.start()] if stop else after)[:10]
    if figure.unit not in ("USD", "USD/share", "%", "x"):
        tail = _WORD.findall(figure.text) + tail
    return " ".join(subject + tail + after_words).strip()


def _trim(words: list[str]) -> list[str]:
    """Drop function words at both ends: "a net loss of" -> "net loss"."""
    start, end = 0, len(words)
    while start < end and words[start].lower() in STOP:
        start += 1
    while end > start and words[end - 1].lower() in STOP:
        end -= 1
    return words[start:end]


_PER_BEFORE = re.compile(r"\b(?:per|an?)\s+(?:common\s+|diluted\s+|basic\s+)?(?P<what>share|ounce|pound|ton)\b"
                         r"(?:(?!\$|\d).)*$", re.I)


def lead_to_unit(lead: str) -> str | None:
    """A money figure whose subject names the unit before it: "cash cost per ounce ... was $260" -> USD/oz."""
    match = _PER_BEFORE.search(lead)
    return PER_UNITS[match.group("what").lower()] if match else None


def about_to_sign(about: str) -> int:
    """-1 when the subject is a loss ("net loss of"), else +1. The word nearest the figure wins."""
    for word in reversed(about.lower().split()):
        word = word.strip(",.;:()")
        if word in LOSS_WORDS:
            return -1
        if word in PROFIT_WORDS:
            return 1
    return 1


_TO = re.compile(r"\s*to\s*", re.I)
# between a change and the amount it is from: "down 12% from pro forma net revenues of $50,807,000"
_BASE_GAP = re.compile(r"\s*(?:from|over|compared (?:to|with)|versus|vs\.?|than)(?:\s+[a-z][a-z'-]*){0,6}\s*", re.I)
_FROM = re.compile(r"\s*(?:,\s*)?(?:up |down )?(?:from|compared (?:to|with)|versus|vs\.?)\s*", re.I)


def _assign_periods(text: str, figures: list[Figure], kinds: list[str], phrases: list[PeriodPhrase],
                    resolved: list[str | None], paragraph_period: str | None, hi: int) -> tuple[list, list, list]:
    """(period, base period, base figure index) for every figure of one sentence."""
    consumed: set[int] = set()
    base_periods: list[str | None] = [None] * len(figures)
    base_figure: list[int | None] = [None] * len(figures)
    forced: dict[int, str | None] = {}  # figure index -> the base period a change gave it
    for i, figure in enumerate(figures):
        if kinds[i] not in ("change", "ratio"):
            continue
        nxt = figures[i + 1] if i + 1 < len(figures) else None
        gap = text[figure.tail: nxt.start] if nxt else ""
        if nxt is not None and kinds[i + 1] == "amount" and _BASE_GAP.fullmatch(gap):
            base_figure[i] = i + 1
            continue
        if nxt is not None and i + 2 < len(figures) and kinds[i + 1] == kinds[i + 2] == "amount" \
                and figures[i + 1].unit == figures[i + 2].unit and _TO.fullmatch(gap) \
                and _FROM.fullmatch(text, nxt.tail, figures[i + 2].start):
            base_figure[i] = i + 2  # "increased 13% to $23.1 million from $20.8 million"
            continue
        limit = nxt.start if nxt else hi
        for k, phrase in enumerate(phrases):
            if figure.tail <= phrase.start < limit and ";" not in text[figure.tail:phrase.start]:
                base_periods[i] = resolved[k]
                consumed.add(k)
                if nxt is not None and kinds[i + 1] == "amount" and _BASE_FIGURE.fullmatch(text, phrase.end,
                                                                                            nxt.start):
                    # "up 38.8% from the prior year results of $11 million": the amount is the base itself
                    base_figure[i] = i + 1
                    forced[i + 1] = resolved[k]
                break
    periods: list[str | None] = []
    for i, figure in enumerate(figures):
        if i in forced:
            periods.append(forced[i])
            continue
        chosen = None
        for k, phrase in enumerate(phrases):
            if k in consumed or phrase.start < figure.tail:
                continue
            between = text[figure.tail:phrase.start]
            blocked = _BOUNDARY.search(between)
            for j in range(i + 1, len(figures)):
                other = figures[j]
                if other.start >= phrase.start:
                    break
                link = text[figures[j - 1].tail:other.start]
                if not _OR_JOIN.match(link) and "(" not in link:  # "(based on 8.9 million shares)": an aside
                    blocked = True
            if not blocked:
                chosen = resolved[k]
            break
        if chosen is None and i and kinds[i] == kinds[i - 1] == "amount" \
                and _OR_JOIN.match(text[figures[i - 1].tail:figure.start]):
            # "compared to $2,429,000, or $0.27 per diluted share (based on ...), in the same prior year
            # period": a figure "or"-joined to the one before states the same period in other terms
            periods.append(periods[i - 1])
            continue
        base = _COMPARED.search(text, max(0, figure.start - 40), figure.start)
        if chosen is None and base is not None:
            # "from $4,741,000, or $0.54 per share (on 8.8 million shares), for the same period a year earlier":
            # a figure compared with takes the period stated after it, never the one before (the current one's)
            for k, phrase in enumerate(phrases):
                if k in consumed or phrase.start < figure.tail:
                    continue
                if not _BOUNDARY.search(text, figure.tail, phrase.start) and ";" not in text[figure.tail:phrase.start]:
                    chosen = resolved[k]
                break
            periods.append(chosen)
            continue
        if chosen is None:
            before = [k for k, p in enumerate(phrases) if p.end <= figure.start and k not in consumed]
            if before:
                chosen = resolved[before[-1]]
        if chosen is None:
            chosen = paragraph_period
        periods.append(chosen)
    return periods, base_periods, base_figure


def _current_figure(text: str, figures: list[Figure], kinds: list[str], i: int, bases: set[int],
                    deltas: list[bool] = ()) -> int | None:
    """The figure a change or multiple is of: the amount before it (of the unit named after it), or "to <figure>"."""
    after = text[figures[i].tail:figures[i].tail + 60].lower()
    wanted = None
    for noun, unit in (("ounce", "oz"), ("ton", "ton"), ("share", "USD/share"), ("revenue", "USD"),
                       ("sales", "USD"), ("cost", None)):
        if noun in after.split(" from ")[0][:40]:
            wanted = unit
            break
    candidates = [j for j in range(i - 1, -1, -1) if kinds[j] == "amount" and j not in bases
                  and not (j < len(deltas) and deltas[j])]  # "down $600,000 from": an amount of change
    # "$30.2 million, down $600,000 from the $30.8 million ... and up 8.4 percent from": a figure compared with
    # is not the one a later change is of
    own = [j for j in candidates if not _COMPARED.search(text, max(0, figures[j].start - 40), figures[j].start)]
    candidates = own or candidates
    if wanted:
        for j in candidates:
            if figures[j].unit == wanted:
                return j
    if candidates:
        return candidates[0]
    if i + 1 < len(figures) and kinds[i + 1] == "amount" and re.match(r"^\s*to\s*$",
                                                                      text[figures[i].tail:figures[i + 1].start]):
        return i + 1
    return None


_PART_LEAD = re.compile(r"\b(?:includes?|included|including|of which)\s+(?:approximately |about |nearly |over |"
                        r"more than |less than )?\(?$", re.I)
_THAN_AFTER = re.compile(r"\s*(?:higher|lower|more|less|greater|smaller|larger|above|below)\s+than\b", re.I)

RESPECTIVELY = re.compile(r"\brespectively\b", re.I)
_YEAR_WORD = re.compile(r"\b(?:19|20)\d\d\b")


def respectively_periods(text: str, figures: list[Figure], kinds: list[str], phrases: list[PeriodPhrase],
                         resolved: list[str | None], lo: int, hi: int, cal: Calendar) -> list[str | None]:
    """Periods of a "respectively" list, in order: "$1.2 million and $0.9 million for 1997 and 1996, respectively".

    The periods are the phrases (or bare years, each a shift of the first phrase's
    period) between the listed figures and "respectively", else before the
    figures; the figures of each unit take them in order when the counts agree.
    Figures that cannot be paired get no period (and stay unverifiable).
    """
    out: list[str | None] = [None] * len(figures)
    stop = RESPECTIVELY.search(text, lo, hi).start()
    listed = [i for i, f in enumerate(figures) if f.end <= stop and kinds[i] == "amount"]
    if not listed:
        return out
    after = (figures[listed[-1]].tail, stop)
    before = (lo, figures[listed[0]].start)
    for start, end in (after, before):
        periods = _listed_periods(text, phrases, resolved, start, end, cal)
        if len(periods) >= 2:
            break
    else:
        return out
    by_unit: dict[str, list[int]] = {}
    for i in listed:
        by_unit.setdefault(figures[i].unit, []).append(i)
    for group in by_unit.values():
        if len(group) == len(periods):
            for i, period in zip(group, periods):
                out[i] = period
    return out


def _listed_periods(text: str, phrases: list[PeriodPhrase], resolved: list[str | None], start: int, end: int,
                    cal: Calendar) -> list[str | None]:
    inside = [(p, period) for p, period in zip(phrases, resolved) if start <= p.start and p.end <= end]
    years = [int(m.group()) for m in _YEAR_WORD.finditer(text, start, end)]
    if inside and inside[0][1] and len(years) > len(inside):
        base = inside[0][1]
        base_year = iso_to_dates(base)[1].year
        first_year = years[0]
        shifted = []
        for year in dict.fromkeys(years):
            shifted.append(base if year == first_year else shift_years(base, year - first_year, cal))
        if base_year in (first_year, first_year + 1, first_year - 1):
            return shifted
    if not inside and years:
        return [cal_year(year, cal) for year in dict.fromkeys(years)]
    return [period for _, period in inside]


def latest(periods: list[str]) -> str | None:
    """The period that ends last (ties: the shorter), i.e. the one a paragraph is about."""
    if not periods:
        return None
    return max(periods, key=lambda p: (iso_to_dates(p)[1], -months_of(p)))


_FISCAL_END = re.compile(r"FISCAL YEAR END:\s*(\d\d)(\d\d)")


# "up from 39,000 ounces in the first quarter of 1998": a period after these words is the one compared with
_COMPARISON = re.compile(r"\b(?:compared|comparing|versus|vs\.?|from|against|over|than)\b", re.I)


def _compared_phrase(text: str, lo: int, phrase: PeriodPhrase) -> bool:
    """Is ``phrase`` the period a comparison is made with (after "compared with", "from", "versus" in its
    sentence)? Such a period governs the figures it follows, not the sentences after it."""
    return _COMPARISON.search(text, lo, phrase.start) is not None


def _month_closing(day) -> int:
    """The month a fiscal year ending on ``day`` closes (a 52/53-week year ending in a month's first days
    closes the month before)."""
    return _closing_month(day.month, day.day)


def _closing_month(month: int, day: int) -> int:
    return month if day >= 7 else (month - 2) % 12 + 1


def periods_to_fiscal_end(periods) -> int | None:
    """The fiscal year end month the table columns show, else None: a year-to-date column (six, nine or twelve
    months) starts the day after a fiscal year end."""
    from collections import Counter
    from datetime import timedelta
    votes: Counter = Counter()
    for period in periods:
        if not period or "/" not in period:
            continue
        try:
            start, end = iso_to_dates(period)
        except ValueError:  # a period the reader could not date properly tells nothing
            continue
        months = months_of(period)
        if months in (6, 9):
            votes[_month_closing(start - timedelta(days=1))] += 2
        elif months == 12:
            votes[_month_closing(end)] += 1
    if votes:
        return votes.most_common(1)[0][0]
    return None


def instants_to_fiscal_end(columns) -> int | None:
    """The earlier date of a balance sheet's columns, within a year of the latest, is a fiscal year end."""
    instants = []
    for period in columns:
        if period and "/" not in period:
            try:
                instants.append(iso_to_dates(period)[1])
            except ValueError:
                continue
    if instants:
        last = max(instants)
        earlier = [d for d in instants if 40 < (last - d).days < 350]
        if earlier:
            return _month_closing(min(earlier))
    return None


def report_to_calendar(report: Report) -> Calendar:
    """The periods of the report's table columns, and its fiscal year end (SGML header; else the columns' year
    to date; else December)."""
    periods = [c.period for t in report.tables for c in t.columns]
    periods += [f.period for f in report.fact_records]
    month = None
    for line in report.filing.raw_lines[:120]:
        match = _FISCAL_END.search(line)
        if match and 1 <= int(match.group(1)) <= 12:
            month = int(match.group(1))
            if int(match.group(2)) < 7:  # a year ending in the first days of a month closes the month before
                month = (month - 2) % 12 + 1
            break
    if month is None:
        month = periods_to_fiscal_end(periods) or text_to_fiscal_end(report.blocks) \
            or instants_to_fiscal_end([c.period for t in report.tables for c in t.columns]) or 12
    return periods_to_calendar(periods, month)


# "the first quarter ended December 30, 2000": the narrative names a fiscal quarter by its end
_ORDINAL_ENDED = re.compile(r"\b(?P<ord>first|second|third|fourth)[- ](?:fiscal[- ])?quarter\s+(?:ended|ending)\s+"
                            r"(?P<month>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?P<day>\d{1,2})\b",
                            re.I)
_ORDINAL_NUMBER = {"first": 1, "second": 2, "third": 3, "fourth": 4}


def text_to_fiscal_end(blocks) -> int | None:
    """The fiscal year end month a paragraph's "<ordinal> quarter ended <date>" implies, else None."""
    for block in blocks:
        if block.kind != "paragraph":
            continue
        text = " ".join(line.text for line in block.lines)
        low = folded(text)
        if low is not None and "quarter" not in low:
            continue
        match = _ORDINAL_ENDED.search(text)
        if match:
            month = _closing_month(MONTHS[match.group("month").lower()], int(match.group("day")))
            return (month + 3 * (4 - _ORDINAL_NUMBER[match.group("ord").lower()]) - 1) % 12 + 1
    return None


def passage_to_claims(passage: Passage, cal: Calendar, first_id: int,
                      settings: ClaimSettings = ClaimSettings()) -> list[Claim]:
    """Every claim of one passage, numbered from ``first_id``."""
    text = passage.text
    claims: list[Claim] = []
    paragraph_period: str | None = None
    context = (passage.heading + " " + text)[: settings.context_chars]
    sentences = passage_to_sentences(passage)
    found = [text_to_figures(text, lo, hi) if may_have_figures(text[lo:hi]) else [] for lo, hi in sentences]
    last = max((k for k, figures in enumerate(found) if figures), default=-1)
    for (lo, hi), figures in zip(sentences[:last + 1], found):
        phrases = text_to_phrases(text, lo, hi)
        phrases = [p for p in phrases if not any(f.start < p.end and p.start < f.tail for f in figures)]
        reference = paragraph_period or cal.default
        resolved: list[str | None] = []
        for phrase in phrases:
            period = phrase_to_period(phrase, cal, reference)
            resolved.append(period)
            if period and (is_absolute(phrase) or phrase.kind in ("ord_alone", "current")) \
                    and not _compared_phrase(text, lo, phrase):
                reference = period  # a period compared with ("from ... in the second quarter") anchors nothing
        paragraph_period_next = latest(
            [period for phrase, period in zip(phrases, resolved)
             if period and phrase.kind not in ("same", "preceding", "ord_ago")
             and not (phrase.kind == "ord_rel" and phrase.get("rel").lower().replace("the ", "") != "this")
             and not _compared_phrase(text, lo, phrase)])
        if not figures:
            paragraph_period = paragraph_period_next or paragraph_period
            continue
        sentence = text[lo:hi]
        flat = " ".join(sentence.split())  # what each claim of the sentence shows of it
        low = folded(sentence)
        forward = search_at(FORWARD_RE, sentence, low, FORWARD_STARTS)
        kinds_dirs = [figure_to_kind(text, f, lo) for f in figures]
        kinds = [k for k, _ in kinds_dirs]
        periods, base_periods, base_figures = _assign_periods(text, figures, kinds, phrases, resolved,
                                                              paragraph_period, hi)
        if search_at(RESPECTIVELY, sentence, low, ("respectively",)):
            periods = respectively_periods(text, figures, kinds, phrases, resolved, lo, hi, cal)
        abouts: list[str] = []
        subjects: list[list[str]] = []
        deltas: list[bool] = []
        ids: list[int] = []
        for i, figure in enumerate(figures):
            subject, delta = figure_to_subject(text, figures, i, lo, phrases)
            link = text[figures[i - 1].tail:figure.start] if i else ""
            if i and kinds[i] == kinds[i - 1] == "amount" and _OR_JOIN.match(link):
                subject = subjects[i - 1]  # "$537,000, or 1 cent per share"
                if deltas[i - 1] and figure.unit == "%" != figures[i - 1].unit:
                    delta = True  # "increased $1,873 million, or 20%": the change again, as a percentage
            elif i and not [w for w in subject if w.lower() not in MODIFIERS]:
                # "rose 92% to $22,237,000", "compared to $2,540,000", "to a record $5,607,000":
                # the subject is the one the sentence gave before (the same unit's first)
                earlier = [j for j in range(i - 1, -1, -1) if subjects[j]]
                same = [j for j in earlier if figures[j].unit == figure.unit and kinds[j] == kinds[i]]
                if same or earlier:
                    subject = subjects[(same or earlier)[0]]
            subjects.append(subject)
            if _PART_LEAD.search(text, max(lo, figure.start - 40), figure.start) or \
                    _THAN_AFTER.match(text, figure.tail, min(hi, figure.tail + 40)):
                delta = True  # "includes $177 million pledged", "$169 million higher than": not the level
            elif i and deltas[i - 1] and kinds[i] == kinds[i - 1] == "amount" and _OR_JOIN.match(link):
                delta = True  # "include $165 million and $177 million, respectively"
            deltas.append(delta and kinds[i] == "amount")
            abouts.append(figure_to_about(text, figures, i, hi, subject, phrases))
            if any(w.lower() in CHANGE_NOUNS for w in _WORD.findall(abouts[-1])):
                deltas[-1] = kinds[i] == "amount"  # "a $52 million unfavorable variance related to interest"
            ids.append(first_id + len(claims) + i)
        for i, figure in enumerate(figures):
            kind, direction = kinds_dirs[i]
            if deltas[i]:
                kind = "delta"
            low, high = interval_for(figure.magnitude, figure.rounding, figure.step, figure.qualifier)
            sign = -1 if figure.negative else 1
            if kind == "amount" and not figure.negative and figure.unit not in ("%",):
                sign = about_to_sign(abouts[i])
            if kind == "change":
                sign = direction * (-1 if figure.negative else 1)
            value = figure.magnitude * sign
            if sign < 0:
                low, high = -high, -low
            relative: tuple[int, ...] = ()
            base_period = base_periods[i]
            period = periods[i]
            if kind in ("change", "ratio"):
                current = _current_figure(text, figures, kinds, i, {b for b in base_figures if b is not None},
                                          deltas)
                if current is not None:
                    relative = (ids[current],)
                    period = periods[current]
                    if base_figures[i] is not None:
                        relative += (ids[base_figures[i]],)
                        base_period = periods[base_figures[i]]
            unit = figure.unit
            if kind == "amount" and unit == "USD":
                since = max(lo, figure.start - 80, figures[i - 1].tail if i else lo)
                unit = lead_to_unit(text[since:figure.start]) or unit
            span = passage.span(figure.start, figure.end)
            claims.append(Claim(
                id=ids[i], document=passage.document, sentence=flat,
                text=figure.text, value=value, unit=unit if kind != "share" else "%",
                low=low, high=high, qualifier=figure.qualifier, about=abouts[i], period=period,
                line=span.line, col=span.col, end_col=span.end_col, kind=kind, context=context,
                base_period=base_period, relative_to=relative, forward=forward,
            ))
        paragraph_period = paragraph_period_next or paragraph_period
    return claims


def find_claims(report: Report, settings: ClaimSettings = ClaimSettings()) -> tuple[list[Claim], list[Problem]]:
    """The claims of a report's narrative paragraphs, and the problems met reading them."""
    problems: list[Problem] = []
    cal = report_to_calendar(report)
    claims: list[Claim] = []
    for passage in blocks_to_passages(report.blocks, keep=may_have_figures):
        try:
            claims.extend(passage_to_claims(passage, cal, len(claims), settings))
        except (ValueError, ArithmeticError, IndexError) as exc:  # one odd paragraph must not lose the rest
            line = passage.line_of(0)
            problems.append(Problem("claims", f"could not read claims of this paragraph: {exc}", line=line,
                                    severity="warning"))
    return claims, problems

