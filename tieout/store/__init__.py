"""The tieout store: every document, table, fact, relation, claim and check in one DuckDB file.

Why DuckDB: one file, no server, columnar, and the same SQL reads the Parquet
partitions a Dask ingest writes. The schema is a contract (docs/schema.md,
``tieout.store.schema``); opening a store applies any pending migrations.

Writes are per document and atomic: a document's rows are deleted and
rewritten in one transaction, so an ingest killed at any moment leaves every
document either fully stored or absent, and a re-run neither loses nor
duplicates anything. Only one process writes (the ingest parent); workers
return rows made by the pure ``report_rows``.

Sharing the file. DuckDB lets one process hold a file read-write, or any
number of processes hold it read-only, never both: an open that meets the
other kind of lock fails at once. So the ingest holds the file only while it
commits a batch (open, one transaction, close), readers hold it
only while they query, and ``open_store`` waits for a conflicting lock to go
away (short, growing pauses, up to ``wait`` seconds) before it gives up with
one line naming the process that holds the file.

    >>> import tieout
    >>> with tieout.open_store("filings.duckdb") as store:      # read-only
    ...     store.query("SELECT label, period, value FROM facts LIMIT 5")
    >>> with tieout.open_store("filings.duckdb", write=True) as store:
    ...     store.write_report(tieout.read("filing.txt"))
"""

from __future__ import annotations

import datetime as _dt
import os
import re
import time
from pathlib import Path

from tieout.errors import InputError
from tieout.model import Report
from tieout.store.partitions import read_partitions, rows_to_arrow
from tieout.store.rows import failure_rows, report_rows
from tieout.store.schema import DOCUMENT_TABLES, MIGRATIONS, SCHEMA_VERSION, TABLES

__all__ = ["open_store", "Store", "report_rows", "failure_rows", "SCHEMA_VERSION", "TABLES",
           "rows_to_arrow"]


