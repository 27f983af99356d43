"""A hostile HTML filing shown as filed, in headless Chromium: through ``tieout show --html``
and through ``tieout serve``. No script of the filing runs, no request leaves 127.0.0.1 (or the
file), and every number carries its mark with its status.

Skips with a reason where /usr/bin/chromium is absent (the page fixture needs it). A real
pre-XBRL HTML filing from ../shared/corpus-html is checked too, where that folder exists.
"""

from __future__ import annotations

import re
import shutil

import pytest

from tests.conftest import SHARED
from tests.web.test_filed import HOSTILE
from tests.web.web_chromium import serve, shot, watch
from tieout.cli import main

PRE_XBRL = SHARED / "corpus-html" / "pre-xbrl"
REAL = "1001039_8K_2015_0001001039-15-000094.htm"  # an SGML submission whose <TEXT> holds HTML

NO_SCRIPT_RAN = "() => [typeof window.pwned, document.title]"
# every attribute left in the filed view: none may be an event handler, a URL or a style
ATTRIBUTES = """() => { const out = new Set();
  document.querySelectorAll('.tv-filed, .tv-filed *').forEach(e => {
    for (const a of e.attributes) { out.add(e.tagName.toLowerCase() + '@' + a.name + '=' +
      (a.name === 'href' ? a.value : '')); } });
  return Array.from(out); }"""
MARKS = """() => Array.from(document.querySelectorAll('.tv-filed mark[id]')).map(
  e => [e.id, e.className, e.textContent])"""


def record_requests(page) -> list[str]:
    urls: list[str] = []
    page.on("request", lambda r: urls.append(r.url))
    return urls


def assert_harmless(page, seen, title_start: str) -> None:
    kind, title = page.evaluate(NO_SCRIPT_RAN)
    assert kind == "undefined", "a script of the filing ran"
    assert title.startswith(title_start) and "PWNED" not in title
    assert not seen["dialogs"] and not seen["errors"], seen
    assert not seen["csp"], seen  # nothing was even tried: the sanitizer left nothing for the CSP to block
    for found in page.evaluate(ATTRIBUTES):
        tag_attr, _, href = found.partition("=")
        name = tag_attr.split("@")[1]
        assert not name.startswith("on") and name not in ("style", "src", "srcdoc", "action", "background")
        assert name != "href" or re.fullmatch(r"#f-[\w.:-]+", href), found
    assert page.locator("#tv-doc :is(script, style, img, iframe, object, embed, svg, form, input, link, "
                        "meta, base, video, template)").count() == 0
    assert page.evaluate("() => document.getElementById('tieout-data').tagName") == "SCRIPT"


def assert_marked(page) -> None:
    # the page opens at the first failing check, its cells lit (hl, hl-total, sel): not a status
    marks = [(i, " ".join(c for c in cls.split() if c not in ("hl", "hl-total", "sel")), text)
             for i, cls, text in page.evaluate(MARKS)]
    by_text = {text: cls for _, cls, text in marks}
    assert len(marks) == 13  # 12 table numbers and the narrative figure
    assert by_text["1,000"] == "m m-fact s-pass" and by_text["900"] == "m m-fact s-fail"
    assert by_text["$1,500,000"] == "m m-claim s-none"
    assert "999,999" not in by_text  # the filing's own <mark> is not a mark
    assert sum(1 for _, cls, _ in marks if "s-fail" in cls) == 6
    assert sum(1 for _, cls, _ in marks if "s-pass" in cls) == 6
    # the tick and the cross are drawn (::after content), as in the text view
    tick = page.eval_on_selector(".tv-filed mark.s-pass", "e => getComputedStyle(e, '::after').content")
    assert tick == '"\u2713"'


def test_show_html_of_a_hostile_filing_runs_nothing_and_loads_nothing(tmp_path, page):
    out = tmp_path / "review.html"
    assert main(["show", str(HOSTILE), "--html", str(out)]) == 0
    seen = watch(page)
    requests = record_requests(page)
    page.goto(out.as_uri())
    page.wait_for_selector("html[data-tieout-ready]")
    page.wait_for_timeout(300)
    assert_harmless(page, seen, "hostile-release.htm")
    assert_marked(page)
    assert all(url == out.as_uri() or url.startswith("data:") for url in requests), requests
    # the filing's layout is kept: its style attributes arrive as classes (a total's double rule)
    border = page.eval_on_selector("#m11", "e => getComputedStyle(e.closest('td')).borderBottomStyle")
    assert border == "double"
    # the check list and the marks work as in the text view; a number cut by a tag lights whole
    page.click("#tv-failing button[data-check]")
    page.wait_for_function("() => document.activeElement && document.activeElement.tagName === 'MARK'")
    page.click("#m2")
    assert page.locator('.tv-filed mark[data-m="2"].hl').count() == 2
    page.click("a[href='#f-sheet']")
    assert page.evaluate("location.hash") == "#f-sheet" and page.url.startswith(out.as_uri())
    shot(page, "filed-hostile-standalone")
    assert_harmless(page, seen, "hostile-release.htm")


