"""The background sync of one logged-in session: a timer, one run at a time
on its own thread, and the status the screens show.

Why a QThread of its own and not the shared worker pool (``ui.workers``):
a sync on a slow link can take minutes, and the pool has as many threads as
the PC has cores (two on the facilities' PCs), so a sync there would halve
what every other screen can do in the background. Short reads (the status
counts) still go through ``run_async``.

The schedule is the runner's (``facility_app.sync.runner``): the first run
right after login, then 5 minutes after a success, 2 s doubling to 10 min
(jittered) after each failure. The GUI thread never touches the network and
never counts the outbox itself: it only reads ``runner.due_at``. Nothing is
scheduled while the PC is not enrolled, after a revocation, while the screen
is locked or once the window closed.

``shutdown()`` (window closed: quit, log-out, restore) asks a running sync
to stop after the batch or page in hand and waits for its thread, so the
store is never closed under it and no thread outlives the window.
"""
from __future__ import annotations

import logging
import time

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer, Signal

from ... import logs
from ...services.sync import SyncStatus
from ...sync.engine import Progress, Report
from ...sync.runner import SyncRunner
from ..workers import run_async

STATUS_POLL_MS = 60_000  # another process (facility-admin sync run) may have synced
STATUS_AFTER_CHANGE_MS = 1_500  # a screen saved something: the "waiting" count moves
SHUTDOWN_WAIT_MS = 120_000  # a request in flight ends by its own timeouts (see notes/sync-gui-requests.md)

log = logging.getLogger(logs.LOGGER_NAME)


class _RunThread(QThread):
    """One ``runner.run``; its signals reach the GUI thread queued."""
    sig_progress = Signal(object)

    def __init__(self, runner: SyncRunner, parent: QObject | None = None):
        super().__init__(parent)
        self.runner = runner
        self.report: Report | None = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.report = self.runner.run(self.sig_progress.emit)
        except BaseException as exc:  # a bug, never a sync problem (those are in the report)
            self.error = exc


class SyncHub(QObject):
    """Application-wide news of syncs, for widgets that have no path to the
    session's worker (the record window's sync-state line)."""
    sig_synced = Signal()


_hub: SyncHub | None = None


def hub() -> SyncHub:
    global _hub
    if _hub is None:
        _hub = SyncHub(QCoreApplication.instance())
    return _hub


_workers: dict[int, "SyncWorker"] = {}


def worker_for(session) -> "SyncWorker | None":
    """The running worker of a session (the admin tab tells it about a new enrolment)."""
    return _workers.get(id(session))


