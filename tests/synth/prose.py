"""The words around the tables: a fictional company, a headline, a short narrative.

Why: a reader meets tables inside a release, after a headline and paragraphs
full of numbers ("net income of $3.0 million, or $.06 per share") that are not
table cells. The narrative quotes the tables' own figures, so it is true, but
it is not part of the key: only table cells are.
"""

from __future__ import annotations

import random
import textwrap
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from tests.synth.fiscal import MONTH_NAMES, ORDINALS, full_date

NAMES = ("Northwind", "Bluestem", "Cedar Ridge", "Halvorsen", "Tamarack", "Ridgeline", "Copperfield", "Marlow",
         "Ashby", "Silverlake", "Pinecrest", "Larkspur", "Quillon", "Brightwater", "Ironvale", "Kestrel",
         "Stonegate", "Harrowgate", "Fenwick", "Alder Creek", "Whitcombe", "Orrin", "Calloway", "Dunmore")
TRADES = ("Industries", "Technologies", "Manufacturing", "Systems", "Foods", "Instruments", "Products", "Electronics")
LEGAL = ("Inc.", "Corp.", "Corporation", "Incorporated", "Co.")
BANK_FORMS = ("{} Bancorp", "{} Bancorp, Inc.", "{} Bancshares, Inc.", "{} Financial Corp.", "{} Bancorp")
PLACES = (("HELENA", "Montana"), ("DAYTON", "Ohio"), ("SPOKANE", "Washington"), ("ROCKFORD", "Illinois"),
          ("TOLEDO", "Ohio"), ("FRESNO", "California"), ("WICHITA", "Kansas"), ("BANGOR", "Maine"),
          ("ERIE", "Pennsylvania"), ("MOBILE", "Alabama"), ("BOISE", "Idaho"), ("DULUTH", "Minnesota"))


@dataclass(frozen=True)
class Company:
    name: str  # "Northwind Industries, Inc."
    short: str  # "Northwind"
    ticker: str
    city: str
    state: str
    bank: bool


def draw_company(rng: random.Random, bank: bool) -> Company:
    short = rng.choice(NAMES)
    if bank:
        name = rng.choice(BANK_FORMS).format(short)
    else:
        legal = rng.choice(LEGAL)
        name = f"{short} {rng.choice(TRADES)}{',' if legal != 'Co.' and rng.random() < 0.5 else ''} {legal}"
    ticker = "".join(c for c in short.upper() if c.isalpha())[:4]
    city, state = rng.choice(PLACES)
    return Company(name, short, ticker, city, state, bank)


@dataclass(frozen=True)
class Figures:
    """The headline figures as the income statement prints them (base units): this period and last year's."""

    revenue: tuple[Decimal, Decimal]
    net_income: tuple[Decimal, Decimal]
    eps: tuple[Decimal, Decimal]
    revenue_words: str  # "sales", "net interest income"


def release_lines(rng: random.Random, company: Company, quarter: int, year: bool, end: date, figures: Figures,
                  tab_indent: bool) -> list[str]:
    """Headline block and narrative paragraphs, wrapped, ready to print above the tables.

    ``figures`` are for the fiscal year when ``year``, else for the quarter.
    """
    width = rng.randint(70, 78)
    period = "fiscal year" if year else f"{ORDINALS[quarter].lower()} quarter"
    what = "YEAR-END" if period == "fiscal year" else f"{ORDINALS[quarter].upper()} QUARTER"
    headline = rng.choice((f"{company.short.upper()} REPORTS {what} RESULTS",
                           f"{company.name.upper()} ANNOUNCES {what} {end.year} EARNINGS",
                           f"{company.short} Reports {what.title()} Earnings"))
    released = end + timedelta(days=rng.randint(14, 45))
    lines = ["", headline.center(width).rstrip()]
    if rng.random() < 0.5:
        lines.append(f"For the Period Ended {full_date(end, False)}".center(width).rstrip())
    if rng.random() < 0.5:
        lines.append(f"For release: {full_date(released, False)}".center(width).rstrip())
    lines.append("")
    indent = " " * (8 if tab_indent else rng.choice((0, 4, 5, 6)))  # eight blanks are retyped as a tab
    for paragraph in _paragraphs(rng, company, period, end, released, figures):
        lines.extend(textwrap.wrap(paragraph, width, initial_indent=indent))
        lines.append("")
    return lines


def _paragraphs(rng: random.Random, company: Company, period: str, end: date, released: date,
                figures: Figures) -> list[str]:
    exchange = rng.choice(("NASDAQ", "NYSE", "AMEX"))
    dateline = f"{company.city}, {company.state}, {MONTH_NAMES[released.month]} {released.day}, {released.year} --"
    first = (f"{dateline} {company.name} ({exchange}: {company.ticker}) today reported "
             f"{_income_words(figures.net_income[0])}, or {_per_share(figures.eps[0])} per share, for the {period} "
             f"ended {full_date(end, False)}, compared with {_income_words(figures.net_income[1])}, or "
             f"{_per_share(figures.eps[1])} per share, for the {period} a year earlier.")
    revenue_now, revenue_then = figures.revenue
    if revenue_then > 0:
        change = ((revenue_now - revenue_then) * 100 / revenue_then).quantize(Decimal(1), ROUND_HALF_UP)
        verb = "rose" if change >= 0 else "declined"
        first += (f" {figures.revenue_words.capitalize()} {verb} {abs(change)}% to {_money(revenue_now)} "
                  f"from {_money(revenue_then)}.")
    paragraphs = [first]
    if rng.random() < 0.6:
        officer = rng.choice(("president and chief executive officer", "chairman", "chief financial officer"))
        person = rng.choice(("Dana Ellery", "Morgan Fitch", "Avery Lund", "Jordan Pike", "Casey Varga"))
        paragraphs.append(f'"We are pleased with the progress our people made this {period}," said {person}, '
                          f"{company.short}'s {officer}. \"Our order backlog and our balance sheet leave us well "
                          'placed for the rest of the year."')
    return paragraphs


def _income_words(amount: Decimal) -> str:
    return f"net income of {_money(amount)}" if amount >= 0 else f"a net loss of {_money(-amount)}"


def _per_share(amount: Decimal) -> str:
    if abs(amount) < 1:
        cents = int((abs(amount) * 100).to_integral_value())
        return f"{cents} cent{'s' if cents != 1 else ''}" if amount >= 0 else f"a loss of {cents} cents"
    return f"${amount:.2f}" if amount >= 0 else f"a loss of ${-amount:.2f}"


def _money(amount: Decimal) -> str:
    if amount >= 10 ** 9:
        return f"${amount / 10 ** 9:.1f} billion"
    if amount >= 10 ** 6:
        return f"${amount / 10 ** 6:.1f} million"
    return f"${amount:,.0f}"


def closing_lines(rng: random.Random, company: Company) -> list[str]:
    if rng.random() < 0.5:
        return ["", "# # #".center(72).rstrip()]
    return ["", f"    For further information: investor relations, {company.name}",
            f"    {company.city.title()}, {company.state}"]
