"""When to try again after a failed sync: 2 s, doubling, up to 10 min, jittered.

The jitter (each wait drawn between 75% and 125% of the step) keeps the PCs
of a province from hammering the server in step after it comes back. A
successful sync resets the schedule. The GUI's timer asks ``next_delay()``
after each failure; a person pressing "Sync now" ignores the schedule.
"""
from __future__ import annotations

import random

FIRST = 2.0
LONGEST = 600.0
REGULAR = 300.0  # between successful syncs while the link is up


def delay(failures: int, rng: random.Random | None = None) -> float:
    """Seconds to wait after ``failures`` consecutive failures (1 = the first)."""
    rng = rng or random
    step = min(LONGEST, FIRST * (2 ** max(0, failures - 1)))
    return max(FIRST, min(LONGEST, step * rng.uniform(0.75, 1.25)))


class Backoff:
    def __init__(self, rng: random.Random | None = None, regular: float = REGULAR):
        self.failures = 0
        self.rng = rng or random.Random()
        self.regular = regular

    def failed(self) -> float:
        self.failures += 1
        return delay(self.failures, self.rng)

    def succeeded(self) -> float:
        self.failures = 0
        return self.regular
