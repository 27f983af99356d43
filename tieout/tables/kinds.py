"""What a table is for: figures, or a table of contents, an index or a form's cover page.

A table of contents is set like a table (labels, then a column of numbers), but its numbers are
page numbers: small whole numbers, printed without ``$``, commas, decimals or parentheses, that
rise down the page. Its "facts" would be junk beside real figures, so such a table is kept (it is
shown) but gives no facts.

A cover page's grid (the form's "Commission file number", "I.R.S. Employer Identification No.",
"(Zip Code)") holds identifiers, not figures: likewise no facts.

    table_kind(title, columns, rows) -> "data" | "contents" | "cover"
"""

from __future__ import annotations

import re

from tieout.model import Column, Row

_CONTENTS_WORDS = re.compile(r"\b(?:table\s+of\s+contents|contents|index)\b|\bpage\b", re.IGNORECASE)
# a form's cover page: its numbers are file numbers, tax identification numbers and ZIP codes
_COVER_WORDS = re.compile(r"pursuant\s+to\s+section\s+13|commission\s+file\s+(?:no|number)|i\.\s?r\.\s?s\.\s+employer|"
                          r"employer\s+identification|\(zip\s+code\)|state\s+or\s+other\s+jurisdiction", re.IGNORECASE)
_MIN_ROWS = 3
_TOTAL = re.compile(r"(?:total|sub-?total|net)\b", re.IGNORECASE)


def table_kind(title: str, columns: tuple[Column, ...] | list[Column], rows: tuple[Row, ...]) -> str:
    if _COVER_WORDS.search(title) or any(_COVER_WORDS.search(row.label) for row in rows[:12]):
        return "cover"
    pages = _page_numbers(rows)
    if pages is None or len(pages) < _MIN_ROWS:
        return "data"
    rising = sum(1 for a, b in zip(pages, pages[1:]) if b >= a)
    named = bool(_CONTENTS_WORDS.search(title) or any(_CONTENTS_WORDS.search(c.header) for c in columns))
    # page numbers rise down a contents page; a title that says so needs fewer of them in order
    if rising >= 0.8 * (len(pages) - 1) or (named and rising >= 0.6 * (len(pages) - 1)):
        return "contents"
    return "data"


def _page_numbers(rows: tuple[Row, ...]) -> list[int] | None:
    """The numbers of a one-number-per-row table, if every one could be a page number, else None."""
    pages: list[int] = []
    for row in rows:
        if row.heading:
            continue
        cells = [c for c in row.cells if c is not None]
        if not cells:
            continue
        if _TOTAL.match(row.label.lstrip(" (*-")) or row.rule_above:
            return None  # a total under its items: figures that add up, not pages
        if len(cells) > 1:
            return None
        cell = cells[0]
        if cell.value is None or cell.nil or cell.percent or cell.decimals or not cell.display.isdigit() \
                or not 1 <= cell.value <= 999:
            return None
        pages.append(int(cell.value))
    return pages
