"""The viewer's pages on real filings, in headless Chromium at 1400x1000, as a new user meets them.

The store is written by the real ingest from ``examples/``, the seed (and a copy of it with
one total changed, so a check fails) and Apple's 10-Ks of ``../shared/corpus/aapl-10k`` (a
company with several filings, and a table wider than the window). Each test skips with a
reason where ../shared or /usr/bin/chromium is absent. ``test_screenshots`` leaves a picture
of every page in ``artifacts/screens/`` (gitignored) for a person to look at.
"""

from __future__ import annotations

import json
import shutil
from urllib.parse import urlencode

import pytest

from tests.conftest import CORPUS, EXAMPLE, SEED
from tests.web.web_chromium import serve, shot, watch

APPLE = "APPLE COMPUTER INC"
APPLE_97 = "0001047469-97-006960.txt"  # line 1148 is 133 characters: wider than the text pane
WIDE_LINE = 1148
SEED_TOTAL_LINE = 285  # "Total current assets  64,244": changed to 64,254 in the broken copy
VIEWPORT = {"width": 1400, "height": 1000}
STATUS_WORDS = ["any status", "fail", "pass", "unverifiable", "not checked"]

PANE = """() => { const d = document.getElementById('tv-doc'), r = d.getBoundingClientRect();
  return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: d.clientHeight,
          scrollTop: d.scrollTop, scrollLeft: d.scrollLeft, scrollWidth: d.scrollWidth,
          clientWidth: d.clientWidth, overflowX: getComputedStyle(d).overflowX}; }"""
BOX = "e => { const r = e.getBoundingClientRect(); return {top: r.top, bottom: r.bottom, left: r.left, right: r.right}; }"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """(db path, {name: doc_id}) of a store the real ingest wrote."""
    from tieout.cli import main

    apple = CORPUS / "aapl-10k"
    if not SEED.exists() or not apple.is_dir():
        pytest.skip(f"the pages test needs {SEED} and {apple} (../shared is absent)")
    folder = tmp_path_factory.mktemp("filings")
    shutil.copy(EXAMPLE, folder / EXAMPLE.name)
    shutil.copy(SEED, folder / SEED.name)
    lines = SEED.read_bytes().split(b"\n")
    lines[SEED_TOTAL_LINE - 1] = lines[SEED_TOTAL_LINE - 1].replace(b"64,244", b"64,254")
    (folder / "hecla-broken.txt").write_bytes(b"\n".join(lines))
    for filing in apple.glob("*.txt"):
        shutil.copy(filing, folder / filing.name)
    db = tmp_path_factory.mktemp("store") / "pages.duckdb"
    assert main(["ingest", str(folder), "--db", str(db), "--workers", "0"]) in (0, 1)
    import duckdb

    with duckdb.connect(str(db), read_only=True) as con:
        ids = dict(con.execute("SELECT name, doc_id FROM documents").fetchall())
    assert {EXAMPLE.name, SEED.name, "hecla-broken.txt", APPLE_97} <= set(ids)
    return db, ids


@pytest.fixture(scope="module")
def site(store):
    db, ids = store
    with serve(db) as url:
        yield url, ids


@pytest.fixture()
def tall_page(chromium):
    context = chromium.new_context(viewport=VIEWPORT)
    p = context.new_page()
    yield p
    context.close()


def open_document(page, url: str, doc_id: str, fragment: str = ""):
    page.goto(f"{url}/doc/{doc_id}{fragment}")
    page.wait_for_selector("html[data-tieout-ready]")
    page.wait_for_timeout(100)  # the opening scroll has run; let layout settle
    return page.evaluate(PANE)


def centre_offset(page, selector: str) -> float:
    """How far (px) the element's middle is from the middle of the document pane."""
    pane, box = page.evaluate(PANE), page.eval_on_selector(selector, BOX)
    return abs((box["top"] + box["bottom"]) / 2 - (pane["top"] + pane["bottom"]) / 2)


def test_document_opens_at_the_first_table_not_the_sec_header(site, tall_page):
    url, ids = site
    seen = watch(tall_page)
    pane = open_document(tall_page, url, ids[EXAMPLE.name])
    assert pane["scrollTop"] > 0
    first_table = tall_page.eval_on_selector("#L54", BOX)  # HIGHLIGHTS, the first table
    assert pane["top"] <= first_table["top"] <= pane["top"] + pane["height"] / 3
    assert tall_page.eval_on_selector("#L1", BOX)["bottom"] <= pane["top"]  # line 1 scrolled away
    assert tall_page.locator("#tv-detail").is_hidden()
    assert not seen["errors"] and not seen["csp"], seen


