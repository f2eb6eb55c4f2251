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

Python's cycle collector runs on whichever thread happens to allocate when
its counters overflow, and it frees whatever unreachable cycles it finds:
a window's Python side in a cycle would then be destroyed by a worker
reading the roster, and Qt objects must die on their own thread (a
segfault seen once). So once workers exist, automatic collection is off
and the hub collects on the GUI thread a few times a second, by the same
counters and generations Python would use. For the same reason a worker
keeps no last reference to anything: the task, its result or exception
stay in this module's tables, which only the GUI thread empties.
"""
from __future__ import annotations

import gc
import itertools
import time
from typing import Any, Callable

import shiboken6
from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal, Slot

# task id -> (work, on_done, on_error, owner), until reported on the GUI thread
_pending: dict[int, tuple[Callable[[], Any], Callable[[Any], None], Callable[[BaseException], None],
                          QObject | None]] = {}
_results: dict[int, tuple[bool, object]] = {}  # task id -> (succeeded, result or exception)
_ids = itertools.count(1)
COLLECT_EVERY_MS = 250  # how often the GUI thread looks at the collector's counters


class _Hub(QObject):
    sig_report = Signal(int)  # task id: its outcome waits in _results

    def __init__(self):
        super().__init__()
        self.sig_report.connect(self._report)
        gc.disable()  # no collection on a worker thread: see the module's notes
        self._collector = QTimer(self)
        self._collector.setInterval(COLLECT_EVERY_MS)
        self._collector.timeout.connect(collect_garbage)
        self._collector.start()

    @Slot(int)
    def _report(self, task_id: int) -> None:
        ok, payload = _results.pop(task_id, (False, None))
        entry = _pending.pop(task_id, None)
        if entry is None:
            return
        _fn, on_done, on_error, owner = entry
        if owner is not None and not shiboken6.isValid(owner):
            return  # the screen that asked was closed meanwhile: nobody to tell
        (on_done if ok else on_error)(payload)


_FULL_EVERY_S = 10.0  # the oldest generation is looked at no more often than this
_THAW_EVERY_S = 300.0  # and the whole heap, frozen objects too, this seldom
_last_full = float("-inf")
_last_thaw = time.monotonic()


def collect_garbage() -> None:
    """What Python's automatic collection would do now, on the calling
    (GUI) thread: the youngest generation whose counter overflowed, and the
    younger ones.

    Where Python would walk the whole heap (the oldest generation), the
    survivors are frozen instead (``gc.freeze``) after the young ones are
    collected: with 10,000 residents listed a whole-heap pass costs about
    0.1 s, a pause a nurse feels in the middle of a keystroke or a record
    opening, and what lives that long (the list, the windows) mostly stays.
    Every ``_THAW_EVERY_S`` the frozen objects are let go of and the whole
    heap is collected once, so a cycle that died old (a closed record tab)
    is freed within minutes."""
    global _last_full, _last_thaw
    counts, limits = gc.get_count(), gc.get_threshold()
    if counts[0] <= limits[0]:
        return
    now = time.monotonic()
    if counts[2] > limits[2] and now - _last_full >= _FULL_EVERY_S:
        _last_full = now
        if now - _last_thaw >= _THAW_EVERY_S:
            _last_thaw = now
            gc.unfreeze()
            gc.collect(2)
        else:
            gc.collect(1)
        gc.freeze()
        return
    gc.collect(1 if counts[1] > limits[1] else 0)


def hub() -> _Hub:
    """The results' hub, made on the first call (from the GUI thread)."""
    global _hub
    if _hub is None:
        _hub = _Hub()
    return _hub


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


def _work(task_id: int, hub: _Hub) -> Callable[[], None]:
    """The runnable: it holds the task's id only, and lets go of the work
    and its outcome before reporting, so their last references are dropped
    on the GUI thread (a widget the work captured dies there)."""
    def run() -> None:
        work = _pending[task_id][0]
        try:
            outcome = (True, work())
        except BaseException as exc:  # reported on the GUI thread, never lost
            outcome = (False, exc)
        work = None
        _results[task_id] = outcome
        outcome = None
        try:
            hub.sig_report.emit(task_id)
        except RuntimeError:  # the program is closing: nobody left to tell
            pass
    return run


def run_async(fn: Callable[[], Any], on_done: Callable[[Any], None],
              on_error: Callable[[BaseException], None], owner: QObject | None = None) -> None:
    """Call from the GUI thread. ``owner`` (by default the object ``on_done``
    is a method of): if it is deleted before the work ends, the result is
    dropped instead of reaching a destroyed widget."""
    reporter = hub()
    if owner is None:
        candidate = getattr(on_done, "__self__", None)
        owner = candidate if isinstance(candidate, QObject) else None
    task_id = next(_ids)
    _pending[task_id] = (fn, on_done, on_error, owner)
    pool().start(_work(task_id, reporter))


def pending() -> int:
    """How many tasks have not reported yet (tests wait for zero)."""
    return len(_pending)
