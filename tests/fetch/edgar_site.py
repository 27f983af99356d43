"""An EDGAR-shaped site on 127.0.0.1 for the fetch tests: a tree built from submissions, and a
server that counts every request and injects faults.

``build_site(root, submissions)`` lays out what the SEC serves, from each
submission's own SGML header (CIK, form, filing date, accession, company):

    Archives/edgar/data/CIK/ACCESSION.txt          the bytes as given
    Archives/edgar/full-index/YYYY/QTRn/company.idx and form.idx, every quarter in the span
    submissions/CIK##########.json (+ an older page)  for the CIKs in ``json_ciks``
    files/company_tickers.json                       for ``tickers``

``EdgarServer(root)`` serves it with ``http.server`` in a thread and records
(time, path, user agent, status) per request. ``server.faults[path]`` is a list
of faults used one per request, oldest first: ``("status", 429, {"Retry-After": "1"})``,
``("drop", n)`` (a full Content-Length, ``n`` bytes, then the connection closed),
``("slow", seconds)`` (a wait before the answer), ``("trickle", chunk, seconds)``
(the body ``chunk`` bytes at a time, ``seconds`` apart).
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from tieout.source.header import lines_to_header


@dataclass(frozen=True)
class Entry:
    cik: str
    company: str
    form: str
    filed: str
    accession: str
    data: bytes


def entry_of(data: bytes) -> Entry:
    header = lines_to_header(data.decode("latin-1").splitlines()[:150])
    assert header.cik and header.accession and header.filed and header.form_type, header
    return Entry(str(int(header.cik)), header.company, header.form_type, header.filed, header.accession, data)


def build_site(root: Path, submissions: list[bytes], *, json_ciks=(), tickers: dict[str, str] | None = None,
               recent: int = 2) -> list[Entry]:
    """Write the site under ``root``; the entries, oldest first. A JSON CIK's newest ``recent``
    filings are in its main file, the others in one older page."""
    entries = sorted((entry_of(data) for data in submissions), key=lambda e: (e.filed, e.accession))
    for e in entries:
        path = root / "Archives/edgar/data" / e.cik / f"{e.accession}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(e.data)
    years = [int(e.filed[:4]) for e in entries]
    for year in range(min(years), max(years) + 1):
        for quarter in range(1, 5):
            rows = [e for e in entries if int(e.filed[:4]) == year and (int(e.filed[5:7]) - 1) // 3 + 1 == quarter]
            folder = root / f"Archives/edgar/full-index/{year}/QTR{quarter}"
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "company.idx").write_bytes(full_index(rows, year, quarter, by="company"))
            (folder / "form.idx").write_bytes(full_index(rows, year, quarter, by="form"))
    for cik in json_ciks:
        mine = [e for e in entries if e.cik == str(int(cik))]
        write_submissions_json(root, str(int(cik)), mine, recent)
    if tickers is not None:
        table = {str(i): {"cik_str": int(cik), "ticker": ticker, "title": f"company {cik}"}
                 for i, (ticker, cik) in enumerate(tickers.items())}
        (root / "files").mkdir(parents=True, exist_ok=True)
        (root / "files/company_tickers.json").write_text(json.dumps(table))
    return entries


def full_index(rows: list[Entry], year: int, quarter: int, *, by: str) -> bytes:
    """A company.idx or form.idx as the SEC writes them: a preamble, a header, dashes, fixed-width rows."""
    preamble = (f"Description:           Master Index of EDGAR Dissemination Feed by "
                f"{'Company Name' if by == 'company' else 'Form Type'}\n"
                f"Last Data Received:    {year} QTR{quarter}\nComments:              webmaster@sec.gov\n"
                "Anonymous FTP:         ftp://ftp.sec.gov/edgar/\n\n\n\n\n")
    if by == "company":
        header = f"{'Company Name':<62}{'Form Type':<12}{'CIK':<12}{'Date Filed':<12}File Name\n"
        order = sorted(rows, key=lambda e: (e.company, e.form, e.filed))
        lines = [f"{e.company:<62}{e.form:<12}{e.cik:<12}{e.filed:<12}edgar/data/{e.cik}/{e.accession}.txt  "
                 for e in order]
    else:
        header = f"{'Form Type':<12}{'Company Name':<62}{'CIK':<12}{'Date Filed':<12}File Name\n"
        order = sorted(rows, key=lambda e: (e.form, e.company, e.filed))
        lines = [f"{e.form:<12}{e.company:<62}{e.cik:<12}{e.filed:<12}edgar/data/{e.cik}/{e.accession}.txt  "
                 for e in order]
    text = preamble + header + "-" * 141 + "\n" + "".join(line + "\n" for line in lines)
    return text.encode("latin-1")


def _columns(entries: list[Entry]) -> dict:
    return {"accessionNumber": [e.accession for e in entries], "filingDate": [e.filed for e in entries],
            "form": [e.form for e in entries],
            "primaryDocument": [f"{e.accession}.txt" for e in entries]}


def write_submissions_json(root: Path, cik: str, entries: list[Entry], recent: int) -> None:
    newest_first = sorted(entries, key=lambda e: (e.filed, e.accession), reverse=True)
    head, older = newest_first[:recent], newest_first[recent:]
    files = []
    folder = root / "submissions"
    folder.mkdir(parents=True, exist_ok=True)
    if older:
        name = f"CIK{int(cik):010d}-submissions-001.json"
        (folder / name).write_text(json.dumps(_columns(older)))
        files.append({"name": name, "filingCount": len(older), "filingFrom": older[-1].filed,
                      "filingTo": older[0].filed})
    data = {"cik": cik, "name": entries[0].company if entries else "", "tickers": [],
            "filings": {"recent": _columns(head), "files": files}}
    (folder / f"CIK{int(cik):010d}.json").write_text(json.dumps(data))


# -- the server ---------------------------------------------------------------


@dataclass(frozen=True)
class Hit:
    at: float  # time.monotonic() when the request line was read
    path: str
    user_agent: str
    status: int


class _Quiet(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):  # a client closing its keep-alive connection
        pass


class EdgarServer:
    def __init__(self, root: Path):
        self.root = root
        self.hits: list[Hit] = []
        self.faults: dict[str, list[tuple]] = {}
        self.lock = threading.Lock()
        self.httpd = _Quiet(("127.0.0.1", 0), _handler(self))
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def __enter__(self) -> EdgarServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def count(self, path: str | None = None) -> int:
        with self.lock:
            return sum(1 for hit in self.hits if path is None or hit.path == path)

    def reset(self) -> None:
        with self.lock:
            self.hits.clear()

    def _next_fault(self, path: str):
        with self.lock:
            queue = self.faults.get(path)
            return queue.pop(0) if queue else None

    def _record(self, hit: Hit) -> None:
        with self.lock:
            self.hits.append(hit)


def _handler(server: EdgarServer):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # headers and body go as separate writes: no 40 ms stalls

        def log_message(self, *args):  # quiet
            pass

        def do_GET(self):
            at = time.monotonic()
            path = self.path.split("?", 1)[0]
            fault = server._next_fault(path)
            file = server.root / path.lstrip("/")
            body = file.read_bytes() if path.startswith("/") and ".." not in path and file.is_file() else None
            status = 200 if body is not None else 404
            if fault and fault[0] == "status":
                status = fault[1]
            server._record(Hit(at, path, self.headers.get("User-Agent", ""), status))
            if fault and fault[0] == "slow":
                time.sleep(fault[1])
            if status != 200:
                message = f"{status} for {path}\n".encode()
                self.send_response(status)
                for key, value in (fault[2] if fault and fault[0] == "status" and len(fault) > 2 else {}).items():
                    self.send_header(key, value)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", str(len(message)))
                self.end_headers()
                self.wfile.write(message)
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/json" if path.endswith(".json") else "text/plain")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            try:
                if fault and fault[0] == "drop":
                    self.wfile.write(body[: fault[1]])
                    self.wfile.flush()
                    self.close_connection = True
                    return
                if fault and fault[0] == "trickle":
                    for start in range(0, len(body), fault[1]):
                        self.wfile.write(body[start:start + fault[1]])
                        self.wfile.flush()
                        time.sleep(fault[2])
                    return
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                self.close_connection = True

    return Handler


# -- a submission written for these tests -------------------------------------

TINY_RELEASE = """\
                     TINY TEST COMPANY REPORTS FIRST QUARTER RESULTS

      Tiny Test Company (a fictional company written for the tieout tests) today
