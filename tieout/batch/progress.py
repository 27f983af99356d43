"""How an ingest shows its progress: a rich bar on a terminal, plain lines elsewhere.

Kept apart from the ingest itself, which only calls ``start(n, bytes)`` and
``outcome(outcome, summary)``: logs and CI get a line every tenth of the way
(or every 30 s), a terminal gets documents, MB/s and failures so far.
"""

from __future__ import annotations

import sys
import time


class PlainProgress:
    def __init__(self, stream=None, every_seconds: float = 30.0):
        self.stream = stream or sys.stderr
        self.every_seconds = every_seconds
        self.total = 0
        self.last = 0.0
        self.step = 1

    def start(self, total: int, total_bytes: int) -> None:
        self.total = total
        self.step = max(1, total // 10)
        self.last = time.monotonic()
        print(f"ingest: {total} files to read ({total_bytes / 1e6:.1f} MB)", file=self.stream, flush=True)

    def outcome(self, outcome, summary) -> None:
        now = time.monotonic()
        if summary.done % self.step == 0 or summary.done == self.total or now - self.last > self.every_seconds:
            self.last = now
            rate = summary.bytes / 1e6 / summary.seconds if summary.seconds else 0.0
            print(f"ingest: {summary.done}/{self.total} documents, {rate:.2f} MB/s, "
                  f"{summary.error + summary.timeout} failed", file=self.stream, flush=True)

    def close(self) -> None:
        pass


class RichProgress:
    def __init__(self, console):
        from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                                   TimeElapsedColumn, TimeRemainingColumn)

        self.progress = Progress(
            TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TextColumn("docs"),
            TextColumn("{task.fields[rate]}"), TextColumn("{task.fields[failed]}"),
            TimeElapsedColumn(), TimeRemainingColumn(), console=console, transient=False,
        )
        self.task = None

    def start(self, total: int, total_bytes: int) -> None:
        self.progress.start()
        self.task = self.progress.add_task("ingest", total=total, rate="0.00 MB/s", failed="0 failed")

    def outcome(self, outcome, summary) -> None:
        rate = summary.bytes / 1e6 / summary.seconds if summary.seconds else 0.0
        failed = summary.error + summary.timeout
        self.progress.update(self.task, completed=summary.done, rate=f"{rate:.2f} MB/s",
                             failed=f"[red]{failed} failed" if failed else "0 failed")

    def close(self) -> None:
        if self.task is not None:
            self.progress.stop()


def make_progress(quiet: bool = False):
    """A rich bar when stderr is a terminal, plain lines otherwise; None when quiet."""
    if quiet:
        return None
    from rich.console import Console

    console = Console(stderr=True)
    return RichProgress(console) if console.is_terminal else PlainProgress()
