"""The viewer holds no lock between requests: an ingest can write the store it shows."""

import shutil

from starlette.testclient import TestClient

from tieout.batch.ingest import IngestSettings, ingest
from tieout.serve.app import create_app


def test_an_ingest_writes_while_the_viewer_is_open(tmp_path, seed_path):
    db = tmp_path / "store.duckdb"
    first = tmp_path / "first"
    first.mkdir()
    shutil.copy(seed_path, first / "seed.txt")
    ingest([str(first)], db, IngestSettings(workers=0))
    client = TestClient(create_app(db))
    assert client.get("/").status_code == 200
    second = tmp_path / "second"
    second.mkdir()
    (second / "other.txt").write_bytes(seed_path.read_bytes() + b"\n")
    summary = ingest([str(second)], db, IngestSettings(workers=0, lock_wait=5))
    assert summary.done == 1
    assert client.get("/").text.count("/doc/") >= 2
