"""Run slow work (key derivation, backups, big lists) off the GUI thread.

``run_async(fn, on_done, on_error)`` runs ``fn()`` on Qt's global thread
pool and calls back on the GUI thread. The callbacks travel through a
``_Relay`` QObject created on the GUI thread, so Qt queues them there
whatever thread emits. Services are safe to call from a worker: SQLAlchemy
hands each thread its own pooled connection.
"""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

_alive: set["_Relay"] = set()  # keeps relays alive until their task reports


class _Relay(QObject):
    sig_done = Signal(object)
    sig_failed = Signal(object)

    def __init__(self, on_done: Callable[[Any], None], on_error: Callable[[BaseException], None]):
        super().__init__()
        self._on_done, self._on_error = on_done, on_error
        self.sig_done.connect(self._done)
        self.sig_failed.connect(self._failed)

    @Slot(object)
    def _done(self, result: Any) -> None:
        _alive.discard(self)
        self._on_done(result)

    @Slot(object)
    def _failed(self, exc: BaseException) -> None:
        _alive.discard(self)
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
              on_error: Callable[[BaseException], None]) -> None:
    relay = _Relay(on_done, on_error)
    _alive.add(relay)
    QThreadPool.globalInstance().start(_Task(fn, relay))


def pending() -> int:
    """How many tasks have not reported yet (tests wait for zero)."""
    return len(_alive)