def test_document_opens_at_the_first_failure_in_the_middle(site, tall_page):
    url, ids = site
    open_document(tall_page, url, ids["hecla-broken.txt"])
    total = f"#L{SEED_TOTAL_LINE} mark.s-fail"
    assert tall_page.locator(total).count() >= 1
    failing = tall_page.evaluate("() => JSON.parse(document.getElementById('tieout-data').textContent)"
                                 ".checks.filter(c => c.status === 'fail')[0]")
    first = tall_page.locator(f"#m{failing['marks'][0]}")
    assert "hl-total" in first.get_attribute("class")
    assert centre_offset(tall_page, f"#m{failing['marks'][0]}") < 40
    assert tall_page.locator("#tv-detail").is_visible()
    assert tall_page.evaluate("location.hash") == ""  # opening is not a jump the address keeps


def test_a_jump_to_a_line_centres_it_and_keeps_the_line_numbers(site, tall_page):
    url, ids = site
    open_document(tall_page, url, ids[APPLE_97], f"#L{WIDE_LINE}")
    assert centre_offset(tall_page, f"#L{WIDE_LINE}") < 20
    # scrolled sideways to the wide table's right end: the line numbers stay whole at the left
    tall_page.eval_on_selector("#tv-doc", "d => { d.scrollLeft = d.scrollWidth; }")
    pane = tall_page.evaluate(PANE)
    assert pane["scrollLeft"] > 0
    gutter = tall_page.locator(".ch .gut").filter(has_text=str(WIDE_LINE)).first
    assert gutter.evaluate("g => getComputedStyle(g).position") == "sticky"
    assert abs(gutter.evaluate(BOX)["left"] - pane["left"]) < 1  # not scrolled off to the left
    # a second jump, within the page: centred too, the gutter in place
    tall_page.evaluate("location.hash = '#L1260'")
    tall_page.wait_for_function("() => location.hash === '#L1260'")
    tall_page.wait_for_timeout(100)
    assert centre_offset(tall_page, "#L1260") < 20
    gutter = tall_page.locator(".ch .gut").filter(has_text="1260").first
    assert abs(gutter.evaluate(BOX)["left"] - tall_page.evaluate(PANE)["left"]) < 1


def test_a_wide_table_scrolls_sideways_and_is_not_cut(site, tall_page):
    url, ids = site
    pane = open_document(tall_page, url, ids[APPLE_97], f"#L{WIDE_LINE}")
    assert pane["overflowX"] == "auto"
    assert pane["scrollWidth"] > pane["clientWidth"]
    assert pane["bottom"] <= VIEWPORT["height"]  # its scrollbar is on screen, not after the last line
    line = tall_page.locator(f"#L{WIDE_LINE}")
    assert line.evaluate(BOX)["right"] > pane["right"]  # wider than the pane...
    tall_page.eval_on_selector("#tv-doc", "d => { d.scrollLeft = d.scrollWidth; }")
    last = tall_page.locator(f"#L{WIDE_LINE} mark").last
    assert last.evaluate(BOX)["right"] <= pane["right"]  # ...and its last number can be reached


def trend_spec(page) -> list[dict]:
    page.wait_for_selector("html[data-charts-ready]", timeout=20000)
    spec = json.loads(page.text_content("#spec-trend"))
    return spec["layer"][1]["data"]["values"]  # the points: every value drawn


def test_trend_pickers_say_what_is_drawn_and_points_name_their_source(site, tall_page):
    url, _ = site
    seen = watch(tall_page)
    tall_page.goto(f"{url}/trend?{urlencode({'company': APPLE})}")
    concept = tall_page.input_value("#concept-select")
    points = trend_spec(tall_page)
    assert concept and points and {p["concept"] for p in points} == {concept}
    assert tall_page.input_value("#label-select") == ""
    assert concept in tall_page.inner_text("#drawn")
    # a label as printed, in other case than the options: the label picker shows it, drawn
    options = tall_page.eval_on_selector_all("#label-select option", "os => os.map(o => o.value)")
    label = next(o for o in options if o.lower() == "research and development")
    tall_page.goto(f"{url}/trend?{urlencode({'company': APPLE, 'label': label.upper()})}")
    assert tall_page.input_value("#label-select") == label
    assert tall_page.input_value("#concept-select") == ""
    assert {p["label"].lower() for p in trend_spec(tall_page)} == {label.lower()}
    # a concept asked for by a link: the concept picker shows it, whatever the commonest is
    tall_page.goto(f"{url}/trend?{urlencode({'company': APPLE, 'concept': 'NetIncomeLoss'})}")
    assert tall_page.input_value("#concept-select") == "NetIncomeLoss"
    points = trend_spec(tall_page)
    assert {p["concept"] for p in points} == {"NetIncomeLoss"}
    assert all(p["table"] and p["document"] and p["line"] for p in points)
    tall_page.locator("#chart-trend .mark-symbol path").first.hover()
    tooltip = tall_page.locator("#vg-tooltip-element")
    tooltip.wait_for(state="visible")
    text = tooltip.inner_text()
    assert "table" in text and "document" in text and "column" in text
    headers = tall_page.eval_on_selector_all("#trend-points th", "hs => hs.map(h => h.textContent)")
    assert {"table", "column", "document", "line"} <= set(headers)
    assert not seen["errors"] and not seen["csp"], seen