def test_serve_shows_a_hostile_filing_as_filed_and_as_text(tmp_path, page):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(HOSTILE, folder / HOSTILE.name)
    db = tmp_path / "s.duckdb"
    assert main(["ingest", str(folder), "--db", str(db), "--workers", "0", "-q"]) == 0
    import hashlib

    doc_id = hashlib.sha256(HOSTILE.read_bytes()).hexdigest()
    with serve(db) as url:
        seen = watch(page)
        requests = record_requests(page)
        page.goto(f"{url}/doc/{doc_id}")
        page.wait_for_selector("html[data-tieout-ready]")
        page.wait_for_timeout(300)
        assert_harmless(page, seen, "hostile-release.htm")
        assert_marked(page)
        assert all(u.startswith(url + "/") for u in requests), requests
        assert f"{url}/doc/{doc_id}/filed.css" in requests
        assert page.eval_on_selector("#m11", "e => getComputedStyle(e.closest('td')).borderBottomStyle") == "double"
        page.click("#m1")
        assert "Fail: a check" in page.inner_text("#tv-detail")
        shot(page, "filed-hostile-serve")
        # the text view is one click away and shows the markup as text
        page.click(".tv-modes a[href$='?as=text']")
        page.wait_for_selector("html[data-tieout-ready]")
        assert "<script>window.pwned" in page.inner_text("#tv-doc")
        assert page.locator(".tv-filed").count() == 0 and page.locator("#tv-doc mark.s-fail").count() == 6
        assert_harmless(page, seen, "hostile-release.htm")
        assert all(u.startswith(url + "/") for u in requests), requests


@pytest.mark.skipif(not (PRE_XBRL / REAL).exists(), reason=f"{PRE_XBRL / REAL} not found (../shared is absent)")
def test_a_real_html_filing_has_every_number_marked_in_chromium(tmp_path, page):
    import tieout
    from tieout.render.html import view_to_html
    from tieout.render.view import report_to_view

    report = tieout.read(PRE_XBRL / REAL)
    view = report_to_view(report)
    out = tmp_path / "real.html"
    out.write_text(view_to_html(view), encoding="utf-8")
    seen = watch(page)
    requests = record_requests(page)
    page.goto(out.as_uri())
    page.wait_for_selector("html[data-tieout-ready]")
    shown = {e[0] for e in page.evaluate(MARKS)}
    facts = [m for m in view.marks if m.kind == "fact" and m.col > 0]
    assert facts and all(f"m{m.id}" in shown for m in facts)
    # no check fails: the page opens at the first table's first number, in the middle of the pane
    first = view.data["opening"]["mark"]
    assert view.marks[first].line == min(m.line for m in facts)
    offset = page.evaluate(f"""() => {{ const d = document.getElementById('tv-doc').getBoundingClientRect(),
        m = document.getElementById('m{first}').getBoundingClientRect();
        return Math.abs((m.top + m.bottom) / 2 - (d.top + d.bottom) / 2); }}""")
    assert offset < 40
    assert not seen["csp"] and not seen["errors"], seen
    assert all(url == out.as_uri() or url.startswith("data:") for url in requests), requests
    shot(page, "filed-real-8k")


WIDE = """<html><body><p>ACME CORPORATION REPORTS FOURTH QUARTER RESULTS</p>
<div><table style="width: 2200px">
<tr><td>(in thousands)</td><td>2007</td><td>2006</td><td>2005</td><td>2004</td><td>2003</td></tr>
<tr><td>Net sales</td><td>1,000</td><td>900</td><td>800</td><td>700</td><td id="last">600</td></tr>
</table></div><p>End of release.</p></body></html>
"""


def test_a_filed_table_wider_than_the_pane_scrolls_and_is_not_cut(tmp_path, page):
    source, out = tmp_path / "wide.htm", tmp_path / "wide.html"
    source.write_text(WIDE, encoding="utf-8")
    assert main(["show", str(source), "--html", str(out)]) == 0
    page.goto(out.as_uri())
    page.wait_for_selector("html[data-tieout-ready]")
    pane = page.evaluate("() => { const d = document.getElementById('tv-doc'); return [d.scrollWidth, d.clientWidth,"
                         " getComputedStyle(d).overflowX, d.getBoundingClientRect().bottom]; }")
    assert pane[0] > 2200 > pane[1] and pane[2] == "auto" and pane[3] <= 900  # scrollbar on screen
    page.eval_on_selector("#tv-doc", "d => { d.scrollLeft = d.scrollWidth; }")
    last = page.locator(".tv-filed td").last
    assert last.inner_text() == "600"
    box = last.bounding_box()
    # the last cell is painted where it is (not clipped by its block or the filing's box)
    hit = page.evaluate(f"() => document.elementFromPoint({box['x'] + box['width'] / 2}, {box['y'] + box['height'] / 2})"
                        ".closest('td') !== null")
    assert hit and box["x"] + box["width"] <= 1400
    paragraph = page.locator(".tv-filed p").first.bounding_box()
    assert paragraph["width"] < pane[1]  # the text around it still wraps at the pane's width
