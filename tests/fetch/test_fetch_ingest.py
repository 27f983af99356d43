"""``tieout ingest --cik`` fetches what the cache lacks and ingests it: its store ends with the same
contents as ingesting the folder ``tieout fetch -o`` wrote (every table, every column but the
file paths and timings); run again, it asks the server nothing and reads nothing."""

from __future__ import annotations

from tests.fetch.conftest import USER_AGENT
from tests.fetch.test_fetch_server import TINY, TINY_ACCESSIONS, archive
from tieout.cli import main
from tieout.store import open_store
from tieout.store.schema import TABLES

# what differs between two ingests of the same bytes from two places at two times
NOT_COMPARED = {"documents": {"path", "seconds", "ingested_at"}, "files": {"path", "mtime_ns", "seen_at"}}


def store_contents(db) -> dict[str, list[str]]:
    contents = {}
    with open_store(db, read_only=True) as store:
        for table, columns in TABLES.items():
            keep = [name for name, _ in columns if name not in NOT_COMPARED.get(table, ())]
            rows = store.con.execute(f"SELECT {', '.join(keep)} FROM {table}").fetchall()
            contents[table] = sorted(repr(row) for row in rows)
    return contents


def access(server, cache):
    return ["--base-url", server.url, "--cache", str(cache), "--user-agent", USER_AGENT]


def fetch_then_ingest_folder(server, tmp_path, company: list[str]) -> dict:
    assert main(["fetch", *company, *access(server, tmp_path / "cache-a"), "-o", str(tmp_path / "out"), "-q"]) == 0
    assert main(["ingest", str(tmp_path / "out"), "--db", str(tmp_path / "folder.duckdb"), "--workers", "0",
                 "-q"]) == 0
    return store_contents(tmp_path / "folder.duckdb")


def test_ingest_cik_equals_ingesting_the_fetched_folder(tiny_server, tmp_path, capsys):
    company = ["--cik", TINY, "--from", "1997", "--to", "1998"]
    from_folder = fetch_then_ingest_folder(tiny_server, tmp_path, company)
    tiny_server.reset()
    db = tmp_path / "cik.duckdb"
    assert main(["ingest", *company, *access(tiny_server, tmp_path / "cache-b"), "--db", str(db),
                 "--workers", "0", "-q"]) == 0
    assert tiny_server.count(archive(TINY_ACCESSIONS[0])) == 1  # a new cache: fetched, then read
    assert store_contents(db) == from_folder
    with open_store(db, read_only=True) as store:
        docs = store.query("SELECT accession, status, n_facts FROM documents ORDER BY accession")
    assert list(docs["accession"]) == TINY_ACCESSIONS and set(docs["status"]) == {"ok"}
    assert docs["n_facts"].min() > 0  # the release's statement of operations, every time
    capsys.readouterr()
    tiny_server.reset()
    assert main(["ingest", *company, *access(tiny_server, tmp_path / "cache-b"), "--db", str(db),
                 "--workers", "0", "-q"]) == 0
    assert tiny_server.count() == 0
    assert "4 unchanged" in capsys.readouterr().err


def test_ingest_cik_with_paths_and_a_failed_fetch(tiny_server, tmp_path, capsys):
    tiny_server.faults[archive(TINY_ACCESSIONS[1])] = [("status", 404)]
    other = tmp_path / "other"
    other.mkdir()
    (other / "note.txt").write_bytes((tiny_server.root / archive("0009999902-97-000001", "9999902")[1:]).read_bytes())
    db = tmp_path / "t.duckdb"
    code = main(["ingest", str(other), "--cik", TINY, "--from", "1997", "--to", "1998",
                 *access(tiny_server, tmp_path / "cache"), "--db", str(db), "--workers", "0", "-q"])
    err = capsys.readouterr().err
    assert code == 1  # a filing could not be fetched: the exit code says so
    assert f"not fetched: {TINY_ACCESSIONS[1]}" in err
    with open_store(db, read_only=True) as store:
        stored = set(store.query("SELECT accession FROM documents")["accession"])
    assert stored == {TINY_ACCESSIONS[0], TINY_ACCESSIONS[2], TINY_ACCESSIONS[3], "0009999902-97-000001"}


def test_ingest_cik_on_corpus_filings(corpus_server, tmp_path):
    company = ["--cik", "1001136", "--form", "8-K", "--from", "2000", "--to", "2000"]  # Stockwalk's three 8-Ks
    from_folder = fetch_then_ingest_folder(corpus_server, tmp_path, company)
    assert len(from_folder["documents"]) == 3 and from_folder["facts"]  # two carry financial tables
    db = tmp_path / "cik.duckdb"
    assert main(["ingest", *company, *access(corpus_server, tmp_path / "cache-b"), "--db", str(db),
                 "--workers", "0", "-q"]) == 0
    assert store_contents(db) == from_folder


def test_ingest_without_paths_or_company_is_usage(tmp_path, capsys):
    assert main(["ingest", "--db", str(tmp_path / "t.duckdb")]) == 2
    err = capsys.readouterr().err
    assert "nothing to read" in err and "--cik" in err


def test_fetch_options_without_a_company_are_usage(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    assert main(["ingest", str(folder), "--form", "10-K", "--db", str(tmp_path / "t.duckdb")]) == 2
    assert "give the company with --cik" in capsys.readouterr().err


def test_a_missing_path_beside_cik_stops_before_any_request(tiny_server, tmp_path, capsys):
    code = main(["ingest", str(tmp_path / "nowhere"), "--cik", TINY, *access(tiny_server, tmp_path / "c"),
                 "--db", str(tmp_path / "t.duckdb")])
    assert code == 2 and tiny_server.count() == 0
    assert "no such file or folder" in capsys.readouterr().err


def test_ingest_cik_names_the_company_of_files_without_a_header(tiny_server, tmp_path):
    import shutil

    from tests.conftest import REPO

    local = tmp_path / "local"
    local.mkdir()
    shutil.copy(REPO / "examples" / "northwind-1997-q2-release.txt", local / "release.txt")
    db = tmp_path / "t.duckdb"
    assert main(["ingest", str(local), "--cik", TINY, "--form", "8-K", "--from", "1997", "--to", "1998",
                 *access(tiny_server, tmp_path / "cache"), "--db", str(db), "--workers", "0", "-q"]) == 0
    with open_store(db, read_only=True) as store:
        rows = dict(store.con.execute("SELECT name, cik || ' ' || form_type FROM documents").fetchall())
    assert rows["release.txt"] == f"{TINY.zfill(10)} 8-K"  # it had neither
    fetched = {name: identity for name, identity in rows.items() if name != "release.txt"}
    assert len(fetched) == 2 and all(identity.startswith(TINY.zfill(10)) for identity in fetched.values())
