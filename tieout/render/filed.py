"""An HTML filing as filed: its own markup, sanitized, with tieout's mark on every number.

Why: from 2001 on a filing is an HTML page, and a reviewer ticks and ties on the page the
filer published, not on tieout's text layout of it. The viewer therefore shows the filing's
own HTML. That HTML is untrusted, so it passes through an allow-list sanitizer (nh3, the
Python binding of the Rust crate ammonia; see docs.md in this folder) that keeps layout
only: tables, paragraphs, fonts, in-document links; never script, event attributes, URLs,
images, frames, forms, ``<meta>``, ``<base>`` or ``<link>``.

Marks are placed by source offset, before sanitizing, so they sit on exactly the characters
the facts point at (``line``/``col`` of the file, tags counted):

    markup_to_tokens    where the tags, comments and raw-text elements are; text lies between
    marks_to_pieces     a mark's (line, col, end_col) -> stretches of text, cut where a tag is
    insert_sentinels    each stretch wrapped in private-use sentinels that carry a per-page nonce
    sanitize            nh3 with the allow-list; style attributes -> classes of one stylesheet
    sentinels_to_marks  the sentinels -> the text view's ``<mark>`` elements (same ids, classes,
                        data attributes), so the browser script works unchanged

The filing cannot forge a mark: its own ``<mark>`` tags and ``class`` attributes are dropped,
and a sentinel is only honoured with the nonce drawn for this page. Its ``id``/``name``
attributes are prefixed ``f-`` (in-document ``#links`` with them), so none can shadow an
element of the viewer. Inline styles are blocked by the page's CSP (no ``'unsafe-inline'``),
so each style attribute is filtered to safe layout properties and becomes a class; the
stylesheet of those classes is served (or inlined under its hash) like the viewer's own.
"""

from __future__ import annotations

import bisect
import hashlib
import re
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import unescape

import nh3

from tieout.source.html.parse import line_starts

# ---------------------------------------------------------------------------
# the allow-list

LAYOUT_TAGS = frozenset("""table thead tbody tfoot tr td th caption col colgroup p div span b strong i em u s
strike small big tt code br sup sub font center hr h1 h2 h3 h4 h5 h6 ul ol li dl dt dd a pre blockquote
ins del""".split())
# removed with everything inside them (their text is not part of the page a reader sees)
DROPPED_WITH_CONTENT = frozenset("""script style title head noscript template xml ix:header iframe object
embed applet frameset frame noframes noembed svg math textarea select button""".split())
_CELL = {"colspan", "rowspan", "valign", "width", "height", "nowrap", "bgcolor"}
ATTRIBUTES: dict[str, set[str]] = {
    "*": {"style", "id", "align"},
    "table": {"width", "border", "cellpadding", "cellspacing", "bgcolor"},
    "tr": {"valign", "bgcolor", "height"},
    "td": _CELL, "th": _CELL,
    "col": {"span", "width", "valign"}, "colgroup": {"span", "width", "valign"},
    "font": {"size", "color", "face"},
    "hr": {"size", "width", "noshade", "color"},
    "a": {"href", "name"},
    "ol": {"start", "type"}, "ul": {"type"}, "li": {"value", "type"},
    "br": {"clear"},
}

_INT = re.compile(r"[+-]?\d{1,4}")
_LENGTH = re.compile(r"\d{1,5}(?:\.\d{1,4})?(?:%|px)?")
_COLOR = re.compile(r"#?[0-9A-Za-z]{1,20}")
_NAME = re.compile(r"[\w.:-]{1,100}")
_FACE = re.compile(r"[\w ,'\"-]{1,100}")
_WORDS = {
    "align": {"left", "right", "center", "justify"},
    "valign": {"top", "middle", "bottom", "baseline"},
    "clear": {"left", "right", "all", "none"},
    "type": {"1", "a", "i", "disc", "circle", "square"},
}
_PATTERNS = {"colspan": _INT, "rowspan": _INT, "span": _INT, "start": _INT, "value": _INT, "size": _INT,
             "border": _INT, "cellpadding": _INT, "cellspacing": _INT, "width": _LENGTH, "height": _LENGTH,
             "color": _COLOR, "bgcolor": _COLOR, "face": _FACE}
