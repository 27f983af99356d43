"""What one worker does with one file: read it, run tieout, return store rows.

Runs in a pool process or on a Dask worker, never touches the store: it
returns a plain picklable dict (``Outcome``) that the single writer stores.
Nothing escapes it as an exception: a file that cannot be read, a reader bug
or a document over its time limit becomes a documents row with status
'error' or 'timeout' and one line saying why, so a batch always goes on.
"""

from __future__ import annotations

import hashlib
import signal
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path


class DocumentTimeout(BaseException):
    """Raised inside a worker when a document passes its time limit.

    A BaseException so the loader's per-stage guard (``except Exception``)
    does not swallow it and go on with the next stage.
    """


@dataclass
class Outcome:
    """One file's result: its rows per store table, and what the progress bar needs."""

    path: str
    doc_id: str
    status: str  # "ok" | "error" | "timeout"
    error: str
    size: int
    seconds: float
    rows: dict[str, list[dict]] = field(default_factory=dict)
    peak_rss: int = 0  # bytes, the worker's resident memory after this document
    partitioned: bool = False  # the worker wrote the rows as Parquet partitions; ``rows`` holds
    # only the documents row
    worker_pid: int = 0  # the pool process that read it (0: in this process, or on Dask)


def unreadable_id(path: str) -> str:
    """doc_id of a file whose bytes could not be read: sha256 of 'unreadable:' + path."""
    return hashlib.sha256(f"unreadable:{path}".encode()).hexdigest()


REPEAT_SECONDS = 0.05  # after the deadline, the alarm again every so often until it is heard


@contextmanager
def deadline(seconds: float | None):
    """Raise DocumentTimeout after ``seconds`` of wall time, where signals allow it.

    Signals reach only a process's main thread (a pool worker); on a Dask
    worker thread this does nothing and the client enforces the limit.
    """
    usable = bool(seconds) and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def expire(signum, frame):
        raise DocumentTimeout(f"over the {seconds:g} s time limit")

    previous = signal.signal(signal.SIGALRM, expire)
    # the alarm repeats: an exception raised while a garbage-collector callback or a __del__ runs is
    # printed and dropped by Python, and a single alarm would then be lost
    signal.setitimer(signal.ITIMER_REAL, seconds, REPEAT_SECONDS)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def process_file(path: str, timeout: float | None = None, check: bool = True,
                 data: bytes | None = None) -> Outcome:
    """Read ``path`` (or ``data`` already read from it) into store rows; never raises."""
    import tieout
    from tieout.errors import InputError
    from tieout.store.rows import one_line, report_rows

    start = time.perf_counter()
    if data is None:
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            return _failed(path, unreadable_id(path), f"cannot read file: {exc.strerror or exc}",
                           "error", None, start)
    doc_id = hashlib.sha256(data).hexdigest()
    try:
        with deadline(timeout):
            report = tieout.read(path, data=data, check=check)
            seconds = time.perf_counter() - start
            rows = report_rows(report, seconds=seconds, version=tieout.__version__)
    except DocumentTimeout as exc:
        return _failed(path, doc_id, str(exc), "timeout", len(data), start)
    except InputError as exc:
        return _failed(path, doc_id, str(exc), "error", len(data), start)
    except RecursionError:
        return _failed(path, doc_id, "input too deeply nested to read", "error", len(data), start)
    except Exception as exc:  # noqa: BLE001 - a reader bug must not stop the batch
        return _failed(path, doc_id, f"internal error {type(exc).__name__}: {one_line(str(exc))}",
                       "error", len(data), start)
    rows["documents"][0]["path"] = path
    return Outcome(path, doc_id, "ok", "", len(data), seconds, rows, _peak_rss())


def work_on(path: str, timeout: float | None, check: bool, partition_dir: str | None) -> Outcome:
    """What a pool or Dask worker runs: ``process_file``, and with ``partition_dir`` the rows
    written there as Parquet partitions (only the documents row travels back)."""
    outcome = process_file(path, timeout, check)
    if partition_dir:
        from tieout.batch.partitions import write_partitions

        write_partitions(outcome.rows, partition_dir)
        outcome.rows = {"documents": outcome.rows["documents"]}
        outcome.partitioned = True
    return outcome


def _failed(path: str, doc_id: str, error: str, status: str, size: int | None, start: float) -> Outcome:
    import tieout
    from tieout.store.rows import failure_rows

    seconds = time.perf_counter() - start
    rows = failure_rows(path, doc_id, error, status, size=size, seconds=seconds,
                        version=tieout.__version__)
    return Outcome(path, doc_id, status, rows["documents"][0]["error"], size or 0, seconds, rows,
                   _peak_rss())


def _peak_rss() -> int:
    """The worker's resident memory now (bytes); the ingest keeps the largest seen.

    Not ``ru_maxrss``: Linux carries it across exec, so a spawned worker would
    report its parent's peak.
    """
    try:
        import psutil

        return psutil.Process().memory_info().rss
    except Exception:  # noqa: BLE001 - memory figures are informative only
        return 0
