"""An HTML filing as filed (tieout.render.filed): marks placed by source offset, then sanitized.

Hand-written HTML with exactly known offsets: entities, &nbsp;, nested tags, a number cut by
tags, marks at the start and end of cells; and the allow-list against markup that would run
script, load something or pose as one of tieout's marks.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, SHARED
from tieout.render.filed import (Sanitizer, markup_to_tokens, part_to_filed, parts_to_filed, style_class,
                                 style_declarations, styles_to_css)
from tieout.render.html import report_to_html, view_to_html
from tieout.render.view import report_to_view, rows_to_view

HOSTILE = FIXTURES / "html" / "hostile-release.htm"


@dataclass(frozen=True)
class M:
    id: int
    line: int
    col: int
    end_col: int
    kind: str = "fact"
    status: str = "pass"


def at(lines: list[str], text: str, mark_id: int = 0, length: int | None = None, nth: int = 0, **kw) -> M:
    """A mark on the ``nth`` occurrence of ``text`` in ``lines`` (1-based line and column)."""
    seen = 0
    for number, line in enumerate(lines, start=1):
        start = -1
        while True:
            start = line.find(text, start + 1)
            if start < 0:
                break
            if seen == nth:
                col = start + 1
                return M(mark_id, number, col, col + (len(text) if length is None else length), **kw)
            seen += 1
    raise AssertionError(f"{text!r} not in the markup")


def filed(markup: str, marks) -> tuple[str, frozenset[int]]:
    lines = markup.split("\n")
    part = part_to_filed(lines, 1, len(lines), marks)
    return part.html, part.placed


def marked(html: str) -> list[tuple[str, str]]:
    """(data-m, text) of every mark element, in order."""
    return re.findall(r'<mark class="[^"]*" (?:id="m\d+" )?data-m="(\d+)"[^>]*>(.*?)</mark>', html)


# ---------------------------------------------------------------------------
# placing marks


def test_marks_at_start_and_end_of_cells_wrap_exactly_the_number():
    markup = '<table><tr><td>Cash</td><td align="right">1,000</td><td>900</td></tr></table>'
    lines = [markup]
    html, placed = filed(markup, [at(lines, "1,000", 0), at(lines, "900", 1, status="fail")])
    assert placed == {0, 1}
    assert '<td align="right"><mark class="m m-fact s-pass" id="m0" data-m="0" tabindex="0">1,000</mark></td>' in html
    assert '<td><mark class="m m-fact s-fail" id="m1" data-m="1" tabindex="0">900</mark></td>' in html


def test_entities_and_nbsp_around_and_inside_a_number():
    markup = "<p>net&nbsp;$&nbsp;(5&#44;600) and &#8212; and 7&nbsp;</p>"
    lines = [markup]
    # a word with an entity is placed by its first character only (the reader's anchor): the
    # mark still covers the whole number, and an entity is never cut
    html, placed = filed(markup, [at(lines, "(5&#44;", 0, length=1), at(lines, "&#8212;", 1, length=1),
                                  at(lines, "7&nbsp;", 2, length=7)])
    assert placed == {0, 1, 2}
    assert marked(html) == [("0", "(5,600)"), ("1", "\u2014"), ("2", "7")]
    assert "net&nbsp;$&nbsp;<mark" in html


def test_a_number_cut_by_tags_is_marked_in_pieces_the_first_with_the_id():
    markup = "<td><font>2,<b>000</b></font></td>"
    lines = [markup]
    html, placed = filed(markup, [at(lines, "2,<b>000", 0)])
    assert placed == {0}
    assert marked(html) == [("0", "2,"), ("0", "000")]
    assert html.count('id="m0"') == 1 and 'm-more" data-m="0">000</mark>' in html
    assert "<b><mark" in html and "</mark></b>" in html  # each piece nested inside its own element


def test_nested_tags_and_a_number_across_lines():
    markup = "<div><p><span><i>Revenue of\n$43.6 million</i></span></p></div>"
    lines = markup.split("\n")
    html, _ = filed(markup, [at(lines, "$43.6 million", 0, kind="claim", status="none")])
    assert marked(html) == [("0", "$43.6 million")]
    assert '<mark class="m m-claim s-none" id="m0"' in html


def test_a_mark_inside_a_tag_a_comment_or_a_script_is_not_placed():
    markup = '<p title="1,234">x</p><!-- 5,678 --><script>var a = "9,999";</script><p>4,321</p>'
    lines = [markup]
    marks = [at(lines, "1,234", 0), at(lines, "5,678", 1), at(lines, "9,999", 2), at(lines, "4,321", 3)]
    html, placed = filed(markup, marks)
    assert placed == {3}
    assert "5,678" not in html and "9,999" not in html and "title" not in html


def test_an_overlapping_mark_gives_way_to_the_fact_before_it():
    markup = "<p>total 1,234 here</p>"
    lines = [markup]
    html, placed = filed(markup, [at(lines, "1,234", 0), at(lines, "234", 1, kind="cell")])
    assert placed == {0} and marked(html) == [("0", "1,234")]


def test_a_quoted_greater_than_does_not_end_a_tag():
    markup = '<td title="a > b">1,000</td><td>2,000</td>'
    tokens = markup_to_tokens(markup)
    assert tokens.inside(markup.index("a > b") + 3)
    assert not tokens.inside(markup.index("1,000"))
    html, placed = filed(markup, [at([markup], "1,000", 0), at([markup], "2,000", 1)])
    assert placed == {0, 1}


def test_marks_outside_the_part_or_the_line_are_ignored():
    lines = ["<p>1,000</p>", "<p>2,000</p>"]
    part = part_to_filed(lines, 2, 2, [M(0, 1, 4, 9), M(1, 2, 4, 9), M(2, 2, 40, 44)])
    assert part.placed == {1} and marked(part.html) == [("1", "2,000")]


# ---------------------------------------------------------------------------
# sanitizing


def test_script_events_urls_and_loads_are_removed():
    html = Sanitizer().clean(HOSTILE.read_text(encoding="utf-8"))
    lowered = html.lower()
    for gone in ("<script", "<style", "<img", "<iframe", "<object", "<embed", "<svg", "<math", "<form",
                 "<input", "<button", "<video", "<source", "<link", "<meta", "<base", "<template",
                 "<noscript", "<title", "javascript:", "198.51.100.7", "url(", "expression", "@import",
                 "font-face", "pwned", "onload", "onerror", "onclick", "onmouseover", "srcdoc", "position",
                 "z-index", "background-image", "style=", "evil"):
        assert gone not in lowered, gone
    assert re.search(r"\son\w+=", lowered) is None
    assert '<a href="#f-sheet">the balance sheet</a>' in html and '<a name="f-sheet">' in html


def test_the_filing_cannot_pose_as_a_mark_or_an_element_of_the_viewer():
    html = Sanitizer().clean(HOSTILE.read_text(encoding="utf-8"))
    assert "<mark" not in html and 'class="m' not in html and "tv-side" not in html
    assert 'id="f-tieout-data"' in html and 'id="f-tv-doc"' in html and 'id="m0"' not in html
    # the private-use sentinels, written as entities by the filing, cannot become marks
    part = part_to_filed(HOSTILE.read_text(encoding="utf-8").split("\n"), 1, 60, [])
    assert "<mark" not in part.html and part.placed == frozenset()


def test_style_keeps_layout_only():
    assert style_declarations("text-align:right; padding-left:12pt") == "text-align:right;padding-left:12pt"
    assert style_declarations("display:none") == "display:none"
    assert style_declarations("DISPLAY: NONE !important") == "display:NONE"
    for hostile in ("background:url(http://x/a.png)", "background-image:url(x)", "width:expression(alert(1))",
                    "position:fixed", "z-index:99", "behavior:url(x.htc)", "}body{color:red",
                    "font-family:\\75rl(x)", "content:'x'", "display:-webkit-box", "color:var(--x)",
                    "-moz-binding:url(x)", "background:#fff url(x)", "margin:1px/*x*/", "width:calc(1px)"):
        assert style_declarations(hostile) == "", hostile
    assert style_declarations("color:red;}body{x:y") == "color:red"  # the brace never reaches the sheet
    assert style_declarations("color:rgb(0, 0, 0);border-bottom:3px double #000") == \
        "color:rgb(0, 0, 0);border-bottom:3px double #000"


def test_style_attributes_become_classes_of_one_scoped_stylesheet():
    sanitizer = Sanitizer()
    html = sanitizer.clean('<p style="text-align:center">a</p><table><tr><td style="text-align:center;position:fixed">b</td></tr></table>'
                           '<div style="position:absolute">c</div><span class="x" style="color:red">d</span>')
    name = style_class("text-align:center")
    assert html.count(f'class="{name}"') == 2 and "style=" not in html
    assert '<div>c</div>' in html and f'<span class="{style_class("color:red")}">d</span>' in html
    css = styles_to_css(sanitizer.styles)
    assert f".tv-filed .{name}{{text-align:center}}" in css and "<" not in css and "position" not in css


def test_attribute_values_must_have_their_shape():
    html = Sanitizer().clean('<table width="100%" border="x"><tr><td colspan="2" align="right" valign="evil" '
                             'bgcolor="#cceeff" width="50%;x:y">1</td></tr></table><font face="Times" size="2">f</font>')
    assert 'width="100%"' in html and 'border=' not in html and 'colspan="2"' in html
    assert 'align="right"' in html and "valign" not in html and 'bgcolor="#cceeff"' in html
    assert 'width="50%' not in html and '<font face="Times" size="2">f</font>' in html


# ---------------------------------------------------------------------------
# the view


@pytest.fixture(scope="module")
def hostile_report():
    import tieout

    return tieout.read(HOSTILE)


def test_an_html_filing_is_viewed_as_filed_and_every_fact_has_its_mark(hostile_report):
    view = report_to_view(hostile_report)
    assert view.as_filed and len(view.parts) == 1 and view.lines == ()
    placed = view.parts[0].placed
    facts = [m for m in view.marks if m.kind == "fact"]
    assert len(facts) == 12 and all(m.id in placed for m in facts)
    statuses = {m.status for m in facts}
    assert statuses == {"pass", "fail"}
    for m in view.marks:
        assert f'class="m m-{m.kind} s-{m.status}" id="m{m.id}" data-m="{m.id}"' in view.parts[0].html


def test_as_text_shows_the_markup_lines_as_before(hostile_report):
    view = report_to_view(hostile_report, as_text=True)
    assert not view.as_filed and len(view.lines) == len(hostile_report.filing.raw_lines)
    page = report_to_html(hostile_report, as_text=True)
    assert "&lt;script&gt;window.pwned" in page and 'class="tv-filed"' not in page


def test_the_page_allows_the_filed_stylesheet_by_its_hash_only(hostile_report):
    import base64
    import hashlib

    view = report_to_view(hostile_report)
    page = view_to_html(view)
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1).replace("&#39;", "'")
    digest = "'sha256-" + base64.b64encode(hashlib.sha256(view.css.encode()).digest()).decode() + "'"
    assert digest in csp and "unsafe-inline" not in csp and "default-src 'none'" in csp
    assert f"<style>{view.css}</style>" in page
    assert "<script>window.pwned" not in page and "198.51.100.7" not in page


def test_rows_of_the_store_give_the_same_filed_view(hostile_report):
    document = {"text": "\n".join(hostile_report.filing.raw_lines), "name": "hostile-release.htm",
                "html_parts": json.dumps([{"document": "hostile-release.htm", "first_line": 1,
                                           "last_line": len(hostile_report.filing.raw_lines)}])}
    from tieout.render.view import fact_record_to_dict

    facts = [{**fact_record_to_dict(f), "fact_id": f.id} for f in hostile_report.fact_records]
    view = rows_to_view(document, facts, [], [], [])
    assert view.as_filed and {m.id for m in view.marks} <= view.parts[0].placed
    old = rows_to_view({**document, "html_parts": None}, facts, [], [], [])  # a store of schema 2
    assert not old.as_filed and old.lines


def test_a_submission_shows_its_header_as_text_and_its_html_exhibit_as_filed(tmp_path):
    import tieout

    html = HOSTILE.read_text(encoding="utf-8")
    submission = ("<SEC-DOCUMENT>0000950123-01-000001.txt : 20010420\n<SEC-HEADER>\n"
                  "CONFORMED SUBMISSION TYPE:\t8-K\nCOMPANY CONFORMED NAME:\t\tACME WIDGETS INC\n</SEC-HEADER>\n"
                  "<DOCUMENT>\n<TYPE>EX-99.1\n<SEQUENCE>2\n<FILENAME>ex99.htm\n<TEXT>\n"
                  + html + "</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n")
    path = tmp_path / "submission.txt"
    path.write_text(submission, encoding="utf-8")
    report = tieout.read(path)
    view = report_to_view(report)
    (part,) = view.parts
    raw = report.filing.raw_lines
    assert raw[part.first - 2] == "<TEXT>" and raw[part.last] == "</TEXT>"
    assert part.document == "EX-99.1#2"
    assert [line.number for line in view.lines] == [n for n in range(1, len(raw) + 1)
                                                      if not part.first <= n <= part.last]
    kinds = [kind for kind, _, _ in view.pieces()]
    assert kinds == ["text", "html", "text"]
    facts = [m for m in view.marks if m.kind == "fact"]
    assert facts and all(m.id in part.placed for m in facts)


def test_the_store_records_which_lines_are_html(tmp_path):
    from tieout.cli import main
    from tieout.store import open_store

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / HOSTILE.name).write_bytes(HOSTILE.read_bytes())
    (folder / "plain.txt").write_text(Path(FIXTURES / "reader" / "narrative-and-table.txt").read_text())
    db = tmp_path / "s.duckdb"
    assert main(["ingest", str(folder), "--db", str(db), "--workers", "0", "-q"]) == 0
    with open_store(db, read_only=True) as store:
        rows = dict(store.con.execute("SELECT name, html_parts FROM documents").fetchall())
    n_lines = len(HOSTILE.read_text(encoding="utf-8").split("\n"))
    assert json.loads(rows[HOSTILE.name]) == [{"document": HOSTILE.name, "first_line": 1, "last_line": n_lines - 1}]
    assert json.loads(rows["plain.txt"]) == []


def test_parts_that_overlap_or_leave_the_file_are_dropped():
    lines = ["<p>1</p>", "<p>2</p>", "<p>3</p>"]
    parts, _ = parts_to_filed(lines, [("b", 2, 9), ("a", 1, 2), ("c", 0, 0)], [])
    assert [(p.document, p.first, p.last) for p in parts] == [("a", 1, 2)]


PRE_XBRL = SHARED / "corpus-html" / "pre-xbrl"


def pre_xbrl_files() -> list[Path]:
    return sorted(PRE_XBRL.glob("*.htm*")) if PRE_XBRL.exists() else []


@pytest.mark.skipif(not pre_xbrl_files(), reason=f"{PRE_XBRL} not found (../shared is absent)")
@pytest.mark.parametrize("path", pre_xbrl_files(), ids=lambda p: p.name[:40])
def test_every_number_of_a_real_html_filing_is_marked_as_filed(path):
    import tieout

    report = tieout.read(path)
    view = report_to_view(report)
    assert view.as_filed
    placed = set().union(*(part.placed for part in view.parts))
    missing = [(m.kind, m.line, m.col) for m in view.marks if m.col > 0 and m.id not in placed]
    assert not missing, missing[:5]  # every fact, claim and checked cell the reader placed
    html = "".join(part.html for part in view.parts).lower()
    assert "<script" not in html and "<img" not in html and " style=" not in html and "javascript:" not in html