def test_facts_page_one_line_a_fact_and_one_vocabulary(site, tall_page):
    url, ids = site
    tall_page.goto(f"{url}/doc/{ids[EXAMPLE.name]}/facts")
    options = tall_page.eval_on_selector_all("select[name=status] option", "os => os.map(o => o.textContent)")
    assert options == STATUS_WORDS
    shown = set(tall_page.eval_on_selector_all("#facts .st", "ss => ss.map(s => s.textContent.replace(/^[✓✗] /, ''))"))
    assert shown and shown <= set(STATUS_WORDS[1:])
    paths = tall_page.locator("#facts td.path").filter(has_text="›")
    assert paths.count() > 10
    cell = paths.first
    style = cell.evaluate("c => [getComputedStyle(c).whiteSpace, getComputedStyle(c).textOverflow]")
    assert style == ["nowrap", "ellipsis"]
    assert cell.get_attribute("title") == cell.inner_text()  # the full path on hover
    heights = tall_page.eval_on_selector_all("#facts tbody tr", "rs => rs.map(r => r.getBoundingClientRect().height)")
    assert max(heights) < 30  # one line a fact
    # a long filing's facts fit the window: the status column is not cut off
    tall_page.goto(f"{url}/doc/{ids[APPLE_97]}/facts")
    fits = tall_page.eval_on_selector("#facts-scroll", "w => [w.scrollWidth, w.clientWidth]")
    assert fits[0] <= fits[1], fits
    # the document view's legend and popup use the same words
    open_document(tall_page, url, ids[EXAMPLE.name])
    legend = tall_page.inner_text(".tv-legend")
    assert "pass:" in legend and "fail:" in legend and "unverifiable or not checked" in legend
    tall_page.locator("mark.m-fact.s-pass").first.click()
    assert "Pass: every check on this number passes" in tall_page.inner_text("#tv-detail")


def test_charts_open_on_the_first_primary_statement(site, tall_page):
    url, ids = site
    for name, title in ((EXAMPLE.name, "Consolidated Balance Sheets"),
                        (APPLE_97, "CONSOLIDATED BALANCE SHEETS")):
        tall_page.goto(f"{url}/doc/{ids[name]}/charts")
        tall_page.wait_for_selector("html[data-charts-ready]", timeout=20000)
        chosen = tall_page.eval_on_selector("#table-select", "s => s.options[s.selectedIndex].textContent")
        assert title in chosen, chosen
        spec = json.loads(tall_page.text_content("#spec-1"))
        assert title.lower() in spec["title"].lower()
        assert tall_page.locator("#chart-1[data-rendered] svg").count() == 1


def test_screenshots(site, tall_page):
    """Every page at 1400x1000 in artifacts/screens/, each with what it should show on screen."""
    url, ids = site
    seen = watch(tall_page)
    tall_page.goto(url + "/")
    assert tall_page.locator("#docs tbody tr").count() == len(ids)
    shot(tall_page, "screens/home")
    open_document(tall_page, url, ids[EXAMPLE.name])
    shot(tall_page, "screens/document")
    open_document(tall_page, url, ids["hecla-broken.txt"])
    shot(tall_page, "screens/document-failure")
    open_document(tall_page, url, ids[APPLE_97], f"#L{WIDE_LINE}")
    shot(tall_page, "screens/document-wide")
    tall_page.goto(f"{url}/doc/{ids[APPLE_97]}/facts")
    shot(tall_page, "screens/facts")
    tall_page.goto(f"{url}/doc/{ids[EXAMPLE.name]}/charts")
    tall_page.wait_for_selector("html[data-charts-ready]", timeout=20000)
    shot(tall_page, "screens/charts")
    tall_page.goto(f"{url}/doc/{ids[SEED.name]}/charts")
    tall_page.wait_for_selector("html[data-charts-ready]", timeout=20000)
    shot(tall_page, "screens/charts-mining")
    tall_page.goto(f"{url}/trend?{urlencode({'company': APPLE})}")
    tall_page.wait_for_selector("html[data-charts-ready]", timeout=20000)
    shot(tall_page, "screens/trend")
    assert not seen["errors"] and not seen["csp"] and not seen["dialogs"], seen
