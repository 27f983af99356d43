"""The document view as data (tieout.render.view) and the self-contained page (tieout.render.html)."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html import unescape

from tests.web import web_reports as handmade
from tieout.render.html import json_for_html, report_to_html
from tieout.render.view import Mark, cut_line, expand, mark_status, report_to_view, rows_to_view


def mark(col, end_col, mid=0, status="pass", kind="fact"):
    return Mark(id=mid, kind=kind, ref=mid, line=1, col=col, end_col=end_col, status=status, checks=())


def test_expand_continues_tab_stops_across_segments():
    assert expand("ab\tc", 0) == ("ab      c", 9)
    assert expand("\t", 3) == ("     ", 8)
    assert expand("x", 7) == ("x", 8)


def test_cut_line_keeps_marks_on_their_characters_after_tabs():
    raw = "Cash\t\t\t       1,000      900"
    col = raw.index("1,000") + 1
    segments = cut_line(raw, [mark(col, col + 5, 0), mark(col + 11, col + 14, 1)])
    assert "".join(s.text for s in segments) == raw.expandtabs(8)
    marked = [(s.text, s.mark.id) for s in segments if s.mark]
    assert marked == [("1,000", 0), ("900", 1)]
    text = "".join(s.text for s in segments)
    assert text.index("1,000") == raw.expandtabs(8).index("1,000")


def test_cut_line_drops_overlapping_and_out_of_range_marks():
    raw = "total 1,234"
    segments = cut_line(raw, [mark(7, 12, 0), mark(9, 11, 1), mark(40, 44, 2)])
    assert [s.mark.id for s in segments if s.mark] == [0]
    assert "".join(s.text for s in segments) == raw


def test_control_characters_are_shown_as_spaces_one_for_one():
    segments = cut_line("\f12\x00", [mark(2, 4, 0)])
    assert [s.text for s in segments] == [" ", "12", " "]


def test_mark_status_red_beats_green_beats_grey():
    assert mark_status(["pass", "fail"]) == "fail"
    assert mark_status(["pass", "unverifiable"]) == "pass"
    assert mark_status(["unverifiable"]) == "none"
    assert mark_status([]) == "none"


def test_report_view_marks_every_fact_and_claim_with_its_checks():
    view = report_to_view(handmade.small_report(break_total=True))
    facts = [m for m in view.marks if m.kind == "fact"]
    assert [m.status for m in facts] == ["pass", "fail", "pass", "fail", "pass", "fail"]
    claim = [m for m in view.marks if m.kind == "claim"][0]
    assert claim.status == "none" and claim.checks == (2,)
    failing = view.failing
    assert len(failing) == 1 and failing[0]["line"] == 9
    assert failing[0]["marks"][0] == 5  # the total first
    assert view.counts["checks"] == {"pass": 1, "fail": 1, "unverifiable": 1}
    assert view.lines[8].status == "fail" and view.lines[0].status == ""
    json.dumps(view.data)  # JSON-ready


def test_store_rows_give_the_same_view_as_the_report():
    from tieout.store import report_rows

    report = handmade.small_report(break_total=True)
    rows = report_rows(report)
    from_rows = rows_to_view(rows["documents"][0], rows["facts"], rows["claims"], rows["checks"], rows["check_spans"])
    from_report = report_to_view(report)
    assert from_rows.lines == from_report.lines
    assert from_rows.marks == from_report.marks
    assert from_rows.data["checks"] == from_report.data["checks"]
    assert from_rows.data["facts"]["5"]["value"] == "3200000"


def test_a_check_span_without_a_fact_becomes_a_cell_mark():
    from dataclasses import replace

    from tieout.model import Span

    report = handmade.small_report()
    extra = replace(report.checks[0], spans=report.checks[0].spans + (Span(5, 33, 35),), status="fail")
    view = report_to_view(replace(report, checks=(extra,) + report.checks[1:]))
    cells = [m for m in view.marks if m.kind == "cell"]
    assert len(cells) == 1 and cells[0].line == 5 and cells[0].status == "fail"


def test_json_for_html_cannot_close_its_script_element():
    text = json_for_html({"s": "</script><script>alert(1)</script> & <!--"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"s": "</script><script>alert(1)</script> & <!--"}


def test_standalone_page_is_self_contained_and_its_csp_hashes_match():
    html = report_to_html(handmade.small_report(break_total=True))
    csp = unescape(re.search(r"<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]+)\">", html).group(1))
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
    scripts = re.findall(r"<script>(.*?)</script>", html, re.S)
    styles = re.findall(r"<style>(.*?)</style>", html, re.S)
    assert len(scripts) == 1 and len(styles) == 1

    def digest(text):
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"

    assert digest(scripts[0]) in csp and digest(styles[0]) in csp
    assert "http://" not in html and "https://" not in html and 'src="' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert" not in html and "<img src=x" not in html
    data = re.search(r'<script type="application/json" id="tieout-data">(.*?)</script>', html, re.S).group(1)
    assert json.loads(data)["claims"]["0"]["sentence"].endswith("<script>alert(1)</script>")
