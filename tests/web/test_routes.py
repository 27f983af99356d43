"""The viewer's routes, through Starlette's TestClient over a real store."""

from __future__ import annotations

import csv
import io

from openpyxl import load_workbook

from tieout.serve.app import CSP


def test_home_lists_documents_with_counts_and_csp(client):
    r = client.get("/")
    assert r.status_code == 200
    assert r.headers["content-security-policy"] == CSP
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "Acme &lt;Mining&gt;" in r.text and "<Mining>" not in r.text
    assert r.text.count('href="/doc/') >= 2
    assert '<span class="badge b-fail">1</span>' in r.text


def test_home_filters(client):
    assert client.get("/", params={"status": "fail"}).text.count("/facts\">facts</a>") == 1
    assert "No document matches" in client.get("/", params={"q": "no such company"}).text
    assert client.get("/", params={"q": "acme", "status": "clean"}).text.count("/facts\">facts</a>") == 1


def test_document_view_marks_numbers_and_escapes_text(client):
    r = client.get(f"/doc/{client.ids['bad']}")
    assert r.status_code == 200
    html = r.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html
    # the script comes from the server, never inline
    assert '<script src="/static/view/docview.js"></script>' in html
    assert "<script>" not in html
    assert html.count('class="m m-fact s-fail"') == 3
    assert html.count('class="m m-fact s-pass"') == 3
    assert 'class="m m-claim s-none"' in html
    failing = html[html.index('id="tv-failing"'):]
    failing = failing[:failing.index("</ol>")]
    assert 'data-check="1" id="check-1"' in failing  # the failing total listed in the side panel
    assert 'data-check="0"' not in failing and 'data-check="2"' not in failing


def test_unknown_and_malformed_ids_are_404(client):
    assert client.get("/doc/" + "a" * 64).status_code == 404
    assert client.get("/doc/not-an-id").status_code == 404
    assert client.get("/doc/" + "a" * 64 + "/facts.csv").status_code == 404
    r = client.get("/doc/' OR 1=1 --")
    assert r.status_code == 404 and "content-security-policy" in r.headers


def test_path_traversal_is_refused(client):
    for path in ("/static/../../../../etc/passwd", "/static/%2e%2e/%2e%2e/app.py", "/static/view/..%2f..%2fmodel.py",
                 "/static/vendor/../../app.py", "/doc/..%2f..%2fetc%2fpasswd", "/static/view/../../cli.py"):
        r = client.get(path)
        assert r.status_code == 404, path
        assert "root:" not in r.text and "import" not in r.text


def test_static_files_served_from_the_package(client):
    r = client.get("/static/view/docview.js")
    assert r.status_code == 200 and "textContent" in r.text
    assert client.get("/static/vendor/vega.min.js").status_code == 200
    assert client.get("/static/site.css").headers["content-security-policy"] == CSP


def test_facts_page_sorts_and_filters(client):
    doc = client.ids["bad"]
    r = client.get(f"/doc/{doc}/facts")
    assert r.status_code == 200 and r.text.count("<tr>") == 7  # header + six facts
    r = client.get(f"/doc/{doc}/facts", params={"status": "fail"})
    assert r.text.count("✗ fail</span>") == 3
    r = client.get(f"/doc/{doc}/facts", params={"q": "receiv"})
    assert r.text.count("<tr>") == 3
    r = client.get(f"/doc/{doc}/facts", params={"sort": "value_text", "dir": "desc"})
    assert r.text.index("3,200") < r.text.index("2,200") < r.text.index("900")
    r = client.get(f"/doc/{doc}/facts", params={"sort": "value_text; DROP TABLE facts"})
    assert r.status_code == 200  # unknown sort key ignored


def test_facts_csv(client):
    r = client.get(f"/doc/{client.ids['bad']}/facts.csv")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == 6
    total = [row for row in rows if row["display"] == "3,200"][0]
    assert total["value_text"] == "3200000" and total["status"] == "fail" and total["line"] == "9"
    assert total["label"] == "Total current assets"


def test_facts_xlsx(client):
    r = client.get(f"/doc/{client.ids['good']}/facts.xlsx")
    assert r.status_code == 200
    wb = load_workbook(io.BytesIO(r.content))
    ws = wb["facts"]
    header = [c.value for c in ws[1]]
    rows = [dict(zip(header, [c.value for c in row])) for row in ws.iter_rows(min_row=2)]
    assert len(rows) == 6
    assert {r["value_text"] for r in rows} >= {3000000, 3100000}


def test_spreadsheet_injection_is_neutralised():
    from tieout.serve.app import facts_to_csv, spreadsheet_safe

    assert spreadsheet_safe("=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")"
    assert spreadsheet_safe("-1,234") == "-1,234"
    assert spreadsheet_safe("Net income") == "Net income"
    out = facts_to_csv([{"label": "@SUM(A1)", "value_text": "-5"}])
    assert "'@SUM(A1)" in out and ",-5," in out


def test_charts_page_embeds_a_spec_without_inline_script(client):
    r = client.get(f"/doc/{client.ids['good']}/charts")
    assert r.status_code == 200
    assert '<script type="application/json" id="spec-1">' in r.text
    assert "<script>" not in r.text


def test_trend_page(client):
    r = client.get("/trend", params={"company": "Acme <Mining>", "label": "Cash"})
    assert r.status_code == 200 and "spec-trend" in r.text
    assert client.get("/trend", params={"company": "nobody"}).status_code == 404


def test_serve_with_a_missing_store_is_one_line_and_exit_2(tmp_path, capsys):
    from tieout.cli import main

    assert main(["serve", "--db", str(tmp_path / "none.duckdb")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no such store" in err


def test_serve_refuses_a_file_that_is_not_a_store(tmp_path, capsys):
    from tieout.cli import main

    bogus = tmp_path / "bogus.duckdb"
    bogus.write_text("not a database")
    assert main(["serve", "--db", str(bogus)]) == 2
    assert capsys.readouterr().err.count("\n") == 1
