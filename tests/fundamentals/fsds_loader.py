"""One loader for the SEC's Financial Statement Data Sets and for tieout's fsds export.

``load_fsds(path)`` takes the SEC's quarterly zip or a folder of the .txt files and returns
{"sub": DataFrame, "num": ..., "pre": ..., "tag": ...} (and "chk" when present) with the
column types the SEC's readme.htm gives: NUMERIC and DATE (yyyymmdd) as nullable integers,
value as float64, the rest as strings; an empty field is NULL.
"""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pandas as pd

INT = "Int64"
STR = "string"
DTYPES: dict[str, dict[str, str]] = {
    "sub": {"adsh": STR, "cik": INT, "name": STR, "sic": INT, "countryba": STR, "stprba": STR, "cityba": STR,
            "zipba": STR, "bas1": STR, "bas2": STR, "baph": STR, "countryma": STR, "stprma": STR,
            "cityma": STR, "zipma": STR, "mas1": STR, "mas2": STR, "countryinc": STR, "stprinc": STR,
            "ein": INT, "former": STR, "changed": INT, "afs": STR, "wksi": INT, "fye": STR, "form": STR,
            "period": INT, "fy": INT, "fp": STR, "filed": INT, "accepted": STR, "prevrpt": INT,
            "detail": INT, "instance": STR, "nciks": INT, "aciks": STR},
    "num": {"adsh": STR, "tag": STR, "version": STR, "ddate": INT, "qtrs": INT, "uom": STR,
            "segments": STR, "coreg": STR, "value": "float64", "footnote": STR},
    "pre": {"adsh": STR, "report": INT, "line": INT, "stmt": STR, "inpth": INT, "rfile": STR, "tag": STR,
            "version": STR, "plabel": STR, "negating": INT},
    "tag": {"tag": STR, "version": STR, "custom": INT, "abstract": INT, "datatype": STR, "iord": STR,
            "crdr": STR, "tlabel": STR, "doc": STR},
    "chk": {"adsh": STR, "tag": STR, "version": STR, "ddate": INT, "qtrs": INT, "uom": STR, "segments": STR,
            "coreg": STR, "status": STR, "rules": STR, "document": STR, "line": INT, "col": INT,
            "doc_id": STR, "fact_id": INT},
}


def load_fsds(path: str | Path) -> dict[str, pd.DataFrame]:
    path = Path(path)
    if path.is_file() and zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            names = {Path(n).stem: n for n in archive.namelist() if n.endswith(".txt")}
            return {stem: _read(io.BytesIO(archive.read(names[stem])), stem) for stem in DTYPES if stem in names}
    return {stem: _read(path / f"{stem}.txt", stem) for stem in DTYPES if (path / f"{stem}.txt").exists()}


def _read(source, stem: str) -> pd.DataFrame:
    frame = pd.read_csv(source, sep="\t", dtype=str, keep_default_na=False, na_values=[""],
                        quoting=csv.QUOTE_NONE, encoding="utf-8", lineterminator="\n")
    dtypes = DTYPES[stem]
    assert list(frame.columns) == list(dtypes), f"{stem}.txt columns {list(frame.columns)}"
    for column, dtype in dtypes.items():
        if dtype == INT:
            frame[column] = pd.to_numeric(frame[column], errors="raise").astype(INT)
        elif dtype == "float64":
            frame[column] = pd.to_numeric(frame[column], errors="raise").astype("float64")
        else:
            frame[column] = frame[column].astype(STR)
    return frame
