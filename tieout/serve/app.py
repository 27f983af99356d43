"""The local web viewer: Starlette routes over a read-only store.

Pages: the documents of the store (``/``), one document with its tick marks
(``/doc/{id}``; an HTML filing as filed, with its style classes at ``/doc/{id}/filed.css``,
and ``?as=text`` for its markup lines), its facts as a sortable table with CSV and Excel downloads,
and charts (a table's periods, a fact across a company's filings, production
and cash cost by mine).

Safety, because every filing is untrusted text: the store is opened
read-only; a document id must be a SHA-256 in hex; static files come only
from the package's own folders; every page is rendered by Jinja2 with
autoescaping and carries a Content-Security-Policy that allows scripts and
styles only from this server (no inline script, no eval: Vega runs with its
expression interpreter).
"""

from __future__ import annotations

import csv
import io
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlencode

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response, StreamingResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from tieout.render.filed import filed_css
from tieout.render.html import environment
from tieout.render.view import html_parts_of, rows_to_view, split_text
from tieout.serve import charts, data

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
MAX_FACT_ROWS = 5000


class SecurityHeaders:
    """ASGI middleware: the CSP and friends on every response, static files and errors included."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    (k, v) for k, v in SECURITY_HEADERS if k not in names]
            await send(message)

        return await self.app(scope, receive, send_with_headers)


def create_app(db_path: str | Path) -> Starlette:
    """The viewer app over the store at ``db_path`` (raises InputError when it cannot be opened)."""
    from tieout.store import connect, open_store

    store = open_store(db_path, read_only=True)  # fails now, with one line, if it is not a store
    tables = data.existing_tables(store.con)
    store.close()
    env = environment()
    for name in ("home.html", "document.html", "facts.html", "charts.html", "trend.html", "error.html"):
        env.get_template(name)  # compile now, not on a user's first click

    def cursor():
        """A read-only connection for one request: between requests an ingest can write the store."""
        return connect(str(db_path), read_only=True)

    def page(request: Request, template: str, status_code: int = 200, **context) -> HTMLResponse:
        html = env.get_template(template).render(request=request, db_name=Path(str(db_path)).name, **context)
        return HTMLResponse(html, status_code=status_code)

    def streamed_page(request: Request, template: str, **context) -> StreamingResponse:
        """A long page sent as it renders, so the browser paints the first screen early."""
        parts = env.get_template(template).generate(request=request, db_name=Path(str(db_path)).name, **context)
        return StreamingResponse(buffered(parts), media_type="text/html; charset=utf-8")

    def document_or_404(con, doc_id: str, text: bool = False) -> dict:
        doc = data.get_document(con, doc_id, text=text)
        if doc is None:
            raise HTTPException(404, "no such document in this store")
        return doc

    def home(request: Request):
        q = request.query_params.get("q", "").strip()[:200]
        form = request.query_params.get("form", "")[:40]
        status = request.query_params.get("status", "all")
        status = status if status in data.HOME_STATUSES else "all"
        with cursor() as con:
            docs = data.list_documents(con, q=q, form=form, status=status)
            return page(request, "home.html", docs=docs, q=q, form=form, status=status,
                        forms=data.form_types(con), totals=data.totals(con))

    def document(request: Request):
        doc_id = request.path_params["doc_id"]
        with cursor() as con:
            doc = document_or_404(con, doc_id)
        # an HTML filing is shown as filed; ?as=text shows its markup lines
        filed = bool(html_parts_of(doc))
        as_text = not filed or request.query_params.get("as") == "text"

        def build_view():
            with cursor() as con:
                text = data.get_document(con, doc_id, text=True) or doc
                rows = data.document_rows(con, doc_id, tables)
            return rows_to_view(text, rows["facts"], rows["claims"], rows["checks"], rows["spans"],
                                as_text=as_text, tables=rows["tables"])

        base = f"/doc/{doc_id}"
        modes = [("as filed", base, not as_text), ("as text", base + "?as=text", as_text)] if filed else []
        # the page's head (and its stylesheet links) leaves before the view is built
        return streamed_page(request, "document.html", doc=doc, view=Lazy(build_view), modes=modes,
                             filed_css=None if as_text else base + "/filed.css")

    @lru_cache(maxsize=8)
    def stylesheet(doc_id: str) -> str:
        """The filed view's style classes of a document (its id is its content's hash: never stale)."""
        with cursor() as con:
            doc = document_or_404(con, doc_id, text=True)
        return filed_css(split_text(doc.get("text") or ""), html_parts_of(doc))

    def filed_stylesheet(request: Request):
        css = stylesheet(request.path_params["doc_id"])
        return Response(css, media_type="text/css; charset=utf-8",
                        headers={"cache-control": "private, max-age=3600"})

    def fact_query(request: Request) -> dict:
        p = request.query_params
        table = p.get("table", "")
        return {"q": p.get("q", "").strip()[:200], "status": p.get("status", ""),
                "table": int(table) if table.isdigit() else None,
                "sort": p.get("sort", "fact_id") if p.get("sort") in data.SORTS else "fact_id",
                "descending": p.get("dir") == "desc"}

    def facts_page(request: Request):
        doc_id = request.path_params["doc_id"]
        query = fact_query(request)
        with cursor() as con:
            doc = document_or_404(con, doc_id)
            rows = data.document_facts(con, doc_id, **query)
            doc_tables = data.document_tables(con, doc_id)
        args = {k: v for k, v in (("q", query["q"]), ("status", query["status"]),
                                  ("table", query["table"])) if v not in ("", None)}

        def sort_link(column: str) -> str:
            descending = query["sort"] == column and not query["descending"]
            return "?" + urlencode({**args, "sort": column, "dir": "desc" if descending else "asc"})

        download = ("?" + urlencode({**args, "sort": query["sort"], "dir": "desc" if query["descending"] else "asc"}))
        return page(request, "facts.html", doc=doc, facts=rows[:MAX_FACT_ROWS], n_facts=len(rows),
                    statuses=data.FACT_STATUSES,
                    limit=MAX_FACT_ROWS, query=query, columns=data.FACT_COLUMNS, sort_link=sort_link,
                    tables=doc_tables, download=download)

    def facts_csv(request: Request):
        doc_id = request.path_params["doc_id"]
        with cursor() as con:
            doc = document_or_404(con, doc_id)
            rows = data.document_facts(con, doc_id, **fact_query(request))
        return Response(facts_to_csv(rows), media_type="text/csv; charset=utf-8",
                        headers={"content-disposition": f'attachment; filename="{download_name(doc)}.facts.csv"'})

    def facts_xlsx(request: Request):
        doc_id = request.path_params["doc_id"]
        with cursor() as con:
            doc = document_or_404(con, doc_id)
            rows = data.document_facts(con, doc_id, **fact_query(request))
        return Response(facts_to_xlsx(rows, doc),
                        media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        headers={"content-disposition": f'attachment; filename="{download_name(doc)}.facts.xlsx"'})

    def charts_page(request: Request):
        doc_id = request.path_params["doc_id"]
        table = request.query_params.get("table", "")
        with cursor() as con:
            doc = document_or_404(con, doc_id)
            doc_tables = data.document_tables(con, doc_id)
            chosen = None
            if table.isdigit():
                chosen = next((t for t in doc_tables if t["table_id"] == int(table)), None)
            else:
                chosen = charts.default_table(doc_tables)
            specs = []
            if chosen is not None:
                spec = charts.table_chart(chosen["title"], data.table_facts(con, doc_id, chosen["table_id"]))
                if spec:
                    specs.append(("Periods side by side", spec))
            mining = charts.mining_chart(data.mining_facts(con, doc_id))
            if mining:
                specs.append(("Production and cash cost by mine", mining))
        return page(request, "charts.html", doc=doc, tables=doc_tables, chosen=chosen, specs=specs)

    def trend_page(request: Request):
        company = request.query_params.get("company", "")[:300]
        label = request.query_params.get("label", "")[:300]
        concept = request.query_params.get("concept", "")[:200]
        with cursor() as con:
            docs = data.company_documents(con, company) if company else []
            if company and not docs:
                raise HTTPException(404, "no documents of that company in this store")
            labels = data.company_labels(con, company) if company else []
            concepts = data.company_concepts(con, company) if company else []
            if company and not label and not concept:  # the commonest concept, else label
                if concepts:
                    concept = concepts[0]["concept"]
                elif labels:
                    label = labels[0]["label"]
            if concept:
                label = ""  # a concept, when given, is what is drawn; the pickers say so
            series = data.company_series(con, company, label=label, concept=concept) if company else []
        # the pickers show exactly what is drawn: a concept or label asked for is an option even
        # when it is not among the commonest, and a label matches its options regardless of case
        if concept and concept not in {c["concept"] for c in concepts}:
            concepts.append({"concept": concept, "label": "", "n_docs": len({s["doc_id"] for s in series})})
        if label:
            same = next((item["label"] for item in labels if item["label"].lower() == label.lower()), None)
            if same is None:
                labels.append({"label": label, "n_docs": len({s["doc_id"] for s in series})})
            else:
                label = same
        drawn = concept or label
        spec = charts.trend_chart(drawn, series) if series else None
        return page(request, "trend.html", company=company, label=label, concept=concept, docs=docs,
                    labels=labels, concepts=concepts, series=series, spec=spec, drawn=drawn)

    async def not_found(request: Request, exc: HTTPException):
        return page(request, "error.html", status_code=exc.status_code, status=exc.status_code,
                    message=exc.detail)

    doc = "/doc/{doc_id:str}"
    routes = [
        Route("/", home),
        Route(doc, document),
        Route(doc + "/filed.css", filed_stylesheet),
        Route(doc + "/facts", facts_page),
        Route(doc + "/facts.csv", facts_csv),
        Route(doc + "/facts.xlsx", facts_xlsx),
        Route(doc + "/charts", charts_page),
        Route("/trend", trend_page),
        Mount("/static/view", app=StaticFiles(packages=[("tieout.render", "static")]), name="view-static"),
        Mount("/static", app=StaticFiles(packages=[("tieout.serve", "static")]), name="static"),
    ]
    app = Starlette(routes=routes, exception_handlers={HTTPException: not_found})
    app.add_middleware(SecurityHeaders)
    return app


class Lazy:
    """An object built on first attribute access: lets a streamed page send its head first."""

    def __init__(self, make):
        self._make = make
        self._value = None

    def __getattr__(self, name):
        if self._value is None:
            self._value = self._make()
        return getattr(self._value, name)


def buffered(parts, size: int = 32 * 1024):
    """Join a template's many small pieces into ~32 KB writes; the head goes out at once."""
    buffer, length, head_sent = [], 0, False
    for part in parts:
        buffer.append(part)
        length += len(part)
        if length >= size or (not head_sent and "</head>" in part):
            head_sent = True
            yield "".join(buffer)
            buffer, length = [], 0
    if buffer:
        yield "".join(buffer)


