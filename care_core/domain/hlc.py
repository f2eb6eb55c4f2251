"""Hybrid logical clock: orders edits across PCs whose wall clocks are wrong.

A stamp is (wall milliseconds, counter, device) and sorts as a fixed-width
string, so the later edit wins even when a PC's clock runs behind.
"""
from __future__ import annotations

import time
from dataclasses import dataclass

MAX_DRIFT_MS = 5 * 60 * 1000  # a remote clock further ahead is flagged


@dataclass(frozen=True, order=True)
class Stamp:
    wall_ms: int
    counter: int
    device: str

    def encode(self) -> str:
        return f"{self.wall_ms:015d}-{self.counter:05d}-{self.device}"

    @staticmethod
    def decode(text: str) -> "Stamp":
        wall, counter, device = text.split("-", 2)
        return Stamp(int(wall), int(counter), device)


class Clock:
    def __init__(self, device: str, last: Stamp | None = None, now_ms=lambda: time.time_ns() // 1_000_000):
        self.device = device
        self._last = last or Stamp(0, 0, device)
        self._now = now_ms

    @property
    def last(self) -> Stamp:
        return self._last

    def tick(self) -> Stamp:
        wall = max(self._now(), self._last.wall_ms)
        counter = self._last.counter + 1 if wall == self._last.wall_ms else 0
        self._last = Stamp(wall, counter, self.device)
        return self._last

    def observe(self, remote: Stamp) -> bool:
        """Merge a received stamp; False when it is implausibly far ahead."""
        now = self._now()
        if remote.wall_ms - now > MAX_DRIFT_MS:
            return False
        wall = max(now, self._last.wall_ms, remote.wall_ms)
        if wall == self._last.wall_ms == remote.wall_ms:
            counter = max(self._last.counter, remote.counter) + 1
        elif wall == self._last.wall_ms:
            counter = self._last.counter + 1
        elif wall == remote.wall_ms:
            counter = remote.counter + 1
        else:
            counter = 0
        self._last = Stamp(wall, counter, self.device)
        return True
