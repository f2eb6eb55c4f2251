"""Run slow work (key derivation, backups, big lists) off the GUI thread.

``run_async(fn, on_done, on_error)`` runs ``fn()`` on Qt's global thread
pool and calls back on the GUI thread. The callbacks travel through a
``_Relay`` QObject created on the GUI thread, so Qt queues them there
whatever thread emits. Services are safe to call from a worker: SQLAlchemy
hands each thread its own pooled connection.
"""
from __future__ import annotations

from typing import Any, Callable

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

_alive: set["_Relay"] = set()  # keeps relays alive until their task reports


class _Relay(QObject):
    sig_done = Signal(object)
    sig_failed = Signal(object)

    def __init__(self, on_done: Callable[[Any], None], on_error: Callable[[BaseException], None],
                 owner: QObject | None):
        super().__init__()
        self._on_done, self._on_error, self._owner = on_done, on_error, owner
        self.sig_done.connect(self._done)
        self.sig_failed.connect(self._failed)

    def _owner_gone(self) -> bool:
        """The screen that asked was closed meanwhile: nobody to tell."""
        return self._owner is not None and not shiboken6.isValid(self._owner)

    @Slot(object)
    def _done(self, result: Any) -> None:
        _alive.discard(self)
        if not self._owner_gone():
            self._on_done(result)

    @Slot(object)
    def _failed(self, exc: BaseException) -> None:
        _alive.discard(self)
        if not self._owner_gone():
            self._on_error(exc)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay):
        super().__init__()
        self._fn, self._relay = fn, relay
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self._fn()
        except BaseException as exc:  # reported on the GUI thread, never lost
            self._relay.sig_failed.emit(exc)
        else:
            self._relay.sig_done.emit(result)


def run_async(fn: Callable[[], Any], on_done: Callable[[Any], None],
              on_error: Callable[[BaseException], None], owner: QObject | None = None) -> None:
    """``owner`` (by default the object ``on_done`` is a method of): if it is
    deleted before the work ends, the result is dropped instead of reaching
    a destroyed widget."""
    if owner is None:
        candidate = getattr(on_done, "__self__", None)
        owner = candidate if isinstance(candidate, QObject) else None
    relay = _Relay(on_done, on_error, owner)
    _alive.add(relay)
    QThreadPool.globalInstance().start(_Task(fn, relay))


def pending() -> int:
    """How many tasks have not reported yet (tests wait for zero)."""
    return len(_alive)