# -- downloads (pure functions of rows) ---------------------------------------

EXPORT_COLUMNS = ("fact_id", "table_title", "label", "path", "period", "display", "value_text", "unit",
                  "scale", "decimals", "concept", "line", "col", "end_col", "status", "n_checks",
                  "column_index", "column_header")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _export_value(column: str, value):
    if value is None:
        return ""
    if column == "path":
        return " / ".join(value)
    return value


def spreadsheet_safe(text: str) -> str:
    """Text a spreadsheet will not run as a formula (OWASP CSV injection): prefix a quote."""
    if isinstance(text, str) and text.startswith(_FORMULA_START) and not _is_number(text):
        return "'" + text
    return text


def _is_number(text: str) -> bool:
    try:
        float(text.replace(",", ""))
        return True
    except ValueError:
        return False


def facts_to_csv(rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(EXPORT_COLUMNS)
    for row in rows:
        writer.writerow([spreadsheet_safe(_export_value(c, row.get(c))) for c in EXPORT_COLUMNS])
    return out.getvalue()


def facts_to_xlsx(rows: list[dict], doc: dict) -> bytes:
    """A one-sheet workbook of facts (header frozen, with filters); text cells are written as
    text, so nothing is a formula or a link."""
    from decimal import Decimal

    import xlsxwriter

    out = io.BytesIO()
    wb = xlsxwriter.Workbook(out, {"in_memory": True, "strings_to_formulas": False,
                                   "strings_to_urls": False, "strings_to_numbers": False})
    bold = wb.add_format({"bold": True})
    ws = wb.add_worksheet("facts")
    for k, column in enumerate(EXPORT_COLUMNS):
        ws.write_string(0, k, column, bold)
    for r, row in enumerate(rows, start=1):
        for k, column in enumerate(EXPORT_COLUMNS):
            value = _export_value(column, row.get(column))
            if column == "value_text" and value != "":
                value = Decimal(value)
                value = int(value) if value == value.to_integral() and abs(value) < 10**15 else float(value)
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                ws.write_string(r, k, str(value))
            else:
                ws.write_number(r, k, value)
    ws.freeze_panes(1, 0)
    ws.autofilter(0, 0, max(len(rows), 1), len(EXPORT_COLUMNS) - 1)
    meta = wb.add_worksheet("document")
    for r, key in enumerate(("name", "company", "form_type", "period", "filed", "doc_id")):
        meta.write_string(r, 0, key)
        meta.write_string(r, 1, str(doc.get(key) or ""))
    wb.close()
    return out.getvalue()


def download_name(doc: dict) -> str:
    name = str(doc.get("name") or doc.get("doc_id") or "document")
    return "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in name)[:120] or "document"
