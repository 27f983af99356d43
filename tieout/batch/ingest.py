"""``tieout ingest``: many files into one store, restartable at any moment.

The plan is pure (``plan``: which files need reading, from their size and
mtime against the store's ``files`` table), the reading is a runner
(``tieout.batch.runners``: inline, process pool, Dask), and the parent is the
only writer: outcomes are written a batch per transaction as they arrive. So
a second run reads nothing new, a changed file at the same path replaces that
path's rows, and a run killed with SIGKILL and started again ends with
exactly the rows of an uninterrupted run.

The writer holds the DuckDB file only while it commits a batch (open, write,
close; one checkpoint at the end), so ``tieout query``, ``tieout serve`` and other readers
get in between batches; when a reader holds the file, the writer waits for it
(up to ``lock_wait`` seconds). Without a store (``db`` None) the ingest is
Parquet-only: workers write each document's partitions themselves and nothing
funnels through one writer.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tieout.batch.discover import find_files
from tieout.batch.runners import RunSettings, run_dask, run_inline, run_pool
from tieout.batch.work import Outcome


@dataclass(frozen=True)
class IngestSettings:
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)  # 0 = in this process
    scheduler: str | None = None  # "tcp://host:8786" or a distributed.Client
    timeout: float | None = 120.0
    parquet: str | None = None  # also write Parquet partitions here (always, with a scheduler)
    retry_failed: bool = False  # read again files whose last run ended 'error' or 'timeout'
    force: bool = False  # read every file again
    check: bool = True
    batch_docs: int = 64  # documents per store transaction (each one whole or absent)
    batch_seconds: float = 2.0  # ... or whatever arrived in this long
    lock_wait: float = 60.0  # seconds the writer waits for readers to let go of the store


@dataclass(frozen=True)
class FileTask:
    path: str
    size: int
    mtime_ns: int


@dataclass
class IngestSummary:
    found: int = 0
    skipped: int = 0
    ok: int = 0
    error: int = 0
    timeout: int = 0
    bytes: int = 0
    seconds: float = 0.0
    write_seconds: float = 0.0  # of ``seconds``, spent writing the store (the single writer)
    peak_worker_rss: int = 0  # bytes, the largest resident peak a worker reported
    failures: list[tuple[str, str, str]] = field(default_factory=list)  # (path, status, error)
    failing_checks: int = 0  # of ``ok``, documents stored with at least one failing check
    not_read: list[tuple[str, str]] = field(default_factory=list)  # (path, why): in a folder, not a filing
    hidden: int = 0  # hidden files and folders in the folders given, not looked into

    @property
    def done(self) -> int:
        return self.ok + self.error + self.timeout

    def line(self) -> str:
        rate = self.bytes / 1e6 / self.seconds if self.seconds else 0.0
        failing = f"{self.failing_checks} document{'s' if self.failing_checks != 1 else ''} with failing checks"
        passed = (f"; {len(self.not_read)} other file{'s' if len(self.not_read) != 1 else ''} not read "
                  "(not filings)") if self.not_read else ""
        return (f"{self.found} files: {self.ok} stored, {self.error} errors, {self.timeout} timeouts, "
                f"{self.skipped} unchanged; {failing}{passed}; {self.bytes / 1e6:.1f} MB in {self.seconds:.1f} s "
                f"({self.done / self.seconds if self.seconds else 0:.1f} docs/s, {rate:.2f} MB/s)")


def plan(files: list[Path], index: dict[str, tuple], settings: IngestSettings) -> tuple[list[FileTask], int]:
    """The files that need reading, and how many were skipped as unchanged."""
    tasks, skipped = [], 0
    for path in files:
        try:
            stat = path.stat()
        except OSError:
            tasks.append(FileTask(str(path), 0, 0))  # the worker records why it cannot be read
            continue
        task = FileTask(str(path), stat.st_size, stat.st_mtime_ns)
        known = index.get(task.path)
        if (known and not settings.force and known[0] == task.size and known[1] == task.mtime_ns
                and _settled(known[3], settings)):
            skipped += 1
            continue
        tasks.append(task)
    return tasks, skipped


def split_touched(tasks: list[FileTask], index: dict[str, tuple],
                  settings: IngestSettings) -> tuple[list[FileTask], list[FileTask]]:
    """Tasks whose file only changed its mtime (same size and sha256 as stored) apart."""
    import hashlib

    keep, touched = [], []
    for task in tasks:
        known = index.get(task.path)
        if settings.force or not known or known[0] != task.size or not _settled(known[3], settings):
            keep.append(task)
            continue
        try:
            same = hashlib.sha256(Path(task.path).read_bytes()).hexdigest() == known[2]
        except OSError:
            same = False
        (touched if same else keep).append(task)
    return keep, touched


def _settled(status: str, settings: IngestSettings) -> bool:
    return status == "ok" or (status in ("error", "timeout") and not settings.retry_failed)


Listener = Callable[[Outcome, IngestSummary], None]


def ingest(paths: list[str], db: str | Path | None, settings: IngestSettings = IngestSettings(),
           *, on_start: Callable[[int, int], None] | None = None,
           on_outcome: Listener | None = None) -> IngestSummary:
    """Read ``paths`` into the store at ``db`` (and/or Parquet partitions at ``settings.parquet``;
    ``db`` None = Parquet only); InputError for an unusable argument."""
    from tieout.errors import InputError
    from tieout.store import open_store

    if db is None and not settings.parquet:
        raise InputError("nowhere to write: give a store (--db FILE), a Parquet folder (--parquet DIR), or both")
    found, passed = find_files(paths)
    files = [Path(p).resolve() for p in found]
    summary = IngestSummary(found=len(files), not_read=[(str(p), why) for p, why in passed.files],
                            hidden=passed.hidden)
    start = time.perf_counter()
    if db is not None:
        with open_store(db, write=True, wait=settings.lock_wait) as store:
            index = store.file_index()
            tasks, summary.skipped = plan(files, index, settings)
            tasks, touched = split_touched(tasks, index, settings)
            for task in touched:  # same bytes, new mtime (copied, touched): remember, don't re-read
                store.touch_file(task.path, task.mtime_ns)
    else:
        from tieout.batch.partitions import partition_index

        index = partition_index(settings.parquet)
        tasks, summary.skipped = plan(files, index, settings)
        tasks, touched = split_touched(tasks, index, settings)
    summary.skipped += len(touched)
    if on_start:
        on_start(len(tasks), sum(t.size for t in tasks))
    mtimes = {task.path: task.mtime_ns for task in tasks}
    writer = _Writer(db, settings, summary)
    try:
        for outcome in _outcomes([t.path for t in tasks], settings):
            _count(summary, outcome, +1)
            writer.add(outcome, mtimes.get(outcome.path))
            summary.bytes += outcome.size
            summary.peak_worker_rss = max(summary.peak_worker_rss, outcome.peak_rss)
            summary.seconds = time.perf_counter() - start
            if on_outcome:
                on_outcome(outcome, summary)
    finally:
        writer.flush(final=True)  # an interrupted run keeps every document it finished
    summary.seconds = time.perf_counter() - start
    return summary


def _outcomes(paths: list[str], settings: IngestSettings):
    if not paths:
        return
    if settings.scheduler is not None:
        yield from _dask_outcomes(paths, settings, RunSettings(timeout=settings.timeout, check=settings.check))
        return
    # pool workers write their own partitions; inline, the parent does (in _prepared_rows)
    run = RunSettings(timeout=settings.timeout, check=settings.check,
                      partition_dir=settings.parquet if settings.workers > 0 else None)
    if settings.workers <= 0:
        yield from run_inline(paths, run)
    else:
        yield from run_pool(paths, min(settings.workers, len(paths)), run)


def _dask_outcomes(paths: list[str], settings: IngestSettings, run: RunSettings):
    from distributed import Client

    from tieout.errors import InputError

    scheduler = settings.scheduler
    if isinstance(scheduler, str):
        try:
            client = Client(scheduler, timeout="10s")
        except (OSError, TimeoutError) as exc:
            raise InputError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
        owned = True
    else:
        client, owned = scheduler, False
    try:
        yield from run_dask(paths, client, run, partition_dir=settings.parquet)
    finally:
        if owned:
            client.close()


class _Writer:
    """The single writer: buffers outcomes and writes them a batch per transaction.

    A batch is written whole or not at all, so every document is either fully
    stored or absent; a batch the store refuses is retried one document at a
    time, and a document whose rows are refused becomes an 'error' row. The
    store is opened for each batch and closed (after a checkpoint) right
    after it, so readers can open it between batches. With no store (``db``
    None) there is nothing to write here: the partitions are the output.
    """

    def __init__(self, db, settings: IngestSettings, summary: IngestSummary):
        self.db, self.settings, self.summary = db, settings, summary
        self.buffer: list[tuple[Outcome, dict, int | None]] = []
        self.since = time.monotonic()
        self.written = False  # a batch went into the store (so the end checkpoints it)

    def add(self, outcome: Outcome, mtime_ns: int | None) -> None:
        try:
            rows = _prepared_rows(outcome, self.settings, self.db is not None)
        except Exception as exc:  # noqa: BLE001 - e.g. a partition file that cannot be read back
            recorded = _recorded(outcome, f"could not collect the rows: {type(exc).__name__}: {exc}")
            _count(self.summary, outcome, -1)
            _count(self.summary, recorded, +1)
            outcome, rows = recorded, recorded.rows
            if self.settings.parquet:
                from tieout.batch.partitions import write_partitions

                write_partitions(rows, self.settings.parquet)
        if self.db is None:
            return
        if not self.buffer:
            self.since = time.monotonic()
        self.buffer.append((outcome, rows, mtime_ns))
        if (len(self.buffer) >= self.settings.batch_docs
                or time.monotonic() - self.since >= self.settings.batch_seconds):
            self.flush()

    def flush(self, final: bool = False) -> None:
        if not self.buffer and not (final and self.written):
            return
        from tieout.store import open_store

        started = time.perf_counter()
        batch, self.buffer = self.buffer, []
        # a store that stays busy (InputError) ends the run: the batch is not stored, and the
        # next run reads those files again
        with open_store(self.db, write=True, wait=self.settings.lock_wait) as store:
            if batch:
                try:
                    store.write_many([(rows, outcome.path, mtime) for outcome, rows, mtime in batch])
                except Exception:  # noqa: BLE001 - find the document at fault, keep the others
                    for outcome, rows, mtime in batch:
                        stored = _store_or_record(store, outcome, mtime, self.settings, rows)
                        if stored.status != outcome.status:
                            _count(self.summary, outcome, -1)
                            _count(self.summary, stored, +1)
                self.written = True
            if final:
                store.checkpoint()  # the finished store opens with no log to replay
            else:
                store.defer_checkpoint()  # see Store.defer_checkpoint: per-batch checkpoints cost O(n)
        self.summary.write_seconds += time.perf_counter() - started


def _count(summary: IngestSummary, outcome: Outcome, step: int) -> None:
    setattr(summary, outcome.status, getattr(summary, outcome.status) + step)
    entry = (outcome.path, outcome.status, outcome.error)
    if outcome.status != "ok":
        summary.failures.append(entry) if step > 0 else summary.failures.remove(entry)
    elif (outcome.rows.get("documents") or [{}])[0].get("n_fail"):
        summary.failing_checks += step


def _recorded(outcome: Outcome, error: str) -> Outcome:
    from tieout.store.rows import failure_rows, one_line

    error = one_line(error)
    rows = failure_rows(outcome.path, outcome.doc_id, error, "error", size=outcome.size,
                        seconds=outcome.seconds)
    return Outcome(outcome.path, outcome.doc_id, "error", error, outcome.size, outcome.seconds,
                   rows, outcome.peak_rss)


def _store_or_record(store, outcome: Outcome, mtime_ns: int | None, settings: IngestSettings,
                     rows: dict | None = None) -> Outcome:
    """Store one outcome; rows the store refuses become an 'error' row saying why (never a stop)."""
    try:
        store.write_rows(rows if rows is not None else _prepared_rows(outcome, settings),
                         path=outcome.path, mtime_ns=mtime_ns)
        return outcome
    except Exception as exc:  # noqa: BLE001 - one document's odd rows must not end the batch
        recorded = _recorded(outcome, f"could not store the rows: {type(exc).__name__}: {exc}")
        store.write_rows(recorded.rows, path=outcome.path, mtime_ns=mtime_ns)
        return recorded


def _prepared_rows(outcome: Outcome, settings: IngestSettings, to_store: bool = True) -> dict[str, list[dict]]:
    """The rows to store; writes or reads back the Parquet partitions as the mode requires."""
    from tieout.batch.partitions import read_partitions, write_partitions

    rows = outcome.rows
    if outcome.partitioned:  # the worker wrote them
        return read_partitions(settings.parquet, outcome.doc_id) if to_store else rows
    if settings.parquet:
        write_partitions(rows, settings.parquet)  # inline runs, and failures the parent made up
    return rows
