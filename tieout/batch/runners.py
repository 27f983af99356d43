"""Where the documents are read: in this process, local worker processes, or a Dask cluster.

Each runner takes the list of paths and yields one ``Outcome`` per path, in
completion order, and never raises for a document. They keep only a small
window of documents in flight (a few per worker), so memory stays flat over
a million files and a document's start time is known for its time limit.

The pool is a set of spawned ``multiprocessing`` processes, each with its own
pipe: the parent sends paths (two at a time, so a worker never waits for the
parent while it writes the store) and gets ``Outcome``s back, and it knows
at every moment which worker reads which document since when.

Time limits are enforced twice. The pool worker arms SIGALRM (``deadline``)
and returns a 'timeout' row itself; if a document still has not come back
after the limit plus a grace period (a C extension ignoring signals, a
stopped process), the parent kills that one worker, records 'timeout', hands
the worker's queued documents to the others and starts a fresh worker. A
worker that dies (out of memory, a crash) costs only its current document,
which is tried once more and then recorded as an 'error'. On Dask the task
runs in a worker thread where signals cannot reach, so the client records
'timeout' and cancels the task (the thread may run on to its end; the worker
survives).
"""

from __future__ import annotations

import hashlib
import multiprocessing
import signal
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from multiprocessing.connection import wait as wait_ready
from pathlib import Path

from tieout.batch.work import Outcome, _failed, unreadable_id, work_on


@dataclass(frozen=True)
class RunSettings:
    timeout: float | None = 120.0  # seconds per document; None or 0 = no limit
    check: bool = True
    grace: float = 15.0  # the hard limit is timeout + grace
    per_worker: int = 2  # documents in flight per worker
    max_attempts: int = 2  # a document that kills its worker process is retried once
    partition_dir: str | None = None  # workers write each document's rows as Parquet here


def _hard_limit(settings: RunSettings) -> float | None:
    return settings.timeout + settings.grace if settings.timeout else None


def _doc_id_of(path: str) -> tuple[str, int | None]:
    try:
        data = Path(path).read_bytes()
    except OSError:
        return unreadable_id(path), None
    return hashlib.sha256(data).hexdigest(), len(data)


def _lost(path: str, status: str, error: str, started: float) -> Outcome:
    """The Outcome of a document whose worker never answered."""
    doc_id, size = _doc_id_of(path)
    return _failed(path, doc_id, error, status, size, started)


def run_inline(paths: list[str], settings: RunSettings = RunSettings()) -> Iterator[Outcome]:
    """In this process, one after another (``--workers 0``; debugging and tiny batches)."""
    for path in paths:
        yield work_on(path, settings.timeout, settings.check, settings.partition_dir)