class SyncWorker(QObject):
    sig_status = Signal(object)  # SyncStatus, after each read
    sig_started = Signal()
    sig_progress = Signal(object)  # Progress
    sig_finished = Signal(object)  # Report, or None after an unexpected failure

    def __init__(self, session, parent: QObject | None = None, **runner_options):
        super().__init__(parent)
        self.setObjectName("syncWorker")
        self.session = session
        self.runner = SyncRunner(session.services.store, **runner_options)
        self.status: SyncStatus | None = None
        self.report: Report | None = None
        self.progress: Progress | None = None
        self.pages = 0  # pulled pages in the run under way
        self.suspended = False
        self.closed = False
        self.runs = 0  # finished runs (tests wait on it)
        self._thread: _RunThread | None = None
        self._reading = False
        self._read_again = False
        self._timer = QTimer(self, singleShot=True, timeout=self._due)
        self._poll = QTimer(self, interval=STATUS_POLL_MS, timeout=self.refresh_status)
        self._soon = QTimer(self, singleShot=True, interval=STATUS_AFTER_CHANGE_MS, timeout=self.refresh_status)
        session.sig_changes.connect(self._changed)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
        _workers[id(session)] = self
        self._poll.start()

    # --- state -----------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._thread is not None

    @property
    def scheduled_in(self) -> float | None:
        """Seconds until the timer fires; None when no automatic sync is planned."""
        if not self._timer.isActive():
            return None
        return self._timer.remainingTime() / 1000

    def enrolled(self) -> bool:
        return bool(self.status and self.status.enrolled)

    # --- status ------------------------------------------------------------------------

    def refresh_status(self) -> None:
        """Read the counts off the GUI thread; the timer is set again from them."""
        if self.closed:
            return
        if self._reading:
            self._read_again = True
            return
        self._reading = True
        run_async(self.session.services.sync.status, self._status_read, self._status_failed, owner=self)

    def _status_read(self, status: SyncStatus) -> None:
        self._reading = False
        if self.closed:
            return
        self.status = status
        self.sig_status.emit(status)
        if self._read_again:
            self._read_again = False
            self.refresh_status()
            return
        self._schedule()

    def _status_failed(self, exc: BaseException) -> None:
        self._reading = False
        if not self.closed:
            logs.log_unexpected(exc)

    def _changed(self, _changes) -> None:
        if not self.closed:
            self._soon.start()

    # --- schedule ----------------------------------------------------------------------------

    def _schedule(self) -> None:
        self._timer.stop()
        s = self.status
        if self.closed or self.suspended or self.running or s is None or not s.enrolled or s.revoked:
            return
        wait = max(0.0, self.runner.due_at - self.runner.clock())
        self._timer.start(int(min(wait, 24 * 3600) * 1000))

    def _due(self) -> None:
        self.start_run()

    def sync_now(self) -> bool:
        """"Sync now": ignores the schedule. False when nothing was started
        (not enrolled, revoked, locked, closed, or a sync is already running)."""
        s = self.status
        if s is None or not s.enrolled or s.revoked:
            return False
        return self.start_run()

    def enrolment_changed(self) -> None:
        """A new enrolment (admin tab): a fresh schedule, the first sync at once."""
        self.runner.backoff.failures = 0
        self.runner.due_at = self.runner.clock()
        self.refresh_status()

    # --- a run --------------------------------------------------------------------------------

    def start_run(self) -> bool:
        if self.closed or self.suspended or self.running:
            return False
        self._timer.stop()
        self.progress, self.pages = None, 0
        thread = _RunThread(self.runner, self)
        thread.setObjectName("syncRun")
        thread.sig_progress.connect(self._progress)
        thread.finished.connect(self._thread_done)
        self._thread = thread
        thread.start()
        self.sig_started.emit()
        return True

    def _progress(self, progress: Progress) -> None:
        if self.closed:
            return
        if progress.phase == "pull":
            self.pages += 1
        self.progress = progress
        self.sig_progress.emit(progress)

    def _thread_done(self) -> None:
        thread, self._thread = self._thread, None
        if thread is None:
            return
        thread.deleteLater()
        if self.closed:
            return
        report = thread.report
        if thread.error is not None:
            logs.log_unexpected(thread.error)
            self.runner.due_at = self.runner.clock() + self.runner.backoff.failed()  # never a tight loop
        self.report = report
        self.progress = None
        self.runs += 1
        if report is not None and report.pulled:
            self._announce(report)
        self.sig_finished.emit(report)
        hub().sig_synced.emit()
        self.refresh_status()

    def _announce(self, report: Report) -> None:
        """Open screens reload what the other PCs changed."""
        self.session.publish(report.applied.rows.freeze())

    # --- lock, log-out, quit ----------------------------------------------------------------------

    def suspend(self) -> None:
        """The screen locked: no new sync; the one running stops after the batch in hand."""
        self.suspended = True
        self._timer.stop()
        if self.running:
            self.runner.stop()

    def resume(self) -> None:
        self.suspended = False
        if self.report is not None and self.report.waiting:  # a run stopped by the lock: finish it now
            self.runner.due_at = min(self.runner.due_at, self.runner.clock())
        self.refresh_status()

    def shutdown(self) -> None:
        """Stop for good and wait for the sync thread (the store closes next)."""
        if self.closed:
            return
        self.closed = True
        _workers.pop(id(self.session), None)
        for timer in (self._timer, self._poll, self._soon):
            timer.stop()
        thread = self._thread
        if thread is not None:
            self.runner.stop()
            started = time.monotonic()
            if not thread.wait(SHUTDOWN_WAIT_MS):
                log.error("sync thread still running after %.0f s at shutdown", time.monotonic() - started)
        app = QCoreApplication.instance()
        if app is not None:
            try:
                app.aboutToQuit.disconnect(self.shutdown)
            except (RuntimeError, TypeError):
                pass
