"""The real seed (Hecla's Q1 1996 release) through reader, checks, store and viewer, in Chromium.

Skips with a reason until the reader finds facts and checks in the seed, or
where ../shared or /usr/bin/chromium is absent.
"""

from __future__ import annotations

import pytest

from tests.web.web_chromium import serve, shot, watch
from tests.web.web_reports import write_store

TOTAL_LINE = 285  # "    Total current assets     64,244     53,285"


def read_checked(path):
    import tieout

    report = tieout.read(path)
    if not report.fact_records or not report.checks:
        pytest.skip(f"the reader gives {len(report.fact_records)} facts and {len(report.checks)} checks "
                    "for the seed; the browser test needs both")
    return report


def test_seed_click_total_highlights_its_items(seed_path, tmp_path, page):
    report = read_checked(seed_path)
    db = write_store(tmp_path / "seed.duckdb", [report])
    with serve(db) as url:
        seen = watch(page)
        page.goto(f"{url}/doc/{report.filing.sha256}")
        page.wait_for_selector("html[data-tieout-ready]")
        assert page.locator("mark.m").count() >= len(report.fact_records)
        shot(page, "seed-top")
        total = page.locator(f"#L{TOTAL_LINE} mark", has_text="64,244")
        assert "s-pass" in total.get_attribute("class")
        total.click()
        assert "hl-total" in total.get_attribute("class")
        cash = page.locator("#L279 mark", has_text="5,018")
        assert "hl" in cash.get_attribute("class")  # an item of the footing, lit with its total
        detail = page.inner_text("#tv-detail")
        assert "Total current assets" in detail and "Pass: every check" in detail
        shot(page, "seed-click-total")
        assert not seen["errors"] and not seen["csp"] and not seen["dialogs"], seen


def test_seed_with_an_injected_error_lands_on_the_failing_total(seed_path, tmp_path, page):
    lines = seed_path.read_bytes().split(b"\n")
    assert b"64,244" in lines[TOTAL_LINE - 1]
    lines[TOTAL_LINE - 1] = lines[TOTAL_LINE - 1].replace(b"64,244", b"64,254")  # one digit off
    broken = tmp_path / "hecla-broken.txt"
    broken.write_bytes(b"\n".join(lines))
    report = read_checked(broken)
    failing = [c for c in report.checks if c.status == "fail"]
    if not failing:
        pytest.skip("the checks stage does not catch the changed total yet")
    db = write_store(tmp_path / "broken.duckdb", [report])
    with serve(db) as url:
        page.goto(f"{url}/doc/{report.filing.sha256}")
        page.wait_for_selector("html[data-tieout-ready]")
        total = page.locator(f"#L{TOTAL_LINE} mark", has_text="64,254")
        assert "s-fail" in total.get_attribute("class")
        assert page.locator("#tv-failing button").count() == len(failing)
        button = page.locator("#tv-failing button", has_text="Total current assets").first
        button.click()
        page.wait_for_function(
            f"() => document.activeElement && document.activeElement.closest('#L{TOTAL_LINE}') !== null")
        box = total.bounding_box()
        assert box and 0 <= box["y"] <= 900 - box["height"]
        assert "hl" in total.get_attribute("class")
        assert "fail" in page.inner_text("#tv-detail").lower()
        shot(page, "seed-injected-error")
