"""At most N requests a second: the SEC's fair-access limit, kept by the client itself.

Every request (a retry too) first takes a slot from one ``RateLimiter``; slots
are at least ``1 / rate`` seconds apart, so no second ever holds more than
``rate`` request starts, whatever the responses do. Spacing, not bursts: ten
requests a second arrive as one every 100 ms. The clock and the sleep are
parameters so the arithmetic can be tested without waiting.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable


class RateLimiter:
    def __init__(self, rate: float, *, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep):
        if rate <= 0:
            raise ValueError("rate must be above 0")
        self.interval = 1.0 / rate
        self.clock, self.sleep = clock, sleep
        self._next = float("-inf")  # the earliest start of the next request
        self._lock = threading.Lock()

    def acquire(self) -> float:
        """Wait for the next slot; returns the seconds waited."""
        with self._lock:
            now = self.clock()
            wait = self._next - now
            if wait > 0:
                self.sleep(wait)
                now = max(self.clock(), self._next)  # a late wake-up moves the next slot too
            self._next = now + self.interval
            return max(wait, 0.0)

    def hold(self, seconds: float) -> None:
        """No request for ``seconds`` from now (a server's Retry-After applies to every request)."""
        with self._lock:
            self._next = max(self._next, self.clock() + seconds)