ID_PREFIX = "f-"

# inline style: the properties that lay a page out, and nothing that loads, moves or overlays
STYLE_PROPERTIES = frozenset("""color background-color background text-align vertical-align font font-family
font-size font-style font-weight font-variant text-decoration text-decoration-line text-decoration-style
text-decoration-color text-indent text-transform line-height letter-spacing word-spacing white-space
word-break word-wrap overflow-wrap border border-top border-right border-bottom border-left border-width
border-style border-color border-top-width border-right-width border-bottom-width border-left-width
border-top-style border-right-style border-bottom-style border-left-style border-top-color
border-right-color border-bottom-color border-left-color border-collapse border-spacing padding
padding-top padding-right padding-bottom padding-left margin margin-top margin-right margin-bottom
margin-left width min-width max-width height min-height max-height display table-layout caption-side
empty-cells list-style list-style-type float clear overflow overflow-x overflow-y page-break-before
page-break-after page-break-inside break-before break-after break-inside""".split())
DISPLAY_VALUES = frozenset("""none block inline inline-block table inline-table table-row table-cell
table-row-group table-header-group table-footer-group table-column table-column-group table-caption
list-item""".split())
_STYLE_VALUE = re.compile(r"[#\w\s.,%'\"+\-/()]*")
_STYLE_FUNCTION = re.compile(r"([A-Za-z-]*)\s*\(")
COLOR_FUNCTIONS = frozenset({"rgb", "rgba", "hsl", "hsla"})
_IMPORTANT = re.compile(r"\s*!\s*important\s*$", re.I)

# sentinels: private-use characters that no sanitizer touches
OPEN, OPEN_END, CLOSE, CLOSE_END = "\ue000", "\ue001", "\ue002", "\ue003"
_SENTINEL_CHARS = {ord(c): None for c in (OPEN, OPEN_END, CLOSE, CLOSE_END)}


def style_declarations(style: str) -> str:
    """A style attribute filtered to safe layout declarations, normalised ("prop:value;..."); "" if none."""
    kept = []
    for declaration in style.split(";"):
        name, colon, value = declaration.partition(":")
        name, value = name.strip().lower(), (_IMPORTANT.sub("", value) if "!" in value else value).strip()
        if not colon or not value or name not in STYLE_PROPERTIES or len(value) > 200:
            continue
        if not _STYLE_VALUE.fullmatch(value):
            continue  # no url(, \\ escapes, comments, braces, @, <, ;
        if any(f.lower() not in COLOR_FUNCTIONS for f in _STYLE_FUNCTION.findall(value)):
            continue  # url(), expression(), var(), image-set() ...
        if name == "display" and value.lower() not in DISPLAY_VALUES:
            continue
        kept.append(f"{name}:{value}")
    return ";".join(kept)


def style_class(declarations: str) -> str:
    """The class standing for a set of declarations: named by their hash, the same on every page."""
    return "fs" + hashlib.blake2s(declarations.encode("utf-8"), digest_size=5).hexdigest()


def _attribute_value(attribute: str, value: str) -> str | None:
    """A layout attribute's value if it has the shape that attribute takes, else None (dropped)."""
    words = _WORDS.get(attribute)
    if words is not None:
        return value.strip() if value.strip().lower() in words else None
    if attribute in ("nowrap", "noshade"):
        return ""
    pattern = _PATTERNS.get(attribute)
    if pattern is not None:
        return value.strip() if pattern.fullmatch(value.strip()) else None
    return None


