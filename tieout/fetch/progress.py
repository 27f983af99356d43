"""How a fetch shows its progress on stderr: a rich bar on a terminal, plain lines elsewhere.

Files done of the total, bytes received and the rate; a failure is one line the
moment it happens (the bar stays below it), so a long run can be watched and a
log can be grepped. The run itself only calls the ``tieout.fetch.run.Progress``
methods.
"""

from __future__ import annotations

import sys
import time

from tieout.fetch.run import Progress, plural, transfer


class PlainProgress(Progress):
    def __init__(self, stream=None, every_seconds: float = 30.0):
        self.stream = stream or sys.stderr
        self.every_seconds = every_seconds
        self.total = self.count = self.failures = self.received = 0
        self.started = self.last = time.monotonic()
        self.step = 1

    def _print(self, text: str) -> None:
        print(text, file=self.stream, flush=True)

    def note(self, message: str) -> None:
        self._print(f"fetch: {message}")

    def failed(self, what: str, message: str) -> None:
        self.failures += 1
        self._print(f"tieout fetch: {what}: {message}")

    def start(self, total: int) -> None:
        self.total, self.step = total, max(1, total // 10)
        self.started = self.last = time.monotonic()
        self._print(f"fetch: {plural(total, 'filing')} to get")

    def bytes(self, n: int) -> None:
        self.received += n

    def done(self, filing, result) -> None:
        self.count += 1
        now = time.monotonic()
        if self.count % self.step == 0 or self.count == self.total or now - self.last > self.every_seconds:
            self.last = now
            self._print(f"fetch: {self.count}/{self.total} filings, {_rate(self.received, now - self.started)}, "
                        f"{self.failures} failed")


class RichProgress(Progress):
    def __init__(self, console):
        from rich.progress import BarColumn, MofNCompleteColumn, Progress as Bar, TextColumn, TimeElapsedColumn

        self.console = console
        self.bar = Bar(TextColumn("[bold]fetch"), BarColumn(), MofNCompleteColumn(), TextColumn("files"),
                       TextColumn("{task.fields[rate]}"), TextColumn("{task.fields[failed]}"),
                       TimeElapsedColumn(), console=console, transient=False)
        self.task = None
        self.failures = self.received = 0
        self.started = time.monotonic()

    def note(self, message: str) -> None:
        self.console.print(f"fetch: {message}", highlight=False, markup=False)

    def failed(self, what: str, message: str) -> None:
        self.failures += 1
        self.console.print(f"tieout fetch: {what}: {message}", style="red", highlight=False, markup=False)
        self._update()

    def start(self, total: int) -> None:
        self.started = time.monotonic()
        self.bar.start()
        self.task = self.bar.add_task("fetch", total=total, rate=_rate(0, 0), failed="0 failed")

    def bytes(self, n: int) -> None:
        self.received += n
        self._update()

    def done(self, filing, result) -> None:
        if self.task is not None:
            self.bar.advance(self.task)
        self._update()

    def _update(self) -> None:
        if self.task is not None:
            self.bar.update(self.task, rate=_rate(self.received, time.monotonic() - self.started),
                            failed=f"[red]{self.failures} failed" if self.failures else "0 failed")

    def close(self) -> None:
        if self.task is not None:
            self.bar.stop()


def _rate(received: int, seconds: float) -> str:
    return transfer(received, seconds)


def make_progress(quiet: bool = False, stream=None) -> Progress:
    """A rich bar when stderr is a terminal, plain lines otherwise; failures only when quiet."""
    if quiet:
        return QuietProgress(stream)
    from rich.console import Console

    console = Console(stderr=True)
    return RichProgress(console) if console.is_terminal and stream is None else PlainProgress(stream)


class QuietProgress(PlainProgress):
    """Only the failure lines (each still one line on stderr)."""

    def note(self, message: str) -> None:
        pass

    def start(self, total: int) -> None:
        pass

    def done(self, filing, result) -> None:
        pass