class Store:
    """An open store. ``con`` is the duckdb connection for anything not wrapped here."""

    def __init__(self, con, path: str, read_only: bool):
        self.con = con
        self.path = path
        self.read_only = read_only

    # -- reading -----------------------------------------------------------

    def query(self, sql: str, params=None):
        """Run SQL and return a pandas DataFrame.

        pandas has no decimal type: DECIMAL columns (``facts.value``) arrive
        as float64, which is exact only to about 15 significant digits. For
        exact values select ``value_text`` (or ``CAST(value AS VARCHAR)``), or
        use ``self.con.execute(sql).fetchall()``, which returns ``Decimal``.
        """
        return self.con.execute(sql, params or []).df()

    def version(self) -> int:
        return _current_version(self.con)

    def file_index(self) -> dict[str, tuple[int, int, str, str]]:
        """path -> (size, mtime_ns, doc_id, status) for every file seen before."""
        rows = self.con.execute(
            "SELECT f.path, f.size, f.mtime_ns, f.doc_id, coalesce(d.status, 'missing') "
            "FROM files f LEFT JOIN documents d USING (doc_id)"
        ).fetchall()
        return {path: (size, mtime, doc_id, status) for path, size, mtime, doc_id, status in rows}

    def counts(self) -> dict[str, int]:
        return {name: self.con.execute(f"SELECT count(*) FROM {name}").fetchone()[0] for name in TABLES}

    # -- writing -----------------------------------------------------------

    def write_report(self, report: Report, seconds: float = 0.0, *, mtime_ns: int | None = None) -> None:
        from tieout import __version__

        rows = report_rows(report, seconds=seconds, ingested_at=_now(), version=__version__)
        self.write_rows(rows, path=report.filing.path, mtime_ns=mtime_ns)

    def write_failure(self, path: str, sha256: str, error: str, status: str = "error", *,
                      size: int | None = None, seconds: float = 0.0, mtime_ns: int | None = None) -> None:
        from tieout import __version__

        rows = failure_rows(str(path), sha256, error, status, size=size, seconds=seconds,
                            ingested_at=_now(), version=__version__)
        self.write_rows(rows, path=str(path), mtime_ns=mtime_ns)

    def write_rows(self, rows: dict[str, list[dict]], *, path: str | None = None,
                   mtime_ns: int | None = None) -> None:
        """Replace one document's rows (and the path's record) in one transaction."""
        self.write_many([(rows, path, mtime_ns)])

    def write_many(self, batch: list[tuple[dict[str, list[dict]], str | None, int | None]]) -> None:
        """Write several documents in one transaction: each is wholly stored or not at all.

        ``batch`` holds (rows, path, mtime_ns) per document. One INSERT per table
        for the whole batch: DuckDB's cost is per statement and per commit, not
        per row, so batching is what keeps the single writer ahead of the workers.
        """
        con = self.con
        now = _now()
        latest: dict[str, dict[str, list[dict]]] = {}  # doc_id -> rows (the last wins)
        files: dict[str, list] = {}
        for rows, path, mtime_ns in batch:
            document = rows["documents"][0]
            if document.get("ingested_at") is None:
                document["ingested_at"] = now
            path = path or document["path"]
            latest[document["doc_id"]] = rows
            files[path] = [path, document["doc_id"], document.get("size"), mtime_ns, document["ingested_at"]]
        con.execute("BEGIN TRANSACTION")
        try:
            for path, (_, doc_id, *_) in files.items():
                old = con.execute("SELECT doc_id FROM files WHERE path = ?", [path]).fetchone()
                con.execute("DELETE FROM files WHERE path = ?", [path])
                if old and old[0] != doc_id and old[0] not in latest:
                    self._drop_if_orphan(old[0])
            for doc_id in latest:
                if con.execute("SELECT 1 FROM documents WHERE doc_id = ?", [doc_id]).fetchone():
                    for table in ("documents",) + DOCUMENT_TABLES:  # a re-read: replace
                        con.execute(f"DELETE FROM {table} WHERE doc_id = ?", [doc_id])
            for table in ("documents",) + DOCUMENT_TABLES:
                table_rows = [row for rows in latest.values() for row in rows.get(table, ())]
                if table_rows:
                    self._insert(table, table_rows)
            con.executemany("INSERT INTO files VALUES (?, ?, ?, ?, ?)", list(files.values()))
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise

    def touch_file(self, path: str, mtime_ns: int) -> None:
        """Record a new mtime for a path whose bytes are unchanged."""
        self.con.execute("UPDATE files SET mtime_ns = ?, seen_at = ? WHERE path = ?", [mtime_ns, _now(), path])

    def insert_parquet(self, doc_rows: dict, partition_dir: str | Path, *, path: str | None = None,
                       mtime_ns: int | None = None) -> None:
        """Store a document whose rows a Dask worker wrote as Parquet partitions."""
        rows = read_partitions(partition_dir, doc_rows["doc_id"])
        rows["documents"] = [doc_rows]
        self.write_rows(rows, path=path, mtime_ns=mtime_ns)

    def _insert(self, table: str, rows: list[dict]) -> None:
        arrow = rows_to_arrow(table, rows)
        self.con.register("_tieout_rows", arrow)
        try:
            self.con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _tieout_rows")
        finally:
            self.con.unregister("_tieout_rows")

    def _drop_if_orphan(self, doc_id: str) -> None:
        still = self.con.execute("SELECT count(*) FROM files WHERE doc_id = ?", [doc_id]).fetchone()[0]
        if not still:
            for table in ("documents",) + DOCUMENT_TABLES:
                self.con.execute(f"DELETE FROM {table} WHERE doc_id = ?", [doc_id])

    # -- lifetime ----------------------------------------------------------

    def checkpoint(self) -> None:
        """Fold the write-ahead log into the file, so the next reader need not replay it."""
        self.con.execute("CHECKPOINT")

    def defer_checkpoint(self) -> None:
        """Close without a checkpoint: the committed batch stays in the write-ahead log.

        A checkpoint recompresses the last, partly filled row group of every
        column, and ``documents.text`` makes that grow with every document
        stored: checkpointing after each batch made the writer's cost grow with
        the store. DuckDB still checkpoints by itself once the log passes its
        ``checkpoint_threshold`` (16 MB), so a reader replays at most that much
        on opening (about 0.3 s); the ingest checkpoints once at its end.
        """
        self.con.execute("PRAGMA disable_checkpoint_on_shutdown")

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