class Sanitizer:
    """One sanitizing pass: nh3 with the allow-list; records the style classes it hands out."""

    def __init__(self) -> None:
        self.styles: dict[str, str] = {}  # class -> declarations
        self.seen: dict[str, str | None] = {}  # style attribute as filed -> its class (a page repeats a few)
        self.cleaner = nh3.Cleaner(
            tags=set(LAYOUT_TAGS), clean_content_tags=set(DROPPED_WITH_CONTENT),
            attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
            attribute_filter=self.attribute, strip_comments=True, link_rel=None,
            url_schemes=set(), url_relative="pass_through")

    def attribute(self, tag: str, attribute: str, value: str) -> str | None:
        if tag not in LAYOUT_TAGS:
            return None
        value = value.translate(_SENTINEL_CHARS)
        if attribute == "style":
            if value not in self.seen:
                declarations = style_declarations(value)
                name = style_class(declarations) if declarations else None
                if name:
                    self.styles[name] = declarations
                self.seen[value] = name
            return self.seen[value]  # written as class="..." by Sanitizer.clean
        if attribute in ("id", "name"):
            value = value.strip()
            return ID_PREFIX + value if _NAME.fullmatch(value) else None
        if attribute == "href":
            value = value.strip()
            return "#" + ID_PREFIX + value[1:] if value.startswith("#") and _NAME.fullmatch(value[1:]) else None
        return _attribute_value(attribute, value)

    def clean(self, markup: str) -> str:
        return _STYLE_ATTRIBUTE.sub(r'\1 class="\2"', self.cleaner.clean(markup))


# in nh3's output a "<" only ever opens a tag (text has &lt;), and the attribute values kept
# contain neither "<" nor ">", so this finds exactly the style attributes it wrote
_STYLE_ATTRIBUTE = re.compile(r'(<[a-z][a-z0-9]*\b[^<>]*?) style="(fs[0-9a-f]{10})"')


def styles_to_css(styles: dict[str, str]) -> str:
    """The stylesheet of a page's style classes, scoped to the filed view."""
    return "".join(f".tv-filed .{name}{{{declarations}}}\n" for name, declarations in sorted(styles.items()))


# ---------------------------------------------------------------------------
# where the text is

_RAW_TEXT = "script|style|textarea|title|xmp|iframe|noembed|noframes|noscript"
_TOKEN = re.compile(
    r"<(" + _RAW_TEXT + r")\b(?:=\s*+\"[^\"]*+\"|=\s*+'[^']*+'|[^>])*+>.*?(?:</\1\s*+>|\Z)"  # raw text
    r"|<plaintext\b.*"
    r"|<!--.*?(?:--!?>|\Z)"                                   # comment
    r"|<[!?][^>]*+>?"                                         # doctype, bogus comment, <?xml ?>
    r"|</?[A-Za-z][^\s/>]*+(?:=\s*+\"[^\"]*+\"|=\s*+'[^']*+'|[^>])*+>?",  # tag; quoted values may hold >
    re.S | re.I)
_ENTITY = re.compile(r"&(?:#[0-9]{1,8};?|#[xX][0-9a-fA-F]{1,7};?|[A-Za-z][A-Za-z0-9]{1,31};?)")
_BLANK_CHARS = r"(?:\s|&nbsp;?|&#0*160;?|&#[xX]0*[aA]0;?)"
_BLANK = re.compile(_BLANK_CHARS + "*")
_LEADING_BLANK = re.compile(_BLANK_CHARS + "+")
_TRAILING_BLANK = re.compile(_BLANK_CHARS + r"+\Z")


@dataclass(frozen=True, slots=True)
class Tokens:
    """The stretches of markup that are not text (tags, comments, raw-text elements), in order."""

    starts: list[int]
    ends: list[int]

    def inside(self, offset: int) -> bool:
        k = bisect.bisect_right(self.starts, offset) - 1
        return k >= 0 and self.ends[k] > offset

    def next_start(self, offset: int) -> int:
        """Where the first token at or after ``offset`` starts (the end of the text there)."""
        k = bisect.bisect_left(self.starts, offset)
        return self.starts[k] if k < len(self.starts) else 1 << 62

    def text_between(self, start: int, end: int) -> list[tuple[int, int]]:
        """The text stretches of [start, end): the range less every token in it."""
        out = []
        k = bisect.bisect_right(self.starts, start)
        pos = start
        while pos < end:
            stop = min(self.starts[k], end) if k < len(self.starts) else end
            if stop > pos:
                out.append((pos, stop))
            if k >= len(self.starts) or self.starts[k] >= end:
                break
            pos = self.ends[k]
            k += 1
        return out


