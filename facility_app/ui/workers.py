"""Run slow work (key derivation, backups, big lists) off the GUI thread.

``run_async(fn, on_done, on_error)`` runs ``fn()`` on the shell's thread
pool and calls back on the GUI thread. Services are safe to call from a
worker: SQLAlchemy hands each thread its own pooled connection.

How, and why this way: the pool gets a plain Python callable (Qt wraps it
in a runnable it owns and frees itself), and every result comes back
through one long-lived ``_Hub`` QObject made on the GUI thread, whose
signal Qt therefore queues to the GUI thread. No QObject or QRunnable is
made per task, so none can be freed twice or from the wrong thread (both
crashed the test suite now and then when they were).
"""
from __future__ import annotations

import itertools
from typing import Any, Callable

import shiboken6
from PySide6.QtCore import QObject, QThreadPool, Signal, Slot

_pending: dict[int, tuple[Callable[[Any], None], Callable[[BaseException], None], QObject | None]] = {}
_ids = itertools.count(1)


class _Hub(QObject):
    sig_report = Signal(int, bool, object)  # task id, succeeded, result or exception

    def __init__(self):
        super().__init__()
        self.sig_report.connect(self._report)

    @Slot(int, bool, object)
    def _report(self, task_id: int, ok: bool, payload: object) -> None:
        entry = _pending.pop(task_id, None)
        if entry is None:
            return
        on_done, on_error, owner = entry
        if owner is not None and not shiboken6.isValid(owner):
            return  # the screen that asked was closed meanwhile: nobody to tell
        (on_done if ok else on_error)(payload)


_hub: _Hub | None = None
_pool: QThreadPool | None = None
# The work is mostly waiting on SQLite (which lets go of the GIL): more
# threads than cores, so one slow read cannot hold the list's start-up.
POOL_THREADS = 6


def pool() -> QThreadPool:
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(POOL_THREADS)
    return _pool


def _work(fn: Callable[[], Any], task_id: int, hub: _Hub) -> Callable[[], None]:
    def run() -> None:
        try:
            result = fn()
        except BaseException as exc:  # reported on the GUI thread, never lost
            ok, payload = False, exc
        else:
            ok, payload = True, result
        try:
            hub.sig_report.emit(task_id, ok, payload)
        except RuntimeError:  # the program is closing: nobody left to tell
            pass
    return run


def run_async(fn: Callable[[], Any], on_done: Callable[[Any], None],
              on_error: Callable[[BaseException], None], owner: QObject | None = None) -> None:
    """Call from the GUI thread. ``owner`` (by default the object ``on_done``
    is a method of): if it is deleted before the work ends, the result is
    dropped instead of reaching a destroyed widget."""
    global _hub
    if _hub is None:
        _hub = _Hub()
    if owner is None:
        candidate = getattr(on_done, "__self__", None)
        owner = candidate if isinstance(candidate, QObject) else None
    task_id = next(_ids)
    _pending[task_id] = (on_done, on_error, owner)
    pool().start(_work(fn, task_id, _hub))


def pending() -> int:
    """How many tasks have not reported yet (tests wait for zero)."""
    return len(_pending)
