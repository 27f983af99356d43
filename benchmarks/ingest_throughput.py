"""Ingest throughput: documents/s and MB/s for the process pool and a Dask LocalCluster.

Replicates the corpus to ``--docs`` files in one folder (each copy gets a
one-line trailer so content hashes differ and nothing is skipped; the folder
is made once and reused by every configuration, and kept with ``--keep DIR``),
then ingests the set into a fresh DuckDB store once per configuration and
prints a table: documents/s, MB/s, time spent in the single writer, peak
resident memory per worker process (psutil, sampled every 0.2 s; for Dask the
largest of nanny and worker) and of the parent, and CPU seconds per document
(workers' and parent's user+system time, which does not depend on how busy
the machine is).

Before that it reads one pass of the corpus in this process twice, extract
only and extract + check, and prints the CPU seconds per document and per MB
of each: the reader's own cost, apart from any batch machinery.

Modes: ``pool`` and ``dask`` write one DuckDB store (Dask workers through
Parquet partitions); ``parquet`` is the pool writing Parquet partitions only
(no ``--db``: no single writer).

    .venv/bin/python benchmarks/ingest_throughput.py                 # 2,000 docs, pool and dask, 1 and 2
    .venv/bin/python benchmarks/ingest_throughput.py --no-check      # the reader alone (no relations/checks)
    .venv/bin/python benchmarks/ingest_throughput.py --docs 200 --workers 2 --modes pool parquet

The figures and what they mean for a full archive are in docs/scale.md.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus"


def replicate(corpus: Path, folder: Path, n: int) -> tuple[int, int]:
    """``n`` files cycling through the corpus, each with its own trailer; returns (files, bytes).

    A folder already holding these copies (``--keep``) is reused as it is.
    """
    sources = sorted(corpus.rglob("*.txt"))
    if not sources:
        raise SystemExit(f"no corpus at {corpus}")
    contents = [s.read_bytes() for s in sources]
    total = 0
    for i in range(n):
        k = i % len(sources)
        data = contents[k] + f"\n[tieout benchmark copy {i}]\n".encode()
        target = folder / f"{i // 500:03d}" / f"{i:05d}-{sources[k].name}"
        if not (target.exists() and target.stat().st_size == len(data)):
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        total += len(data)
    return n, total


def reader_cost(corpus: Path) -> list[tuple[str, float, float, int]]:
    """(what, CPU s/doc, CPU s/MB, docs) of one pass of the corpus in this process."""
    from tieout.batch.work import process_file

    sources = sorted(corpus.rglob("*.txt"))
    size = sum(s.stat().st_size for s in sources)
    process_file(str(sources[0]), None, True)  # imports, caches
    result = []
    for what, check in (("extract only", False), ("extract + check", True)):
        start = time.process_time()
        for source in sources:
            process_file(str(source), None, check)
        cpu = time.process_time() - start
        result.append((what, cpu / len(sources), cpu / (size / 1e6), len(sources)))
    return result


class MemorySampler:
    """The peak RSS of this process and of each descendant, sampled in a thread."""

    def __init__(self, interval: float = 0.2):
        self.interval = interval
        self.parent_peak = 0
        self.child_peak = 0
        self.child_cpu: dict[int, float] = {}  # pid -> user+system seconds last seen
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        me = psutil.Process()
        while not self._stop.is_set():
            try:
                self.parent_peak = max(self.parent_peak, me.memory_info().rss)
                for child in me.children(recursive=True):
                    try:
                        self.child_peak = max(self.child_peak, child.memory_info().rss)
                        times = child.cpu_times()
                        self.child_cpu[child.pid] = times.user + times.system
                    except psutil.Error:
                        pass
            except psutil.Error:
                pass
            self._stop.wait(self.interval)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


def run_one(mode: str, workers: int, folder: Path, work: Path, timeout: float, check: bool) -> dict:
    from tieout.batch import IngestSettings, ingest

    db = work / f"{mode}-{workers}.duckdb"
    parquet = work / f"{mode}-{workers}.parquet"
    for old in (db, Path(f"{db}.wal")):
        old.unlink(missing_ok=True)
    shutil.rmtree(parquet, ignore_errors=True)
    cluster = None
    if mode == "dask":
        from distributed import LocalCluster

        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        settings = IngestSettings(scheduler=cluster.scheduler_address, parquet=str(parquet),
                                  timeout=timeout, check=check)
    elif mode == "parquet":
        settings = IngestSettings(workers=workers, timeout=timeout, check=check, parquet=str(parquet))
    else:
        settings = IngestSettings(workers=workers, timeout=timeout, check=check)
    try:
        with MemorySampler() as memory:
            start = time.perf_counter()
            own = psutil.Process().cpu_times()
            summary = ingest([str(folder)], None if mode == "parquet" else db, settings)
            seconds = time.perf_counter() - start
            after = psutil.Process().cpu_times()
        parent_cpu = after.user + after.system - own.user - own.system
    finally:
        if cluster is not None:
            cluster.close()
    return {
        "mode": mode, "workers": workers, "docs": summary.done, "ok": summary.ok,
        "failed": summary.error + summary.timeout, "seconds": seconds,
        "docs_s": summary.done / seconds, "mb_s": summary.bytes / 1e6 / seconds,
        "write_s": summary.write_seconds, "worker_mb": (memory.child_peak or summary.peak_worker_rss) / 1e6,
        "parent_mb": memory.parent_peak / 1e6,
        "cpu_per_doc": (sum(memory.child_cpu.values()) + parent_cpu) / max(summary.done, 1),
        "db_mb": (db.stat().st_size if db.exists() else _folder_size(parquet)) / 1e6,
    }


def _folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--modes", nargs="+", default=["pool", "dask"],
                        choices=["pool", "dask", "parquet", "inline"])
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("--no-check", action="store_true", help="extract only: no relations, claims, checks")
    parser.add_argument("--no-reader-cost", action="store_true", help="skip the one-pass reader cost")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="make (or reuse) the copies here and keep them")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args(argv)

    if not args.no_reader_cost:
        print(f"reader, one pass of the corpus in this process (load {os.getloadavg()[0]:.1f}):")
        for what, per_doc, per_mb, docs in reader_cost(args.corpus):
            print(f"  {what:16s} {per_doc:.3f} CPU s/doc, {per_mb:.2f} CPU s/MB ({docs} docs)", flush=True)
    work = Path(tempfile.mkdtemp(prefix="tieout-bench-"))
    try:
        folder = args.keep or work / "docs"
        started = time.perf_counter()
        n, size = replicate(args.corpus, folder, args.docs)
        print(f"{n} documents, {size / 1e6:.1f} MB, in {folder} (made in {time.perf_counter() - started:.1f} s; "
              f"{psutil.cpu_count()} cores, load {os.getloadavg()[0]:.1f}; "
              f"{'extract only' if args.no_check else 'extract + check'})", flush=True)
        rows = []
        for mode in args.modes:
            for workers in (args.workers if mode != "inline" else [0]):
                row = run_one(mode, workers, folder, work, args.timeout, not args.no_check)
                rows.append(row)
                print(f"  {mode} x{workers}: {row['docs_s']:.2f} docs/s, {row['mb_s']:.3f} MB/s "
                      f"(load {os.getloadavg()[0]:.1f})", flush=True)
        print()
        header = ("mode", "workers", "docs", "failed", "seconds", "docs/s", "MB/s", "CPU s/doc", "writer s",
                  "peak MB/worker", "parent MB", "db MB")
        print("| " + " | ".join(header) + " |")
        print("|" + "---|" * len(header))
        for r in rows:
            print(f"| {r['mode']} | {r['workers']} | {r['docs']} | {r['failed']} | {r['seconds']:.1f} | "
                  f"{r['docs_s']:.2f} | {r['mb_s']:.3f} | {r['cpu_per_doc']:.2f} | {r['write_s']:.1f} | {r['worker_mb']:.0f} | "
                  f"{r['parent_mb']:.0f} | {r['db_mb']:.1f} |")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