def markup_to_tokens(markup: str) -> Tokens:
    starts, ends = [], []
    for found in _TOKEN.finditer(markup):
        starts.append(found.start())
        ends.append(found.end())
    return Tokens(starts, ends)


# ---------------------------------------------------------------------------
# marks -> pieces of text


def _char_at(markup: str, pos: int, limit: int) -> tuple[str, int]:
    """The character the text has at ``pos`` (an entity decoded) and where the next one starts."""
    if markup[pos] == "&":
        entity = _ENTITY.match(markup, pos, limit)
        if entity:
            return unescape(entity.group()), entity.end()
    return markup[pos], pos + 1


def _number_end(markup: str, start: int, end: int, limit: int) -> int:
    """``end`` moved to the end of the number it would cut: a fact of a word holding an entity
    (``5&#44;600``) is placed by its first character only, so its end falls inside it."""
    while end < limit:
        char, after = _char_at(markup, end, limit)
        if char.isdigit():
            end = after
        elif char in ",." and after < limit and _char_at(markup, after, limit)[0].isdigit():
            end = after
        elif char in ")%" and end > start and (markup[start] == "(" or char == "%"):
            return after
        else:
            break
    return end


def _snap(markup: str, start: int, end: int, limit: int) -> tuple[int, int]:
    """A stretch trimmed of blanks, its end moved past an entity (``&#8212;``) or number it would
    cut; ``limit`` is where its text ends (the next tag, or the end of the line)."""
    last = markup[end - 1] if end > start else ""
    amp = markup.rfind("&", max(start, end - 40), end)
    if amp >= 0:
        entity = _ENTITY.match(markup, amp, limit)
        if entity and entity.end() >= end:
            end = entity.end()
            last = unescape(entity.group())
    if last.isdigit() or last in ("(", ",", "."):
        end = _number_end(markup, start, end, limit)
    text = markup[start:end]
    lead = _LEADING_BLANK.match(text)
    trail = _TRAILING_BLANK.search(text)
    if lead and lead.end() == len(text):
        return start, start
    return start + (lead.end() if lead else 0), end - (len(text) - trail.start() if trail else 0)


def marks_to_pieces(markup: str, line_starts: Sequence[int], first_line: int, marks: Iterable,
                    tokens: Tokens) -> list[tuple[int, int, int, bool]]:
    """(start, end, mark id, first piece?) of every stretch of text a mark covers, in order.

    ``marks`` have ``id``, ``kind``, ``line``, ``col`` and ``end_col`` (1-based, end exclusive, on
    line ``line`` of the file); ``markup`` is the file's lines ``first_line`` on, joined by
    "\\n". A mark whose first character is not text, or that overlaps the mark before it
    (a fact before a claim or a bare cell at one place), gets no piece.
    """
    pieces: list[tuple[int, int, int, bool]] = []
    taken = -1
    n = len(line_starts)
    for m in sorted(marks, key=lambda m: (m.line, m.col, m.kind != "fact")):
        k = m.line - first_line
        if not 0 <= k < n:
            continue
        line_end = line_starts[k + 1] - 1 if k + 1 < n else len(markup)
        start = line_starts[k] + m.col - 1
        end = min(line_starts[k] + max(m.end_col, m.col + 1) - 1, line_end)
        if start >= line_end or start < taken or tokens.inside(start):
            continue
        first = True
        for a, b in tokens.text_between(start, end):
            a, b = _snap(markup, a, b, min(tokens.next_start(b), line_end))
            if b <= a or _BLANK.fullmatch(markup, a, b):
                continue
            pieces.append((a, b, m.id, first))
            first = False
            taken = b
    return pieces


