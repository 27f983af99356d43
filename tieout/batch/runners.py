"""Where the documents are read: in this process, a local process pool, or a Dask cluster.

Each runner takes the list of paths and yields one ``Outcome`` per path, in
completion order, and never raises for a document. They keep only a small
window of documents in flight (a few per worker), so memory stays flat over
a million files and a document's start time is known for its time limit.

Time limits are enforced twice. The pool worker arms SIGALRM (``deadline``)
and returns a 'timeout' row itself; if a document still has not come back
after the limit plus a grace period (a C extension ignoring signals), the
runner records 'timeout', kills that pool and starts a fresh one for the
rest. On Dask the task runs in a worker thread where signals cannot reach, so
the client records 'timeout' and cancels the task (the thread may run on to
its end; the worker survives).
"""

from __future__ import annotations

import hashlib
import multiprocessing
import time
from collections import deque
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path

from tieout.batch.work import Outcome, _failed, process_file, unreadable_id


@dataclass(frozen=True)
class RunSettings:
    timeout: float | None = 120.0  # seconds per document; None or 0 = no limit
    check: bool = True
    grace: float = 15.0  # the hard limit is timeout + grace
    per_worker: int = 2  # documents in flight per worker
    max_attempts: int = 2  # a document that kills its worker process is retried once


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
        yield process_file(path, settings.timeout, settings.check)


def run_pool(paths: list[str], workers: int, settings: RunSettings = RunSettings()) -> Iterator[Outcome]:
    """A ProcessPoolExecutor of ``workers`` spawned processes."""
    from concurrent.futures.process import BrokenProcessPool

    context = multiprocessing.get_context("spawn")  # no fork: the parent holds DuckDB and threads
    pending = deque(paths)
    attempts: dict[str, int] = {}
    window = max(1, workers * settings.per_worker)
    hard = _hard_limit(settings)
    executor = ProcessPoolExecutor(workers, mp_context=context)
    inflight: dict = {}  # future -> (path, submitted at)
    try:
        while pending or inflight:
            while pending and len(inflight) < window:
                path = pending.popleft()
                attempts[path] = attempts.get(path, 0) + 1
                future = executor.submit(process_file, path, settings.timeout, settings.check)
                inflight[future] = (path, time.monotonic())
            done, _ = wait(list(inflight), timeout=0.5, return_when=FIRST_COMPLETED)
            broken = False
            for future in done:
                path, started = inflight.pop(future)
                try:
                    yield future.result()
                except BrokenProcessPool:
                    broken = True
                    if attempts[path] < settings.max_attempts:
                        pending.appendleft(path)
                    else:
                        yield _lost(path, "error", "worker process died reading this document "
                                    "(out of memory or a crash)", started)
                except Exception as exc:  # noqa: BLE001 - e.g. an unpicklable result
                    yield _lost(path, "error", f"worker failed: {type(exc).__name__}: {exc}", started)
            now = time.monotonic()
            overdue = [f for f, (_, started) in inflight.items() if hard and now - started > hard]
            for future in overdue:
                path, started = inflight.pop(future)
                yield _lost(path, "timeout", f"over the {settings.timeout:g} s time limit "
                            "(worker did not answer; killed)", started)
            if broken or overdue:
                for path, _ in inflight.values():  # their work is lost with the pool
                    attempts[path] -= 1
                    pending.appendleft(path)
                inflight.clear()
                _kill(executor)
                executor = ProcessPoolExecutor(workers, mp_context=context)
    finally:
        _kill(executor) if inflight else executor.shutdown(wait=True, cancel_futures=True)


def _kill(executor: ProcessPoolExecutor) -> None:
    """Stop a pool whose worker may be stuck: kill its own processes, by pid."""
    processes = dict(getattr(executor, "_processes", None) or {})
    for process in processes.values():
        if process.is_alive():
            process.kill()
    executor.shutdown(wait=False, cancel_futures=True)


def dask_task(path: str, timeout: float | None, check: bool, partition_dir: str | None) -> Outcome:
    """One document on a Dask worker; with ``partition_dir`` its rows go to Parquet there
    and only the documents row travels back."""
    outcome = process_file(path, timeout, check)
    if partition_dir:
        from tieout.batch.partitions import write_partitions

        write_partitions(outcome.rows, partition_dir)
        outcome.rows = {"documents": outcome.rows["documents"]}
    return outcome


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
