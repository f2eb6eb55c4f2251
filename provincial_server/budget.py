"""A per-token request budget: a token bucket for each bearer token.

Why: one PC stuck in a loop (a bug, a script gone wrong) must not take the
province's server from every other facility. A PC that syncs normally
never notices: a 10,000-change push is about 21 requests, a timer sync 3-4,
and a new PC's first pull of 100,000 records some 200, while the default
bucket holds ``burst`` requests and refills ``per_second``. Over budget:
429 with ``Retry-After`` (seconds until a request fits again); the client's
HTTP retries wait that long by themselves.

Keyed on a hash of the token as sent, before the database is asked who it
is, so a flood of requests with one token costs no query. Kept in memory
per server process (a restart forgets it; several processes each keep
their own). Buckets that are full again are dropped when the table grows,
so random tokens cannot grow it without bound.
"""
from __future__ import annotations

import hashlib
import math
import threading
import time

DEFAULT_BURST = 300
DEFAULT_PER_SECOND = 5.0
_MAX_KEYS = 10_000


class RequestBudget:
    def __init__(self, burst: int = DEFAULT_BURST, per_second: float = DEFAULT_PER_SECOND, clock=time.monotonic):
        if burst < 1 or per_second <= 0:
            raise ValueError("a request budget needs burst >= 1 and a positive refill rate")
        self.burst, self.per_second, self.clock = burst, per_second, clock
        self._buckets: dict[bytes, tuple[float, float]] = {}  # key -> (tokens, at)
        self._lock = threading.Lock()

    def take(self, token: str) -> float:
        """Spend one request of ``token``'s budget: 0 when allowed, else the
        seconds to wait before one fits."""
        key = hashlib.sha256(token.encode("utf-8", "replace")).digest()
        now = self.clock()
        with self._lock:
            tokens, at = self._buckets.get(key, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - at) * self.per_second)
            if tokens >= 1.0:
                self._buckets[key] = (tokens - 1.0, now)
                if len(self._buckets) > _MAX_KEYS:
                    self._prune(now)
                return 0.0
            self._buckets[key] = (tokens, now)
            return (1.0 - tokens) / self.per_second

    def _prune(self, now: float) -> None:
        full = [k for k, (tokens, at) in self._buckets.items()
                if tokens + (now - at) * self.per_second >= self.burst]
        for k in full:
            del self._buckets[k]


def retry_after(seconds: float) -> str:
    return str(max(1, math.ceil(seconds)))