def _worker_main(conn, timeout: float | None, check: bool, partition_dir: str | None) -> None:
    """A pool process: read paths from the pipe, send Outcomes back, until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    import tieout.loader  # noqa: F401 - imports every stage first: start-up is not a document's time

    conn.send(READY)
    while True:
        try:
            path = conn.recv()
        except (EOFError, OSError):  # the parent is gone
            return
        if path is None:
            return
        conn.send(work_on(path, timeout, check, partition_dir))


READY = "ready"
STARTUP_LIMIT = 120.0  # seconds a new worker may take to import tieout and say it is ready


class _Worker:
    """One pool process, its pipe, and the documents sent to it (the first is being read).

    A document's clock starts when the worker is ready (spawning a process and
    importing tieout can take seconds on a busy machine) and it is the first
    in the worker's queue.
    """

    def __init__(self, context, settings: RunSettings):
        self.conn, child = context.Pipe()
        self.process = context.Process(
            target=_worker_main, args=(child, settings.timeout, settings.check, settings.partition_dir),
            daemon=True, name="tieout-worker")
        self.process.start()
        child.close()  # so the worker sees EOF when this end closes, and we see EOF when it dies
        self.queue: deque[str] = deque()
        self.ready = False
        self.since = time.monotonic()  # when the first queued document began (about), or the start

    def send(self, path: str) -> None:
        if not self.queue and self.ready:
            self.since = time.monotonic()
        self.queue.append(path)
        self.conn.send(path)

    def stop(self, kill: bool) -> None:
        if not kill:
            try:
                self.conn.send(None)
            except OSError:
                kill = True
        if kill and self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=None if kill else 10)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


def run_pool(paths: list[str], workers: int, settings: RunSettings = RunSettings()) -> Iterator[Outcome]:
    """``workers`` spawned processes (no fork: the parent holds DuckDB and threads)."""
    context = multiprocessing.get_context("spawn")
    pending = deque(paths)
    attempts: dict[str, int] = {}
    hard = _hard_limit(settings)
    pool = [_Worker(context, settings) for _ in range(max(1, workers))]
    clean = False
    try:
        while pending or any(w.queue for w in pool):
            for worker in pool:
                while pending and len(worker.queue) < max(1, settings.per_worker):
                    path = pending.popleft()
                    attempts[path] = attempts.get(path, 0) + 1
                    worker.send(path)
            busy = [w for w in pool if w.queue]
            wait_ready([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout=0.5)
            results: list[Outcome] = []
            for index, worker in enumerate(pool):
                died = False
                while worker.queue:
                    try:
                        if not worker.conn.poll():
                            break
                        outcome = worker.conn.recv()
                    except (EOFError, OSError):
                        died = True
                        break
                    if outcome == READY:
                        worker.ready, worker.since = True, time.monotonic()
                        continue
                    worker.queue.popleft()
                    worker.since = time.monotonic()
                    outcome.worker_pid = worker.process.pid
                    results.append(outcome)
                if not worker.queue:
                    continue
                died = died or not worker.process.is_alive()
                waited = time.monotonic() - worker.since
                overdue = worker.ready and hard is not None and waited > hard
                died = died or (not worker.ready and waited > STARTUP_LIMIT)  # never came up
                if not (died or overdue):
                    continue
                path = worker.queue.popleft()
                if overdue and not died:
                    results.append(_lost(path, "timeout", f"over the {settings.timeout:g} s time limit "
                                         "(worker did not answer; killed)", worker.since))
                elif attempts[path] < settings.max_attempts:
                    pending.appendleft(path)
                else:
                    results.append(_lost(path, "error", "worker process died reading this document "
                                         "(out of memory or a crash)", worker.since))
                for queued in reversed(worker.queue):  # sent but never started: not an attempt
                    attempts[queued] -= 1
                    pending.appendleft(queued)
                worker.queue.clear()
                worker.stop(kill=True)
                pool[index] = _Worker(context, settings)
            yield from results
        clean = True
    finally:
        for worker in pool:
            worker.stop(kill=not clean)


def dask_task(path: str, timeout: float | None, check: bool, partition_dir: str | None) -> Outcome:
    """One document on a Dask worker; with ``partition_dir`` its rows go to Parquet there
    and only the documents row travels back."""
    return work_on(path, timeout, check, partition_dir)


def run_dask(paths: list[str], client, settings: RunSettings = RunSettings(),
             partition_dir: str | None = None) -> Iterator[Outcome]:
    """One task per document on a dask.distributed cluster (``client``: a distributed.Client).

    Workers read the files by path, so the paths must be visible to them
    (a shared filesystem, or a LocalCluster).
    """
    from distributed import wait as dask_wait

    threads = sum(client.nthreads().values()) or 1
    window = max(1, threads * settings.per_worker)
    pending = deque(paths)
    hard = _hard_limit(settings)
    inflight: dict = {}
    try:
        while pending or inflight:
            while pending and len(inflight) < window:
                path = pending.popleft()
                future = client.submit(dask_task, path, settings.timeout, settings.check,
                                       partition_dir, pure=False,
                                       key=f"tieout-{hashlib.sha1(path.encode()).hexdigest()}-{time.time_ns()}")
                inflight[future] = (path, time.monotonic())
            try:
                done = dask_wait(list(inflight), timeout=0.5, return_when="FIRST_COMPLETED").done
            except TimeoutError:
                done = set()
            for future in done:
                path, started = inflight.pop(future)
                try:
                    yield future.result()
                except Exception as exc:  # noqa: BLE001 - KilledWorker, lost data
                    yield _lost(path, "error", f"dask task failed: {type(exc).__name__}: {exc}", started)
            now = time.monotonic()
            for future in [f for f, (_, s) in inflight.items() if hard and now - s > hard]:
                path, started = inflight.pop(future)
                future.cancel()
                yield _lost(path, "timeout", f"over the {settings.timeout:g} s time limit "
                            "(task cancelled)", started)
    finally:
        for future in inflight:
            future.cancel()
