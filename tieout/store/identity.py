"""The company a file without an EDGAR header belongs to, as ``ingest PATH --cik N --form F`` says.

A primary document saved on its own, or a press release, names no CIK; its cover gives at
most the form, period and registrant. When the ingest is told the company (``--cik``, the
same option that fetches its filings), the stored documents of the PATHs given that have no
CIK take it, and a single ``--form`` fills an empty form type. Documents whose header names a
CIK keep their own.
"""

from __future__ import annotations

from pathlib import Path


def fill_identity(store, paths: list[Path], cik: str, form: str = "") -> int:
    """Set ``cik`` (ten digits, as EDGAR headers print it) and an empty ``form_type`` on the
    documents of ``paths`` that have no CIK; return how many documents took it."""
    digits = str(cik).strip().lstrip("0")
    if not digits.isdigit() or not paths:
        return 0
    form = form.strip().upper()
    single_form = form if form and "," not in form and "*" not in form else ""
    targets = [str(Path(p).resolve()) for p in paths]
    store.con.execute("CREATE OR REPLACE TEMP TABLE _identity_paths (path VARCHAR)")
    store.con.executemany("INSERT INTO _identity_paths VALUES (?)", [[p] for p in targets])
    where = ("coalesce(cik, '') = '' AND status = 'ok' AND doc_id IN "
             "(SELECT doc_id FROM files WHERE path IN (SELECT path FROM _identity_paths))")
    count = store.con.execute(f"SELECT count(*) FROM documents WHERE {where}").fetchone()[0]
    store.con.execute(f"UPDATE documents SET cik = ?, form_type = CASE WHEN coalesce(form_type, '') = '' "
                      f"THEN ? ELSE form_type END WHERE {where}", [digits.zfill(10), single_form])
    store.con.execute("DROP TABLE _identity_paths")
    return count