READ_WAIT = 30.0  # seconds a reader waits for a writer to let go of the file


def open_store(path: str | os.PathLike, read_only: bool | None = None, wait: float = READ_WAIT, *,
               write: bool = False) -> Store:
    """Open the DuckDB store at ``path``: read-only unless ``write=True``.

    Read-only is what a notebook, ``tieout query`` and ``tieout serve`` need, and
    any number of read-only opens share the file with each other and with an
    ingest between its batches. ``write=True`` (or the older ``read_only=False``)
    creates the file or applies any pending migrations, and holds it alone.

    When another process holds the file in the conflicting mode (an ingest
    committing a batch, a reader querying), retry for up to ``wait`` seconds.
    Raises ``InputError`` when a read-only store does not exist, the file is
    not a DuckDB database, or the file stayed locked.
    """
    if read_only is not None:
        if read_only and write:
            raise ValueError("open_store: read_only=True and write=True contradict each other")
        write = not read_only
    read_only = not write
    path = str(path)
    if read_only and not Path(path).exists():
        raise InputError(f"{path}: no such store (create it with 'tieout ingest ... --db {path}')")
    if Path(path).is_dir():
        raise InputError(f"{path}: is a directory, not a store")
    con = connect(path, read_only=read_only, wait=wait)
    try:
        if not read_only:
            migrate(con)
        elif _current_version(con) < 0:
            raise InputError(f"{path}: not a tieout store (no schema_version table)")
    except BaseException:
        con.close()
        raise
    return Store(con, path, read_only)


def connect(path: str, *, read_only: bool, wait: float = READ_WAIT):
    """A duckdb connection to ``path``, retrying while another process holds a conflicting lock."""
    import duckdb

    deadline = time.monotonic() + max(0.0, wait)
    pause = 0.02
    while True:
        try:
            return duckdb.connect(path, read_only=read_only)
        except duckdb.Error as exc:
            message = " ".join(str(exc).split())
            if not is_lock_conflict(message):
                raise InputError(f"{path}: cannot open store: {message}") from None
            left = deadline - time.monotonic()
            if left <= 0:
                holder = re.search(r"PID (\d+)", message)
                who = f"process {holder.group(1)}" if holder else "another process"
                raise InputError(f"{path}: store is busy: {who} holds it "
                                 f"{'for writing' if read_only else 'open'}; waited {wait:g} s") from None
            time.sleep(min(pause, left))
            pause = min(pause * 1.5, 0.5)


def is_lock_conflict(message: str) -> bool:
    """True for DuckDB's "another process holds this file" error (as opposed to a bad file)."""
    return "Could not set lock" in message or "Conflicting lock" in message


def migrate(con) -> int:
    """Apply every migration above the store's version, each in one transaction."""
    con.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER)")
    version = _current_version(con)
    if version > SCHEMA_VERSION:
        raise InputError(f"store has schema version {version}; this tieout knows up to "
                         f"{SCHEMA_VERSION} (upgrade tieout)")
    for number in range(max(version, 0) + 1, SCHEMA_VERSION + 1):
        con.execute("BEGIN TRANSACTION")
        try:
            for statement in MIGRATIONS[number - 1]:
                con.execute(statement)
            con.execute("DELETE FROM schema_version")
            con.execute("INSERT INTO schema_version VALUES (?)", [number])
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
    return SCHEMA_VERSION


def _current_version(con) -> int:
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
    ).fetchone()[0]
    if not exists:
        return -1
    row = con.execute("SELECT max(version) FROM schema_version").fetchone()
    return 0 if row is None or row[0] is None else int(row[0])


def _now() -> _dt.datetime:
    return _dt.datetime.now().replace(microsecond=0)
