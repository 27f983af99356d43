"""``tieout export --format fsds`` loads with the same loader, columns and types as the SEC's zip."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from tieout.store import open_store
from tieout.store.fsds import label_tag, month_end, synthetic_adsh

from .filings import make_filing
from .fsds_loader import load_fsds

SEC_ZIP = Path(__file__).resolve().parents[3] / "shared" / "fsds" / "2009q3.zip"
FY96, FY97 = "1995-09-30/1996-09-27", "1996-09-28/1997-09-26"


@pytest.fixture()
def exported(tmp_path):
    db = tmp_path / "f.duckdb"
    with open_store(db, write=True) as s:
        s.write_report(make_filing("0000123456-97-000001", "1997-12-05", FY97, {
            "Revenues": {FY97: "7,081", FY96: "9,833"},
            "EarningsPerShareBasic": {FY97: "(8.29)", FY96: "(6.59)"},
            "": {FY97: "12", FY96: "10"},
        }, failing=("Revenues",)))
    out = tmp_path / "fsds"
    done = subprocess.run([sys.executable, "-m", "tieout", "export", "--db", str(db), "--format", "fsds",
                           "-o", str(out)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return out


def test_export_has_the_secs_columns_and_types(exported):
    ours = load_fsds(exported)
    if not SEC_ZIP.exists():
        pytest.skip(f"{SEC_ZIP} is absent (the SEC's data set is kept in ../shared/fsds)")
    sec = load_fsds(SEC_ZIP)
    assert set(sec) == {"sub", "num", "pre", "tag"} and len(sec["num"]) > 100_000
    for name in ("sub", "num", "pre", "tag"):
        assert list(ours[name].columns) == list(sec[name].columns)
        assert list(ours[name].dtypes) == list(sec[name].dtypes)


def test_export_values_keys_and_checks(exported):
    data = load_fsds(exported)
    sub = data["sub"].iloc[0]
    assert (sub["adsh"], sub["cik"], sub["sic"], sub["fye"], sub["form"], sub["period"], sub["fy"], sub["fp"],
            sub["filed"]) == ("0000123456-97-000001", 123456, 3571, "0930", "10-K", 19970930, 1997, "FY", 19971205)
    num = data["num"].set_index(["tag", "ddate"])
    assert num.loc[("Revenues", 19960930), "value"] == 9833000
    assert num.loc[("Revenues", 19960930), "qtrs"] == 4 and num.loc[("Revenues", 19960930), "version"] == "us-gaap/tieout"
    assert num.loc[("EarningsPerShareBasic", 19970930), "uom"] == "USD/shares"
    assert num.loc[("Unlabeled", 19970930), "version"] == "0000123456-97-000001"  # a custom tag
    key = ["adsh", "tag", "version", "ddate", "qtrs", "uom"]
    assert not data["num"].duplicated(key).any() and not data["pre"].duplicated(["adsh", "report", "line"]).any()
    tags = data["tag"].set_index("tag")
    assert tags.loc["Unlabeled", "custom"] == 1 and tags.loc["Revenues", "datatype"] == "monetary"
    chk = data["chk"].set_index(["tag", "ddate"])
    assert chk.loc[("Revenues", 19970930), "status"] == "fail"
    assert chk.loc[("EarningsPerShareBasic", 19970930), "status"] == "pass"
    assert chk.loc[("Revenues", 19970930), "rules"] == "sum"


def test_duckdb_reads_the_export_as_the_secs_files(exported):
    con = duckdb.connect()
    rows = con.execute(
        "SELECT s.name, n.tag, n.ddate, n.value FROM read_csv(?, delim='\t', header=true, quote='') n "
        "JOIN read_csv(?, delim='\t', header=true, quote='') s USING (adsh) WHERE n.tag = 'Revenues' "
        "ORDER BY n.ddate", [str(exported / "num.txt"), str(exported / "sub.txt")]).fetchall()
    assert [(r[0], r[1], r[2], float(r[3])) for r in rows] == [
        ("EXAMPLE CO", "Revenues", 19960930, 9833000.0), ("EXAMPLE CO", "Revenues", 19970930, 7081000.0)]


def test_helpers_round_dates_and_make_tags():
    assert month_end("1995-09-29") == "1995-09-30" and month_end("1997-01-02") == "1996-12-31"
    assert label_tag("Net sales (note 2)") == "NetSalesNote2" and label_tag("1996 total") == "X1996Total"
    assert synthetic_adsh("abc") == synthetic_adsh("abc") and len(synthetic_adsh("abc")) == 20
