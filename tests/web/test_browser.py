"""End to end in headless Chromium: the document view as a reviewer uses it.

Skips with a reason where /usr/bin/chromium is absent. Screenshots go to
artifacts/ (gitignored) for a person to look at.
"""

from __future__ import annotations

from tests.web import web_reports as handmade
from tests.web.web_chromium import serve, shot, watch
from tests.web.web_reports import write_store


def in_viewport(page, selector: str) -> bool:
    """On screen: inside the window and, for the document's text, inside its scrolling pane."""
    return page.eval_on_selector(selector, """e => { const r = e.getBoundingClientRect();
        const pane = e.closest('#tv-doc'), p = pane ? pane.getBoundingClientRect() : {top: 0, bottom: innerHeight};
        return r.top >= Math.max(0, p.top) && r.bottom <= Math.min(innerHeight, p.bottom) && r.height > 0; }""")


def test_click_a_number_shows_its_checks_highlighted(small_store, page):
    path, ids = small_store
    with serve(path) as url:
        seen = watch(page)
        page.goto(f"{url}/doc/{ids['bad']}")
        page.wait_for_selector("html[data-tieout-ready]")
        page.click("#m1")  # Cash, second column: an item of the failing total
        detail = page.locator("#tv-detail")
        assert detail.is_visible()
        assert "Cash" in detail.inner_text() and "Fail: a check on this number fails" in detail.inner_text()
        for mark in ("#m1", "#m3", "#m5"):  # the failing check's cells: items and total
            assert "hl" in page.get_attribute(mark, "class")
        assert "hl-total" in page.get_attribute("#m5", "class")
        assert "hl" not in page.get_attribute("#m0", "class")  # other column untouched
        shot(page, "small-click-number")
        # the narrative figure: grey, its unverifiable check named
        page.click("#m6")
        assert "could not be verified" in detail.inner_text()
        assert "hl" not in page.get_attribute("#m5", "class")
        assert not seen["dialogs"] and not seen["errors"] and not seen["csp"], seen


def test_document_text_is_shown_as_text_never_run(small_store, page):
    path, ids = small_store
    with serve(path) as url:
        seen = watch(page)
        page.goto(f"{url}/doc/{ids['good']}")
        page.wait_for_selector("html[data-tieout-ready]")
        text = page.inner_text("#tv-doc")
        assert "<script>alert(1)</script>" in text
        assert "<img src=x onerror=alert(2)>" in text
        assert "<b>& Co.</b>" in text
        assert page.locator("#tv-doc script, #tv-doc img, #tv-doc b").count() == 0
        assert page.title().startswith("Acme <Mining>")
        page.wait_for_timeout(300)
        assert seen["dialogs"] == [] and not seen["errors"] and not seen["csp"], seen


def test_tabs_are_expanded_and_marks_stay_on_their_characters(small_store, page):
    path, ids = small_store
    with serve(path) as url:
        page.goto(f"{url}/doc/{ids['good']}")
        line6 = page.inner_text("#L6")  # "Cash\t\t\t       1,000      900"
        assert "\t" not in line6
        assert line6 == "Cash\t\t\t       1,000      900".expandtabs(8)
        assert page.inner_text("#m0") == "1,000" and page.inner_text("#m1") == "900"
        # 1,000 sits in the same screen column as 2,000 below it, as printed
        x0 = page.eval_on_selector("#m0", "e => e.getBoundingClientRect().left")
        x2 = page.eval_on_selector("#m2", "e => e.getBoundingClientRect().left")
        assert abs(x0 - x2) < 1


def test_failing_check_in_side_panel_scrolls_to_it(tmp_path, page):
    # a long document: the failing total is far below the first screen
    filler = "\n".join(f"Narrative line {i} of a long release." for i in range(300))
    text = filler + "\n" + handmade.SMALL.replace("3,100", "3,200")
    report = handmade.small_report(break_total=True, text=text, offset=300)
    path = write_store(tmp_path / "long.duckdb", [report])
    with serve(path) as url:
        page.goto(f"{url}/doc/{report.filing.sha256}")
        page.wait_for_selector("html[data-tieout-ready]")
        page.eval_on_selector("#tv-doc", "d => { d.scrollTop = 0; }")  # back to line 1
        assert not in_viewport(page, "#m5")
        page.click("#tv-failing button[data-check='1']")
        page.wait_for_function("() => document.activeElement && document.activeElement.id === 'm5'")
        assert in_viewport(page, "#m5")
        assert "hl-total" in page.get_attribute("#m5", "class")
        assert page.evaluate("location.hash") == "#check-1"
        assert "items add to 3100000" in page.inner_text("#tv-detail")
        shot(page, "long-failing-check")


def test_standalone_html_works_offline_under_its_csp(tmp_path, page):
    from tieout.render.html import report_to_html

    out = tmp_path / "review.html"
    out.write_text(report_to_html(handmade.small_report(break_total=True)), encoding="utf-8")
    seen = watch(page)
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(out.as_uri())
    page.wait_for_selector("html[data-tieout-ready]")  # the inline script ran: its hash is allowed
    assert page.eval_on_selector(".tv-side", "e => getComputedStyle(e).position") == "sticky"  # CSS applied
    page.click("#m5")
    assert "hl" in page.get_attribute("#m3", "class")
    assert "<script>alert(1)</script>" in page.inner_text("#tv-doc")
    assert requests == [out.as_uri()]  # nothing fetched but the file itself
    assert not seen["dialogs"] and not seen["errors"] and not seen["csp"], seen
    shot(page, "standalone-small")


def test_charts_draw_under_the_csp(small_store, page):
    path, ids = small_store
    with serve(path) as url:
        seen = watch(page)
        page.goto(f"{url}/doc/{ids['good']}/charts")
        page.wait_for_selector("html[data-charts-ready]", timeout=20000)
        assert page.locator("#chart-1[data-rendered] svg").count() >= 1
        assert page.locator(".chart-error").count() == 0
        shot(page, "charts-small")
        page.goto(f"{url}/trend?company=Acme+%3CMining%3E&label=Cash")
        page.wait_for_selector("html[data-charts-ready]", timeout=20000)
        assert page.locator("#chart-trend[data-rendered] svg").count() >= 1
        assert not seen["errors"] and not seen["csp"], seen