def insert_sentinels(markup: str, pieces: Sequence[tuple[int, int, int, bool]], nonce: str) -> str:
    out = []
    pos = 0
    close = CLOSE + nonce + CLOSE_END
    for a, b, mark_id, first in pieces:
        out.append(markup[pos:a])
        out.append(OPEN + nonce + str(mark_id) + ("" if first else "+") + OPEN_END)
        out.append(markup[a:b])
        out.append(close)
        pos = b
    out.append(markup[pos:])
    return "".join(out)


def sentinels_to_marks(html: str, marks_by_id: dict, nonce: str) -> tuple[str, frozenset[int]]:
    """The sentinels of this page's nonce as the view's mark elements; the ids placed."""
    placed: set[int] = set()

    def open_tag(found: re.Match) -> str:
        mark = marks_by_id.get(int(found.group(1)))
        if mark is None:
            return ""
        cls = f"m m-{mark.kind} s-{mark.status}"
        if found.group(2):  # a later piece of a number cut by a tag
            return f'<mark class="{cls} m-more" data-m="{mark.id}">'
        placed.add(mark.id)
        return f'<mark class="{cls}" id="m{mark.id}" data-m="{mark.id}" tabindex="0">'

    html = re.sub(re.escape(OPEN + nonce) + r"(\d{1,9})(\+?)" + OPEN_END, open_tag, html)
    html = html.replace(CLOSE + nonce + CLOSE_END, "</mark>")
    return html, frozenset(placed)


# ---------------------------------------------------------------------------
# one HTML document of the file


@dataclass(frozen=True, slots=True)
class FiledPart:
    """One HTML document of the file, ready to show: lines ``first``..``last`` as filed."""

    document: str
    first: int
    last: int
    html: str  # sanitized, with the marks; safe to output as is
    placed: frozenset[int]  # ids of the marks it shows


def part_markup(raw_lines: Sequence[str], first: int, last: int) -> str:
    return "\n".join(raw_lines[first - 1:last])


def part_to_filed(raw_lines: Sequence[str], first: int, last: int, marks: Sequence, *,
                  document: str = "", sanitizer: Sanitizer | None = None) -> FiledPart:
    """Lines ``first``..``last`` of the file (an HTML document) sanitized, ``marks`` on their numbers."""
    sanitizer = sanitizer or Sanitizer()
    markup = part_markup(raw_lines, first, last)
    inside = [m for m in marks if first <= m.line <= last]
    nonce = secrets.token_hex(8)
    pieces = marks_to_pieces(markup, line_starts(markup), first, inside, markup_to_tokens(markup)) if inside else []
    html = sanitizer.clean(insert_sentinels(markup, pieces, nonce))
    html, placed = sentinels_to_marks(html, {m.id: m for m in inside}, nonce)
    return FiledPart(document=document, first=first, last=last, html=html, placed=placed)


def parts_to_filed(raw_lines: Sequence[str], parts: Sequence[tuple[str, int, int]],
                   marks: Sequence) -> tuple[tuple[FiledPart, ...], str]:
    """Every HTML document of the file as filed, and the stylesheet of their style classes."""
    sanitizer = Sanitizer()
    filed = tuple(part_to_filed(raw_lines, first, last, marks, document=name, sanitizer=sanitizer)
                  for name, first, last in _valid_parts(parts, len(raw_lines)))
    return filed, styles_to_css(sanitizer.styles)


def filed_css(raw_lines: Sequence[str], parts: Sequence[tuple[str, int, int]]) -> str:
    """Only the stylesheet of the file's HTML documents (the viewer serves it on its own URL)."""
    sanitizer = Sanitizer()
    for _, first, last in _valid_parts(parts, len(raw_lines)):
        sanitizer.clean(part_markup(raw_lines, first, last))
    return styles_to_css(sanitizer.styles)


def _valid_parts(parts, n_lines: int) -> list[tuple[str, int, int]]:
    """Parts in file order, inside the file, none overlapping the one before."""
    out: list[tuple[str, int, int]] = []
    for name, first, last in sorted(parts, key=lambda p: p[1]):
        first, last = max(int(first), 1), min(int(last), n_lines)
        if last >= first and (not out or first > out[-1][2]):
            out.append((str(name), first, last))
    return out
