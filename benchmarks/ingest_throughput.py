"""Ingest throughput: documents/s and MB/s for the process pool and a Dask LocalCluster.

Replicates the corpus to ``--docs`` files in a temporary folder (each copy
gets a one-line trailer so content hashes differ and nothing is skipped),
then ingests the set into a fresh DuckDB store once per configuration and
prints a table: documents/s, MB/s, time spent in the single writer, peak
resident memory per worker process (psutil, sampled every 0.2 s; for Dask the
largest of nanny and worker) and of the parent, and CPU seconds per document
(workers' and parent's user+system time, which does not depend on how busy
the machine is).

    .venv/bin/python benchmarks/ingest_throughput.py                 # 2,000 docs
    .venv/bin/python benchmarks/ingest_throughput.py --docs 200 --workers 1 2 --modes pool dask

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
    """``n`` files cycling through the corpus, each with its own trailer; returns (files, bytes)."""
    sources = sorted(corpus.rglob("*.txt"))
    if not sources:
        raise SystemExit(f"no corpus at {corpus}")
    total = 0
    for i in range(n):
        source = sources[i % len(sources)]
        data = source.read_bytes() + f"\n[tieout benchmark copy {i}]\n".encode()
        target = folder / f"{i // 500:03d}" / f"{i:05d}-{source.name}"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        total += len(data)
    return n, total


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


def run_one(mode: str, workers: int, folder: Path, work: Path, timeout: float) -> dict:
    from tieout.batch import IngestSettings, ingest

    db = work / f"{mode}-{workers}.duckdb"
    parquet = work / f"{mode}-{workers}.parquet"
    cluster = None
    if mode == "dask":
        from distributed import LocalCluster

        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        settings = IngestSettings(scheduler=cluster.scheduler_address, parquet=str(parquet),
                                  timeout=timeout)
    else:
        settings = IngestSettings(workers=workers, timeout=timeout)
    try:
        with MemorySampler() as memory:
            start = time.perf_counter()
            own = psutil.Process().cpu_times()
            summary = ingest([str(folder)], db, settings)
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
        "cpu_per_doc": (sum(memory.child_cpu.values()) + parent_cpu) / max(summary.done, 1), "db_mb": db.stat().st_size / 1e6,
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--modes", nargs="+", default=["pool", "dask"], choices=["pool", "dask", "inline"])
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="tieout-bench-"))
    try:
        folder = work / "docs"
        n, size = replicate(args.corpus, folder, args.docs)
        print(f"{n} documents, {size / 1e6:.1f} MB, in {folder} "
              f"({psutil.cpu_count()} cores, load {os.getloadavg()[0]:.1f})", flush=True)
        rows = []
        for mode in args.modes:
            for workers in (args.workers if mode != "inline" else [0]):
                row = run_one(mode, workers, folder, work, args.timeout)
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