reported net income of $1.2 million for the first quarter of 1997.

                          TINY TEST COMPANY
                 CONSOLIDATED STATEMENTS OF OPERATIONS
                      (dollars in thousands)

                                        Three Months Ended March 31,
                                          1997            1996
                                        --------        --------
Net sales                               $ 12,500        $ 11,200
Cost of sales                              8,100           7,400
                                        --------        --------
Gross profit                               4,400           3,800
Operating expenses                         3,200           3,100
                                        --------        --------
Net income                              $  1,200        $    700
                                        ========        ========
"""


def tiny_submission(*, cik: str = "9999901", company: str = "TINY TEST CO", form: str = "8-K",
                    filed: str = "19970415", accession: str = "0009999901-97-000001",
                    text: str = TINY_RELEASE, exhibit: str = "EX-99") -> bytes:
    """A complete submission in the SEC's SGML container, written for these tests."""
    return (
        f"<SEC-DOCUMENT>{accession}.txt : {filed}\n"
        f"<SEC-HEADER>{accession}.hdr.sgml : {filed}\n"
        f"ACCESSION NUMBER:\t\t{accession}\n"
        f"CONFORMED SUBMISSION TYPE:\t{form}\n"
        "PUBLIC DOCUMENT COUNT:\t\t2\n"
        f"CONFORMED PERIOD OF REPORT:\t{filed}\n"
        f"FILED AS OF DATE:\t\t{filed}\n\n"
        "FILER:\n\n\tCOMPANY DATA:\t\n"
        f"\t\tCOMPANY CONFORMED NAME:\t\t\t{company}\n"
        f"\t\tCENTRAL INDEX KEY:\t\t\t{int(cik):010d}\n"
        "</SEC-HEADER>\n"
        f"<DOCUMENT>\n<TYPE>{form}\n<SEQUENCE>1\n<TEXT>\n"
        f"{form} of {company}: see the exhibit.\n</TEXT>\n</DOCUMENT>\n"
        f"<DOCUMENT>\n<TYPE>{exhibit}\n<SEQUENCE>2\n<TEXT>\n{text}</TEXT>\n</DOCUMENT>\n"
        "</SEC-DOCUMENT>\n"
    ).encode("latin-1")


def tiny_submissions() -> list[bytes]:
    """Four filings of one fictional company across 1997-1998 and one of another company."""
    return [
        tiny_submission(),
        tiny_submission(form="10-Q", filed="19970514", accession="0009999901-97-000002", exhibit="EX-99.1"),
        tiny_submission(form="10-K405", filed="19980320", accession="0009999901-98-000001"),
        tiny_submission(form="8-K/A", filed="19970601", accession="0009999901-97-000003"),
        tiny_submission(cik="9999902", company="OTHER TEST CO", accession="0009999902-97-000001"),
    ]
