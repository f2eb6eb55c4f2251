"""What the GUI's background worker needs, without Qt: when to sync next,
one sync at a time, and a status a nurse can read.

The GUI keeps one ``SyncRunner`` per open store. Its timer asks
``seconds_until_due()``; when due (or when a person presses "Sync now") a
worker thread calls ``run(progress)``, which never raises for a sync
problem: the report says what happened and the schedule moves on -
5 minutes after a success, 2 s doubling to 10 min (jittered) after each
failure, and nothing automatic after a revocation (a person must enrol
again). ``status()`` is the services' ``SyncStatus`` (counts and times, no
patient data), safe to show in the status bar.
"""
from __future__ import annotations

import threading
import time
from typing import Callable

from ..services.sync import SyncService, SyncStatus
from ..storage.store import Store
from .backoff import Backoff
from .engine import Progress, Report, sync_once


class SyncRunner:
    def __init__(self, store: Store, *, backoff: Backoff | None = None, clock: Callable[[], float] = time.monotonic,
                 **options):
        self.store = store
        self.backoff = backoff or Backoff()
        self.clock = clock
        self.options = options
        self.due_at = clock()  # the first sync right away
        self.last_report: Report | None = None
        self.running = threading.Event()
        self._stop = threading.Event()

    def status(self) -> SyncStatus:
        return SyncService(self.store).status()

    def seconds_until_due(self) -> float | None:
        """None: no automatic sync (not enrolled, revoked, or one is running)."""
        if self.running.is_set():
            return None
        s = self.status()
        if not s.enrolled or s.revoked:
            return None
        return max(0.0, self.due_at - self.clock())

    def run(self, progress: Callable[[Progress], None] | None = None) -> Report:
        """One sync now (from a worker thread). Reschedules the next one."""
        self.running.set()
        self._stop.clear()
        try:
            report = sync_once(self.store, progress, should_stop=self._stop.is_set, **self.options)
        finally:
            self.running.clear()
        self.last_report = report
        wait = self.backoff.succeeded() if report.error is None else self.backoff.failed()
        self.due_at = self.clock() + wait
        return report

    def stop(self) -> None:
        """Ask a running sync to stop after the batch or page in hand (on quit)."""
        self._stop.set()
